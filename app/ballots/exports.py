"""A round as a Pabulib file. Voters are numbered in the order of their random ballot ids, so the
numbers say nothing about who voted or when; each vote says how it came (`voting_method`: internet or paper)."""
import json
from collections import Counter

from sqlalchemy import select

from app.ballots.tally import counted_needs, exact, tally
from app.extensions import db
from app.models import Ballot, BallotKind, Round
from app.voting import pabulib
from app.voting.ballot_content import ApprovalBallot, RankingBallot, StoredBallot, parse

VOTE_TYPES = {BallotKind.APPROVAL: "approval", BallotKind.POINTS: "cumulative", BallotKind.RANKING: "ordinal"}


class NotExportable(ValueError):
    pass


def to_pabulib(round_: Round) -> str:
    if round_.ballot_kind not in VOTE_TYPES:
        raise NotExportable("Pabulib holds approval, points and ranking ballots, not pairwise comparisons")
    needs = counted_needs(round_)
    public = {need.id: need.public_id for need in needs}
    votes = [{**_vote(number, parse(content, round_.ballot_kind), public), "voting_method": channel.value}
             for number, (content, channel) in enumerate(db.session.execute(
                 select(Ballot.content, Ballot.channel).where(Ballot.round_id == round_.id).order_by(Ballot.id)),
                 start=1)]
    named = Counter(p for vote in votes for p in vote["vote"].split(",") if p)
    outcome = _outcome(round_)
    projects = []
    for need in needs:
        row = {"project_id": need.public_id, "cost": pabulib.decimal_text(exact(round_, need.cost or 0)),
               "votes": str(named[need.public_id]), "name": need.title, "category": need.category}
        if outcome is not None:
            row["score"] = str(outcome.scores[need.public_id])
            row["selected"] = "1" if need.public_id in outcome.selected else "0"
        projects.append(row)
    return pabulib.write(_meta(round_, len(projects), len(votes)), projects, votes)


def _vote(number: int, ballot: StoredBallot, public: dict[int, str]) -> dict[str, str]:
    if isinstance(ballot, ApprovalBallot):
        return {"voter_id": str(number), "vote": ",".join(public[n] for n in ballot.approved if n in public)}
    if isinstance(ballot, RankingBallot):
        return {"voter_id": str(number),
                "vote": ",".join(public[n] for tier in ballot.tiers for n in tier if n in public)}
    given = [(public[n], p) for n, p in ballot.points if n in public and p]
    return {"voter_id": str(number), "vote": ",".join(n for n, _ in given), "points": ",".join(str(p) for _, p in given)}


def _outcome(round_: Round):
    """The round's own outcome, for the score and selected columns (none if it cannot be counted)."""
    try:
        return tally(round_)
    except ValueError:
        return None


def _meta(round_: Round, projects: int, votes: int) -> dict[str, str]:
    meta = json.loads(round_.source_meta) if round_.source_meta else {"description": round_.title}
    source_type = meta.get("vote_type")
    vote_type = VOTE_TYPES[round_.ballot_kind]
    if (source_type, vote_type) in (("choose-1", "approval"), ("scoring", "cumulative")):
        vote_type = source_type
    meta.update({"num_projects": str(projects), "num_votes": str(votes), "vote_type": vote_type,
                 "budget": pabulib.decimal_text(exact(round_, round_.budget or 0)), "language": round_.language})
    if round_.currency:
        meta["currency"] = round_.currency
    if round_.rule:
        meta.setdefault("rule", round_.rule)
    for key, value in (("max_length", round_.max_choices), ("max_sum_points", round_.points_total),
                       ("max_points", round_.points_per_need), ("min_project_score_threshold", round_.support_threshold)):
        if value is not None:
            meta[key] = str(value)
    return meta
