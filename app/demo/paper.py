"""The demo's paper ballots, on the round whose results are out: two batches printed, keyed twice and
reconciled against their accounts, one dispute settled by a supervisor, a paper spoilt at the desk and
replaced, one rejected from the box (no marks), and a sample audit drawn from a published seed with every
sampled paper checked."""
from app.accounts.current import grant
from app.extensions import db
from app.models import (PaperAccount, PaperAudit, PaperBallot, PaperBatch, PaperCheck, PaperEntry, PaperResolution,
                        Role, Round, User)
from app.ballots.tally import counted_needs
from app.paper import reconcile, services
from app.paper.reconcile import RejectedReason
from app.voting.ballot_content import RankingBallot

ROUND = "newham-2026"
OPERATORS = ("paper-operator-1@demo.commonground.test", "paper-operator-2@commonground.example")
SUPERVISOR = "paper-supervisor@demo.commonground.test"
SEED = "3 1 4 1 5 9"
# (name, site, issued, returned, spoilt at the desk, unused, rankings as positions in the round's needs (one
# per paper returned in the box), the one keyed differently by the second operator (index), the one rejected
# (index))
BATCHES = [
    ("Stratford Library box", "Stratford Library, The Grove", 8, 6, 1, 1,
     [(0, 1, 2), (1, 0), (2,), (0, 2), (1, 2, 0), ()], None, 5),
    ("Forest Gate community centre box", "Forest Gate Community Centre", 6, 4, 0, 2,
     [(2, 1), (0,), (1, 0, 2), (0, 1)], 2, None),
]


def load() -> list[str]:
    round_ = db.session.scalar(db.select(Round).filter_by(slug=ROUND))
    if round_ is None or db.session.scalar(db.select(PaperBatch.id).filter_by(round_id=round_.id)):
        return []
    first, second, supervisor = (staff_user(email) for email in (*OPERATORS, SUPERVISOR))
    for operator in (first, second):
        grant(operator, Role.OPERATOR, round_)
    needs = [need.id for need in counted_needs(round_)]
    for name, site, issued, returned, spoilt, unused, rankings, disputed, rejected in BATCHES:
        batch = PaperBatch(round_id=round_.id, name=name, site=site, held_on=round_.rank_starts)
        db.session.add(batch)
        db.session.flush()
        db.session.add(PaperAccount(batch_id=batch.id, issued=issued, returned=returned, spoilt=spoilt, unused=unused,
                                    recorded_by_id=supervisor.id))
        papers = services.print_ballots(batch, issued, "demo")
        for index, (paper, positions) in enumerate(zip(papers, rankings)):
            content = RankingBallot.of_order([needs[p] for p in positions]).to_json()
            misread = RankingBallot.of_order([needs[p] for p in reversed(positions)]).to_json()
            key_twice(round_, paper, (first, second), supervisor, content, misread if index == disputed else None,
                      RejectedReason.UNMARKED if index == rejected else None)
    sample_audit(round_, supervisor, SEED, 4)
    return [f"{ROUND}: paper ballots keyed, reconciled and audited (/rounds/{ROUND}/paper/report)"]


def staff_user(email: str) -> User:
    """The demo's staff account for this address, made the first time it is asked for."""
    user = db.session.scalar(db.select(User).filter_by(email=email))
    if user is None:
        user = User(email=email)
        db.session.add(user)
        db.session.flush()
    return user


def enter(paper: PaperBallot, operator: User, content: str, rejected: RejectedReason | None) -> None:
    """One operator's keying of a paper: its ballot, or nothing and the reason it was rejected."""
    db.session.add(PaperEntry(paper_ballot_id=paper.id, operator_id=operator.id, content="" if rejected else content,
                              rejected=rejected))


def key_twice(round_: Round, paper: PaperBallot, operators: tuple[User, User], supervisor: User, content: str,
              misread: str | None = None, rejected: RejectedReason | None = None) -> None:
    """Both operators key the paper; where the second keyed `misread`, the supervisor settles on `content`."""
    first, second = operators
    enter(paper, first, content, rejected)
    if misread is None:
        enter(paper, second, content, rejected)
    else:
        enter(paper, second, misread, None)
        db.session.add(PaperResolution(paper_ballot_id=paper.id, supervisor_id=supervisor.id, content=content))
    db.session.flush()
    services.settle(round_, paper)


def sample_audit(round_: Round, supervisor: User, seed: str, size: int) -> None:
    """A sample of the round's reconciled papers, drawn from a published seed, each checked against its box."""
    serials = [p.serial for p in db.session.scalars(db.select(PaperBallot).filter_by(round_id=round_.id))
               if services.verdict_of(p).reconciled]
    sample = reconcile.draw_sample(seed, serials, size)
    audit = PaperAudit(round_id=round_.id, seed=seed, size=size, sample=" ".join(sample), drawn_by_id=supervisor.id)
    db.session.add(audit)
    db.session.flush()
    db.session.add_all(PaperCheck(audit_id=audit.id, serial=s, matched=True, checked_by_id=supervisor.id)
                       for s in sample)
    db.session.commit()
