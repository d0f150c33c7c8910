"""What every discussion form reads from a POST, and how much it may send."""

from ..models import MAX_BODY

# A form holds at most a few fields of the longest text, with room for the rest of a request.
MAX_POST_BYTES = MAX_BODY * 12 + 4096


def too_big(request) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_POST_BYTES
    except ValueError:
        return True


def posted(request):
    """The form data on POST (even when empty, so it is validated), else None."""
    return request.POST if request.method == "POST" else None
