"""The demo's organisations: the one running each round (its area carrying its code too), and those the
demo staff work for."""
from app.demo import content
from app.models import Round, User
from app.organisations.services import organisation
from app.register.areas import round_code


def run_by(round_: Round) -> None:
    """The round is run by its organisation, and its area carries its code, as the round form would save them."""
    name, org_id = content.RUN_BY.get(round_.slug, ("", ""))
    if name:
        round_.organisation_id = organisation(name, org_id).id
    round_.area_code = round_code(round_.area or "", round_.area_code or "")


def works_for(user: User) -> None:
    """A new demo staff account belongs to its organisation, if the demo names one."""
    name = content.STAFF_ORGANISATIONS.get(user.email)
    if name:
        user.organisation_id = organisation(name, dict(content.RUN_BY.values()).get(name, "")).id
