"""The register's page: every need in every round, filtered in the address so a search can be shared."""
from flask import Blueprint, current_app, request

from app.bounds import parse_int
from app.i18n import language_code
from app.needs import translations as translations_service
from app.needs.categories import CATEGORIES, CONTENT_LANGUAGES
from app.register import queries
from app.register.status import RegisterStatus
from app.web import render_page
from app.page_cache import shared_page

bp = Blueprint("register", __name__)


def _choice(name: str, allowed) -> str:
    value = request.args.get(name, "")
    return value if value in allowed else ""


@bp.get("/needs")
@shared_page
def index():
    """The shared needs register across every round and funder."""
    status = _choice("status", {s.value for s in RegisterStatus})
    after = request.args.get("after", 0, type=parse_int) or 0
    filters = queries.Filters(area=request.args.get("area", "").strip()[:120], theme=_choice("theme", CATEGORIES),
                              status=RegisterStatus(status) if status else None,
                              language=_choice("language", CONTENT_LANGUAGES), q=request.args.get("q", "").strip()[:200],
                              after=after)
    page = queries.page(filters, current_app.config["NEEDS_PER_PAGE"])
    shown = translations_service.shown_in([entry.need for entry in page.entries], language_code())
    args = {"area": filters.area, "theme": filters.theme, "status": status, "language": filters.language,
            "q": filters.q}
    args = {k: v for k, v in args.items() if v}
    return render_page("register/index.html", "register/_results.html", page=page, shown=shown, filters=args,
                       statuses=list(RegisterStatus), languages=CONTENT_LANGUAGES, first=filters.after == 0)
