from decimal import Decimal
from fractions import Fraction

import pytest

from app import money
from app.money import AmountError, Refusal


@pytest.mark.parametrize("text, scale, expected", [
    ("1300", 2, Decimal("1300")), ("1234.56", 2, Decimal("1234.56")), ("1.50", 1, Decimal("1.50")),
    (" 7 ", 0, Decimal(7)), ("12.000", 0, Decimal("12.000")),
])
def test_plain_figures_are_read_exactly(text, scale, expected):
    assert money.parse(text, scale) == expected


@pytest.mark.parametrize("text, scale, refusal", [
    ("Infinity", 2, Refusal.NOT_A_NUMBER), ("NaN", 2, Refusal.NOT_A_NUMBER), ("sNaN", 2, Refusal.NOT_A_NUMBER),
    ("", 2, Refusal.NOT_A_NUMBER), ("1" * 41, 0, Refusal.NOT_A_NUMBER), ("1e1000", 2, Refusal.TOO_LARGE),
    ("-1", 0, Refusal.NOT_POSITIVE), ("0.00", 2, Refusal.NOT_POSITIVE), ("1.005", 2, Refusal.TOO_PRECISE),
    ("1.1", 0, Refusal.TOO_PRECISE), ("1000000000000.01", 2, Refusal.TOO_LARGE),
    ("1e-1000000", 2, Refusal.TOO_PRECISE),
])
def test_what_cannot_be_stored_is_refused_with_its_reason(text, scale, refusal):
    with pytest.raises(AmountError) as refused:
        money.parse(text, scale, read_localised=lambda t: __import__("decimal").Decimal(t))
    assert refused.value.refusal == refusal


def test_the_largest_stored_number_bounds_what_a_form_takes_at_a_fine_scale():
    with pytest.raises(AmountError):
        money.parse("100000000000", 8)


def test_stored_units_and_amounts_round_trip_without_rounding():
    assert money.units(123456, 2) == Decimal("1234.56")
    assert money.to_stored(Decimal("1300"), 2) == 130000
    assert money.to_stored(Decimal("12345678901234567.01"), 2) == 1234567890123456701
    assert money.exact(1234567890123456701, 2) == Fraction(1234567890123456701, 100)
    with pytest.raises(AmountError):
        money.to_stored(Decimal("1.005"), 2)


def test_json_numbers_are_integers_when_whole_and_exact_decimals_otherwise():
    assert money.json_number(None) is None
    assert money.json_number(Decimal("1300.00")) == 1300 and type(money.json_number(Decimal("1300.00"))) is int
    assert money.json_number(Fraction(1234567890123456701, 100)) == Decimal("12345678901234567.01")
    assert money.json_number(Fraction(1, 8)) == Decimal("0.125")
    assert not any(isinstance(money.json_number(v), float) for v in (Decimal("0.1"), Fraction(1, 3), 5))


def test_shown_amounts_round_computed_shares_to_the_cent():
    assert money.shown(Fraction(1, 3)) == Decimal("0.33")
    assert money.shown(Fraction(2, 3)) == Decimal("0.67")
    assert money.shown(Decimal("1300.00")) == Decimal(1300) and str(money.shown(Decimal("1300.00"))) == "1300"
    assert money.shown(Decimal("1234.5")) == Decimal("1234.50")
