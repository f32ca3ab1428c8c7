"""Writing a translation of residents' words, a need's or a comment's: one set of rules for both. A person's
words are shown once approved; a machine draft waits, unapproved, and stays marked as machine text until a person
changes it."""
from collections.abc import Callable
from dataclasses import dataclass

from app import audit
from app.extensions import db
from app.models import Round, User
from app.models.base import utcnow
from app.needs.machine_translation import translate


class ApprovedAlready(ValueError):
    """A person has approved a translation into this language: a machine draft would replace their words."""


@dataclass(frozen=True)
class Translated:
    """What is translated: the translation rows' model, the column naming the row's owner, and the owner's texts,
    named alike on owner and row. `refresh` runs on the owner after each change, before the commit."""

    model: type
    owner_column: str
    texts: tuple[str, ...]
    refresh: Callable[[object], None] | None = None

    @property
    def owner(self) -> str:
        return self.owner_column.removesuffix("_id")


def find(kind: Translated, owner, language: str):
    return db.session.scalar(db.select(kind.model).filter_by(**{kind.owner_column: owner.id}, language=language))


def of(kind: Translated, owner) -> list:
    return list(db.session.scalars(db.select(kind.model).filter_by(**{kind.owner_column: owner.id})
                                   .order_by(kind.model.language)))


def save(kind: Translated, round_: Round, owner, language: str, texts: dict[str, str], approved: bool,
         translator: User):
    """A person writes or corrects a translation; machine text they leave unchanged stays marked as machine text."""
    row = _row(kind, owner, language)
    unchanged = all(getattr(row, name) == texts[name] for name in kind.texts)
    row.by_machine = bool(row.by_machine and unchanged)
    for name in kind.texts:
        setattr(row, name, texts[name])
    row.approved = approved
    return _keep(kind, round_, owner, row, translator)


def suggest(kind: Translated, round_: Round, owner, language: str, base_url: str, api_key: str, translator: User):
    """Ask the machine for a first draft, kept unapproved. Raises MachineTranslationError."""
    if (existing := find(kind, owner, language)) is not None and existing.approved:
        raise ApprovedAlready(language)
    drafts = {name: translate(base_url, api_key, getattr(owner, name), owner.language, language)
              for name in kind.texts}
    row = _row(kind, owner, language)
    for name, text in drafts.items():
        length = getattr(kind.model, name).type.length  # a draft longer than its column is cut to fit
        setattr(row, name, text[:length] if length else text)
    row.by_machine, row.approved = True, False
    return _keep(kind, round_, owner, row, translator)


def _row(kind: Translated, owner, language: str):
    row = find(kind, owner, language)
    if row is None:
        row = kind.model(**{kind.owner_column: owner.id}, language=language, by_machine=False)
        db.session.add(row)
    return row


def _keep(kind: Translated, round_: Round, owner, row, translator: User):
    row.translator_id, row.updated_at = translator.id, utcnow()
    audit.record(translator, f"{kind.owner}-translated", round_, **{kind.owner: owner.id}, language=row.language,
                 approved=row.approved, by_machine=row.by_machine)
    db.session.flush()
    if kind.refresh is not None:
        kind.refresh(owner)
    db.session.commit()
    return row
