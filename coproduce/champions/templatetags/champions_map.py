"""`{% coverage_map title streets wards %}`: the coverage map as SVG, laid out by
champions.coverage_map. Covered streets are green dots, the others orange rings (told apart
by shape as well as colour); wards are grey outlines. One image to a screen reader, named by
`title`; the page's tables beside it say the same in words.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from ..coverage_map import RADIUS, lay_out

register = template.Library()

COVERED, NOT_COVERED, OUTLINE = "#00703c", "#d4351c", "#b1b4b6"


@register.simple_tag
def coverage_map(title: str, streets, wards) -> SafeString:
    layout = lay_out(
        ((row.name, row.latitude, row.longitude, row.covered) for row in streets),
        ((ward.name, ward.boundary) for ward in wards),
    )
    outlines = format_html_join(
        "\n",
        '<polygon points="{}" fill="none" stroke="{}" stroke-width="1"></polygon>',
        ((outline.points, OUTLINE) for outline in layout.outlines),
    )
    dots = format_html_join(
        "\n",
        '<circle cx="{}" cy="{}" r="{}" {}></circle>',
        (
            (
                dot.x,
                dot.y,
                RADIUS,
                format_html('fill="{}"', COVERED)
                if dot.covered
                else format_html('fill="#ffffff" stroke="{}" stroke-width="2"', NOT_COVERED),
            )
            for dot in layout.dots
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" focusable="false"'
        ' viewBox="0 0 {} {}" class="champions-map"><title>{}</title>\n{}\n{}\n</svg>',
        title,
        str(layout.width),
        str(layout.height),
        title,
        outlines,
        dots,
    )


@register.simple_tag
def legend_dot(covered: bool) -> SafeString:
    """A dot as drawn on the map, for the legend."""
    paint = (
        format_html('fill="{}"', COVERED)
        if covered
        else format_html('fill="#ffffff" stroke="{}" stroke-width="2"', NOT_COVERED)
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"'
        ' aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="5" {}></circle></svg>',
        paint,
    )
