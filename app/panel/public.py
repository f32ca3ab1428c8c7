from flask import Blueprint

from app.loaders import get_round
from app.panel import labels as panel_labels, services
from app.panel.open_data import decision_records
from app.web import render_page

bp = Blueprint("grants", __name__, url_prefix="/rounds/<slug>")


@bp.get("/decisions")
def decisions(slug):
    """The panel's published decisions: what is funded and why, against the community's needs."""
    round_ = get_round(slug)
    if round_.decisions_published_at is None:
        return render_page("panel/decisions.html", round=round_, published=False)
    apps = services.applications(round_)
    records = decision_records(round_, apps)
    return render_page("panel/decisions.html", round=round_, published=True, panel_labels=panel_labels,
                       apps={str(a.id): a for a in apps},
                       funded=[r for r in records if r["decision"] == "funded"],
                       declined=[r for r in records if r["decision"] != "funded"],
                       spent=round_.amount(services.funded_total(apps)))
