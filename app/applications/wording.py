"""The panel's eligibility questions in a group's language: the panel words each question, and what a
group answering otherwise is told, in other languages; groups read the wording in theirs, or the original."""
from dataclasses import dataclass

from app import audit
from app.extensions import db
from app.models import EligibilityQuestion, EligibilityQuestionTranslation, Round, User


@dataclass(frozen=True)
class Worded:
    """A question as a group reads it (`language` is the wording's, for screen readers)."""

    id: int
    text: str
    reason: str
    language: str
    required: bool


def worded(questions: list[EligibilityQuestion], language: str) -> list[Worded]:
    """Reads the translations loaded with the questions: no query of its own."""
    found = []
    for question in questions:
        wording = next((t for t in question.translations if t.language == language), None) or question
        found.append(Worded(question.id, wording.text, wording.reason, wording.language, question.required))
    return found


def word(round_: Round, question: EligibilityQuestion, language: str, text: str, reason: str, actor: User) -> None:
    """Add or correct the question's wording in `language`; its meaning (the answer required) stays."""
    wording = next((t for t in question.translations if t.language == language), None)
    if wording is None:
        wording = EligibilityQuestionTranslation(question_id=question.id, language=language)
        question.translations.append(wording)
    wording.text, wording.reason = text, reason
    audit.record(actor, "eligibility-question-worded", round_, question=question.id, language=language)
    db.session.commit()
