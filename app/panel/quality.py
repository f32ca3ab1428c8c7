"""The 360Giving data quality checks on the grants a round is about to publish, and fixing what they find:
the bridge from the stored grants to app.voting.data_quality, and the details form's one transaction."""
from app import audit
from app.extensions import db
from app.models import Application, RecipientLocation, Round, User
from app.panel.services import PanelError, Refusal
from app.voting.data_quality import Check, GrantText, check_all


def grant_text(round_: Round, application: Application) -> GrantText:
    """What the grant will publish (app.panel.open_data.grant): an empty description goes out as the title."""
    place = application.recipient_location
    return GrantText(str(application.id), application.title, application.description or application.title,
                     application.applicant_id, place.name if place else "",
                     round_.area or application.location or "")


def warnings(round_: Round, apps: list[Application]) -> dict[int, list[Check]]:
    """Each grant the panel now stands to fund, with what GrantNav would flag in it."""
    funded = [a for a in apps if a.decision is not None and a.decision.funded]
    return {int(key): found for key, found in check_all([grant_text(round_, a) for a in funded]).items()}


def update_details(round_: Round, application: Application, values: dict, actor: User) -> None:
    """Correct what a grant publishes: title, description, organisation identifier, where the group is based."""
    if round_.decisions_published_at is not None:
        raise PanelError(Refusal.PUBLISHED)
    for key in ("title", "description", "applicant_id"):
        if key in values:
            setattr(application, key, values[key])
    place = values.get("recipient_location", "")
    if place and application.recipient_location is None:
        application.recipient_location = RecipientLocation(application_id=application.id, name=place)
    elif place:
        application.recipient_location.name = place
    elif application.recipient_location is not None:
        application.recipient_location = None
    audit.record(actor, "application-details-corrected", round_, application=application.id,
                 fields=sorted(values))
    db.session.commit()
