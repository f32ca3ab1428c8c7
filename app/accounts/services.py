"""Staff accounts: creating them and checking their passwords."""
from app import audit
from app.extensions import db
from app.models import Role, Round, StaffRole, User
from app.models.user import check_no_account
from app.accounts.current import grant

MIN_PASSWORD_LENGTH = 10


class AccountError(ValueError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(email: str, password: str | None, role: Role, round_: Round | None = None) -> User:
    """Create or update an account with this role; without a password it waits for its invitation."""
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    user = _account(email)
    if password is not None and not user.check_password(password):
        user.set_password(password)
    if role == Role.ADMIN:
        user.is_admin = True
    else:
        grant(user, role, round_)
    db.session.commit()
    return user


def _account(email: str) -> User:
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise AccountError(f"not an email address: {email!r}")
    user = db.session.scalar(db.select(User).filter_by(email=email))
    if user is None:
        user = User(email=email)
        db.session.add(user)
    return user


def invite(email: str, role: Role, round_: Round, inviter: User) -> User:
    """Give someone a role in a round; the caller sends the link that lets them choose a password."""
    user = _account(email)
    grant(user, role, round_)
    audit.record(inviter, "user-invited", round_, email=user.email, role=role.value)
    db.session.commit()
    return user


def set_password(user: User, password: str) -> None:
    user.set_password(password)
    db.session.commit()


def account_for(email: str) -> User | None:
    return db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))


def round_staff(round_: Round) -> list[tuple[User, Role]]:
    rows = db.session.execute(db.select(User, StaffRole.role).join(StaffRole, StaffRole.user_id == User.id)
                              .filter(StaffRole.round_id == round_.id).order_by(User.email))
    return [(user, role) for user, role in rows]


def authenticate(email: str, password: str) -> User | None:
    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))
    if user is None:
        return check_no_account(password) or None
    return user if user.check_password(password) else None


def remove_role(user: User, role: Role, round_: Round | None = None) -> None:
    """Take a role away; the account's sessions end, so none keeps what the role allowed."""
    if role == Role.ADMIN:
        user.is_admin = False
    user.roles = [s for s in user.roles if not (s.role == role and s.round_id == (round_.id if round_ else None))]
    user.end_sessions()
    db.session.commit()
