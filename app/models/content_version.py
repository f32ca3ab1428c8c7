"""One number that every committed write raises: a page rendered at one number is out of date at the next."""
from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class ContentVersion(db.Model):
    """A single row (id 1), raised inside each writing transaction, so a reader that sees the new data
    sees the new number too, on every worker and host of the one database."""

    __tablename__ = "content_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger, default=0)
