"""A request reads what it needs once: a resident's cast costs the same few queries however long the list."""
import re
from contextlib import contextmanager

from sqlalchemy import event

from app.extensions import db
from tests.web.test_ballots import form_state


@contextmanager
def statements(app):
    seen = []
    with app.app_context():
        engine = db.engine

    def record(conn, cursor, statement, *args):
        seen.append(" ".join(statement.split()))
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def cast_with_htmx(app, client, needs):
    state = form_state(client)
    with statements(app) as seen:
        response = client.post("/rounds/lewisham/ballot", data={**state, "order": [needs[0]], "cast": "1"},
                               headers={"HX-Request": "true"})
    assert response.status_code == 200 and "Your ballot is counted" in response.get_data(as_text=True)
    return seen


def test_a_cast_reads_the_round_the_participant_and_the_ballot_once(app, client, make_round, make_need):
    make_round(phase="rank")
    needs = [make_need(title=t) for t in ("Street lights", "Play area", "Benches")]
    cast_with_htmx(app, client, needs)
    seen = cast_with_htmx(app, client, needs)
    assert len([s for s in seen if re.search(r"FROM round WHERE round.slug", s)]) == 1
    assert len([s for s in seen if re.search(r"FROM participant WHERE", s)]) == 1
    assert len([s for s in seen if re.search(r"FROM ballot WHERE .*voter_key", s)]) == 1


def test_a_cast_from_a_long_list_costs_no_more_queries_than_from_a_short_one(app, client, make_round, make_need):
    make_round(phase="rank")
    needs = [make_need(title=f"Need {n}") for n in range(3)]
    cast_with_htmx(app, client, needs)
    short = len(cast_with_htmx(app, client, needs))
    needs += [make_need(title=f"Need {n}") for n in range(3, 30)]
    assert len(cast_with_htmx(app, client, needs)) == short
