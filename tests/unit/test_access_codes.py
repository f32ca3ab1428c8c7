"""Access codes as people read, type and paste them."""
import math

import pytest

from app.access.codes import ALPHABET, BITS, LENGTH, new_code, normalise
from app.readable import display


def test_a_code_carries_at_least_forty_random_bits_in_letters_nobody_confuses():
    assert LENGTH * math.log2(len(ALPHABET)) == BITS >= 40
    assert not set("ILOU") & set(ALPHABET)
    codes = {new_code() for _ in range(5000)}
    assert len(codes) == 5000
    assert all(len(c) == LENGTH and set(c) <= set(ALPHABET) for c in codes)
    # Every character turns up in every position: nothing in the making narrows the choice.
    assert all({c[i] for c in codes} == set(ALPHABET) for i in range(LENGTH))


@pytest.mark.parametrize("typed", ["7KQ2M-XW4PD", "7kq2m xw4pd", " 7KQ2 MXW4 PD ", "7kq2mxw4pd", "7KQ2M\u2010XW4PD"])
def test_case_spaces_and_dashes_do_not_matter(typed):
    assert normalise(typed) == "7KQ2MXW4PD"


def test_letters_read_as_digits_count_as_those_digits():
    assert normalise("O1LIO-00000") == "0111000000"


@pytest.mark.parametrize("typed", ["", "7KQ2M", "7KQ2M-XW4PD-1", "7KQ2U-XW4PD", "7KQ2M-XW4P!"])
def test_what_cannot_be_a_code_is_refused(typed):
    assert normalise(typed) is None


def test_codes_are_shown_in_two_groups_of_five():
    assert display("7KQ2MXW4PD") == "7KQ2M-XW4PD"
