"""A ballot being filled in, kept in the browser's session between taps, so that reloading the page (or a phone
that reloads a tab it had put to sleep) shows it as it was instead of wiping it."""
import json

from flask import session

from app.ballots import drafts

KEY = "unsent_ballots"


def keep(round_id: int, kind: str, draft: drafts.Draft) -> None:
    session.setdefault(KEY, {})[str(round_id)] = drafts.to_content(kind, draft)
    session.modified = True


def kept(round_id: int, counted: set[int]) -> drafts.Draft | None:
    """The kept draft, without needs no longer counted (hidden or merged since)."""
    content = session.get(KEY, {}).get(str(round_id))
    if not content:
        return None
    draft = drafts.from_content(json.dumps(content))
    return drafts.Draft(order=[n for n in draft.order if n in counted],
                        approved=[n for n in draft.approved if n in counted],
                        points={n: p for n, p in draft.points.items() if n in counted})


def forget(round_id: int) -> None:
    if str(round_id) in session.get(KEY, {}):
        session[KEY].pop(str(round_id))
        session.modified = True
