"""`{% bar_chart title rows %}`: a horizontal bar chart as SVG, laid out by common.charts;
`{% column_chart title rows %}`: upright columns (counts over time), laid out by common.columns.

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
from coproduce.common.columns import ColumnChart
from coproduce.common.columns import column_chart as lay_out_columns

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


def draw_columns(chart: ColumnChart, title: str) -> SafeString:
    """A column chart as SVG: each column with its number above and its label below."""
    columns = format_html_join(
        "\n",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">{}</text>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">{}</text>',
        (
            (
                f"{column.x:.1f}",
                f"{column.y:.1f}",
                f"{chart.column_width:.1f}",
                f"{column.height:.1f}",
                PLAIN,
                f"{column.centre:.1f}",
                f"{column.value_y:.1f}",
                TEXT,
                column.shown,
                f"{column.centre:.1f}",
                str(column.label_y),
                TEXT,
                column.label,
            )
            for column in chart.columns
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" focusable="false"'
        ' viewBox="0 0 {} {}" width="100%" style="max-width: {}px"><title>{}</title>\n'
        '<line x1="0" y1="{}" x2="{}" y2="{}" stroke="{}"></line>\n{}\n</svg>',
        title,
        str(chart.width),
        str(chart.height),
        str(chart.width),
        title,
        str(chart.baseline),
        str(chart.width),
        str(chart.baseline),
        TEXT,
        columns,
    )


@register.simple_tag
def column_chart(title: str, rows, width: int = 720) -> SafeString:
    """rows: (label, value) or (label, value, shown), left to right; `shown` is the text
    above the column (for example "fewer than 5", drawn with no column)."""
    return draw_columns(lay_out_columns(rows, width=width), str(title))
