import pytest

from coproduce.common.colour import contrast_ratio, relative_luminance


def test_black_on_white_is_21_to_1():
    """The extremes give the WCAG maximum contrast."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)


def test_short_hex_equals_long_hex():
    """#fff and #ffffff are the same colour."""
    assert relative_luminance("#fff") == relative_luminance("#ffffff")


def test_govuk_blue_meets_aa_on_white():
    """GOV.UK link blue has enough contrast for normal text."""
    assert contrast_ratio("#1d70b8", "#ffffff") >= 4.5


def test_malformed_colour_is_refused():
    """Something that is not a hex colour raises a clear error."""
    with pytest.raises(ValueError, match="is not a colour"):
        relative_luminance("red")
