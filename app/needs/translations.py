"""Which words of a need a resident sees: a person-approved translation into their language, or the original."""
from dataclasses import dataclass

from app.extensions import db
from app.models import Need, NeedTranslation
from app.needs.services import search_document
from app.needs.translating import Translated


def _reindex(need: Need) -> None:
    need.search_document = search_document(need)  # search finds the need by its drafts too


NEED = Translated(NeedTranslation, "need_id", ("title", "description"), refresh=_reindex)


@dataclass(frozen=True)
class Shown:
    title: str
    description: str
    language: str
    translated_from: str | None = None  # the original's language, when this is a translation


def shown(need: Need, translation: NeedTranslation | None, original: bool = False) -> Shown:
    if translation is None or original or not translation.approved:
        return Shown(need.title, need.description, need.language)
    return Shown(translation.title, translation.description, translation.language, need.language)


def approved_in(need_ids, language: str) -> dict[int, NeedTranslation]:
    """One query for a whole page of needs."""
    if not need_ids:
        return {}
    rows = db.session.scalars(db.select(NeedTranslation).filter(
        NeedTranslation.need_id.in_(list(need_ids)), NeedTranslation.language == language,
        NeedTranslation.approved.is_(True)))
    return {row.need_id: row for row in rows}


def shown_in(needs, language: str) -> dict[int, Shown]:
    """How each of these needs reads in `language`: one query for them all."""
    translated = approved_in([need.id for need in needs], language)
    return {need.id: shown(need, translated.get(need.id)) for need in needs}
