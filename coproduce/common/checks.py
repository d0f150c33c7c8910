"""System checks: catch a branding setting that would make the service inaccessible."""

from django.conf import settings
from django.core import checks

from .colour import contrast_ratio, is_hex_colour

MINIMUM_CONTRAST = 4.5  # WCAG 2.2 AA for normal text


@checks.register(checks.Tags.templates)
def check_accent_colour(app_configs, **kwargs):
    colour = settings.COUNCIL_ACCENT_COLOUR
    if not is_hex_colour(colour):
        return [
            checks.Error(
                f"COUNCIL_ACCENT_COLOUR {colour!r} is not a colour such as #1d5c4d.",
                id="coproduce.E001",
            )
        ]
    ratio = contrast_ratio(colour, "#ffffff")
    if ratio < MINIMUM_CONTRAST:
        return [
            checks.Error(
                f"COUNCIL_ACCENT_COLOUR {colour} has a contrast of {ratio:.2f}:1 with white text; "
                f"it needs at least {MINIMUM_CONTRAST}:1 to meet WCAG 2.2 AA.",
                hint="Choose a darker colour.",
                id="coproduce.E002",
            )
        ]
    return []
