"""Staff accounts: creating them, checking their passwords, and the organisations they belong to."""
import re
from dataclasses import dataclass

from sqlalchemy.orm import joinedload, selectinload

from app import audit
from app.extensions import db
from app.models import Organisation, Role, Round, StaffRole, User
from app.models.user import check_no_account
from app.accounts.current import grant
from app.organisations import ORG_ID_PATTERN
from app.organisations.services import organisation as organisation_named
from app.register.lists import rounds_by_id

MIN_PASSWORD_LENGTH = 10


class AccountError(ValueError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(email: str, password: str | None, role: Role, round_: Round | None = None,
                organisation: str = "", org_id: str = "") -> User:
    """Create or update an account with this role; without a password it waits for its invitation.
    A named organisation (made if new, with its identifier) becomes the one the account belongs to."""
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    organisation, org_id = organisation.strip(), org_id.strip()
    if org_id and not organisation:
        raise AccountError("an organisation identifier needs the organisation's name (--organisation)")
    if len(organisation) > 200 or (org_id and (len(org_id) > 100 or not re.match(ORG_ID_PATTERN, org_id))):
        raise AccountError(f"not an organisation name and identifier: {organisation!r} {org_id!r}")
    user = _account(email)
    if password is not None and not user.check_password(password):
        user.set_password(password)
    if role == Role.ADMIN:
        user.is_admin = True
    else:
        grant(user, role, round_)
    if organisation:
        user.organisation_id = organisation_named(organisation, org_id).id
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
                              .options(joinedload(User.organisation))
                              .filter(StaffRole.round_id == round_.id).order_by(User.email))
    return [(user, role) for user, role in rows]


@dataclass(frozen=True)
class HeldRole:
    role: Role
    round: Round | None  # None: in every round


@dataclass(frozen=True)
class StaffAccount:
    user: User
    roles: list[HeldRole]


def roles_of(user: User, rounds: dict[int, Round] | None = None) -> list[HeldRole]:
    """The account's roles, those held in every round first, admin before them."""
    if rounds is None:
        rounds = rounds_by_id({s.round_id for s in user.roles if s.round_id is not None})
    held = [HeldRole(Role.ADMIN, None)] if user.is_admin else []
    held += [HeldRole(s.role, rounds.get(s.round_id)) for s in sorted(
        user.roles, key=lambda s: (s.round_id is not None, s.round_id or 0, s.role.value))]
    return held


def staff_accounts() -> list[StaffAccount]:
    """Every staff account by email, with its organisation and roles, read in three queries."""
    users = list(db.session.scalars(db.select(User).options(joinedload(User.organisation), selectinload(User.roles))
                                    .order_by(User.email)))
    rounds = rounds_by_id({s.round_id for u in users for s in u.roles if s.round_id is not None})
    return [StaffAccount(user, roles_of(user, rounds)) for user in users]


def set_organisation(user: User, actor: User, organisation_id: int | None, name: str = "", org_id: str = "") -> None:
    """The organisation the account belongs to: one already known, a new one by its name (and identifier),
    or none. Rounds the person creates from now on are run by it."""
    before = user.organisation.name if user.organisation is not None else ""
    if name:
        found = organisation_named(name, org_id)
    else:
        found = db.session.get(Organisation, organisation_id) if organisation_id is not None else None
    user.organisation_id = found.id if found is not None else None
    audit.record(actor, "staff-organisation-set", email=user.email, before=before,
                 after=found.name if found is not None else "")
    db.session.commit()


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
