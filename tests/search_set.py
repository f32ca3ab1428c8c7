"""The labelled search set (tests/data/search/needs.json): put it in a round, run its queries, score them.

Two ways residents search: the needs list (every word must match) and the similar needs shown while a
title is typed (any word, the best five). Precision and recall are micro-averaged over the queries.
"""
import json
from dataclasses import dataclass, field
from pathlib import Path

from app.extensions import db
from app.models import Need, NeedTranslation, Participant, Round
from app.needs import queries
from app.needs.services import search_document

SET = Path(__file__).resolve().parent / "data" / "search" / "needs.json"


@dataclass
class Score:
    found: int = 0  # relevant needs returned
    returned: int = 0
    relevant: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.returned if self.returned else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.relevant if self.relevant else 0.0


def labelled() -> dict:
    return json.loads(SET.read_text(encoding="utf-8"))


def load(round_: Round) -> dict[int, str]:
    """Adds the set's needs and their translations to the round; returns each need's key by its id."""
    author = Participant(round_id=round_.id, display_name="Set")
    db.session.add(author)
    db.session.flush()
    keys = {}
    for item in labelled()["needs"]:
        need = Need(round_id=round_.id, participant_id=author.id, title=item["title"],
                    description=item["description"], language=item["language"], category="other")
        db.session.add(need)
        db.session.flush()
        for translation in item.get("translations", []):
            db.session.add(NeedTranslation(need_id=need.id, by_machine=not translation["approved"], **translation))
        db.session.flush()
        need.search_document = search_document(need)
        keys[need.id] = item["key"]
    db.session.commit()
    return keys


def score(round_: Round, keys: dict[int, str]) -> dict[str, Score]:
    scores = {"list": Score(), "similar": Score()}
    for query in labelled()["queries"]:
        relevant = set(query["relevant"])
        listed = queries.list_needs(round_, q=query["text"], per_page=100).rows
        similar = queries.similar_needs(round_, query["text"], limit=5)
        for mode, rows in (("list", listed), ("similar", similar)):
            returned = {keys[row.need.id] for row in rows}
            tally = scores[mode]
            tally.found += len(returned & relevant)
            tally.returned += len(returned)
            tally.relevant += len(relevant)
            if returned != relevant:
                tally.misses.append(f"{query['text']!r}: missed {sorted(relevant - returned)}, "
                                    f"wrongly {sorted(returned - relevant)}")
    return scores
