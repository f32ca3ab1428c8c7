"""Paper ballots in pairwise rounds: each paper prints its own fixed list of pairs, operators key one key
per pair in the printed order, and reconciled papers are counted with the phones' answers."""
import html

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Ballot, Channel, PaperBallot
from app.paper import pairs as paper_pairs
from app.voting.ballot_content import Answer, PairwiseBallot
from tests.conftest import csrf_token
from tests.web.test_paper import key, signed_in

TITLES = ("Play area", "Street lights", "Benches", "Bus shelter", "Library hours", "Tree planting", "Toilets")


@pytest.fixture
def pairwise_round(app, make_round, make_need, make_user):
    """A pairwise round with `count` needs, two operators and a supervisor, and one batch of three papers."""
    def make(count=3, phase="rank", **values):
        make_round(phase=phase, ballot_kind="pairwise", rule="bradley-terry", **values)
        needs = [make_need(title=t) for t in TITLES[:count]]
        for email in ("ana@example.org", "ben@example.org", "sam@example.org"):
            make_user(email, "facilitator", "lewisham")
        ana = signed_in(app, "ana@example.org")
        batch_url = ana.post("/rounds/lewisham/paper/batches", data={
            "csrf_token": csrf_token(ana), "name": "Library box 1"}).headers["Location"]
        assert ana.post(f"{batch_url}/ballots", data={"csrf_token": csrf_token(ana), "count": "3"}).status_code == 302
        with app.app_context():
            papers = {p.serial: paper_pairs.from_text(p.pairs)
                      for p in db.session.scalars(select(PaperBallot).order_by(PaperBallot.id))}
        return {"needs": needs, "papers": papers, "serials": list(papers), "batch_url": batch_url, "ana": ana,
                "ben": signed_in(app, "ben@example.org"), "sam": signed_in(app, "sam@example.org")}
    return make


def stored_ballots(app):
    with app.app_context():
        return [PairwiseBallot.from_json(b.content)
                for b in db.session.scalars(select(Ballot).where(Ballot.channel == Channel.PAPER))]


def test_a_round_with_few_needs_prints_every_pair_on_each_paper(app, pairwise_round):
    world = pairwise_round(count=3)
    for serial, printed in world["papers"].items():
        assert sorted(tuple(sorted(p)) for p in printed) == [tuple(sorted(p)) for p in [
            world["needs"][:2], world["needs"][::2], world["needs"][1:]]]
    page = html.unescape(world["ana"].get(f"{world['batch_url']}/print?language=en").get_data(as_text=True))
    assert page.count('class="paper-pair"') == 9 and page.count("paper-option--neither") == 9 and "I can't decide" in page
    assert "Which matters more to you?" in page and "Answer as many pairs as you like" in page
    polish = world["ana"].get(f"{world['batch_url']}/print?language=pl").get_data(as_text=True)
    assert 'lang="pl"' in polish and "Which matters more to you?" not in polish


def test_a_round_with_many_needs_prints_ten_pairs_drawn_from_each_papers_serial(app, pairwise_round):
    world = pairwise_round(count=7)
    lists = list(world["papers"].values())
    for serial, printed in world["papers"].items():
        assert printed == paper_pairs.draw(serial, world["needs"])  # anyone with the serial draws the same
        assert len(printed) == 10 and len({frozenset(p) for p in printed}) == 10
    assert lists[0] != lists[1] != lists[2]
    page = world["ana"].get(f"{world['batch_url']}/print?language=en").get_data(as_text=True)
    assert page.count('class="paper-pair"') == 30


def test_two_operators_key_a_pairwise_paper_alike_and_it_counts_with_the_phones(app, client, pairwise_round):
    world = pairwise_round(count=3, phase="decide")
    serial = world["serials"][0]
    (a1, b1), (a2, b2), (a3, b3) = world["papers"][serial]
    with app.app_context():
        phone = PairwiseBallot().with_answer(a1, b1, b1)
        db.session.add(Ballot(round_id=1, voter_key="phone", receipt="PHONE1", content=phone.to_json()))
        db.session.commit()
    assert key(world["ana"], serial, "1 2 0").status_code == 302
    assert stored_ballots(app) == []
    assert key(world["ben"], serial.lower(), "120").status_code == 302
    expected = PairwiseBallot().with_answer(a1, b1, a1).with_answer(a2, b2, b2).with_answer(a3, b3, None)
    assert stored_ballots(app) == [expected]
    assert "1 2 0" in world["ana"].get("/rounds/lewisham/paper/key").get_data(as_text=True)  # her last entries
    results = client.get("/rounds/lewisham/results.json").json
    assert results["turnout"] == {"total": 2, "by_channel": {"internet": 1, "paper": 1}}
    assert set(results["ranking"]) == {str(n) for n in world["needs"]}


def test_a_blank_pair_adds_no_answer_and_letters_key_as_numbers(app, pairwise_round):
    world = pairwise_round(count=3)
    serial = world["serials"][1]
    (a1, b1), _, (a3, b3) = world["papers"][serial]
    key(world["ana"], serial, "a - b")
    key(world["ben"], serial, "1-2")
    assert stored_ballots(app) == [PairwiseBallot(tuple(sorted(
        (Answer(min(a1, b1), max(a1, b1), a1), Answer(min(a3, b3), max(a3, b3), b3)), key=lambda a: a.pair_key)))]


@pytest.mark.parametrize("typed, message", [
    ("1 2", "This paper prints 3 pairs: type one key for each, in the printed order (you typed 2)."),
    ("1 9 0", "Type only 1 for A, 2 for B, 0 for “I can't decide” and - for a pair left blank."),
    ("- - -", "Every pair is left blank: if the paper has no marks at all, key it as rejected."),
])
def test_keys_that_do_not_fit_the_paper_are_refused_and_kept(app, pairwise_round, typed, message):
    world = pairwise_round(count=3)
    response = key(world["ana"], world["serials"][0], typed)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422 and message in page and f'value="{typed}"' in page
    assert stored_ballots(app) == []


def test_an_unknown_serial_is_refused_before_its_keys_are_read(app, pairwise_round):
    world = pairwise_round(count=3)
    response = key(world["ana"], "NOSUCH", "1 2 0")
    assert response.status_code == 422
    assert "No ballot of this round has that serial number" in response.get_data(as_text=True)


def test_pairwise_entries_that_differ_reach_a_supervisor_who_sees_the_pairs_and_decides(app, pairwise_round):
    world = pairwise_round(count=3)
    serial = world["serials"][2]
    (a1, b1), (a2, b2), _ = world["papers"][serial]
    key(world["ana"], serial, "1 2 0")
    key(world["ben"], serial, "1 1 0")
    assert stored_ballots(app) == []
    page = world["sam"].get(f"/rounds/lewisham/paper/disputes/{serial}").get_data(as_text=True)
    assert "The pairs this paper prints" in page and "1 2 0" in page and "1 1 0" in page
    assert page.index(TITLES[world["needs"].index(a1)]) < page.index("1 2 0")
    response = world["sam"].post(f"/rounds/lewisham/paper/disputes/{serial}", data={
        "csrf_token": csrf_token(world["sam"]), "marks": "1 1 -", "rejected": ""})
    assert response.status_code == 302
    assert stored_ballots(app) == [PairwiseBallot().with_answer(a1, b1, a1).with_answer(a2, b2, a2)]
