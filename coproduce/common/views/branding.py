from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control

from coproduce.common.colour import is_hex_colour


@cache_control(public=True, max_age=300)
def branding_css(request):
    """The council's accent colour as CSS custom properties (a file, so CSP needs no inline style).

    The system check coproduce.E002 has already refused colours without enough contrast.
    """
    colour = settings.COUNCIL_ACCENT_COLOUR
    if not is_hex_colour(colour):  # the check refuses this at start-up; never echo it unescaped
        colour = "#1d5c4d"
    css = (
        f":root {{\n  --coproduce-accent-colour: {colour};\n  --govuk-brand-colour: {colour};\n}}\n"
    )
    return HttpResponse(css, content_type="text/css; charset=utf-8")
