"""Sums of money as exact values. Pure Python.

A round stores money as whole numbers of 10**-scale currency units (scale 2 for pence or grosze);
people read and type it in currency units, as Decimals; the tally counts it in Fractions. Nothing
here, or anywhere money goes, is a float.
"""
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction

import simplejson

# The largest value a BigInteger column holds, and the largest amount a round's form takes.
LARGEST_STORED = 2**63 - 1
LARGEST_AMOUNT = Decimal(10) ** 12
# Longer than any amount the column could hold, written out in full with its decimals.
LONGEST_TEXT = 40
PLAIN = re.compile(r"^\d+(\.\d+)?$")
CENT = Decimal("0.01")


class Refusal(StrEnum):
    """Why a typed amount was refused; the form puts each in words."""

    NOT_A_NUMBER = "not-a-number"
    NOT_POSITIVE = "not-positive"
    TOO_LARGE = "too-large"
    TOO_PRECISE = "too-precise"


class AmountError(ValueError):
    def __init__(self, refusal: Refusal):
        super().__init__(refusal.value)
        self.refusal = refusal


def units(stored: int | None, scale: int) -> Decimal | None:
    """A stored sum in currency units, with as many decimals as the round keeps."""
    return None if stored is None else Decimal(stored).scaleb(-scale)


def exact(stored: int, scale: int) -> Fraction:
    return Fraction(stored, 10**scale)


def to_stored(amount: Decimal | Fraction, scale: int) -> int:
    """An amount in currency units as the whole number it is stored as; refuses one that is not."""
    value = Fraction(amount) * 10**scale
    if value.denominator != 1:
        raise AmountError(Refusal.TOO_PRECISE)
    return value.numerator


def decimals(amount: Decimal) -> int:
    """How many decimals the amount needs (1.50 needs one), read off its digits without rounding."""
    _, digits, exponent = amount.as_tuple()
    while exponent < 0 and len(digits) > 1 and digits[-1] == 0:
        digits, exponent = digits[:-1], exponent + 1
    return max(0, -exponent) if any(digits) else 0


def parse(text: str, scale: int, largest: Decimal = LARGEST_AMOUNT, read_localised=None) -> Decimal:
    """A typed amount in currency units, checked against what the round can store.

    Plain figures (1234.56) are read as written; anything else goes to `read_localised`, which
    reads the visitor's own way of writing numbers (1 234,56) or raises ValueError."""
    text = text.strip()
    if not text or len(text) > LONGEST_TEXT:
        raise AmountError(Refusal.NOT_A_NUMBER)
    try:
        amount = Decimal(text) if PLAIN.match(text) or read_localised is None else read_localised(text)
    except (ValueError, ArithmeticError):
        raise AmountError(Refusal.NOT_A_NUMBER) from None
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise AmountError(Refusal.NOT_A_NUMBER)
    if amount <= 0:
        raise AmountError(Refusal.NOT_POSITIVE)
    if amount > largest or amount * 10**scale > LARGEST_STORED:
        raise AmountError(Refusal.TOO_LARGE)
    if decimals(amount) > scale:
        raise AmountError(Refusal.TOO_PRECISE)
    return amount


def as_decimal(amount: Fraction | Decimal | int) -> Decimal:
    """An exact Decimal for a sum with finitely many decimals (every stored sum); others, such as
    a third of a budget, to 28 significant digits."""
    if isinstance(amount, Decimal):
        return amount
    amount = Fraction(amount)
    power, denominator = 0, amount.denominator
    while denominator % 10 == 0:
        denominator, power = denominator // 10, power + 1
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator, power = denominator // factor, power + 1
    if denominator != 1:
        return Decimal(amount.numerator) / Decimal(amount.denominator)
    return Decimal(amount.numerator * 10**power // amount.denominator).scaleb(-power)


def shown(amount: Fraction | Decimal | int) -> Decimal:
    """An amount as people read it: a computed share rounded to the cent, whole sums without decimals."""
    value = as_decimal(amount)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    try:
        return value.quantize(CENT, ROUND_HALF_UP)
    except InvalidOperation:
        return value


def json_number(amount: Fraction | Decimal | None) -> int | Decimal | None:
    """Money for JSON: whole amounts as integers, others as the exact decimal (written as a number)."""
    if amount is None:
        return None
    value = as_decimal(amount)
    return int(value) if value == value.to_integral_value() else value


def dumps_exact(value, **kwargs) -> str:
    """JSON with Decimals written as the exact numbers they are, never rounded through a float."""
    return simplejson.dumps(value, use_decimal=True, **kwargs)
