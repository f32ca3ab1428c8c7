"""What makes a ballot valid, for each kind. Pure Python: returns error codes, labels turn them into words."""
from dataclasses import dataclass


@dataclass(frozen=True)
class BallotRules:
    """A round's ballot settings. Ranking: up to max_choices needs. Approval: min_choices to max_choices
    needs. Points: points_total in all, at most points_per_need on one need."""
    max_choices: int | None = None
    min_choices: int = 1
    points_total: int | None = None
    points_per_need: int | None = None

    def limits(self, needs: frozenset[int]) -> "Limits":
        return Limits(needs, self.max_choices, self.min_choices, self.points_total, self.points_per_need)


@dataclass(frozen=True)
class Limits:
    """One ballot's rules, with the needs on it."""
    needs: frozenset[int]
    max_choices: int | None = None
    min_choices: int = 1
    points_total: int | None = None
    points_per_need: int | None = None


def ranking_errors(order: list[int], limits: Limits) -> list[str]:
    errors = []
    if not order:
        errors.append("empty")
    if len(set(order)) != len(order):
        errors.append("duplicate")
    if any(n not in limits.needs for n in order):
        errors.append("unknown-need")
    if limits.max_choices and len(order) > limits.max_choices:
        errors.append("too-many")
    return errors


def approval_errors(chosen: list[int], limits: Limits) -> list[str]:
    errors = []
    if any(n not in limits.needs for n in chosen):
        errors.append("unknown-need")
    if len(set(chosen)) < max(1, limits.min_choices):
        errors.append("too-few")
    if limits.max_choices and len(set(chosen)) > limits.max_choices:
        errors.append("too-many")
    return errors


def points_errors(given: dict[int, int], limits: Limits) -> dict[int | None, list[str]]:
    """Errors by need (None for the ballot as a whole)."""
    errors: dict[int | None, list[str]] = {}
    for need, amount in given.items():
        if need not in limits.needs:
            errors.setdefault(None, []).append("unknown-need")
        elif amount < 0:
            errors.setdefault(need, []).append("negative")
        elif limits.points_per_need and amount > limits.points_per_need:
            errors.setdefault(need, []).append("over-need-limit")
    total = sum(amount for amount in given.values() if amount > 0)
    if total == 0:
        errors.setdefault(None, []).append("empty")
    if limits.points_total and total > limits.points_total:
        errors.setdefault(None, []).append("over-total")
    return errors


def points_left(given: dict[int, int], limits: Limits) -> int | None:
    if not limits.points_total:
        return None
    return limits.points_total - sum(max(0, amount) for amount in given.values())
