import re

from app.extensions import db
from app.labels import RULE_NAMES
from app.models import Round
from app.voting.budget_rules import BUDGET_RULES
from app.voting.rules import RULES_FOR_BALLOT
from tests.conftest import post
from tests.web.test_rounds import ROUND, text_of


def test_the_round_form_offers_every_rule_and_tie_break_each_described_to_its_input(client, make_user, sign_in):
    make_user()
    sign_in()
    page = text_of(client.get("/rounds/new"))
    codes = [code for codes in RULES_FOR_BALLOT.values() for code in codes] + list(BUDGET_RULES)
    for code in codes:
        radio = re.search(rf'<input aria-describedby="([^"]+)" (?:checked )?id="[^"]+" name="rule" type="radio" value="{code}"', page)
        assert radio, code
        hint = re.search(rf'<div class="field-hint" id="{radio.group(1)}">(.*?)</div>', page, re.S)
        assert hint and len(hint.group(1)) > 40, code
    for code in ("lexicographic", "min-cost", "max-cost", "random"):
        assert re.search(rf'<input aria-describedby="[^"]+" (?:checked )?id="[^"]+" name="tie_break" type="radio" value="{code}"', page)
    assert "Fairer to smaller groups" in page and "the most supported needs win" in page


def test_rules_compared_side_by_side_have_names_of_their_own():
    budget = [str(RULE_NAMES[code]) for code in BUDGET_RULES]
    assert len(set(budget)) == len(budget)


def test_a_facilitator_sets_up_a_budget_round_counted_by_equal_shares_with_a_published_draw(client, app, make_user,
                                                                                           sign_in):
    make_user()
    sign_in()
    chosen = {**ROUND, "ballot_kind": "approval", "rule": "equalshares/add1", "tie_break": "random",
              "tie_seed": "2027", "support_threshold": ""}
    assert post(client, "/rounds/new", chosen).status_code == 302
    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        assert (round_.rule, round_.tie_break, round_.budget) == ("equalshares/add1", "random:2027", 250000)
    form = text_of(client.get("/rounds/lewisham-local-2027/edit"))
    assert re.search(r'checked id="[^"]+" name="rule" type="radio" value="equalshares/add1"', form)
    assert re.search(r'checked id="[^"]+" name="tie_break" type="radio" value="random"', form)
    assert 'name="tie_seed" type="number" value="2027"' in form
    assert post(client, "/rounds/lewisham-local-2027/edit",
                {**chosen, "rule": "greedy-threshold", "support_threshold": "40"}).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(Round.support_threshold)) == 40


def test_a_budget_rule_without_a_budget_or_on_pairwise_answers_is_refused(client, app, make_user, sign_in):
    make_user()
    sign_in()
    unbudgeted = post(client, "/rounds/new", {**ROUND, "budget": "", "currency": "", "rule": "greedy"})
    assert unbudgeted.status_code == 422
    assert "A budget rule needs a budget: give one under Money." in text_of(unbudgeted)
    pairwise = post(client, "/rounds/new", {**ROUND, "ballot_kind": "pairwise", "rule": "phragmen"})
    assert "Budget rules cannot count pairwise answers: choose another ballot." in text_of(pairwise)
    seedless = post(client, "/rounds/new", {**ROUND, "tie_break": "random"})
    assert "Give the number the draw starts from." in text_of(seedless)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Round.id))) == 0
