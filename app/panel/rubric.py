"""The round's rubric and the panel's settings, each change one transaction; the bridge from the stored
criteria and marks to the rubric arithmetic (app.voting.rubric)."""
from dataclasses import dataclass

from sqlalchemy import select

from app import audit
from app.extensions import db
from app.models import Application, Criterion, PanelMark, PanelScore, PanelSettings, Round, User
from app.voting import rubric
from app.voting.rubric import Standard


@dataclass(frozen=True)
class CriterionLine:
    """A criterion as the panel typed it: `id` None for a new one; an empty name keeps a standard one's words."""

    id: int | None
    name: str
    weight: int
    anchors: tuple[str, ...]
    remove: bool = False


def criteria(round_: Round) -> list[Criterion]:
    return list(db.session.scalars(select(Criterion).filter_by(round_id=round_.id)
                                   .order_by(Criterion.position, Criterion.id)))


def ensure(round_: Round) -> list[Criterion]:
    """The round's criteria, starting it on the three standard questions, equally weighted, if it has none
    (call inside a writing transaction)."""
    found = criteria(round_)
    if found:
        return found
    # Two first applications at once must not start the round on two rubrics (SQLite's writes are serial).
    db.session.execute(select(Round.id).filter_by(id=round_.id).with_for_update())
    found = criteria(round_)
    if not found:
        found = [Criterion(round_id=round_.id, position=n, standard=s, weight=1) for n, s in enumerate(Standard)]
        db.session.add_all(found)
        db.session.flush()
    return found


def settings(round_: Round) -> PanelSettings:
    """The panel's settings; the defaults, unsaved, for a round that has never changed them."""
    found = db.session.scalar(select(PanelSettings).filter_by(round_id=round_.id))
    return found or PanelSettings(round_id=round_.id, blind=False, quorum=2, name_conflicts=False)


def stored_settings(round_: Round) -> PanelSettings:
    found = settings(round_)
    if found.id is None:
        db.session.add(found)
    return found


def rules(found: list[Criterion]) -> tuple[rubric.Criterion, ...]:
    return tuple(rubric.Criterion(str(c.id), c.weight) for c in found)


def marking_started(round_: Round) -> bool:
    return db.session.scalar(select(PanelScore.id).join(Application).filter(Application.round_id == round_.id)
                             .limit(1)) is not None


class RubricRefusal(ValueError):
    """"in-use": members have marked, so criteria and weights stay; "empty": no criterion would be left."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def set_rubric(round_: Round, lines: list[CriterionLine], values: dict, actor: User) -> None:
    """Save the criteria, their weights and anchors, and the panel's settings (`values`: blind, quorum,
    name_conflicts). Once members have marked, only the words may change: their marks were given
    against these criteria and weights."""
    existing = {c.id: c for c in ensure(round_)}
    kept = [line for line in lines if not line.remove and (line.id in existing or line.name)]
    if not kept:
        raise RubricRefusal("empty")
    if marking_started(round_) and _shape(kept, existing) != {(c.id, c.weight) for c in existing.values()}:
        raise RubricRefusal("in-use")
    for position, line in enumerate(kept):
        criterion = existing.pop(line.id, None) or Criterion(round_id=round_.id, standard=None)
        criterion.position, criterion.weight = position, line.weight
        criterion.name = line.name if line.name or criterion.standard is None else ""
        for n, anchor in enumerate(line.anchors, 1):
            setattr(criterion, f"anchor_{n}", anchor)
        db.session.add(criterion)
    for gone in existing.values():
        db.session.delete(gone)
    stored = stored_settings(round_)
    for key, value in values.items():
        setattr(stored, key, value)
    audit.record(actor, "rubric-set", round_, criteria=[(line.name, line.weight) for line in kept], **values)
    db.session.commit()


def _shape(lines: list[CriterionLine], existing: dict) -> set:
    return {(line.id if line.id in existing else None, line.weight) for line in lines}


def sheets(application: Application, found: list[Criterion]) -> list[dict[str, int]]:
    """The marks of members without a conflict, each complete on the rubric `found`."""
    keys = {str(c.id) for c in found}
    conflicted = {c.user_id for c in application.conflicts}
    return [s.sheet for s in application.scores if s.user_id not in conflicted and keys <= set(s.sheet)]


def mark_of(score: PanelScore | None, criterion: Criterion) -> PanelMark | None:
    return next((m for m in score.marks if m.criterion_id == criterion.id), None) if score else None


def identity_hidden(options: PanelSettings, application: Application) -> bool:
    """Blind marking hides who applied from the panel until the application is decided."""
    return options.blind and application.decision is None
