"""The public list of counted ballots: every receipt, a page at a time or found by its code, and
once results are out every ballot too, so anyone can count them again."""
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select

from app.ballots.keys import RECEIPT_ALPHABET, RECEIPT_LENGTH
from app.extensions import db
from app.models import Ballot, Round
from app.opendata.records import spreadsheet_safe
from app.readable import display
from app.voting.ballot_content import parse

PER_PAGE = 200


@dataclass(frozen=True)
class ReceiptPage:
    rows: list[tuple[str, str]]  # receipt, and the ballot in short form once results are out
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


def page_of(round_: Round, page: int, public: dict[int, str] | None) -> ReceiptPage:
    """One page of receipts in receipt order (never the order they were cast); with `public`, the ballots too."""
    total = db.session.scalar(select(func.count(Ballot.id)).where(Ballot.round_id == round_.id))
    pages = max(1, -(-total // PER_PAGE))
    page = min(max(page, 1), pages)
    rows = db.session.execute(select(Ballot.receipt, Ballot.content).where(Ballot.round_id == round_.id)
                              .order_by(Ballot.receipt).limit(PER_PAGE).offset((page - 1) * PER_PAGE))
    return ReceiptPage([_row(r, c, public) for r, c in rows], page, pages, total)


def find(round_: Round, receipt: str, public: dict[int, str] | None) -> tuple[str, str] | None:
    content = db.session.scalar(select(Ballot.content).filter_by(round_id=round_.id, receipt=receipt))
    return None if content is None else _row(receipt, content, public)


def every(round_: Round, public: dict[int, str] | None) -> Iterator[tuple[str, str]]:
    """Every receipt (and ballot), streamed in receipt order, for the download."""
    rows = db.session.execute(select(Ballot.receipt, Ballot.content).where(Ballot.round_id == round_.id)
                              .order_by(Ballot.receipt).execution_options(yield_per=2000))
    for receipt, content in rows:
        yield _row(receipt, content, public)


def _row(receipt: str, content: str, public: dict[int, str] | None) -> tuple[str, str]:
    return display(receipt), written(content, public) if public is not None else ""


def as_csv(rows: Iterable[tuple[str, str]], with_ballots: bool) -> Iterator[str]:
    """CSV text a few thousand rows at a time, so a city's ballots never sit in memory as one string."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["receipt", "ballot"] if with_ballots else ["receipt"])
    for number, (receipt, ballot) in enumerate(rows, 1):
        writer.writerow([receipt, spreadsheet_safe(ballot)] if with_ballots else [receipt])
        if number % 2000 == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
