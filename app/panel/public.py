from flask import Blueprint

from app import labels
from app.accounts.current import can_moderate, can_sit_on_panel, current_user
from app.challenges import labels as challenge_labels, services as challenges
from app.challenges.forms import ChallengeForm
from app.i18n import language_code
from app.loaders import get_round
from app.models.base import utcnow
from app.needs.categories import CONTENT_LANGUAGES
from app.panel import declarations, labels as panel_labels, rubric, services
from app.panel.open_data import decision_records
from app.participation import current_participant
from app.voting.challenges import Ground
from app.web import render_page

bp = Blueprint("grants", __name__, url_prefix="/rounds/<slug>")


@bp.get("/decisions")
def decisions(slug):
    """The panel's published decisions: what is funded and why, against the community's needs."""
    return decisions_page(get_round(slug))


def challenge_form(round_, apps, **kwargs) -> ChallengeForm:
    form = ChallengeForm(decisions=[(str(a.id), a.title) for a in apps if a.decision],
                         grounds=[(g.value, challenge_labels.ground(g)) for g in Ground],
                         languages=[(code, labels.language(code)) for code in CONTENT_LANGUAGES], **kwargs)
    if not form.is_submitted():
        participant = current_participant(round_)
        form.language.data = language_code()
        form.display_name.data = participant.display_name if participant else ""
    return form


def decisions_page(round_, form=None, status=200):
    """The decisions with their challenges and answers, and the form to challenge one while the window is open."""
    if round_.decisions_published_at is None:
        return render_page("panel/decisions.html", round=round_, published=False, status=status)
    apps = services.applications(round_)
    records = decision_records(round_, apps)
    user, now = current_user(), utcnow()
    window = challenges.window_of(round_)
    options = rubric.settings(round_)
    named = options.name_conflicts
    shown = challenges.shown(round_)
    return render_page("panel/decisions.html", round=round_, published=True, panel_labels=panel_labels,
                       apps={str(a.id): a for a in apps},
                       funded=[r for r in records if r["decision"] == "funded"],
                       declined=[r for r in records if r["decision"] != "funded"],
                       spent=round_.amount(services.funded_total(apps)), window=window,
                       window_open=window is not None and window.is_open(now),
                       final={str(a.id): challenges.final(round_, a, now) for a in apps},
                       challenges_of={str(a.id): [c for c in shown if c.application_id == a.id] for a in apps},
                       challenge_labels=challenge_labels, form=form or challenge_form(round_, apps),
                       conflicts_of={str(a.id): declarations.public_conflicts(round_, a, named) for a in apps},
                       confirmed=options.publication_asked_by_id is not None, quorum=options.quorum,
                       panel_member=can_sit_on_panel(user, round_), moderator=can_moderate(user, round_),
                       status=status)
