"""Pairwise ("which matters more?") answers: the Bradley-Terry model. Pure Python.

Each need i has a strength p_i; the chance that i is preferred to j is p_i / (p_i + p_j).
Strengths are the maximum-likelihood fit by Hunter's MM algorithm (2004). A weak prior of
half a win each way on every pair that was compared keeps needs that never won (or never
lost) at finite strengths. "I can't decide" answers carry no preference and are left out.

The score shown is the one All Our Ideas reports: the chance, in percent, that the need is
preferred to a randomly chosen other need.
"""
from collections import defaultdict

from app.voting.outcome import Outcome
from app.voting.profiles import PairwiseProfile
from app.voting.ties import TieBreak, order_by_score

PRIOR = 0.5
TOLERANCE = 1e-12
MAX_ITERATIONS = 10_000


def bradley_terry(profile: PairwiseProfile, tie_break: TieBreak) -> Outcome:
    strengths, wins, answers = fit(profile)
    compared = [c for c in profile.candidates if c in strengths]
    scores = {c: round(100 * beats_random_other(c, strengths), 2) if c in strengths else 0.0
              for c in profile.candidates}
    # Rank by strength; equal strengths (and needs never compared) fall to the tie-break.
    rank_key = {c: strengths.get(c, -1.0) for c in profile.candidates}
    ranking, ties = order_by_score({c: round(v, 9) for c, v in rank_key.items()}, tie_break)
    return Outcome("bradley-terry", tie_break.name, ranking, scores, ties, voters=answers,
                   details={"strengths": {c: strengths[c] for c in compared}, "wins": wins})


def fit(profile: PairwiseProfile) -> tuple[dict[str, float], dict, int]:
    wins: dict[tuple[str, str], float] = defaultdict(float)
    answers = 0
    for comparison, count in profile.comparisons:
        answers += count
        if comparison.winner is None:
            continue
        loser = comparison.second if comparison.winner == comparison.first else comparison.first
        wins[(comparison.winner, loser)] += count
    pairs = {frozenset(pair) for pair in wins}
    for pair in pairs:
        a, b = sorted(pair)
        wins[(a, b)] += PRIOR
        wins[(b, a)] += PRIOR
    items = sorted({c for pair in pairs for c in pair})
    if not items:
        return {}, {}, answers
    total_wins = {c: 0.0 for c in items}
    games: dict[str, dict[str, float]] = {c: defaultdict(float) for c in items}
    for (winner, loser), count in wins.items():
        total_wins[winner] += count
        games[winner][loser] += count
        games[loser][winner] += count
    strength = {c: 1.0 for c in items}
    for _ in range(MAX_ITERATIONS):
        updated = {}
        for i in items:
            denominator = sum(n / (strength[i] + strength[j]) for j, n in games[i].items())
            updated[i] = total_wins[i] / denominator
        norm = sum(updated.values()) / len(items)
        updated = {c: v / norm for c, v in updated.items()}
        change = max(abs(updated[c] - strength[c]) for c in items)
        strength = updated
        if change < TOLERANCE:
            break
    plain_wins = {f"{w}>{l}": n - PRIOR for (w, l), n in wins.items() if n - PRIOR > 0}
    return strength, plain_wins, answers


def beats_random_other(candidate: str, strengths: dict[str, float]) -> float:
    others = [c for c in strengths if c != candidate]
    if not others:
        return 0.5
    p = strengths[candidate]
    return sum(p / (p + strengths[o]) for o in others) / len(others)
