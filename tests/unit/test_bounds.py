"""Numbers read from addresses and forms only when the database can hold them."""
import pytest

from app.bounds import LARGEST_ID, parse_int, read_int


@pytest.mark.parametrize("text", ["²", "٣", "１２", "--5", "+3", "1_000", "0x10", "1e3", "", " ", "9" * 11,
                                  str(LARGEST_ID + 1), str(2**63), "Infinity", "NaN"])
def test_what_is_not_a_plain_number_within_range_is_refused(text):
    assert read_int(text) is None
    with pytest.raises(ValueError):
        parse_int(text)


def test_plain_numbers_up_to_the_largest_id_are_read():
    assert read_int(" 42 ") == 42 and read_int(str(LARGEST_ID)) == LARGEST_ID and read_int("0007") == 7
    assert read_int("-3") is None and read_int("-3", signed=True) == -3
    assert read_int(str(-LARGEST_ID - 1), signed=True) is None and read_int(None) is None
