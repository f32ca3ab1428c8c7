"""The pairwise matrix: how many voters rank each need above each other need. Pure Python with NumPy.

NumPy does the counting: 100,000 rankings of 50 needs are 250 million comparisons. It loads with the
first count (a tenth of a second), so a process counting only budget rules never loads it.
"""
from collections import defaultdict
from typing import TYPE_CHECKING

from app.voting.profiles import RankingProfile

if TYPE_CHECKING:
    import numpy as np


def positions(profile: RankingProfile) -> "np.ndarray":
    """Each ballot's tier for every candidate, 0 best; candidates a ballot leaves out share the bottom."""
    import numpy as np

    ids, lengths, tied = [], [], []
    for ranking, _count in profile.ballots:
        size = sum(map(len, ranking))
        if size == len(ranking):
            # zip(*) flattens a ranking without ties at C speed: this loop meets every voter.
            ids.extend(next(zip(*ranking), ()))
        else:
            tied.append((len(ids), [number for number, tier in enumerate(ranking) for _ in tier]))
            for tier in ranking:
                ids.extend(tier)
        lengths.append(size)
    index = {c: i for i, c in enumerate(profile.candidates)}
    members = np.fromiter(map(index.__getitem__, ids), dtype=np.intp, count=len(ids))
    sizes = np.asarray(lengths, dtype=np.intp)
    starts = np.cumsum(sizes) - sizes
    tiers = np.arange(len(ids)) - np.repeat(starts, sizes)
    for offset, numbers in tied:
        tiers[offset:offset + len(numbers)] = numbers
    count = len(profile.candidates)
    pos = np.full((len(lengths), count), count, dtype=np.int16)
    pos[np.repeat(np.arange(len(lengths)), sizes), members] = tiers
    return pos


def matrix(profile: RankingProfile) -> list[list[int]]:
    """m[a][b]: voters ranking candidate a strictly above candidate b (indices of profile.candidates)."""
    import numpy as np

    pos = positions(profile)
    size = len(profile.candidates)
    by_count = defaultdict(list)
    for row, (_ranking, count) in enumerate(profile.ballots):
        by_count[count].append(row)
    result = np.zeros((size, size), dtype=np.int64)
    for count, rows in by_count.items():
        group = pos[rows] if len(by_count) > 1 else pos
        for a in range(size):
            result[a] += count * np.count_nonzero(group[:, a:a + 1] < group, axis=0)
    return result.tolist()
