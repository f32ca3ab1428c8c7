"""Numbers that committed writes raise: a page rendered at one number is out of date at the next."""
from sqlalchemy import BigInteger, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class ContentVersion(db.Model):
    """A single row (id 1), raised inside each writing transaction, so a reader that sees the new data
    sees the new number too, on every worker and host of the one database."""

    __tablename__ = "content_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, default=0)  # every write
    # Every write but a cast: a round's pages show casts in that round only, and everything else anywhere.
    across_rounds: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class RoundVersion(db.Model):
    """Raised by each cast in the round, so a crowd voting in one round leaves other rounds' pages stored."""

    __tablename__ = "round_version"

    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, default=0)
