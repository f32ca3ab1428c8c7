"""Paper ballots' staff actions, each one transaction: batches and their accounts, printing serials,
keying, supervisors' decisions. Records are only ever added; a reconciled paper becomes a Ballot row."""
import secrets
from datetime import date

from sqlalchemy import select

from app import audit
from app.ballots.keys import RECEIPT_ALPHABET, new_receipt
from app.ballots.tally import counted_needs
from app.extensions import db
from app.models import Ballot, Channel, PaperAccount, PaperBallot, PaperBatch, PaperEntry, PaperResolution, Round, User
from app.paper import pairs as paper_pairs, reconcile
from app.paper.reconcile import Record, RejectedReason, Verdict
from app.rounds.phases import Action
from app.voting.ballot_content import BallotKind, StoredBallot

SERIAL_LENGTH = 6
MAX_PRINTED_AT_ONCE = 2000


class KeyingClosed(Exception):
    """Ranking closed longer ago than the round's grace period, or results are out."""


class KeyingRefused(ValueError):
    """Why an entry was not kept: "unknown-serial" or "two-entries" (two other operators keyed it)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class SupervisorKeyedIt(Exception):
    """The supervisor keyed one of the paper's entries: another must read the paper, as in a count."""


class BatchNameTaken(ValueError):
    pass


def keying_open(round_: Round, today: date) -> bool:
    return reconcile.keying_open(round_.ranking_closes, round_.paper_grace_days, today,
                                 round_.phase_on(today).allows(Action.KEY_PAPER_BALLOTS))


def create_batch(round_: Round, name: str, site: str, held_on: date | None, actor: User) -> PaperBatch:
    if db.session.scalar(select(PaperBatch.id).filter_by(round_id=round_.id, name=name)) is not None:
        raise BatchNameTaken(name)
    batch = PaperBatch(round_id=round_.id, name=name, site=site, held_on=held_on)
    db.session.add(batch)
    audit.record(actor, "paper-batch-created", round_, batch=name)
    db.session.commit()
    return batch


def set_grace(round_: Round, days: int, actor: User) -> None:
    round_.paper_grace_days = days
    audit.record(actor, "paper-grace-set", round_, days=days)
    db.session.commit()


def current_account(batch: PaperBatch) -> PaperAccount | None:
    return db.session.scalar(select(PaperAccount).filter_by(batch_id=batch.id).order_by(PaperAccount.id.desc()))


def record_account(batch: PaperBatch, counts: reconcile.Account, actor: User) -> PaperAccount:
    """The batch's account as counted now; a recount supersedes the last one."""
    previous = current_account(batch)
    account = PaperAccount(batch_id=batch.id, issued=counts.issued, returned=counts.returned, spoilt=counts.spoilt,
                           unused=counts.unused, recorded_by_id=actor.id,
                           supersedes_id=previous.id if previous else None)
    db.session.add(account)
    audit.record(actor, "paper-account-recorded", db.session.get(Round, batch.round_id), batch=batch.name,
                 issued=counts.issued, returned=counts.returned, spoilt=counts.spoilt, unused=counts.unused)
    db.session.commit()
    return account


def print_ballots(batch: PaperBatch, count: int, actor: User) -> list[PaperBallot]:
    """`count` more ballots for the batch, each with a fresh random serial (random, so the order papers
    were handed out in says nothing); in a pairwise round, each keeps the pairs it prints."""
    if not 1 <= count <= MAX_PRINTED_AT_ONCE:
        raise ValueError(f"print between 1 and {MAX_PRINTED_AT_ONCE} ballots at a time")
    round_ = db.session.get(Round, batch.round_id)
    needs = [n.id for n in counted_needs(round_)] if round_.ballot_kind == BallotKind.PAIRWISE else []
    taken = set(db.session.scalars(select(PaperBallot.serial).filter_by(round_id=batch.round_id)))
    made = []
    while len(made) < count:
        serial = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(SERIAL_LENGTH))
        if serial not in taken:
            taken.add(serial)
            made.append(PaperBallot(round_id=batch.round_id, batch_id=batch.id, serial=serial,
                                    pairs=paper_pairs.to_text(paper_pairs.draw(serial, needs)) if needs else ""))
    db.session.add_all(made)
    audit.record(actor, "paper-ballots-printed", round_, batch=batch.name, count=count)
    db.session.commit()
    return made


def pairs_of(paper: PaperBallot, needs) -> list[paper_pairs.Pair]:
    """The pairs the paper prints: those kept when it was made, or, for a paper made before its round
    asked for pairs, those its serial draws from the needs on the ballot now."""
    return paper_pairs.from_text(paper.pairs) or paper_pairs.draw(paper.serial, [n.id for n in needs])


def find_paper(round_: Round, serial: str) -> PaperBallot | None:
    return db.session.scalar(select(PaperBallot).filter_by(round_id=round_.id, serial=normalise_serial(serial)))


def normalise_serial(typed: str) -> str:
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())[:16]


def entries_of(paper: PaperBallot) -> list[PaperEntry]:
    return list(db.session.scalars(select(PaperEntry).filter_by(paper_ballot_id=paper.id).order_by(PaperEntry.id)))


def resolutions_of(paper: PaperBallot) -> list[PaperResolution]:
    return list(db.session.scalars(
        select(PaperResolution).filter_by(paper_ballot_id=paper.id).order_by(PaperResolution.id)))


def entry_record(entry: PaperEntry) -> Record:
    return Record(entry.id, entry.operator_id, entry.content, entry.rejected, entry.supersedes_id)


def resolution_record(resolution: PaperResolution) -> Record:
    return Record(resolution.id, resolution.supervisor_id, resolution.content, resolution.rejected,
                  resolution.supersedes_id)


def verdict_of(paper: PaperBallot) -> Verdict:
    return reconcile.verdict([entry_record(e) for e in entries_of(paper)],
                             [resolution_record(r) for r in resolutions_of(paper)])


def key(round_: Round, serial: str, operator: User, ballot: StoredBallot | None, rejected: RejectedReason | None,
        today: date) -> Verdict:
    """One operator's entry for one paper; keying the same paper again corrects their own entry."""
    if not keying_open(round_, today):
        raise KeyingClosed
    paper = find_paper(round_, serial)
    if paper is None:
        raise KeyingRefused("unknown-serial")
    entries = entries_of(paper)
    mine = [e for e in entries if e.operator_id == operator.id]
    if not mine and len({e.operator_id for e in entries}) >= 2:
        raise KeyingRefused("two-entries")
    live = reconcile.current(entry_record(e) for e in mine)
    db.session.add(PaperEntry(paper_ballot_id=paper.id, operator_id=operator.id,
                              content="" if rejected else ballot.to_json(), rejected=rejected,
                              supersedes_id=live[-1].id if live else None))
    db.session.flush()
    return settle(round_, paper)


def resolve(round_: Round, paper: PaperBallot, supervisor: User, ballot: StoredBallot | None,
            rejected: RejectedReason | None, today: date) -> Verdict:
    """The supervisor's reading of the paper, which settles it whatever the entries say."""
    if not keying_open(round_, today):
        raise KeyingClosed
    if any(entry.operator_id == supervisor.id for entry in entries_of(paper)):
        raise SupervisorKeyedIt
    previous = reconcile.current(resolution_record(r) for r in resolutions_of(paper))
    db.session.add(PaperResolution(paper_ballot_id=paper.id, supervisor_id=supervisor.id,
                                   content="" if rejected else ballot.to_json(), rejected=rejected,
                                   supersedes_id=previous[-1].id if previous else None))
    audit.record(supervisor, "paper-dispute-resolved", round_, serial=paper.serial)
    db.session.flush()
    return settle(round_, paper)


def settle(round_: Round, paper: PaperBallot) -> Verdict:
    """The paper's Ballot row made to agree with its verdict: added once reconciled, changed by a
    later decision, removed if it no longer counts. It carries a random voter key like every ballot."""
    found = verdict_of(paper)
    wanted = found.counted_content
    ballot = db.session.scalar(select(Ballot).filter_by(round_id=round_.id, receipt=paper.ballot_receipt)) \
        if paper.ballot_receipt else None
    if wanted is None and ballot is not None:
        db.session.delete(ballot)
        paper.ballot_receipt = ""
    elif wanted is not None and ballot is None:
        receipt = new_receipt()
        db.session.add(Ballot(round_id=round_.id, voter_key=secrets.token_hex(32), receipt=receipt, content=wanted,
                              channel=Channel.PAPER))
        paper.ballot_receipt = receipt
    elif wanted is not None and ballot.content != wanted:
        ballot.content, ballot.version = wanted, ballot.version + 1
    db.session.commit()
    return found
