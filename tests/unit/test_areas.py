"""The shipped London local authorities and a round's wards read from CSV, refused with line and reason."""
import pytest

from app.register.areas import Refusal, WardsRefused, borough, london_boroughs, read_wards


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
