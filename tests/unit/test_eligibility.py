"""Postcode checks for a round's eligibility question."""
import pytest

from app.access.eligibility import fits, outward, prefixes

LEWISHAM = prefixes("SE4, SE6 SE8;SE13 se23")


@pytest.mark.parametrize("postcode", ["SE13 6AB", "se136ab", " SE4 1AA ", "SE23", "se8 3dd"])
def test_postcodes_in_the_listed_districts_fit(postcode):
    assert fits(postcode, LEWISHAM)


@pytest.mark.parametrize("postcode", ["SE1 7PB", "SE14 6AF", "E1 6AN", "", "not a postcode"])
def test_a_district_is_not_taken_for_the_start_of_a_longer_one(postcode):
    assert not fits(postcode, LEWISHAM)


def test_a_whole_area_admits_its_districts_but_not_an_area_that_starts_the_same():
    assert fits("SE13 6AB", ["SE"]) and fits("E1 6AN", ["E"])
    assert not fits("EC1A 1BB", ["E"])


def test_other_countries_postcodes_match_by_their_beginning():
    assert fits("30-001", prefixes("30- 31-")) and not fits("00-950", prefixes("30- 31-"))


def test_only_the_district_is_kept():
    assert outward("se13 6ab") == "SE13" and outward("30-001") == "30-001"
