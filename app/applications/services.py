"""Groups' own applications, each action one transaction: drafts saved and submitted, the panel's eligibility
questions and its call for applications."""
from dataclasses import dataclass

from sqlalchemy import func, select

from app import audit
from app.applications.wording import worded
from app.extensions import db
from app.models import Application, ApplicationCall, Channel, EligibilityAnswer, EligibilityQuestion, Need, Round, User
from app.panel import rubric
from app.rounds.phases import Phase
from app.unique import insert_once
from app.voting.applications import (ApplicationStatus, Draft, Question, Window, accepting, failed,
                                     on_submission, shown)


class ApplicationError(ValueError):
    """An action on applications that cannot be taken; the message code says why ("closed", "locked")."""


@dataclass(frozen=True)
class Typed:
    """What the group typed, read from the form; the amount in stored money units."""

    need: Need
    draft: Draft
    language: str
    answers: dict[int, bool]


@dataclass(frozen=True)
class Status:
    code: ApplicationStatus
    reasons: list[str]  # why it is ineligible, in the panel's words and order


def window_of(round_: Round) -> Window:
    call = db.session.scalar(select(ApplicationCall).filter_by(round_id=round_.id))
    return call.window if call else Window.DECIDE


def open_now(round_: Round, phase: Phase) -> bool:
    return accepting(window_of(round_), phase, round_.decisions_published_at is not None)


def questions(round_: Round) -> list[EligibilityQuestion]:
    return list(db.session.scalars(select(EligibilityQuestion).filter_by(round_id=round_.id)
                                   .order_by(EligibilityQuestion.id)))


def _rules(found: list[EligibilityQuestion]) -> list[Question]:
    return [Question(q.id, q.required) for q in found]


def answers_of(application: Application) -> dict[int, bool]:
    return {a.question_id: a.answer for a in db.session.scalars(
        select(EligibilityAnswer).filter_by(application_id=application.id))}


def answered(round_: Round, application: Application) -> list[tuple[EligibilityQuestion, bool]]:
    """The group's answers to the panel's eligibility questions, in the order the panel asked them."""
    answers = answers_of(application)
    return [(q, answers[q.id]) for q in questions(round_) if q.id in answers]


def status_of(round_: Round, application: Application, language: str = "") -> Status:
    """`language`: the reader's, for the reasons the panel worded in it."""
    code = shown(application.status, bool(application.scores or application.votes),
                 application.decision.funded if application.decision else None,
                 round_.decisions_published_at is not None)
    reasons = []
    if code == ApplicationStatus.INELIGIBLE:
        asked = questions(round_)
        found = {q.id: q for q in (worded(asked, language) if language else asked)}
        reasons = [found[i].reason for i in failed(_rules(asked), answers_of(application))]
    return Status(code, reasons)


def ineligible_now(round_: Round, answers: dict[int, bool]) -> list[EligibilityQuestion]:
    """The questions a draft's answers so far fail, so the group can see it before it submits."""
    found = questions(round_)
    failing = set(failed(_rules(found), answers))
    return [q for q in found if q.id in failing]


def _fill(application: Application, typed: Typed) -> None:
    draft = typed.draft
    application.need_id, application.language = typed.need.id, typed.language
    application.applicant, application.unregistered = draft.applicant, draft.unregistered
    application.applicant_id = "" if draft.unregistered else draft.applicant_id
    application.contact_email, application.title, application.description = (draft.contact_email, draft.title,
                                                                              draft.plan)
    application.amount = draft.amount if draft.amount is not None else 0
    application.beneficiaries, application.location = draft.beneficiaries, draft.location


def _answer(application: Application, answers: dict[int, bool], asked: list[EligibilityQuestion]) -> None:
    db.session.execute(db.delete(EligibilityAnswer).filter_by(application_id=application.id))
    db.session.add_all(EligibilityAnswer(application_id=application.id, question_id=q.id, answer=answers[q.id])
                       for q in asked if q.id in answers)


def _submit_or_keep(round_: Round, application: Application, typed: Typed, submit: bool) -> None:
    asked = questions(round_)
    _answer(application, typed.answers, asked)
    if submit:
        application.status = on_submission(_rules(asked), typed.answers)
        rubric.ensure(round_)  # the panel marks it on the round's rubric, even if no staff entered one first
        audit.record(application.contact_email, "application-submitted", round_, application=application.id,
                     need=application.need_id, applicant=application.applicant, amount=application.amount,
                     status=application.status.value)


def start(round_: Round, typed: Typed, form_key: str, submit: bool, phase: Phase) -> tuple[Application, bool]:
    """A new application from the public form, kept as a draft or submitted; the second of a double submit
    finds the first one's application (by the form's key) and returns it, with False for not new."""
    if not open_now(round_, phase):
        raise ApplicationError("closed")
    application = Application(round_id=round_.id, status=ApplicationStatus.DRAFT, channel=Channel.INTERNET,
                              form_key=form_key)
    _fill(application, typed)

    def twin():
        return db.session.scalar(select(Application).filter_by(form_key=form_key))
    stored = twin()
    if stored is not None:
        return stored, False
    found = insert_once(application, twin)
    if found is not application:
        db.session.commit()
        return found, False
    _submit_or_keep(round_, application, typed, submit)
    db.session.commit()
    return application, True


def save(round_: Round, application: Application, typed: Typed, submit: bool, phase: Phase) -> bool:
    """The group's draft, changed and kept, or submitted; False when a twin request submitted it already."""
    if not open_now(round_, phase):
        raise ApplicationError("closed")
    locked = db.session.get(Application, application.id, with_for_update=True, populate_existing=True)
    if locked.status != ApplicationStatus.DRAFT:
        return False
    _fill(locked, typed)
    _submit_or_keep(round_, locked, typed, submit)
    db.session.commit()
    return True


def sent_with(round_: Round, email: str) -> list[Application]:
    """The round's online applications made with this email address, for sending their links again."""
    return list(db.session.scalars(select(Application).where(
        Application.round_id == round_.id, Application.channel == Channel.INTERNET,
        func.lower(Application.contact_email) == email.lower()).order_by(Application.id)))


def screened_out(round_: Round) -> list[Application]:
    return list(db.session.scalars(select(Application).filter_by(
        round_id=round_.id, status=ApplicationStatus.INELIGIBLE).order_by(Application.id)))


def drafts(round_: Round) -> int:
    return db.session.scalar(select(func.count()).select_from(Application).filter_by(
        round_id=round_.id, status=ApplicationStatus.DRAFT))


def questions_locked(round_: Round) -> bool:
    """Once a group has submitted online, the questions stay as it answered them: changing them would be unfair."""
    return db.session.scalar(select(func.count()).select_from(Application).where(
        Application.round_id == round_.id, Application.channel == Channel.INTERNET,
        Application.status != ApplicationStatus.DRAFT)) > 0


def add_question(round_: Round, text: str, required: bool, reason: str, language: str, actor: User) -> None:
    if questions_locked(round_):
        raise ApplicationError("locked")
    db.session.add(EligibilityQuestion(round_id=round_.id, text=text, required=required, reason=reason,
                                       language=language))
    audit.record(actor, "eligibility-question-added", round_, question=text, required=required)
    db.session.commit()


def remove_question(round_: Round, question: EligibilityQuestion, actor: User) -> None:
    if questions_locked(round_):
        raise ApplicationError("locked")
    db.session.delete(question)
    audit.record(actor, "eligibility-question-removed", round_, question=question.text)
    db.session.commit()


def set_window(round_: Round, window: Window, actor: User) -> None:
    call = db.session.scalar(select(ApplicationCall).filter_by(round_id=round_.id))
    if call is None:
        call = ApplicationCall(round_id=round_.id)
        db.session.add(call)
    call.window = window
    audit.record(actor, "applications-window-set", round_, window=window.value)
    db.session.commit()

