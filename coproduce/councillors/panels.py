"""The councillors of a ward, as a section of the ward's page (site/), which cannot import
this app: registered with common.panels from CouncillorsConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from . import selectors


def ward_panel(ward, request: HttpRequest) -> SafeString:
    """The ward's councillors by name, and a link to their page. One query."""
    return render_to_string(
        "councillors/_ward_panel.html",
        {"ward": ward, "councillors": selectors.ward_councillors(ward)},
        request=request,
    )
