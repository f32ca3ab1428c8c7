"""The shipped London local authorities and a round's wards read from CSV, refused with line and reason."""
import pytest

from app.register.areas import (Refusal, WardsRefused, borough, borough_named, geo_code_type, london_boroughs,
                                read_wards, round_code)


def test_the_33_london_local_authorities_ship_with_their_ons_codes_in_order():
    places = london_boroughs()
    assert [p.code for p in places] == [f"E09{n:06d}" for n in range(1, 34)]
    assert places[0].name == "City of London" and places[-1].name == "Westminster"
    assert borough("E09000023").name == "Lewisham" and borough("hackney").code == "E09000012"
    assert borough("E09000012").name == "Hackney" and borough("Tower Hamlets").code == "E09000030"
    assert borough("Surrey") is None


def test_wards_are_read_from_name_code_lines_with_or_without_a_header():
    text = "\ufeffname,code\nBrockley,E05013714\n\n\"Lee Green, north\",e05013724\n"
    assert [(p.name, p.code) for p in read_wards(text)] == [("Brockley", "E05013714"),
                                                          ("Lee Green, north", "E05013724")]


@pytest.mark.parametrize("text, line, refusal", [
    ("", 1, Refusal.EMPTY),
    ("name,code\n", 1, Refusal.EMPTY),
    ("Brockley,E05013714\nLee Green\n", 2, Refusal.COLUMNS),
    ("Brockley,E05013714,extra\n", 1, Refusal.COLUMNS),
    ("name,code\n ,E05013714\n", 2, Refusal.NO_NAME),
    ("Brockley,E05 013714\n", 1, Refusal.BAD_CODE),
    ("Brockley,\n", 1, Refusal.BAD_CODE),
    ("Brockley,E05013714\nLadywell,e05013714\n", 2, Refusal.REPEATED_CODE),
])
def test_a_wrong_line_refuses_the_file_saying_which_line_and_why(text, line, refusal):
    with pytest.raises(WardsRefused) as refused:
        read_wards(text)
    assert (refused.value.line, refused.value.refusal) == (line, refusal)


def test_a_round_naming_a_london_local_authority_carries_its_code_and_another_place_the_code_given():
    assert borough_named("  tower HAMLETS ").code == "E09000030"
    assert borough_named("E09000023") is None and borough_named("") is None  # by name only
    assert round_code("lewisham", "") == "E09000023"
    assert round_code("Lewisham", "E05013714") == "E09000023"  # the borough's own code, whatever was typed
    assert round_code("Kingsmead estate", "e05013725") == "E05013725"
    assert round_code("Kingsmead estate", "") == ""
    # Moved from a borough to a place of no known code: the borough's code, filled in for it, goes with it.
    assert round_code("Kingsmead estate", "E09000023", before="Lewisham") == ""
    assert round_code("Kingsmead estate", "E05013725", before="Lewisham") == "E05013725"
    assert round_code("Hackney", "E09000023", before="Lewisham") == "E09000012"


@pytest.mark.parametrize("code, kind", [("E09000023", "LONB"), ("e05013714", "WD"), ("E06000001", "UA"),
                                        ("W05000041", "WD"), ("E99000001", None), ("E0900002", None), ("", None),
                                        ("BROCKLEY1", None)])
def test_360giving_is_told_the_kind_of_area_an_ons_code_names(code, kind):
    assert geo_code_type(code) == kind
