"""Receipts looked up one at a time, and once results are out every ballot, shuffled and without
receipts, so anyone can count them again but nobody can point at whose ballot is whose."""
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select

from app.ballots.keys import RECEIPT_ALPHABET, RECEIPT_LENGTH
from app.extensions import db
from app.models import Ballot, ReplacedReceipt, Round
from app.opendata.records import spreadsheet_safe
from app.voting.ballot_content import parse

PER_PAGE = 200


class Lookup(StrEnum):
    COUNTED = "counted"
    REPLACED = "replaced"  # its voter cast a newer ballot, which is the one counted
    UNKNOWN = "unknown"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class ReceiptPage:
    rows: list[str]  # ballots in short form, in the shuffled order the seal stored them
    page: int
    pages: int
    total: int

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PER_PAGE + 1


def normalise(typed: str) -> str | None:
    """The receipt a resident meant: case, spaces and dashes do not matter; None if it cannot be one."""
    code = "".join(typed.split()).replace("-", "").upper()
    if len(code) != RECEIPT_LENGTH or any(c not in RECEIPT_ALPHABET for c in code):
        return None
    return code


def written(content: str, public: dict[int, str]) -> str:
    """A ballot in short form with the needs' public ids: "12 > 7=3", "12, 7", "12×3, 7×2", "12>7, 3~9"."""
    return parse(content).short(public)


def total(round_: Round) -> int:
    return db.session.scalar(select(func.count(Ballot.id)).where(Ballot.round_id == round_.id))


def page_of(round_: Round, page: int, public: dict[int, str] | None) -> ReceiptPage:
    """One page of ballots in the order of their random ids (shuffled at the seal); none without `public`."""
    count = total(round_)
    pages = max(1, -(-count // PER_PAGE))
    page = min(max(page, 1), pages)
    if public is None:
        return ReceiptPage([], page, pages, count)
    rows = db.session.scalars(select(Ballot.content).where(Ballot.round_id == round_.id)
                              .order_by(Ballot.id).limit(PER_PAGE).offset((page - 1) * PER_PAGE))
    return ReceiptPage([written(c, public) for c in rows], page, pages, count)


def status_of(round_: Round, receipt: str) -> Lookup:
    """What a receipt stands for now, and never what its ballot says: a receipt proves nothing to anyone else."""
    if db.session.scalar(select(Ballot.id).filter_by(round_id=round_.id, receipt=receipt)) is not None:
        return Lookup.COUNTED
    replaced = select(ReplacedReceipt.receipt).filter_by(round_id=round_.id, receipt=receipt)
    return Lookup.REPLACED if db.session.scalar(replaced) is not None else Lookup.UNKNOWN


def every(round_: Round, public: dict[int, str]) -> Iterator[str]:
    """Every ballot, streamed in the order of its random id, for the download."""
    rows = db.session.scalars(select(Ballot.content).where(Ballot.round_id == round_.id)
                              .order_by(Ballot.id).execution_options(yield_per=2000))
    for content in rows:
        yield written(content, public)


def as_csv(rows: Iterable[str]) -> Iterator[str]:
    """CSV text a few thousand rows at a time, so a city's ballots never sit in memory as one string."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["ballot"])
    for number, ballot in enumerate(rows, 1):
        writer.writerow([spreadsheet_safe(ballot)])
        if number % 2000 == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
