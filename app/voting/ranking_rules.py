"""Rules for ranking ballots: Borda, Copeland, Schulze, ranked pairs, instant runoff. Pure Python.

Truncated rankings: a ballot ranks every need it names above every need it leaves out,
and says nothing between the needs it leaves out (they are tied at the bottom). Borda
therefore gives a need one point for each need it is ranked above on a ballot: the usual
n-1, n-2, ... for a complete ranking, nothing for needs left out.
"""
from collections import defaultdict
from fractions import Fraction

from app.voting.outcome import Outcome
from app.voting.pairwise import matrix
from app.voting.profiles import RankingProfile
from app.voting.ties import Tie, TieBreak, order_by_score


def borda(profile: RankingProfile, tie_break: TieBreak) -> Outcome:
    """Borda count: a point for every need a ballot ranks a need above."""
    m = matrix(profile)
    scores = {c: sum(m[i]) for i, c in enumerate(profile.candidates)}
    ranking, ties = order_by_score(scores, tie_break)
    return Outcome("borda", tie_break.name, ranking, scores, ties, voters=profile.voters)


def copeland(profile: RankingProfile, tie_break: TieBreak) -> Outcome:
    """Copeland: head-to-head wins minus head-to-head losses."""
    m, cands = matrix(profile), profile.candidates
    scores = {a: sum((m[i][j] > m[j][i]) - (m[i][j] < m[j][i]) for j in range(len(cands)) if j != i)
              for i, a in enumerate(cands)}
    ranking, ties = order_by_score(scores, tie_break)
    return Outcome("copeland", tie_break.name, ranking, scores, ties, voters=profile.voters,
                   details={"pairwise": _pairwise(cands, m)})


def schulze(profile: RankingProfile, tie_break: TieBreak) -> Outcome:
    """Schulze (beatpath), defeat strength by winning votes, as Debian counts.

    A need beats another when its strongest path of head-to-head wins to it is stronger than
    the way back; the score is how many needs it beats that way.
    """
    m, cands = matrix(profile), profile.candidates
    n = len(cands)
    path = [[m[i][j] if m[i][j] > m[j][i] else 0 for j in range(n)] for i in range(n)]
    for k in range(n):
        row_k = path[k]
        for i in range(n):
            through = path[i][k]
            if i == k or through == 0:
                continue
            row_i = path[i]
            for j in range(n):
                if j != i and j != k:
                    weaker = through if through < row_k[j] else row_k[j]
                    if weaker > row_i[j]:
                        row_i[j] = weaker
    scores = {a: sum(path[i][j] > path[j][i] for j in range(n) if j != i) for i, a in enumerate(cands)}
    ranking, ties = order_by_score(scores, tie_break)
    return Outcome("schulze", tie_break.name, ranking, scores, ties, voters=profile.voters,
                   details={"pairwise": _pairwise(cands, m),
                            "strongest_paths": {a: {b: path[i][j] for j, b in enumerate(cands) if j != i}
                                                for i, a in enumerate(cands)}})


def ranked_pairs(profile: RankingProfile, tie_break: TieBreak) -> Outcome:
    """Ranked pairs (Tideman, by margins): lock in the biggest head-to-head wins unless they make a cycle."""
    m, cands = matrix(profile), profile.candidates
    n, key = len(cands), tie_break.key()
    wins = [(m[i][j] - m[j][i], i, j) for i in range(n) for j in range(n) if m[i][j] > m[j][i]]
    # Equal margins are taken in tie-break order of the winner, then of the loser.
    wins.sort(key=lambda w: (-w[0], key(cands[w[1]]), key(cands[w[2]])))
    above = [set() for _ in range(n)]  # above[i]: everything locked below i, transitively
    for _margin, i, j in wins:
        if i not in above[j]:
            for k in range(n):
                if k == i or i in above[k]:
                    above[k] |= above[j] | {j}
    scores = {a: len(above[i]) for i, a in enumerate(cands)}
    ranking, ties = order_by_score(scores, tie_break)
    return Outcome("ranked-pairs", tie_break.name, ranking, scores, ties, voters=profile.voters,
                   details={"pairwise": _pairwise(cands, m)})


def irv(profile: RankingProfile, tie_break: TieBreak) -> Outcome:
    """Instant runoff: drop the need with fewest first choices and pass its ballots on, until one is left.

    A ballot whose highest continuing tier holds several needs is shared equally between them.
    The need with fewest votes, if several are equal, is the one the tie-break puts last.
    """
    strict = all(len(tier) == 1 for ranking, _ in profile.ballots for tier in ranking)
    first_choices = _piles(profile) if strict else None
    continuing = set(profile.candidates)
    eliminated, rounds, ties = [], [], []
    while continuing:
        tally = first_choices.tally() if strict else _first_choices(profile, continuing)
        rounds.append({c: _plain(v) for c, v in sorted(tally.items())})
        fewest = min(tally.values())
        lowest = [c for c in continuing if tally[c] == fewest]
        out = tie_break.last(lowest)
        if len(lowest) > 1:
            ties.append(Tie(tuple(sorted(lowest, key=tie_break.key())), out, tie_break.name))
        continuing.discard(out)
        eliminated.append(out)
        if strict:
            first_choices.transfer(out, continuing)
    # The score is the round a need went out in: the winner outlasts every other need.
    scores = {c: eliminated.index(c) + 1 for c in profile.candidates}
    return Outcome("irv", tie_break.name, tuple(reversed(eliminated)), scores, tuple(ties),
                   voters=profile.voters, details={"rounds": rounds})


class _Piles:
    """Ballots without ties, piled on the need they currently count for; only a dropped need's pile moves."""

    def __init__(self, profile: RankingProfile):
        self.ballots = [([tier[0] for tier in ranking], count) for ranking, count in profile.ballots]
        self.position = [0] * len(self.ballots)
        self.piles = {c: [] for c in profile.candidates}
        self.votes = {c: 0 for c in profile.candidates}
        for index, (order, count) in enumerate(self.ballots):
            if order:
                self.piles[order[0]].append(index)
                self.votes[order[0]] += count

    def tally(self) -> dict[str, int]:
        return dict(self.votes)

    def transfer(self, out: str, continuing: set[str]) -> None:
        for index in self.piles.pop(out):
            order, count = self.ballots[index]
            position = self.position[index] + 1
            while position < len(order) and order[position] not in continuing:
                position += 1
            self.position[index] = position
            if position < len(order):
                self.piles[order[position]].append(index)
                self.votes[order[position]] += count
        del self.votes[out]


def _piles(profile: RankingProfile) -> _Piles:
    return _Piles(profile)


def _first_choices(profile: RankingProfile, continuing: set[str]) -> dict[str, Fraction | int]:
    tally: dict[str, Fraction | int] = defaultdict(int, {c: 0 for c in continuing})
    for ranking, count in profile.ballots:
        for tier in ranking:
            alive = [c for c in tier if c in continuing]
            if alive:
                share = count if len(alive) == 1 else Fraction(count, len(alive))
                for c in alive:
                    tally[c] += share
                break
    return tally


def _plain(value):
    return int(value) if isinstance(value, int) or value.denominator == 1 else float(value)


def _pairwise(cands, m) -> dict:
    return {a: {b: m[i][j] for j, b in enumerate(cands) if j != i} for i, a in enumerate(cands)}
