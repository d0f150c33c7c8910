"""Finding the event a page is about, shared by the event pages."""

from django.http import Http404

from .. import selectors
from ..models import Event


def event_or_404(pk: int) -> Event:
    """The event with this id, with what its pages show; 404 if there is none."""
    event = selectors.event_detail(pk)
    if event is None:
        raise Http404
    return event
