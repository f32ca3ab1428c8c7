"""Which words of a need a resident sees: a person-approved translation into their language, or the original."""
from dataclasses import dataclass

from app import audit
from app.extensions import db
from app.models import Need, NeedTranslation, Round, User
from app.models.base import utcnow
from app.needs.machine_translation import translate
from app.needs.services import search_document


class ApprovedAlready(ValueError):
    """A person has approved a translation into this language: a machine draft would replace their words."""


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


def of_need(need: Need) -> list[NeedTranslation]:
    return list(db.session.scalars(db.select(NeedTranslation).filter_by(need_id=need.id)
                                   .order_by(NeedTranslation.language)))


def find(need: Need, language: str) -> NeedTranslation | None:
    return db.session.scalar(db.select(NeedTranslation).filter_by(need_id=need.id, language=language))


def save(round_: Round, need: Need, language: str, title: str, description: str, approved: bool,
         translator: User) -> NeedTranslation:
    """A person writes or corrects a translation; machine text they leave unchanged stays marked as machine text."""
    translation = find(need, language)
    if translation is None:
        translation = NeedTranslation(need_id=need.id, language=language, by_machine=False)
        db.session.add(translation)
    unchanged = translation.title == title and translation.description == description
    translation.by_machine = bool(translation.by_machine and unchanged)
    translation.title, translation.description, translation.approved = title, description, approved
    translation.translator_id, translation.updated_at = translator.id, utcnow()
    audit.record(translator, "need-translated", round_, need=need.id, language=language, approved=approved,
                 by_machine=translation.by_machine)
    db.session.flush()
    need.search_document = search_document(need)
    db.session.commit()
    return translation


def suggest(round_: Round, need: Need, language: str, base_url: str, api_key: str, translator: User) -> NeedTranslation:
    """Ask the machine for a first draft, kept unapproved. Raises MachineTranslationError."""
    if (existing := find(need, language)) is not None and existing.approved:
        raise ApprovedAlready(language)
    title = translate(base_url, api_key, need.title, need.language, language)
    description = translate(base_url, api_key, need.description, need.language, language)
    translation = find(need, language)
    if translation is None:
        translation = NeedTranslation(need_id=need.id, language=language)
        db.session.add(translation)
    translation.title, translation.description = title[:140], description
    translation.by_machine, translation.approved = True, False
    translation.translator_id, translation.updated_at = translator.id, utcnow()
    audit.record(translator, "need-translated", round_, need=need.id, language=language, approved=False,
                 by_machine=True)
    db.session.flush()
    need.search_document = search_document(need)  # search finds the need by its draft too
    db.session.commit()
    return translation
