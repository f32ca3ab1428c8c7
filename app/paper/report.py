"""The reconciliation report, the sample audit's result and the keyed ballots as open data, read in a
few queries for the whole round."""
import random
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from app.extensions import db
from app.models import PaperAccount, PaperAudit, PaperBallot, PaperBatch, PaperCheck, PaperEntry, PaperResolution, Round
from app.paper import reconcile
from app.paper.reconcile import Account, AuditResult, BatchCount, PaperState, Record, Verdict
from app.paper.services import entry_record, resolution_record

_shuffle = random.SystemRandom().shuffle


@dataclass(frozen=True)
class BatchReport:
    batch: PaperBatch
    count: BatchCount


def verdicts(round_: Round) -> dict[int, tuple[PaperBallot, Verdict]]:
    """Every paper of the round with its verdict, by id."""
    papers = list(db.session.scalars(select(PaperBallot).filter_by(round_id=round_.id).order_by(PaperBallot.serial)))
    entries, resolutions = defaultdict(list), defaultdict(list)
    for entry in db.session.scalars(select(PaperEntry).join(PaperBallot).where(PaperBallot.round_id == round_.id)):
        entries[entry.paper_ballot_id].append(entry_record(entry))
    for made in db.session.scalars(select(PaperResolution).join(PaperBallot).where(PaperBallot.round_id == round_.id)):
        resolutions[made.paper_ballot_id].append(resolution_record(made))
    return {p.id: (p, reconcile.verdict(entries[p.id], resolutions[p.id])) for p in papers}


def batch_reports(round_: Round, found: dict[int, tuple[PaperBallot, Verdict]] | None = None) -> list[BatchReport]:
    found = verdicts(round_) if found is None else found
    batches = list(db.session.scalars(select(PaperBatch).filter_by(round_id=round_.id).order_by(PaperBatch.name)))
    accounts: dict[int, Account] = {}
    for account in db.session.scalars(select(PaperAccount).join(PaperBatch).where(
            PaperBatch.round_id == round_.id).order_by(PaperAccount.id)):
        accounts[account.batch_id] = Account(account.issued, account.returned, account.spoilt, account.unused)
    by_batch = defaultdict(list)
    for paper, verdict in found.values():
        by_batch[paper.batch_id].append(verdict)
    return [BatchReport(b, reconcile.count_batch(accounts.get(b.id), by_batch[b.id])) for b in batches]


def disputed(round_: Round) -> list[PaperBallot]:
    return [paper for paper, verdict in verdicts(round_).values() if verdict.state == PaperState.DISPUTED]


def current_audit(round_: Round) -> PaperAudit | None:
    return db.session.scalar(select(PaperAudit).filter_by(round_id=round_.id).order_by(PaperAudit.id.desc()))


def checks_of(audit: PaperAudit) -> dict[str, bool]:
    """Each checked serial's latest answer."""
    latest = {}
    for check in db.session.scalars(select(PaperCheck).filter_by(audit_id=audit.id).order_by(PaperCheck.id)):
        latest[check.serial] = check.matched
    return latest


def audit_result(audit: PaperAudit) -> AuditResult:
    return reconcile.audit_result(audit.seed, audit.sample.split(), checks_of(audit))


def paper_record(round_: Round) -> dict:
    """GET /rounds/<slug>/paper.json (CONTRACT.md)."""
    reports = batch_reports(round_)
    audit = current_audit(round_)
    result = audit_result(audit) if audit else None
    return {
        "batches": [{"name": r.batch.name, **_account(r.count.account), "keyed": r.count.keyed,
                     "in_dispute": r.count.in_dispute, "rejected": r.count.rejected} for r in reports],
        "balanced": bool(reports) and all(r.count.balanced for r in reports),
        "audit": None if result is None else {"seed": result.seed, "sampled": result.checked,
                                              "matched": result.matched},
    }


def _account(account: Account | None) -> dict:
    account = account or Account(0, 0, 0, 0)
    return {"issued": account.issued, "returned": account.returned, "spoilt": account.spoilt,
            "unused": account.unused}


def keyed_ballots(round_: Round, short) -> list[dict]:
    """Open data: every reconciled paper (batch, serial, the ballot in short form or why it was rejected),
    shuffled, with no operator or supervisor named. `short` writes a stored ballot's text in short form.
    `spoilt` repeats `rejected` under the column's first name, for readers written before the two were
    told apart."""
    names = {b.id: b.name for b in db.session.scalars(select(PaperBatch).filter_by(round_id=round_.id))}
    rows = []
    for paper, verdict in verdicts(round_).values():
        if verdict.reconciled and verdict.record is not None:
            record: Record = verdict.record
            reason = record.rejected.value if record.rejected else ""
            rows.append({"batch": names[paper.batch_id], "serial": paper.serial,
                         "ballot": "" if record.rejected else short(record.content),
                         "spoilt": reason, "rejected": reason})
    _shuffle(rows)
    return rows
