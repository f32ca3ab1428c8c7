"""Random text and numbers posted to every form a resident or staff member can reach, and put in every query
string: never a 500, and a refused request leaves the database exactly as it was (nothing half-written).

The forms are read from the pages themselves, so a form added later is fuzzed without touching this file."""
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.extensions import db
from app.models import Ballot, Participation, Round
from tests.conftest import PASSWORD, csrf_token, post
from tests.web.test_panel import application_ids, apply, as_member, decide_by_two, mark, publish_by_two

NASTY_WORDS = ["", " ", "0", "-1", "--5", "+3", "²", "٣", "１２", "1.5", "12,5", "1e1000", "Infinity", "-Infinity",
               "NaN", "sNaN", "9" * 20, str(2**31), str(2**31 - 1), str(2**63), "-" + "9" * 25, "1_000", "0x10",
               "\x00", "Play\x00area", "\u202eLED lamps", "\u2066x\u2069", "<script>alert(1)</script>",
               "add:²", "up:" + "9" * 20, "add:" + str(2**31), "remove:-1", "down:", "x" * 5000, "%00", "\r\n",
               "2026-13-45", "ABCDE-23456", "/\t/evil.example", "yes", "no", "on", "1", "keep", "switch"]
NASTY = st.one_of(st.sampled_from(NASTY_WORDS), st.text(max_size=40),
                  st.integers(min_value=-2**70, max_value=2**70).map(str))
EXTRA_KEYS = ["rank-²", "rank-" + "9" * 20, "points-²", "points-" + str(2**40), "order", "approve", "edit",
              "reply_to", "comment", "based_on", "first", "second", "answer", "next", "nonce", "preview"]
QUERY_KEYS = ["q", "category", "area", "sort", "page", "merged_from", "comment", "batch", "receipt", "original",
              "language", "rule", "next", "after", "theme", "status", "updated_since", "code"]
FUZZ = settings(max_examples=15, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


class _Forms(HTMLParser):
    """Each form on a page: where it goes, how, and the values its fields offer (options, buttons)."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").lower(),
                          "fields": {}}
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select", "button") and attrs.get("name"):
            self._form["fields"].setdefault(attrs["name"], []).append(attrs.get("value") or "")
            self._select = attrs["name"] if tag == "select" else None
        elif self._form is not None and tag == "option" and self._select:
            self._form["fields"][self._select].append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def forms_on(client, url) -> list[dict]:
    page = client.get(url)
    assert page.status_code < 500, url
    parser = _Forms()
    parser.feed(page.get_data(as_text=True))
    return [form | {"action": form["action"] or url} for form in parser.forms]


def row_counts() -> dict[str, int]:
    db.session.remove()
    tables = db.metadata.sorted_tables
    counts = db.session.execute(select(*[select(func.count()).select_from(t).scalar_subquery() for t in tables]))
    return dict(zip([t.name for t in tables], counts.one()))


def whole(app) -> None:
    """What must hold whatever was sent: every voter's ballot beside its register entry."""
    with app.app_context():
        for round_ in db.session.scalars(select(Round)):
            ballots = db.session.scalar(select(func.count(Ballot.id)).filter_by(round_id=round_.id))
            voters = db.session.scalar(select(func.count(Participation.id)).filter_by(round_id=round_.id))
            assert ballots == voters, round_.slug


@pytest.fixture
def scene(app, client, runner, make_round, make_need, make_comment, make_user, monkeypatch):
    """A round in each kind of phase and ballot, a panel deciding, published decisions, and two browsers:
    a resident's and an admin's."""
    for setting in ("RESIDENT_DEVICE_LIMIT", "RESIDENT_ADDRESS_LIMIT", "WRONG_TRIES_DEVICE_LIMIT",
                    "WRONG_TRIES_ADDRESS_LIMIT", "MAIL_DEVICE_LIMIT", "MAIL_ADDRESS_LIMIT"):
        monkeypatch.setitem(app.config, setting, "100000 per minute")
    _published_panel(app, make_round, make_need, make_user)
    make_round(slug="open", phase="propose", area_choices=["Catford", "Forest Hill"])
    need = make_need("open", title="Benches at the bus stop")
    make_comment(need)
    make_round(slug="talk", phase="discuss")
    make_comment(make_need("talk", title="Lights on the path"))
    for slug, values in (("rank", {"max_choices": 2}), ("approve", {"ballot_kind": "approval"}),
                         ("points", {"ballot_kind": "points", "points_total": 10, "points_per_need": 6}),
                         ("pairs", {"ballot_kind": "pairwise"}), ("codes", {"access": "codes"}),
                         ("decide", {"ballot_kind": "approval", "budget": 20000, "currency": "GBP"})):
        make_round(slug=slug, phase="decide" if slug == "decide" else "rank", **values)
        for title in ("Street lights", "Play area", "Benches"):
            make_need(slug, title=title)
    assert runner.invoke(args=["codes", "generate", "codes", "--count", "3"]).exit_code == 0
    assert runner.invoke(args=["workshops", "start", "rank", "--name", "Library"]).exit_code == 0
    make_user("admin@example.org", "admin")
    staff = app.test_client()
    assert post(staff, "/account/sign-in", {"email": "admin@example.org", "password": PASSWORD}).status_code == 302
    return {"resident": client, "staff": staff, "need": need}


def _published_panel(app, make_round, make_need, make_user):
    make_round(phase="decide", ballot_kind="approval", budget=20000, currency="GBP")
    lights, play = make_need(title="Street lights"), make_need(title="Play area")
    make_user("ada@example.org", "panel", "lewisham")
    make_user("ben@example.org", "panel", "lewisham")
    ada = as_member(app, "ada@example.org")
    apply(ada, lights, "Sydenham Society", "LED lamps", "12000")
    apply(ada, play, "Kingsmead Parents", "Play kit", "5000")
    ids = application_ids(app)
    mark(ada, ids["Play kit"], 2, 3, 2)
    decide_by_two(app, ada, ids, {"LED lamps": ("yes", "12000"), "Play kit": ("no", "")})
    assert publish_by_two(app, ada).status_code == 302


RESIDENT_PAGES = ["/rounds/open", "/rounds/open/needs", "/rounds/open/needs/new", "/rounds/open/needs/{need}",
                  "/rounds/open/needs/{need}/report", "/rounds/talk/needs", "/rounds/rank/ballot",
                  "/rounds/approve/ballot", "/rounds/points/ballot", "/rounds/pairs/ballot", "/rounds/codes/join",
                  "/rounds/rank/receipts", "/rounds/lewisham/decisions", "/needs", "/w", "/rounds/open/my-data"]
STAFF_PAGES = ["/rounds/new", "/rounds/open/edit", "/rounds/rank/edit", "/rounds/open/staff", "/rounds/codes/codes",
               "/rounds/open/wards", "/rounds/open/moderation", "/rounds/open/needs/{need}/translations",
               "/rounds/open/moderation/needs/{need}/edit", "/rounds/open/moderation/needs/{need}/merge",
               "/rounds/decide/panel", "/rounds/decide/panel/applications/new", "/rounds/decide/panel/funder",
               "/rounds/lewisham/panel", "/rounds/rank/workshops", "/admin/audit"]


def _fuzz_forms(app, client, url):
    forms, token = forms_on(client, url), csrf_token(client, url)
    assert forms, f"no form on {url}"

    @FUZZ
    @given(data=st.data())
    def send(data):
        form = data.draw(st.sampled_from(forms))
        values = {name: data.draw(st.one_of(st.sampled_from(choices), NASTY, st.none()), label=name)
                  for name, choices in form["fields"].items() if name != "csrf_token"}
        values |= data.draw(st.dictionaries(st.sampled_from(EXTRA_KEYS), NASTY, max_size=3), label="extra")
        sent = {name: value for name, value in values.items() if value is not None}
        with app.app_context():
            before = row_counts()
        if form["method"] == "post":
            response = client.post(form["action"], data={**sent, "csrf_token": token})
        else:
            response = client.get(form["action"], query_string=sent)
        assert response.status_code < 500, (form["action"], sent)
        if response.status_code >= 400:
            with app.app_context():
                assert row_counts() == before, (form["action"], sent, response.status_code)
        whole(app)
    send()


@pytest.mark.parametrize("page", RESIDENT_PAGES)
def test_random_input_to_a_residents_form_never_fails_or_half_writes(app, scene, page):
    _fuzz_forms(app, scene["resident"], page.format(need=scene["need"]))


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_random_input_to_a_staff_form_never_fails_or_half_writes(app, scene, page):
    _fuzz_forms(app, scene["staff"], page.format(need=scene["need"]))


QUERIED = ["/rounds/open/needs", "/rounds/open/needs/{need}", "/rounds/open/needs/{need}/report",
           "/rounds/rank/receipts", "/rounds/codes/join", "/rounds/codes/codes/cards", "/rounds/decide/panel",
           "/rounds/decide/results/compare", "/rounds/open/needs/{need}/translations", "/needs", "/api/needs",
           "/admin/audit", "/account/sign-in", "/rounds/rank/ballot"]


@pytest.mark.parametrize("page", QUERIED)
def test_random_query_strings_never_fail(app, scene, page):
    url = page.format(need=scene["need"])

    @FUZZ
    @given(query=st.dictionaries(st.one_of(st.sampled_from(QUERY_KEYS), st.text(max_size=8)), NASTY, max_size=4))
    def get(query):
        for client in (scene["resident"], scene["staff"]):
            response = client.get(url, query_string=query)
            assert response.status_code < 500, (url, query)
    get()
