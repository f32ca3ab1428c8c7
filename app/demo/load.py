"""`flask demo`: loads the demo rounds once; a second run finds them and changes nothing."""
from datetime import date, timedelta

from flask import current_app

from app.accounts.current import grant
from app.ballots.keys import imported_voter_key, new_receipt
from app.demo import (applications as online_applications, content, grants as grant_progress, organisations,
                      pairwise, paper, quorum as demo_quorum, register, review, rubric as demo_rubric, translations,
                      workshops)
from app.extensions import db
from app.models import (Application, Ballot, Comment, Conflict, GrantDecision, Need, NoConflict, PanelMark,
                        PanelScore, Participant, Role, Round, Support, User)
from app.models.base import utcnow
from app.needs.services import search_document
from app.panel import rubric
from app.rounds.phases import ORDER, Phase
from app.voting.ballot_content import PointsBallot, RankingBallot


def load_demo(today: date | None = None) -> list[str]:
    today = today or date.today()
    facilitator = _facilitator()
    lines = []
    for spec in content.ROUNDS:
        if db.session.scalar(db.select(Round.id).filter_by(slug=spec["slug"])):
            lines.append(f"{spec['slug']}: already loaded")
            continue
        round_ = _round(spec, today)
        grant(facilitator, Role.FACILITATOR, round_)
        _needs(round_)
        _panel(round_)
        lines.append(f"{spec['slug']}: loaded ({spec['phase']})")
    db.session.commit()
    lines += workshops.load()
    lines += paper.load()
    lines += pairwise.load()
    lines += review.load()
    lines += translations.load()
    lines += demo_rubric.load()
    lines += grant_progress.load()  # before the register carries Newham 2026's street cleaning on to 2027
    lines += demo_quorum.load()
    lines += register.load(today)
    lines += online_applications.load()
    lines.append(f"facilitator sign-in: {content.FACILITATOR_EMAIL} / {content.FACILITATOR_PASSWORD}")
    lines.append(f"panel sign-in: {content.PANEL[0][1]} / {content.PANEL_PASSWORD}")
    return lines


def _facilitator() -> User:
    user = db.session.scalar(db.select(User).filter_by(email=content.FACILITATOR_EMAIL))
    if user is None:
        user = User(email=content.FACILITATOR_EMAIL)
        user.set_password(content.FACILITATOR_PASSWORD)
        db.session.add(user)
        organisations.works_for(user)
        grant(user, Role.FACILITATOR)
    return user


def _round(spec: dict, today: date) -> Round:
    starts = {f"{phase.value}_starts": today + timedelta(days=offset)
              for phase, offset in zip(ORDER, spec["offset_days"])}
    round_ = Round(slug=spec["slug"], title=spec["title"], area=spec["area"], description=spec["description"],
                   area_choices=spec["area_choices"], budget=spec["budget"], currency=spec["currency"],
                   phase=Phase(spec["phase"]), **starts, **spec.get("ballot", {}))
    db.session.add(round_)
    organisations.run_by(round_)
    db.session.flush()
    return round_


def _participant(round_: Round, name: str, cache: dict) -> Participant:
    if name not in cache:
        cache[name] = Participant(round_id=round_.id, display_name=name)
        db.session.add(cache[name])
    return cache[name]


def _needs(round_: Round) -> None:
    people, needs = {}, {}
    for slug, title, description, affected, location, area, category, language, author in content.NEEDS:
        if slug != round_.slug:
            continue
        need = Need(round_id=round_.id, title=title, description=description, affected=affected,
                    location=location, area=area, category=category, language=language,
                    author=_participant(round_, author, people))
        need.search_document = search_document(need)
        db.session.add(need)
        needs[title] = need
    db.session.flush()
    threads = []
    for slug, title, author, language, text, reply_to in content.COMMENTS:
        if slug != round_.slug:
            continue
        parent = threads[reply_to] if reply_to is not None else None
        comment = Comment(need_id=needs[title].id, body=text, language=language,
                          author=_participant(round_, author, people), parent_id=parent.id if parent else None)
        db.session.add(comment)
        db.session.flush()
        threads.append(comment)
    for slug, title, count in content.SUPPORTS:
        if slug == round_.slug:
            for n in range(count):
                supporter = _participant(round_, f"supporter-{n}", people)
                db.session.flush()
                db.session.add(Support(need_id=needs[title].id, participant_id=supporter.id))
    _ballots(round_, needs)


def _ballots(round_: Round, needs: dict) -> None:
    """Demo ballots, stored as residents' ballots are: keyed, with receipts, apart from the register."""
    secret, voter = current_app.config["SECRET_KEY"], 0
    for slug, choices, count in content.BALLOTS:
        if slug != round_.slug:
            continue
        if isinstance(choices, dict):
            ballot = PointsBallot.of_points({needs[title].id: p for title, p in choices.items()})
        else:
            ballot = RankingBallot.of_order(needs[title].id for title in choices)
        for _ in range(count):
            db.session.add(Ballot(round_id=round_.id, voter_key=imported_voter_key(secret, round_.id, voter),
                                  receipt=new_receipt(), content=ballot.to_json()))
            voter += 1


def _member(email: str) -> User:
    user = db.session.scalar(db.select(User).filter_by(email=email))
    if user is None:
        user = User(email=email)
        user.set_password(content.PANEL_PASSWORD)
        db.session.add(user)
        organisations.works_for(user)
    return user


def _panel(round_: Round) -> None:
    """The round's panel members, applications, marks, conflicts and, where published, decisions."""
    for slug, email in content.PANEL:
        if slug == round_.slug:
            grant(_member(email), Role.PANEL, round_)
    for key, value in content.FUNDERS.get(round_.slug, {}).items():
        setattr(round_, key, value)
    needs = {need.title: need for need in db.session.scalars(db.select(Need).filter_by(round_id=round_.id))}
    apps = {}
    for slug, need, applicant, applicant_id, title, description, amount in content.APPLICATIONS:
        if slug == round_.slug:
            apps[title] = Application(round_id=round_.id, need_id=needs[need].id, applicant=applicant,
                                      applicant_id=applicant_id, title=title, description=description, amount=amount)
            db.session.add(apps[title])
    db.session.flush()
    criteria = rubric.ensure(round_) if apps else []
    for slug, title, email, *marks in content.MARKS:
        if slug == round_.slug:
            db.session.add(PanelScore(application_id=apps[title].id, user_id=_member(email).id, marks=[
                PanelMark(criterion_id=criterion.id, mark=mark) for criterion, mark in zip(criteria, marks)]))
            db.session.add(NoConflict(application_id=apps[title].id, user_id=_member(email).id))  # declared first
    for slug, title, email, reason in content.CONFLICTS:
        if slug == round_.slug:
            db.session.add(Conflict(application_id=apps[title].id, user_id=_member(email).id, reason=reason))
    chair = next((_member(email) for slug, email in content.PANEL if slug == round_.slug), None)
    for slug, title, funded, amount, reason in content.DECISIONS:
        if slug == round_.slug:
            db.session.add(GrantDecision(application_id=apps[title].id, funded=funded, amount=amount, reason=reason,
                                         decided_by_id=chair.id))
    round_.decision_rationale = content.RATIONALE.get(round_.slug, "")
    if round_.slug in content.PUBLISHED:
        round_.decisions_published_at = utcnow()
