"""Many residents pressing at once: every write lands, none fails on a locked database."""
import threading

from app.extensions import db
from app.models import Participant, Support
from tests.conftest import csrf_token

RESIDENTS = 50


def test_fifty_residents_supporting_at_the_same_moment_all_count(app, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    clients = [app.test_client() for _ in range(RESIDENTS)]
    tokens = [csrf_token(c, "/rounds/lewisham") for c in clients]
    start, statuses = threading.Barrier(RESIDENTS), [None] * RESIDENTS

    def press(n):
        start.wait()
        response = clients[n].post(f"/rounds/lewisham/needs/{need_id}/support", data={"csrf_token": tokens[n]})
        statuses[n] = response.status_code

    threads = [threading.Thread(target=press, args=(n,)) for n in range(RESIDENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * RESIDENTS
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Support.id))) == RESIDENTS
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == RESIDENTS + 1
