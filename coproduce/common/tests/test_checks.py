from coproduce.common.checks import check_accent_colour


def test_pale_accent_colour_fails_the_check(settings):
    """A pale accent colour that white text cannot be read on stops start-up."""
    settings.COUNCIL_ACCENT_COLOUR = "#ffdd00"
    errors = check_accent_colour(None)
    assert [e.id for e in errors] == ["coproduce.E002"]


def test_malformed_accent_colour_fails_the_check(settings):
    """An accent colour that is not a colour stops start-up."""
    settings.COUNCIL_ACCENT_COLOUR = "blue;}body{display:none"
    assert [e.id for e in check_accent_colour(None)] == ["coproduce.E001"]


def test_default_accent_colour_passes(settings):
    """The default accent colour meets WCAG 2.2 AA against white."""
    assert check_accent_colour(None) == []
