"""Staff accounts: creating them and checking their passwords."""
from app.extensions import db
from app.models import Role, Round, User
from app.accounts.current import grant

MIN_PASSWORD_LENGTH = 10


class AccountError(ValueError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(email: str, password: str, role: Role, round_: Round | None = None) -> User:
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise AccountError(f"not an email address: {email!r}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    user = db.session.scalar(db.select(User).filter_by(email=email))
    if user is None:
        user = User(email=email)
        db.session.add(user)
    user.set_password(password)
    if role == Role.ADMIN:
        user.is_admin = True
    else:
        grant(user, role, round_)
    db.session.commit()
    return user


def authenticate(email: str, password: str) -> User | None:
    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))
    if user is None or not user.check_password(password):
        return None
    return user
