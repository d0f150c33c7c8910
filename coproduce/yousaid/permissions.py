"""Who may write, own and change council responses.

Writing a response to an item is for whoever its source says (for a survey, the person who
runs it and officers). Owning one is for council officers (OWN, granted in accounts/roles.py),
and only once they accept. A response can then be changed by its owner, by whoever wrote it,
and by whoever may respond to its item. Reading is for everyone: it is a public record.
"""

from .sources import Source

OWN = "yousaid.own_council_response"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def may_respond(user, source: Source, item) -> bool:
    return _signed_in(user) and bool(source.may_respond(user, item))


def may_own(user) -> bool:
    return _signed_in(user) and user.has_perm(OWN)


def may_change(user, response, *, source: Source | None, item) -> bool:
    if not _signed_in(user):
        return False
    if user.pk in (response.owner_id, response.written_by_id):
        return True
    return source is not None and item is not None and may_respond(user, source, item)
