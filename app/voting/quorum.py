"""When a panel's decision stands, and who may publish. Pure Python.

Each member without a conflict records their own decision on an application: fund it with an amount,
or not. The decision stands once at least `quorum` members agree on the same thing (funding at the
same amount, or not funding); until then the application has no decision. Publication needs two
members: one asks, and a different member confirms.
"""
from collections import Counter
from dataclasses import dataclass

DEFAULT_QUORUM = 2


@dataclass(frozen=True)
class Vote:
    member: int
    funded: bool
    amount: int | None  # stored money units; None when not funded


@dataclass(frozen=True)
class Standing:
    funded: bool
    amount: int | None
    members: tuple[int, ...]  # who agree, in the order they voted


def _choice(vote: Vote) -> tuple[bool, int | None]:
    return (True, vote.amount) if vote.funded else (False, None)


def standing(votes: list[Vote], quorum: int) -> Standing | None:
    """The decision at least `quorum` members agree on; None while none has. Should two choices each
    reach the quorum (a quorum of one, or a large panel split), the one more members agree on stands,
    and on a tie, neither: the panel has not decided."""
    if quorum < 1:
        raise ValueError("a quorum is at least one member")
    counts = Counter(_choice(v) for v in votes)
    ranked = counts.most_common()
    if not ranked or ranked[0][1] < quorum or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    (funded, amount), _count = ranked[0]
    return Standing(funded, amount, tuple(v.member for v in votes if _choice(v) == (funded, amount)))


def may_confirm(asked_by: int | None, member: int) -> bool:
    """A member may confirm publication that another member asked for, never their own request."""
    return asked_by is not None and asked_by != member
