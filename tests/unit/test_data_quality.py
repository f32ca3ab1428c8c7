"""The 360Giving data quality checks, worked on grants made up for each rule."""
import pytest

from app.voting.data_quality import Check, GrantText, check, check_all, identifier_problem

CLEAN = GrantText("1", "LED lamps on Sydenham Road", "Twelve lamps where residents feel unsafe after dark.",
                  "GB-CHC-1234567", "Sydenham, Lewisham", "Lewisham")


def grant(**changes) -> GrantText:
    return GrantText(**{**CLEAN.__dict__, **changes})


def test_a_clean_grant_has_no_warnings():
    assert check(CLEAN) == [] and check_all([CLEAN]) == {}


@pytest.mark.parametrize("org_id, problem", [
    ("GB-CHC-1234567", None), ("GB-CHC-205846", None), ("GB-CHC-12345", Check.CHARITY_NUMBER),
    ("GB-CHC-12345678", Check.CHARITY_NUMBER), ("GB-CHC-SC012345", Check.CHARITY_NUMBER),
    ("GB-SC-SC012345", None), ("GB-SC-012345", Check.CHARITY_NUMBER), ("GB-NIC-100002", None),
    ("GB-NIC-1000020", Check.CHARITY_NUMBER),
    ("GB-COH-01234567", None), ("GB-COH-SC123456", None), ("gb-coh-sc123456", None),
    ("GB-COH-1234567", Check.COMPANY_NUMBER),  # a leading zero lost
    ("GB-COH-ABC12345", Check.COMPANY_NUMBER),
    ("XI-GRID-grid.1234.5", None), ("", None),  # other registers are not ours to check
])
def test_charity_and_company_numbers_follow_their_registers_formats(org_id, problem):
    assert identifier_problem(org_id) == problem


def test_titles_over_140_characters_or_equal_to_the_description_are_flagged():
    assert check(grant(title="x" * 140)) == []
    assert check(grant(title="x" * 141)) == [Check.TITLE_TOO_LONG]
    assert check(grant(description=" led lamps on sydenham road ")) == [Check.TITLE_IS_DESCRIPTION]
    assert check(grant(description="")) == []  # nothing to repeat


def test_missing_locations_and_email_like_text_are_flagged_in_order():
    found = check(grant(recipient_id="GB-COH-123", recipient_location=" ", beneficiary_location="",
                        description="Write to lamps@sydenham.example for the plan."))
    assert found == [Check.COMPANY_NUMBER, Check.NO_RECIPIENT_LOCATION, Check.NO_BENEFICIARY_LOCATION,
                     Check.EMAIL_IN_TEXT]
    assert check(grant(title="Lamps @ Sydenham Road")) == []  # an at sign alone is not an address
    assert check_all([CLEAN, grant(id="2", recipient_location="")]) == {"2": [Check.NO_RECIPIENT_LOCATION]}
