"""Who is signed in, and what their roles let them do in a round."""
from functools import wraps

from flask import abort, g, redirect, request, session, url_for

from app.extensions import db
from app.loaders import get_round
from app.models import Role, Round, StaffRole, User

USER_KEY, VERSION_KEY = "user_id", "user_version"


def current_user() -> User | None:
    if "user" not in g:
        user_id = session.get(USER_KEY)
        user = db.session.get(User, user_id) if user_id else None
        if user is not None and session.get(VERSION_KEY) != user.session_version:
            # Signed out, or the password or a role changed, since this session began (maybe elsewhere).
            session.pop(USER_KEY, None)
            session.pop(VERSION_KEY, None)
            user = None
        g.user = user
    return g.user


def sign_in(user: User) -> None:
    # A fresh session on sign-in, so nothing set before it (fixation) carries over.
    session.clear()
    session[USER_KEY], session[VERSION_KEY] = user.id, user.session_version
    g.user = user


def sign_out() -> None:
    """End this session and every other session of the account (a copied cookie included)."""
    user = current_user()
    if user is not None:
        user.end_sessions()
        db.session.commit()
    session.clear()
    g.user = None


def _roles(user: User, round_: Round | None) -> set[Role]:
    return {
        staff.role for staff in user.roles
        if staff.round_id is None or (round_ is not None and staff.round_id == round_.id)
    }


def can_create_rounds(user: User | None) -> bool:
    return bool(user) and (user.is_admin or Role.FACILITATOR in _roles(user, None))


def can_manage(user: User | None, round_: Round) -> bool:
    return bool(user) and (user.is_admin or Role.FACILITATOR in _roles(user, round_))


def can_moderate(user: User | None, round_: Round) -> bool:
    return bool(user) and (user.is_admin or bool({Role.FACILITATOR, Role.MODERATOR} & _roles(user, round_)))


def can_translate(user: User | None, round_: Round) -> bool:
    return bool(user) and (user.is_admin or bool({Role.FACILITATOR, Role.TRANSLATOR} & _roles(user, round_)))


def can_review(user: User | None, round_: Round) -> bool:
    return bool(user) and (user.is_admin or bool({Role.FACILITATOR, Role.REVIEWER} & _roles(user, round_)))


def can_key_paper(user: User | None, round_: Round) -> bool:
    """Operators key paper ballots and run the desk; settling a dispute stays with a facilitator."""
    return bool(user) and (user.is_admin or bool({Role.FACILITATOR, Role.OPERATOR} & _roles(user, round_)))


def can_sit_on_panel(user: User | None, round_: Round) -> bool:
    return bool(user) and (user.is_admin or bool({Role.FACILITATOR, Role.PANEL} & _roles(user, round_)))


def grant(user: User, role: Role, round_: Round | None = None) -> None:
    if not any(s.role == role and s.round_id == (round_.id if round_ else None) for s in user.roles):
        user.roles.append(StaffRole(role=role, round_id=round_.id if round_ else None))


def staff_required(view):
    """Send visitors who are not signed in to the sign-in page, and back afterwards."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_user() is None:
            return redirect(url_for("accounts.sign_in", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)
    return wrapped


def require(allowed: bool) -> None:
    if not allowed:
        abort(403)


def requires(permission):
    """Sign-in first (staff_required), then the round in the address (404), then `permission` (403);
    the view is called with the loaded round before the address's own values."""
    def decorate(view):
        @wraps(view)
        @staff_required
        def wrapped(*args, **kwargs):
            round_ = get_round(kwargs["slug"])
            require(permission(current_user(), round_))
            return view(round_, *args, **kwargs)
        return wrapped
    return decorate
