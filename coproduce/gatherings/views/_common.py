from django.http import Http404

from .. import selectors
from ..models import Event


def event_or_404(pk: int) -> Event:
    event = selectors.event_detail(pk)
    if event is None:
        raise Http404
    return event
