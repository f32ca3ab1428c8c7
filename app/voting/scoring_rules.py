"""Approval and points (dots) ballots: the score is a plain sum. Pure Python."""
from collections import Counter

from app.voting.outcome import Outcome
from app.voting.profiles import ApprovalProfile, PointsProfile
from app.voting.ties import TieBreak, order_by_score


def approval(profile: ApprovalProfile, tie_break: TieBreak) -> Outcome:
    """Approval: each need scores the number of ballots that pick it."""
    scores = Counter({c: 0 for c in profile.candidates})
    for chosen, count in profile.ballots:
        for c in chosen:
            scores[c] += count
    ranking, ties = order_by_score(scores, tie_break)
    return Outcome("approval", tie_break.name, ranking, dict(scores), ties,
                   voters=sum(count for _, count in profile.ballots))


def points(profile: PointsProfile, tie_break: TieBreak) -> Outcome:
    """Points (dots): each need scores the points residents put on it."""
    scores = Counter({c: 0 for c in profile.candidates})
    for given, count in profile.ballots:
        for c, amount in given:
            scores[c] += amount * count
    ranking, ties = order_by_score(scores, tie_break)
    return Outcome("points", tie_break.name, ranking, dict(scores), ties,
                   voters=sum(count for _, count in profile.ballots))
