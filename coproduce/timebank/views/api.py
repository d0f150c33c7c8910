"""A small JSON endpoint for transfers: session sign-in and the CSRF header, like the pages.

POST {"from_account": "TB407125368206", "to_account": 34, "minutes": 90, "description": "…"}:
accounts by their number, or by their key.
A coordinator's transfer is posted at once; anyone else's waits for the other side.
Answers 201 {"id": ..., "status": ...} only once the transfer is committed, otherwise a 4xx
with {"error": "..."} and nothing stored.
"""

import json

from django.db import OperationalError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.common.numbers import NumberError, whole_number

from .. import numbers, permissions, selectors, services


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _whole_number(value) -> int | None:
    try:
        return whole_number(value.strip() if isinstance(value, str) else value)
    except NumberError:
        return None


def _account_key(value):
    """An account number ("TB…", from the account's page) or, as before, the account's key."""
    if isinstance(value, str) and value.strip().upper().startswith("TB"):
        return numbers.parse(value)
    return _whole_number(value)


@require_POST
def transfer_create(request):
    if not request.user.is_authenticated:
        return _error(_("Sign in to record time."), 401)
    try:
        data = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return _error(_("Send the transfer as JSON."), 400)
    if not isinstance(data, dict):
        return _error(_("Send the transfer as a JSON object."), 400)
    from_id, to_id = _account_key(data.get("from_account")), _account_key(data.get("to_account"))
    minutes = _whole_number(data.get("minutes"))
    description = data.get("description", "")
    if from_id is None or to_id is None:
        return _error(_("Give from_account and to_account as account numbers."), 400)
    if minutes is None:
        return _error(_("Give minutes as a whole number, like 90."), 400)
    if not isinstance(description, str):
        return _error(_("Give a description as text."), 400)
    user = request.user
    coordinator = permissions.is_coordinator(user)
    # Anyone else's request tells the other side, by name: load the holders with the accounts.
    accounts = selectors.accounts_by_key([from_id, to_id], holders=not coordinator)
    from_account, to_account = accounts.get(from_id), accounts.get(to_id)
    if from_account is None or to_account is None:
        return _error(_("There is no account with that number."), 400)
    try:
        if coordinator:
            transfer = services.transfer_record(
                actor=user,
                from_account=from_account,
                to_account=to_account,
                minutes=minutes,
                description=description,
            )
        else:
            # Past the limit: a JSON 429 (the site's error handler), nothing stored.
            limits.check(request, "transfer_request", json=True)
            gave = permissions.can_act_for(user, to_account)
            transfer = services.transfer_request(
                actor=user,
                account=to_account if gave else from_account,
                other=from_account if gave else to_account,
                minutes=minutes,
                description=description,
                gave=gave,
            )
    except NotAllowed as error:
        return _error(str(error), 403)
    except services.LimitReached as error:
        return _error(str(error), 409)
    except Refusal as error:
        return _error(str(error), 400)
    except OperationalError:
        # SQLite's write lock was not free within its timeout: nothing was written.
        return _error(_("The time bank is busy. Try again."), 503)
    return JsonResponse({"id": transfer.pk, "status": transfer.status}, status=201)
