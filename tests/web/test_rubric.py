"""The panel's rubric: criteria with weights and anchors, a comment with every mark, weighted marks in the
panel's table and suggestion, and blind marking."""
from app.extensions import db
from app.models import Application, AuditEntry, Criterion, Round
from app.panel import rubric
from tests.conftest import post
from tests.web.test_panel import (application_ids, apply, as_member, criterion_ids, declare_none, mark,  # noqa: F401
                                  panel_round, text_of)

ANCHOR = "3: meets the need for some of the people affected"


def rubric_form(client, rows, blind=False, quorum="2", name_conflicts=False):
    """Post the rubric page with `rows`: (criterion id or "", name, weight, anchors, remove), and the panel's
    settings."""
    data = {"quorum": quorum, **({"blind": "y"} if blind else {}), **({"name_conflicts": "y"} if name_conflicts else {})}
    for n, (criterion, name, weight, anchors, remove) in enumerate(rows):
        data.update({f"criteria-{n}-criterion_id": criterion, f"criteria-{n}-name": name,
                     f"criteria-{n}-weight": weight})
        data.update({f"criteria-{n}-anchor_{m}": text for m, text in enumerate(anchors, 1)})
        if remove:
            data[f"criteria-{n}-remove"] = "y"
    return post(client, "/rounds/lewisham/panel/rubric", data)


def test_the_panel_weights_its_criteria_and_the_weights_change_which_application_is_suggested(app, panel_round):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    apply(ada, panel_round["lights"], "Lamp Co-op", "Solar lamps", "9000")
    ids = application_ids(app)
    fit, deliverability, value = criterion_ids(ada, ids["LED lamps"])
    page = text_of(ada.get("/rounds/lewisham/panel/rubric"))
    assert 'value="How well it meets the need"' in page and 'value="Value for the money asked"' in page
    # Meeting the need counts three times; value is dropped; the panel adds its own question.
    saved = rubric_form(ada, [(fit, "How well it meets the need", "3", ["", "", ANCHOR, "", ""], False),
                              (deliverability, "How likely it is to be delivered", "1", [""] * 5, False),
                              (value, "Value for the money asked", "1", [""] * 5, True),
                              ("", "Who runs it locally", "1", [""] * 5, False)])
    assert saved.status_code == 302
    with app.app_context():
        criteria = rubric.criteria(db.session.get(Round, db.session.scalar(db.select(Round.id))))
        # The standard question keeps no words of its own, so it reads in each member's language.
        assert [(c.name, c.weight, c.standard and c.standard.value) for c in criteria] == [
            ("", 3, "fit"), ("", 1, "deliverability"), ("Who runs it locally", 1, None)]
        assert db.session.scalar(db.select(AuditEntry.action).filter_by(action="rubric-set"))
    declare_none(ben, ids["LED lamps"])
    marking = text_of(ben.get(f"/rounds/lewisham/panel/applications/{ids['LED lamps']}"))
    assert ANCHOR in marking and "Who runs it locally" in marking and "counts 3 times" in marking
    for member in (ada, ben):
        mark(member, ids["LED lamps"], 5, 2, 2)  # (15 + 2 + 2) / 5 = 3.8
        mark(member, ids["Solar lamps"], 3, 5, 5)  # (9 + 5 + 5) / 5 = 3.8 as well: the cheaper one wins the tie
    led, solar = lines(text_of(ada.get("/rounds/lewisham/panel")))
    assert "3.8 out of 5, weighted, from 2 members" in led and "3.8 out of 5, weighted, from 2 members" in solar
    assert "another application for this need has better marks" in led and "Suggested for funding" in solar
    mark(ben, ids["LED lamps"], 5, 3, 2)  # Ben: (15 + 3 + 2) / 5 = 4, so the lamps' mean is 3.9
    led, solar = lines(text_of(ada.get("/rounds/lewisham/panel")))
    assert "3.9 out of 5, weighted, from 2 members" in led and "Suggested for funding" in led
    assert "another application for this need has better marks" in solar


def lines(page) -> tuple[str, str]:
    """The panel table's lines for the LED lamps and the solar lamps."""
    led, solar = page.index("LED lamps"), page.index("Solar lamps")
    return page[led:solar], page[solar:page.index("</li>", solar)]


def test_once_members_mark_the_weights_stay_but_the_words_may_change(app, panel_round):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    kit = application_ids(app)["Play kit"]
    mark(ada, kit, 4, 4, 4)
    fit, deliverability, value = criterion_ids(ada, kit)
    rows = [(fit, "How well it meets the need", "2", [""] * 5, False),
            (deliverability, "How likely it is to be delivered", "1", [""] * 5, False),
            (value, "Value for the money asked", "1", [""] * 5, False)]
    refused = rubric_form(ada, rows)
    assert refused.status_code == 422 and "the criteria and their weights stay as they are" in text_of(refused)
    assert 'value="2"' in text_of(refused)  # what was typed stays
    rows[0] = (fit, "Meets the need residents ranked", "1", ["", "", ANCHOR, "", ""], False)
    assert rubric_form(ada, rows).status_code == 302
    assert ANCHOR in text_of(ada.get(f"/rounds/lewisham/panel/applications/{kit}"))
    bad = rubric_form(ada, [(fit, "x", "11", [""] * 5, False)])
    assert bad.status_code == 422 and "Give a weight from 1 to 10." in text_of(bad)
    with app.app_context():
        assert sorted(db.session.scalars(db.select(Criterion.weight))) == [1, 1, 1]


def test_a_mark_given_against_a_rubric_since_changed_is_refused(app, panel_round):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    kit = application_ids(app)["Play kit"]
    fit, deliverability, value = criterion_ids(ada, kit)
    declare_none(ada, kit)
    stale = post(ada, f"/rounds/lewisham/panel/applications/{kit}/marks", {
        "entries-0-criterion_id": fit, "entries-0-mark": "4", "entries-0-comment": "Fine"})
    assert stale.status_code == 302
    assert "changed its rubric while you were marking" in text_of(ada.get(stale.headers["Location"]))
    with app.app_context():
        assert db.session.get(Application, kit).scores == []


def test_blind_marking_hides_who_applied_until_the_application_is_decided(app, panel_round):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000", applicant_id="GB-CHC-1112223")
    kit = application_ids(app)["Play kit"]
    rows = [(c, "", "1", [""] * 5, False) for c in criterion_ids(ada, kit)]
    assert rubric_form(ada, rows, blind=True).status_code == 302
    for page in (f"/rounds/lewisham/panel/applications/{kit}", "/rounds/lewisham/panel"):
        shown = text_of(ada.get(page))
        assert "Play kit" in shown and "Kingsmead Parents" not in shown and "GB-CHC-1112223" not in shown
    assert "the panel marks blind until it decides" in text_of(ada.get(f"/rounds/lewisham/panel/applications/{kit}"))
    with app.app_context():
        application = db.session.get(Application, kit)
        from app.models import GrantDecision
        application.decision = GrantDecision(application_id=kit, funded=False)
        db.session.commit()
    assert "Kingsmead Parents" in text_of(ada.get(f"/rounds/lewisham/panel/applications/{kit}"))
