from django import forms
from django.http import Http404

from .. import selectors
from ..models import Event


def only_errors(*errors: str) -> forms.Form:
    """A form holding only these messages, for the page's error summary."""
    form = forms.Form(data={})
    form.full_clean()
    for error in errors:
        form.add_error(None, error)
    return form


def event_or_404(pk: int) -> Event:
    event = selectors.event_detail(pk)
    if event is None:
        raise Http404
    return event
