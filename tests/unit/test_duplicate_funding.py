"""A panel about to fund a need hears of other funders' grants for it and of other panels still deciding."""
from decimal import Decimal

from app.voting.duplicate_funding import Elsewhere, Kind, LinkedNeed, Warning, warnings


def elsewhere(round_id, funded=False, published=False, funders=(("Lewisham Fund", Decimal("4000")),),
              title="Lewisham 2025"):
    return Elsewhere(round_id, title, "GBP", tuple(funders), funded, published)


def test_a_published_grant_elsewhere_names_each_funder_and_its_share():
    co_funded = elsewhere(2, funded=True, published=True,
                          funders=(("Lewisham Fund", Decimal("3000")), ("City Trust", Decimal("1000"))))
    assert warnings(1, [co_funded]) == [
        Warning(Kind.FUNDED, "Lewisham 2025", "Lewisham Fund", Decimal("3000"), "GBP"),
        Warning(Kind.FUNDED, "Lewisham 2025", "City Trust", Decimal("1000"), "GBP"),
    ]


def test_an_application_another_panel_is_still_deciding_is_named_with_the_sum_asked():
    pending = elsewhere(3, funders=(("East London Fund", Decimal("900")),), title="Newham 2027")
    assert warnings(1, [pending]) == [Warning(Kind.CONSIDERED, "Newham 2027", "East London Fund", Decimal("900"),
                                              "GBP")]


def test_grants_made_come_before_rounds_still_deciding():
    pending, made = elsewhere(3, title="Newham 2027"), elsewhere(2, funded=True, published=True)
    assert [w.kind for w in warnings(1, [pending, made])] == [Kind.FUNDED, Kind.CONSIDERED]


def test_the_panels_own_round_and_published_refusals_say_nothing():
    own = elsewhere(1, funded=True, published=True)
    refused = elsewhere(2, funded=False, published=True)
    assert warnings(1, [own, refused]) == []
    assert warnings(1, []) == []


def test_a_funding_decision_not_yet_published_counts_as_still_being_decided():
    decided_unpublished = elsewhere(2, funded=True, published=False)
    assert [w.kind for w in warnings(1, [decided_unpublished])] == [Kind.CONSIDERED]


def test_money_for_the_same_need_linked_from_another_round_names_that_need():
    lights = LinkedNeed(7, "Street lights on Rye Lane", "en", "hackney")
    made = Elsewhere(2, "Hackney 2026", "GBP", (("Hackney Giving", Decimal("3000")),), True, True, lights)
    assert warnings(1, [made]) == [Warning(Kind.FUNDED, "Hackney 2026", "Hackney Giving", Decimal("3000"), "GBP",
                                           lights)]
    assert warnings(1, [elsewhere(2, funded=True, published=True)])[0].linked is None
