"""`{% bar_chart title rows %}`: a horizontal bar chart as SVG, laid out by common.charts.

Built with format_html_join rather than a template loop: a chart can have hundreds of bars,
and this costs a tenth of rendering them node by node. Labels are escaped. Highlighted bars
(for example, the ones chosen) are green; the others blue. The chart is one image to a
screen reader, named by `title`; the page's table beside it gives the numbers.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from coproduce.common.charts import BAR_HEIGHT, Chart
from coproduce.common.charts import bar_chart as lay_out

register = template.Library()

HIGHLIGHT, PLAIN, TEXT = "#00703c", "#1d70b8", "#0b0c0c"


def draw(chart: Chart, title: str) -> SafeString:
    bars = format_html_join(
        "\n",
        '<text x="{}" y="{}" text-anchor="end" font-size="14" fill="{}">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="14" fill="{}">{}</text>',
        (
            (
                chart.label_x,
                bar.text_y,
                TEXT,
                bar.label,
                chart.label_width,
                bar.y,
                f"{bar.width:.1f}",
                BAR_HEIGHT,
                HIGHLIGHT if bar.highlighted else PLAIN,
                f"{bar.value_x:.1f}",
                bar.text_y,
                TEXT,
                bar.shown,
            )
            for bar in chart.bars
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" focusable="false"'
        ' viewBox="0 0 {} {}" width="100%" style="max-width: {}px"><title>{}</title>\n{}\n</svg>',
        title,
        str(chart.width),
        str(chart.height),
        str(chart.width),
        title,
        bars,
    )


@register.simple_tag
def bar_chart(title: str, rows, unit: str = "", width: int = 720) -> SafeString:
    """rows: (label, value) or (label, value, highlighted), in the order to draw them; a
    narrower `width` (for a half-width column) keeps the text the same size."""
    return draw(lay_out(rows, unit=unit, width=width), str(title))
