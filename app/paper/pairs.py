"""The pairs printed on a pairwise paper ballot, in plain Python.

A paper cannot ask the next pair once the last is answered, as the phone does, so each paper prints a
fixed list: every pair when the round has few needs, otherwise `PAIRS_PER_PAPER` pairs drawn from the
paper's serial. The list is drawn once, when the paper is made, and kept with it, so the page printed,
the keyer's entry and the record always name the same pairs in the same order; anyone holding the serial
and the needs' ids draws it again. Which need of a pair is printed first (A) is drawn too, so no need is
always on the same side.
"""
import hashlib
import random
from collections.abc import Iterable, Sequence
from itertools import combinations

PAIRS_PER_PAPER = 10

Pair = tuple[int, int]  # (A, B): the need printed first, then the one printed second


def draw(serial: str, needs: Iterable[int], size: int = PAIRS_PER_PAPER) -> list[Pair]:
    """The pairs one paper prints, in printed order."""
    every = list(combinations(sorted(set(needs)), 2))
    generator = random.Random(int.from_bytes(hashlib.sha256(f"pairs {serial}".encode()).digest(), "big"))
    chosen = generator.sample(every, min(size, len(every)))
    return [(a, b) if generator.random() < 0.5 else (b, a) for a, b in chosen]


def to_text(pairs: Sequence[Pair]) -> str:
    """The stored form: "12-7 3-9", A before B, in printed order."""
    return " ".join(f"{a}-{b}" for a, b in pairs)


def from_text(text: str) -> list[Pair]:
    pairs = []
    for item in (text or "").split():
        a, b = item.split("-")
        pairs.append((int(a), int(b)))
    return pairs
