"""Ballots, kept apart from who cast them."""
import secrets
from enum import StrEnum

from sqlalchemy import BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import code_enum
from app.voting.ballot_content import BallotKind

__all__ = ["Ballot", "BallotKind", "Channel", "Participation", "random_id"]


class Channel(StrEnum):
    """How a ballot reached the count (Pabulib's voting_method)."""
    INTERNET = "internet"
    PAPER = "paper"


def random_id() -> int:
    # Random, not sequential: the order ballots were cast in must not line up with the register.
    return secrets.randbits(52)


class Ballot(db.Model):
    """One counted ballot per voter and round.

    No column names the voter: `voter_key` is a keyed hash of the participant, which only
    the app (holding the secret) can recompute, to find the ballot when its voter changes it.
    There is no timestamp, and ids are random, so ballots cannot be lined up with the register.
    When ranking closes the round is sealed (app/ballots/sealing.py): voter keys become random
    values and every ballot is written again, shuffled, under a fresh id.
    """

    # WITHOUT ROWID on SQLite: rows are stored in the order of their random keys, so the table's
    # physical order says nothing about the order ballots were cast in.
    __table_args__ = (UniqueConstraint("round_id", "voter_key"), UniqueConstraint("round_id", "receipt"),
                      {"sqlite_with_rowid": False})

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False, default=random_id)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    voter_key: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(default=1)
    # Keyed hash of the form submission last counted, so a double submit stores one ballot.
    submission_key: Mapped[str] = mapped_column(String(64), default="")
    receipt: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)  # written and read by app.voting.ballot_content only
    channel: Mapped[Channel] = mapped_column(code_enum(Channel, "ballot_channel"), default=Channel.INTERNET,
                                             server_default=Channel.INTERNET.value)


class Participation(db.Model):
    """The register: who has voted in a round, with no link to which ballot is theirs."""

    __table_args__ = (UniqueConstraint("participant_id"), {"sqlite_with_rowid": False})

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False, default=random_id)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))


class ReplacedReceipt(db.Model):
    """A receipt whose ballot its voter changed since: it looks up as "replaced", and nothing
    says which ballot replaced it, so the table links no receipt to another."""

    __table_args__ = ({"sqlite_with_rowid": False},)

    receipt: Mapped[str] = mapped_column(String(16), primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), primary_key=True)
