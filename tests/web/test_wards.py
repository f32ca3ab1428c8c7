"""Facilitators load a round's wards with their codes from CSV; a need naming a ward or borough gets its code."""
from app.extensions import db
from app.models import Need, Round, Ward
from tests.conftest import post
from tests.web.test_cofunding import text_of


def test_a_facilitator_loads_wards_and_a_wrong_line_is_refused_with_its_number(app, client, make_round, make_user,
                                                                                sign_in):
    make_round(slug="lewisham")
    make_user("facilitator@example.org", "facilitator", "lewisham")
    sign_in()
    wrong = post(client, "/rounds/lewisham/wards", {"wards": "name,code\nBrockley,E05013714\nLadywell\n"})
    assert wrong.status_code == 422
    assert "Line 3: each line needs a name and a code, separated by a comma." in text_of(wrong)
    assert "Brockley,E05013714" in text_of(wrong)  # what was typed stays
    with app.app_context():
        assert db.session.scalars(db.select(Ward)).all() == []
    assert post(client, "/rounds/lewisham/wards", {"wards": "Brockley,E05013714\nLadywell,E05013727"}).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(Round)).area_choices == ["Brockley", "Ladywell"]
        assert sorted(w.code for w in db.session.scalars(db.select(Ward))) == ["E05013714", "E05013727"]
    assert "Ladywell,E05013727" in text_of(client.get("/rounds/lewisham/wards"))


def test_residents_cannot_load_wards(client, make_round):
    make_round(slug="lewisham")
    assert client.get("/rounds/lewisham/wards").status_code in (302, 401, 403)


def test_a_proposed_need_in_a_ward_carries_the_wards_code_into_the_register(app, client, make_round):
    make_round(slug="lewisham", area_choices=["Brockley"])
    with app.app_context():
        db.session.add(Ward(round_id=db.session.scalar(db.select(Round.id)), name="Brockley", code="E05013714"))
        db.session.commit()
    from app.models import Participant
    from app.needs.services import propose_need
    from app.rounds.phases import Phase
    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        person = Participant(round_id=round_.id, display_name="Ada")
        db.session.add(person)
        db.session.commit()
        values = {"title": "Crossing", "description": "A safe crossing by the school.", "area": "Brockley",
                  "category": "streets", "language": "en"}
        need = propose_need(round_, person, values, Phase.PROPOSE)
        assert need.area_code == "E05013714"
        other = propose_need(round_, person, {**values, "area": "Lewisham"}, Phase.PROPOSE)
        assert db.session.get(Need, other.id).area_code == "E09000023"
    assert [n["area"] for n in client.get("/api/needs?area=E05013714").json["needs"]] == [
        {"name": "Brockley", "code": "E05013714"}]
