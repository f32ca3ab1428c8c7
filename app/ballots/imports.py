"""Creating a round from a PrefLib election file: its alternatives become needs, its votes ballots."""
import json
from pathlib import Path

from flask import current_app
from sqlalchemy import insert

from app.ballots.keys import imported_voter_key, new_receipt
from app.extensions import db
from app.models import Ballot, BallotKind, Need, Round
from app.models.ballot import random_id
from app.needs.services import search_document
from app.rounds.phases import Phase
from app.rounds.services import slug_reserved, slug_taken, slugify, unique_slug
from app.voting.preflib import parse


class SlugTaken(ValueError):
    pass


def import_preflib(path: Path, slug: str | None = None) -> Round:
    """Everything in one transaction: a file that fails leaves nothing behind."""
    election = parse(path.read_text(encoding="utf-8"))
    if slug and slug_reserved(slug):
        raise SlugTaken(f"the slug {slug!r} is kept for one of the app's own pages")
    if slug and slug_taken(slug):
        raise SlugTaken(f"a round with slug {slug!r} already exists")
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
    secret, rows, voter = current_app.config["SECRET_KEY"], [], 0
    for ranking, count in election.ballots:
        content = json.dumps({"ranking": [[ids[c] for c in tier] for tier in ranking]})
        for _ in range(count):
            rows.append({"id": random_id(), "round_id": round_.id, "voter_key": imported_voter_key(secret, round_.id, voter),
                         "version": 1, "submission_key": "", "receipt": new_receipt(), "content": content})
            voter += 1
    db.session.execute(insert(Ballot), rows)
    db.session.commit()
    return round_
