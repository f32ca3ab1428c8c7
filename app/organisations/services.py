"""Organisations and co-funding, each action one transaction: a round's pledges, and each funded grant
split between the round's funders by their pledges (see app/voting/cofunding)."""
from dataclasses import dataclass

from sqlalchemy import select

from app import audit
from app.extensions import db
from app.models import GrantDecision, GrantShare, Organisation, Pledge, Round, User
from app.voting.cofunding import split


@dataclass(frozen=True)
class PledgeLine:
    name: str
    org_id: str
    amount: int  # the round's stored money units


def organisation(name: str, org_id: str = "") -> Organisation:
    """The organisation of that name, made if new; a given identifier is kept for it."""
    found = db.session.scalar(select(Organisation).filter_by(name=name))
    if found is None:
        found = Organisation(name=name, org_id=org_id)
        db.session.add(found)
        db.session.flush()
    elif org_id and found.org_id != org_id:
        found.org_id = org_id
    return found


def every_organisation() -> list[Organisation]:
    return list(db.session.scalars(select(Organisation).order_by(Organisation.name, Organisation.id)))


def choices(within: set[int | None] | None = None) -> list[tuple[int, str]]:
    """Every organisation (or those `within`) as a choice in a form, by name, its 360Giving identifier beside it."""
    return [(o.id, f"{o.name} ({o.org_id})" if o.org_id else o.name) for o in every_organisation()
            if within is None or o.id in within]


def set_pledges(round_: Round, lines: list[PledgeLine], actor: User) -> None:
    """The round's co-funders and what each pledges, replacing those saved before."""
    wanted = {}
    for line in lines:
        wanted[organisation(line.name, line.org_id).id] = line.amount
    for pledge in list(round_.pledges):
        if pledge.organisation_id not in wanted:
            round_.pledges.remove(pledge)
    kept = {p.organisation_id: p for p in round_.pledges}
    for org_id, amount in wanted.items():
        pledge = kept.get(org_id) or Pledge(round_id=round_.id, organisation_id=org_id)
        pledge.amount = amount
        if org_id not in kept:
            round_.pledges.append(pledge)
    audit.record(actor, "pledges-set", round_, pledges={str(k): v for k, v in wanted.items()})
    db.session.commit()


def pledged_total(round_: Round) -> int:
    return sum(p.amount for p in round_.pledges)


def share(round_: Round, decision: GrantDecision) -> None:
    """Record which funders pay how much of a decision, by pledge share; none when it is not funded
    or the round has no pledges (the round's own funder then pays it all). The caller commits."""
    decision.shares.clear()
    pledges = [p for p in round_.pledges if p.amount > 0]
    if not decision.funded or not decision.amount or not pledges:
        return
    db.session.flush()  # the cleared shares go before new ones take their (decision, funder) pairs
    parts = split(decision.amount, [(str(p.organisation_id), p.amount) for p in pledges])
    for pledge in pledges:
        decision.shares.append(GrantShare(organisation_id=pledge.organisation_id,
                                          amount=parts[str(pledge.organisation_id)]))
