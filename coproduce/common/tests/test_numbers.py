import pytest

from coproduce.common.numbers import LARGEST, SMALLEST, NumberError, whole_number


@pytest.mark.parametrize(("value", "expected"), [("0", 0), ("42", 42), ("-7", -7), (90, 90)])
def test_ascii_digits_and_json_integers_are_whole_numbers(value, expected):
    """ASCII digits with an optional minus, and ints, are read as they are."""
    assert whole_number(value) == expected


@pytest.mark.parametrize(
    "value",
    ["²", "①", "٣", "１２", "", " ", " 1", "1 ", "+1", "1.0", "1e3", "1_000", "0x10", "--1", "-"],
)
def test_anything_but_ascii_digits_is_refused(value):
    """Digits of other scripts, spaces, signs, decimals and underscores are not whole numbers."""
    with pytest.raises(NumberError, match="must be a whole number"):
        whole_number(value)


@pytest.mark.parametrize("value", [None, True, False, 1.0, [1], {"n": 1}])
def test_json_values_that_are_not_integers_are_refused(value):
    """A bool is not a number of minutes, and neither is a float, a list or null."""
    with pytest.raises(NumberError):
        whole_number(value)


def test_numbers_too_long_for_a_database_column_are_refused():
    """Beyond a signed 64-bit column, and 5,000-digit strings, are refused without int()."""
    assert whole_number(str(LARGEST)) == LARGEST
    assert whole_number(str(SMALLEST)) == SMALLEST
    for value in (str(LARGEST + 1), str(SMALLEST - 1), "9" * 5000, 10**30):
        with pytest.raises(NumberError):
            whole_number(value)


def test_bounds_are_inclusive_and_named_in_the_message():
    """The message says what the parameter must be, by its name."""
    assert whole_number("1", minimum=1, maximum=3) == 1
    assert whole_number("3", minimum=1, maximum=3) == 3
    with pytest.raises(NumberError, match=r"^page must be a whole number from 1 to 3\.$"):
        whole_number("4", name="page", minimum=1, maximum=3)
    with pytest.raises(NumberError, match=r"^zoom must be a whole number from 0 up\.$"):
        whole_number("-1", name="zoom", minimum=0)


def test_a_number_error_is_a_value_error():
    """Code that already catches ValueError keeps working."""
    assert issubclass(NumberError, ValueError)
