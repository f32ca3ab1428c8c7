"""The demo's pairwise round, Hackney play streets: residents compared its needs two at a time on their
phones, and on paper at the market stall, where each paper prints its own pairs and is keyed one key per
pair by two operators; one dispute is settled by a supervisor, and two papers drawn from a published seed
are checked against the box. The published results count both channels by Bradley-Terry."""
from itertools import combinations

from flask import current_app

from app.accounts.current import grant
from app.demo.paper import key_twice, sample_audit, staff_user
from app.ballots.keys import imported_voter_key, new_receipt
from app.ballots.tally import counted_needs
from app.extensions import db
from app.models import Ballot, PaperBatch, Role, Round
from app.paper import marks, services
from app.paper.reconcile import Account
from app.voting.ballot_content import PairwiseBallot

ROUND = "hackney-play-2026"
SEED = "2 7 1 8 2 8"
OPERATORS = ("hackney-operator-1@demo.commonground.test", "hackney-operator-2@demo.commonground.test")
SUPERVISOR = "hackney-supervisor@demo.commonground.test"
# A resident's answers: the needs they compared, as positions in the round's needs, most wanted first (a
# pair with a need left out is not answered), and the pairs they could not decide.
# (order, how many residents answered so on their phones, undecided pairs)
PHONE = [((0, 1, 3, 2), 4, ()), ((1, 0, 2, 3), 3, ()), ((0, 3, 1, 2), 2, ((1, 3),)), ((3, 0), 1, ()),
         ((1, 2, 0), 1, ())]
# (name, site, issued, returned, spoilt at the desk, unused, one (order, undecided) per paper returned,
# the paper the second operator keyed differently (index))
BATCH = ("Ridley Road market stall", "Ridley Road Market, Dalston", 6, 5, 0, 1,
         [((0, 1, 2, 3), ()), ((1, 3, 0, 2), ()), ((0, 2, 1, 3), ((1, 2),)), ((2, 0), ()), ((0, 1, 3, 2), ())], 4)


def load() -> list[str]:
    round_ = db.session.scalar(db.select(Round).filter_by(slug=ROUND))
    if round_ is None or db.session.scalar(db.select(Ballot.id).filter_by(round_id=round_.id)) \
            or db.session.scalar(db.select(PaperBatch.id).filter_by(round_id=round_.id)):
        return []
    needs = [need.id for need in counted_needs(round_)]
    _phones(round_, needs)
    _paper(round_, needs)
    return [f"{ROUND}: pairwise answers from phones and paper, counted by Bradley-Terry (/rounds/{ROUND}/results, "
            f"/rounds/{ROUND}/paper/report)"]


def _ballot(needs: list[int], order: tuple, undecided: tuple) -> PairwiseBallot:
    """One resident's answers: each pair of the needs in `order` won by the one named first, and None
    ("I can't decide") for the undecided pairs."""
    ballot = PairwiseBallot()
    for a, b in combinations(order, 2):
        ballot = ballot.with_answer(needs[a], needs[b], needs[a])
    for a, b in undecided:
        ballot = ballot.with_answer(needs[a], needs[b], None)
    return ballot


def _phones(round_: Round, needs: list[int]) -> None:
    """Stored as residents' ballots are: keyed, with receipts, apart from the register."""
    secret, voter = current_app.config["SECRET_KEY"], 0
    for order, count, undecided in PHONE:
        ballot = _ballot(needs, order, undecided)
        for _ in range(count):
            db.session.add(Ballot(round_id=round_.id, voter_key=imported_voter_key(secret, round_.id, voter),
                                  receipt=new_receipt(), content=ballot.to_json()))
            voter += 1
    db.session.flush()


def _paper(round_: Round, needs: list[int]) -> None:
    first, second, supervisor = (staff_user(email) for email in (*OPERATORS, SUPERVISOR))
    for operator in (first, second):
        grant(operator, Role.OPERATOR, round_)
    name, site, issued, returned, spoilt, unused, papers, disputed = BATCH
    batch = services.create_batch(round_, name, site, round_.rank_starts, supervisor)
    services.record_account(batch, Account(issued, returned, spoilt, unused), supervisor)
    printed = services.print_ballots(batch, issued, supervisor)
    for index, (paper, (order, undecided)) in enumerate(zip(printed, papers)):
        pairs = services.pairs_of(paper, [])
        typed = marks.typed_pairs(_ballot(needs, order, undecided), pairs)  # as the paper is marked
        content = marks.read_pairs(typed, pairs).ballot.to_json()
        misread = None
        if index == disputed:  # the second operator read the first pair the other way round
            misread = marks.read_pairs(("2" if typed[0] == "1" else "1") + typed[1:], pairs).ballot.to_json()
        key_twice(round_, paper, (first, second), supervisor, content, misread)
    sample_audit(round_, supervisor, SEED, 2)

