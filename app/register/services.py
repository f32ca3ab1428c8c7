"""Register actions, each one transaction: a round's wards loaded from CSV."""
from sqlalchemy import delete, select

from app import audit
from app.extensions import db
from app.models import Round, User, Ward
from app.register.areas import Place, borough


def load_wards(round_: Round, places: list[Place], actor: User) -> None:
    """The round's wards become these places, and residents pick their area from them."""
    db.session.execute(delete(Ward).where(Ward.round_id == round_.id))
    db.session.add_all(Ward(round_id=round_.id, name=p.name, code=p.code) for p in places)
    round_.area_choices = [p.name for p in places]
    audit.record(actor, "wards-loaded", round_, wards=len(places))
    db.session.commit()


def area_code(round_: Round, area: str) -> str:
    """The code of a place a need names: one of the round's wards, else a London local authority."""
    if not area:
        return ""
    code = db.session.scalar(select(Ward.code).where(Ward.round_id == round_.id, Ward.name == area))
    if code:
        return code
    place = borough(area)
    return place.code if place else ""
