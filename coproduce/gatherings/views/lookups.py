"""Finding the event a page is about, shared by the event pages."""

from django.http import Http404

from .. import selectors, unlisted
from ..models import Event


def event_or_404(pk: int, user, *, to_join: bool = False) -> Event:
    """The event with this id, with what its pages show (`to_join`: only what taking a place
    needs); 404 if there is none, or if it is kept unlisted (unlisted.py) and this person is
    not one who may see it: every page about an event (taking a place, the agenda, choices)
    hides it as its own page does."""
    event = selectors.event_to_join(pk) if to_join else selectors.event_detail(pk)
    if event is None or unlisted.hidden_from(user, event):
        raise Http404
    return event
