from flask import Blueprint, current_app, jsonify, make_response, redirect, request
from sqlalchemy import text

from app.extensions import db
from app.i18n import LANGUAGE_COOKIE
from app.models import Round
from app.rounds.phases import Phase
from app.web import render_page, safe_next, today
from app.page_cache import shared_page

bp = Blueprint("main", __name__)


@bp.get("/")
@shared_page
def home():
    """Open rounds first, then past rounds whose results stay public."""
    rounds = db.session.scalars(db.select(Round).order_by(Round.created_at.desc(), Round.id.desc())).all()
    day = today()
    open_rounds = [r for r in rounds if r.phase_on(day) != Phase.RESULTS]
    past_rounds = [r for r in rounds if r.phase_on(day) == Phase.RESULTS]
    return render_page("main/home.html", open_rounds=open_rounds, past_rounds=past_rounds)


@bp.post("/language")
def choose_language():
    """Remember the visitor's choice of language, then go back to where they were."""
    response = make_response(redirect(safe_next(request.form.get("next"))))
    chosen = request.form.get("lang")
    if chosen in current_app.config["LANGUAGES"]:
        response.set_cookie(LANGUAGE_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True)
    return response


@bp.get("/healthz")
def healthz():
    """Liveness for load balancers: 200 when the app and its database answer."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any database failure means "not healthy", whatever its type
        db.session.rollback()
        return jsonify({"status": "unavailable"}), 503
    return jsonify({"status": "ok"})
