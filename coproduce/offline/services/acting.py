"""Acting for an offline resident: each act calls the owning app's own service with the
resident as the person taking part, so every rule of that app applies, and writes the log."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.gatherings.models import Event, Rsvp
from coproduce.gatherings.services import rsvps
from coproduce.surveys.models import Response, Survey
from coproduce.surveys.services.responses import response_submit
from coproduce.timebank import permissions as timebank_permissions
from coproduce.timebank.hours import format_minutes
from coproduce.timebank.models import Account, Transfer
from coproduce.timebank.services import (
    account_open_for_user,
    transfer_confirm,
    transfer_record,
    transfer_request,
)

from .. import permissions, reach
from ..models import Act, OfflineResident
from .log import act_record

# How a poll answered on paper for someone with an account is stored, once surveys allows a
# paper response to belong to an account (see the report): until then it is stored as an
# answer given for them, with the paper noted in the log.
POLL_WAY = Response.Way.PAPER


@transaction.atomic
def rsvp_for(
    *,
    resident: OfflineResident,
    by: User,
    event: Event,
    access_requests: Iterable[str] = (),
    access_note: str = "",
) -> Rsvp:
    """Take a place at an event for them, under the event's rules (capacity, waiting list)."""
    permissions.check_act_for(by, resident)
    rsvp = rsvps.rsvp_join(
        event=event,
        user=resident.user,
        access_requests=access_requests,
        access_note=access_note,
    )
    summary = (
        _("Place at %(event)s")
        if rsvp.status == Rsvp.Status.CONFIRMED
        else _("Waiting list for %(event)s")
    ) % {"event": event.title}
    act_record(resident=resident, by=by, kind=Act.Kind.RSVP, summary=summary, thing=rsvp)
    return rsvp


@transaction.atomic
def subscribe_for(
    *, resident: OfflineResident, by: User, topic: str | None, things: list[str], frequency
):
    """Subscribe them to a bucket of information, sent by post in the letter run."""
    permissions.check_act_for(by, resident)
    subscription = reach.subscribe_by_post(
        user=resident.user, topic=topic or None, things=things, frequency=frequency, by=by
    )
    act_record(
        resident=resident,
        by=by,
        kind=Act.Kind.SUBSCRIBED,
        summary=_("By post: %(topic)s") % {"topic": topic or _("everything in the borough")},
        thing=subscription,
    )
    return subscription


@transaction.atomic
def time_record_for(
    *,
    resident: OfflineResident,
    by: User,
    other: Account,
    minutes: int,
    description: str,
    gave: bool,
) -> Transfer:
    """Record time the resident gave or received, under the time bank's rules.

    A coordinator's record is posted at once (transfer_record); anyone else's is a request
    made from the resident's account that the other side confirms, as for everyone.
    """
    permissions.check_act_for(by, resident)
    account = account_open_for_user(user=resident.user)
    if timebank_permissions.is_coordinator(by):
        payer, payee = (other, account) if gave else (account, other)
        transfer = transfer_record(
            actor=by, from_account=payer, to_account=payee, minutes=minutes, description=description
        )
        words = _("Recorded %(time)s: %(what)s")
    else:
        transfer = transfer_request(
            actor=resident.user,
            account=account,
            other=other,
            minutes=minutes,
            description=description,
            gave=gave,
        )
        words = _("Asked the other side to confirm %(time)s: %(what)s")
    summary = words % {"time": format_minutes(minutes), "what": description.strip()}
    act_record(resident=resident, by=by, kind=Act.Kind.TIME, summary=summary, thing=transfer)
    return transfer


@transaction.atomic
def time_confirm_for(*, resident: OfflineResident, by: User, transfer: Transfer) -> Transfer:
    """Confirm, for them, time someone else recorded with them (they said it happened)."""
    permissions.check_act_for(by, resident)
    transfer = transfer_confirm(actor=resident.user, transfer=transfer)
    act_record(
        resident=resident,
        by=by,
        kind=Act.Kind.TIME_CONFIRMED,
        summary=_("Confirmed %(time)s: %(what)s")
        % {"time": format_minutes(transfer.minutes), "what": transfer.description},
        thing=transfer,
    )
    return transfer


@transaction.atomic
def poll_answer_for(
    *, resident: OfflineResident, by: User, survey: Survey, answers: Mapping[int, Any]
) -> Response:
    """Record their answers, given on paper, as theirs: one response per person, as anyone's."""
    permissions.check_act_for(by, resident)
    response = response_submit(
        survey=survey, respondent=resident.user, answers=answers, way=POLL_WAY, entered_by=by
    )
    act_record(
        resident=resident,
        by=by,
        kind=Act.Kind.POLL,
        summary=_("Answers on paper to %(survey)s") % {"survey": survey.title},
        thing=response,
    )
    return response
