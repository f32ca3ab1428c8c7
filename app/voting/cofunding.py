"""Splitting a grant between a round's co-funders by their pledges. Pure Python, exact integers.

Each funder pays the grant times its share of the pledged total, rounded down to the smallest money
unit; the units those roundings leave over go one each to the funders whose exact share lost the
most in rounding, and between equal losses to the funder that pledged first. The shares always add
up to the grant exactly, and no funder pays more than one unit above its exact share.
"""
from fractions import Fraction


def split(amount: int, pledges: list[tuple[str, int]]) -> dict[str, int]:
    """`amount` (whole money units) shared over `pledges` (funder, pledged units), in pledge order."""
    if amount < 0 or any(pledged < 0 for _, pledged in pledges):
        raise ValueError("negative amount")
    total = sum(pledged for _, pledged in pledges)
    if total == 0:
        raise ValueError("nothing pledged")
    exact = [(funder, Fraction(amount * pledged, total)) for funder, pledged in pledges]
    shares = {funder: int(share) for funder, share in exact}  # int() of a non-negative Fraction floors
    left = amount - sum(shares.values())
    by_loss = sorted(range(len(exact)), key=lambda i: (-(exact[i][1] - int(exact[i][1])), i))
    for i in by_loss[:left]:
        shares[exact[i][0]] += 1
    return shares


def payers(shares: list[tuple[str, int]], sole_funder: str, amount: int | None) -> list[tuple[str, int]]:
    """Who paid a funded grant how much: its co-funders' shares, else the round's sole funder all of it."""
    return list(shares) or [(sole_funder, amount or 0)]
