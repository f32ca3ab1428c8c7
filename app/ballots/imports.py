"""Creating rounds from election files (PrefLib, Pabulib): candidates become needs, votes ballots.

Everything happens in one transaction, so a file that fails leaves nothing behind."""
import json
from pathlib import Path

from flask import current_app
from sqlalchemy import insert, select

from app.ballots.keys import imported_voter_key, new_receipt
from app.extensions import db
from app.models import Ballot, BallotKind, Need, Round
from app.models.ballot import random_id
from app.needs.services import search_document
from app.rounds.phases import Phase
from app.rounds.services import slug_reserved, slug_taken, slugify, unique_slug
from app.voting import pabulib
from app.voting.ballot_content import ApprovalBallot, PointsBallot, RankingBallot
from app.voting.budget_rules import BUDGET_RULES
from app.voting.errors import FileLineError
from app.voting.preflib import parse


class SlugTaken(ValueError):
    pass


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FileLineError(data[:error.start].count(b"\n") + 1, "the file is not UTF-8 text") from error


def _check_slug(slug: str | None) -> None:
    if slug and slug_reserved(slug):
        raise SlugTaken(f"the slug {slug!r} is kept for one of the app's own pages")
    if slug and slug_taken(slug):
        raise SlugTaken(f"a round with slug {slug!r} already exists")


def import_preflib(path: Path, slug: str | None = None) -> Round:
    election = parse(_read(path), data_type=path.suffix.removeprefix("."))
    _check_slug(slug)
    title = (election.title or path.stem)[:140]
    round_ = Round(slug=slug or unique_slug(slugify(title)), title=title, phase=Phase.RESULTS, language="en",
                   description=f"Imported from the PrefLib file {path.name}.", ballot_kind=BallotKind.RANKING)
    db.session.add(round_)
    db.session.flush()
    ids = {}
    for number, name in election.alternatives.items():
        need = Need(round_id=round_.id, title=name[:140] or number, external_id=number, category="other",
                    language="en", description=f"Alternative {number} of {path.name}.")
        need.search_document = search_document(need)
        db.session.add(need)
        db.session.flush()
        ids[number] = need.id
    contents = (RankingBallot(tuple(tuple(ids[c] for c in tier) for tier in ranking)).to_json()
                for ranking, count in election.ballots for _ in range(count))
    _insert_ballots(round_, contents)
    db.session.commit()
    return round_


def _insert_ballots(round_: Round, contents) -> None:
    secret = current_app.config["SECRET_KEY"]
    rows = [{"id": random_id(), "round_id": round_.id, "voter_key": imported_voter_key(secret, round_.id, number),
             "version": 1, "submission_key": "", "receipt": new_receipt(), "content": content}
            for number, content in enumerate(contents)]
    if rows:
        db.session.execute(insert(Ballot), rows)


# Pabulib's usual project categories, in the words our needs use.
CATEGORY_WORDS = {
    "urban greenery": "green-spaces", "environmental protection": "environment", "environment": "environment",
    "public transit and roads": "transport", "transport": "transport", "streets": "streets",
    "education": "children-young-people", "sport": "health", "health": "health", "welfare": "health",
    "culture": "culture", "public space": "community-spaces", "safety": "safety", "housing": "housing",
}
BALLOT_KINDS = {"approval": BallotKind.APPROVAL, "choose-1": BallotKind.APPROVAL, "cumulative": BallotKind.POINTS,
                "scoring": BallotKind.POINTS, "ordinal": BallotKind.RANKING}


def import_pabulib(path: Path, slug: str | None = None) -> Round:
    election = pabulib.parse(_read(path))
    _check_slug(slug)
    meta = election.meta
    scale = max(_decimals(v) for v in [election.budget] + [election.cost(p) for p in election.projects])
    title = (meta.get("description") or " ".join(
        filter(None, (meta.get("country"), meta.get("unit"), meta.get("subunit"), meta.get("instance"))))
        or path.stem)[:140]
    round_ = Round(slug=slug or unique_slug(slugify(title)), title=title, phase=Phase.RESULTS,
                   description=f"Imported from the Pabulib file {path.name}.",
                   language=(meta.get("language") or "en")[:16], currency=(meta.get("currency") or None),
                   budget=_stored(election.budget, scale), money_scale=scale,
                   ballot_kind=BALLOT_KINDS[election.vote_type], rule=_rule(meta),
                   max_choices=_whole(meta.get("max_length")) or (1 if election.vote_type == "choose-1" else None),
                   min_choices=_whole(meta.get("min_length")) or 1,
                   points_total=_whole(meta.get("max_sum_points")), points_per_need=_whole(meta.get("max_points")),
                   support_threshold=_whole(meta.get("min_project_score_threshold")),
                   source_meta=json.dumps(meta, ensure_ascii=False))
    db.session.add(round_)
    db.session.flush()
    rows = [{"round_id": round_.id, "external_id": project, "title": (row.get("name") or f"Project {project}")[:140],
             "description": row.get("description") or row.get("name") or "", "category": _category(row),
             "area": (row.get("district") or row.get("neighborhood") or "")[:120], "affected": "", "location": "",
             "language": round_.language, "cost": _stored(election.cost(project), scale)}
            for project, row in election.projects.items()]
    for row in rows:
        row["search_document"] = search_document(Need(**row))
    db.session.execute(insert(Need), rows)
    ids = dict(db.session.execute(select(Need.external_id, Need.id).where(Need.round_id == round_.id)).all())
    _insert_ballots(round_, (_content(election.vote_type, vote, ids) for vote in election.votes))
    db.session.commit()
    return round_


def _content(vote_type: str, vote: pabulib.Vote, ids: dict[str, int]) -> str:
    """The vote as stored, its needs in the file's order."""
    chosen = [ids[p] for p in vote.projects]
    if vote_type in ("approval", "choose-1"):
        return ApprovalBallot(tuple(chosen)).to_json()
    if vote_type == "ordinal":
        return RankingBallot.of_order(chosen).to_json()
    return PointsBallot(tuple(zip(chosen, vote.points or (1,) * len(chosen)))).to_json()


def _decimals(amount) -> int:
    """The fewest decimal places that hold the amount exactly (a decimal as written always has some)."""
    places = 0
    while (amount * 10 ** places).denominator != 1:
        places += 1
    return places


def _stored(amount, scale: int) -> int:
    return int(amount * 10 ** scale)


def _whole(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _rule(meta: dict) -> str:
    # The parser refuses rules it does not know; `unknown` (and no rule) is counted greedily.
    return meta.get("rule") if meta.get("rule") in BUDGET_RULES else "greedy"


def _category(row: dict) -> str:
    for word in (row.get("category") or "").split(","):
        if word.strip().lower() in CATEGORY_WORDS:
            return CATEGORY_WORDS[word.strip().lower()]
    return "other"
