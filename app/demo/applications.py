"""The demo's online applications, on Southwark's round in the Decide phase: the panel's two eligibility
questions, two groups that applied online (one in Bengali, an unregistered group), a draft still being written,
and an application the questions screened out, with the reason its group sees."""
from flask import current_app, url_for

from app.applications.links import make_token
from app.extensions import db
from app.models import Application, Channel, EligibilityAnswer, EligibilityQuestion, Need, Round
from app.voting.applications import ApplicationStatus

ROUND = "southwark-community-spaces"
QUESTIONS = [  # (question, the answer an eligible group gives, what the others are told)
    ("Is your group based in Southwark, or does most of its work happen here?", True,
     "This fund is for groups working in Southwark."),
    ("Does your group pay profits to owners or shareholders?", False,
     "The fund gives only to not-for-profit groups: community groups, charities and social enterprises that "
     "keep their profits for their aims."),
]
# (need, applicant, identifier or None for unregistered, contact, title, amount, plan, who benefits, where,
#  language, status, answers)
APPLICATIONS = [
    ("A community kitchen in Peckham", "পেকহ্যাম বাংলা মহিলা সমিতি", None, "peckham-bangla@demo.commonground.test",
     "মহিলাদের জন্য সাপ্তাহিক রান্নার ক্লাস", 6000,
     "প্রতি শনিবার চার্চ হলের রান্নাঘরে আমরা রান্নার ক্লাস চালাব: স্বাস্থ্যকর, কম খরচের খাবার, আর যা রান্না হবে "
     "তা প্রতিবেশীদের সঙ্গে ভাগ করে খাওয়া হবে। টাকা লাগবে চুলা, হাঁড়ি-পাতিল আর এক বছরের উপকরণে।",
     "পেকহ্যামের প্রায় ৬০ জন মহিলা, অনেকে সদ্য এই দেশে এসেছেন, আর তাঁদের পরিবার।", "Peckham Rye, SE15",
     "bn", ApplicationStatus.ELIGIBLE, (True, False)),
    ("Espacio para clases de baile y música", "Bermondsey Youth Music", "GB-CHC-1190001",
     "youth-music@demo.commonground.test", "Instruments and a sprung floor for the Walworth dance room", 12000,
     "We will lay a sprung floor and buy a keyboard, drums and speakers, so the room can host weekly dance and "
     "music sessions run by local teachers.", "About 120 young people aged 11 to 18 each week.",
     "Walworth centre, SE17", "en", ApplicationStatus.ELIGIBLE, (True, False)),
    ("A community kitchen in Peckham", "Walworth Tenants' Cooking Club", None, "cooking-club@demo.commonground.test",
     "Saturday lunch club", 0, "", "", "", "en", ApplicationStatus.DRAFT, (True, None)),
    ("Espacio para clases de baile y música", "Thames Events Ltd", "GB-COH-09876543",
     "bookings@demo.commonground.test", "Paid dance nights at the Walworth centre", 20000,
     "Monthly ticketed dance nights with guest DJs.", "Adults across London.", "Walworth centre, SE17", "en",
     ApplicationStatus.INELIGIBLE, (False, True)),
]


def load() -> list[str]:
    round_ = db.session.scalar(db.select(Round).filter_by(slug=ROUND))
    if round_ is None or db.session.scalar(db.select(Application.id).filter_by(
            round_id=round_.id, channel=Channel.INTERNET).limit(1)) is not None:
        return []
    questions = [EligibilityQuestion(round_id=round_.id, text=text, required=required, reason=reason, language="en")
                 for text, required, reason in QUESTIONS]
    db.session.add_all(questions)
    needs = {need.title: need for need in db.session.scalars(db.select(Need).filter_by(round_id=round_.id))}
    made = [_application(round_, needs[spec[0]], questions, *spec[1:]) for spec in APPLICATIONS]
    db.session.flush()
    # Made before the commit: read afterwards, inside the request context, they would begin a read-only transaction.
    tokens = {"bn": make_token(made[0]), "draft": make_token(made[2])}
    db.session.commit()
    with current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]):
        return [f"online application status link (Bengali): {url_for('applications.mine', token=tokens['bn'], _external=True)}",
                f"online application draft link: {url_for('applications.mine', token=tokens['draft'], _external=True)}"]


def _application(round_, need, questions, applicant, applicant_id, contact, title, amount, plan, beneficiaries,
                 location, language, status, answers) -> Application:
    application = Application(
        round_id=round_.id, need_id=need.id, applicant=applicant, applicant_id=applicant_id or "",
        unregistered=applicant_id is None, contact_email=contact, title=title, amount=amount, description=plan,
        beneficiaries=beneficiaries, location=location, language=language, status=status,
        channel=Channel.INTERNET)
    db.session.add(application)
    db.session.flush()
    db.session.add_all(EligibilityAnswer(application_id=application.id, question_id=q.id, answer=answer)
                       for q, answer in zip(questions, answers) if answer is not None)
    return application
