"""Every write of council responses, each kept in the response's history in one transaction.

Guarantees: a response is written only to an item that its source finds, that is ready (a
survey once closed), by someone the source allows; nobody becomes owner without accepting
(except a writer naming themselves); only council officers own responses; "done" says what
changed and when, "not doing" says why; every change is a ResponseChange row.
"""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify

from . import kinds, permissions, sources
from .models import CouncilResponse, ResponseChange

REMIND_WITHIN_DAYS = 7
REMIND_EVERY = timedelta(days=7)
Status = CouncilResponse.Status


def _url(response: CouncilResponse) -> str:
    return reverse("yousaid:detail", args=[response.pk])


def _log(response, *, kind, by, person=None, fields=()) -> ResponseChange:
    return ResponseChange.objects.create(
        response=response, kind=kind, by=by, person=person, fields=list(fields)
    )


def _invite(*, actor, response: CouncilResponse, person) -> None:
    if not permissions.may_own(person):
        raise Refusal(_("Only a council officer can own a response."), field="owner")
    if person.pk == actor.pk:
        # Naming yourself is saying yes.
        response.owner, response.owner_invited = person, None
        response.save(update_fields=["owner", "owner_invited", "updated_at"])
        _log(response, kind=ResponseChange.Kind.OWNER_ACCEPTED, by=actor, person=person)
        return
    response.owner_invited = person
    response.save(update_fields=["owner_invited", "updated_at"])
    _log(response, kind=ResponseChange.Kind.OWNER_INVITED, by=actor, person=person)
    notify(
        recipient=person,
        kind=kinds.OWNER_INVITATION.slug,
        title=_("Will you own a council response?"),
        body=_("You have been asked to own what the council will change about “%(title)s”.")
        % {"title": response.item_title},
        url=_url(response),
    )


@transaction.atomic
def response_record(
    *,
    actor,
    source_key: str,
    item_id: int,
    heard: str,
    will_change: str,
    due_on: date,
    owner=None,
) -> CouncilResponse:
    """Record the council's response to one item; `owner`, if given, is asked to own it."""
    source = sources.get(source_key)
    item = source.fetch(item_id) if source is not None else None
    if item is None:
        raise Refusal(_("There is nothing to respond to here."))
    if not permissions.may_respond(actor, source, item):
        raise NotAllowed(_("You cannot write a council response to this."))
    if not source.is_ready(item):
        raise Refusal(_("You can respond once it has closed."))
    service, ward = source.service(item), source.ward(item)
    response = CouncilResponse.objects.create(
        source=source.key,
        item_id=item_id,
        item_title=str(source.title(item))[:300],
        service=service,
        ward=ward,
        heard=heard,
        will_change=will_change,
        due_on=due_on,
        written_by=actor,
    )
    _log(response, kind=ResponseChange.Kind.RECORDED, by=actor)
    if owner is not None:
        _invite(actor=actor, response=response, person=owner)
    return response


def _source_item(response: CouncilResponse):
    source = sources.get(response.source)
    return source, (source.fetch(response.item_id) if source is not None else None)


def _check_change(actor, response: CouncilResponse) -> None:
    source, item = _source_item(response)
    if not permissions.may_change(actor, response, source=source, item=item):
        raise NotAllowed(_("Only the owner, or whoever runs what it responds to, can do this."))


@transaction.atomic
def response_update(
    *,
    actor,
    response: CouncilResponse,
    heard: str,
    will_change: str,
    due_on: date,
    status: str,
    did_change: str = "",
    done_on: date | None = None,
    not_doing_reason: str = "",
) -> CouncilResponse:
    """Change what a response says or where it is; the changes are kept in its history."""
    response = CouncilResponse.objects.select_for_update().get(pk=response.pk)
    _check_change(actor, response)
    if status not in Status.values:
        raise Refusal(_("Choose where the change is up to."), field="status")
    if status == Status.DONE:
        if not did_change.strip():
            raise Refusal(_("Say what did change"), field="did_change")
        done_on = done_on or timezone.localdate()
    else:
        done_on = None
    if status == Status.NOT_DOING and not not_doing_reason.strip():
        raise Refusal(_("Say why the council is not doing it"), field="not_doing_reason")
    new = {
        "heard": heard,
        "will_change": will_change,
        "due_on": due_on,
        "status": status,
        "did_change": did_change if status == Status.DONE else response.did_change,
        "done_on": done_on,
        "not_doing_reason": not_doing_reason if status == Status.NOT_DOING else "",
    }
    changed = [name for name, value in new.items() if getattr(response, name) != value]
    if not changed:
        return response
    for name in changed:
        setattr(response, name, new[name])
    response.save(update_fields=[*changed, "updated_at"])
    _log(
        response,
        kind=ResponseChange.Kind.UPDATED,
        by=actor,
        fields=[{"field": name, "value": _shown(response, name)} for name in changed],
    )
    return response


def _shown(response: CouncilResponse, name: str) -> str:
    if name == "status":
        return str(response.get_status_display())
    value = getattr(response, name)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


@transaction.atomic
def response_owner_invite(*, actor, response: CouncilResponse, person) -> CouncilResponse:
    """Ask a council officer to own the response; they own it once they accept."""
    response = CouncilResponse.objects.select_for_update().get(pk=response.pk)
    _check_change(actor, response)
    if person.pk == response.owner_id:
        raise Refusal(_("They already own this response."), field="owner")
    _invite(actor=actor, response=response, person=person)
    return response


@transaction.atomic
def response_owner_accept(*, actor, response: CouncilResponse) -> CouncilResponse:
    """The officer who was asked says yes, and owns it from now on."""
    response = CouncilResponse.objects.select_for_update().get(pk=response.pk)
    if response.owner_invited_id != actor.pk:
        raise NotAllowed(_("You have not been asked to own this response."))
    if not permissions.may_own(actor):
        raise NotAllowed(_("Only a council officer can own a response."))
    response.owner, response.owner_invited = actor, None
    response.save(update_fields=["owner", "owner_invited", "updated_at"])
    _log(response, kind=ResponseChange.Kind.OWNER_ACCEPTED, by=actor, person=actor)
    return response


@transaction.atomic
def response_owner_decline(*, actor, response: CouncilResponse) -> CouncilResponse:
    """The officer who was asked says no; the response keeps its owner, if it had one."""
    response = CouncilResponse.objects.select_for_update().get(pk=response.pk)
    if response.owner_invited_id != actor.pk:
        raise NotAllowed(_("You have not been asked to own this response."))
    response.owner_invited = None
    response.save(update_fields=["owner_invited", "updated_at"])
    _log(response, kind=ResponseChange.Kind.OWNER_DECLINED, by=actor, person=actor)
    return response


@transaction.atomic
def response_owner_forget(*, person) -> int:
    """For a closed account: its responses stay (a public record), owned by "a council
    officer" with no name. Returns how many responses it owned or was asked to own."""
    owned = CouncilResponse.objects.filter(owner=person).update(
        owner=None, owner_was_removed=True, updated_at=timezone.now()
    )
    offered = CouncilResponse.objects.filter(owner_invited=person).update(owner_invited=None)
    ResponseChange.objects.filter(Q(by=person)).update(by=None)
    ResponseChange.objects.filter(Q(person=person)).update(person=None)
    return owned + offered


def reminders_send(*, now: datetime | None = None) -> int:
    """Remind each owner of open responses due within 7 days or overdue, at most once per
    response per week (counted per owner under RATE_LIMITS["yousaid_reminder"]). Safe to run
    twice: a second run finds them reminded. Returns how many were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = CouncilResponse.objects.filter(
        status__in=CouncilResponse.OPEN_STATUSES,
        owner__isnull=False,
        owner__is_active=True,
        due_on__lte=today + timedelta(days=REMIND_WITHIN_DAYS),
    ).filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - REMIND_EVERY))
    sent = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            response = (
                due.filter(pk=pk)
                .select_for_update(of=("self",), skip_locked=True)
                .select_related("owner")
                .first()
            )
            if response is None:
                continue
            if not limits.within("yousaid_reminder", per=f"user:{response.owner_id}"):
                continue  # tried again on a later run
            response.reminded_at = now
            response.save(update_fields=["reminded_at"])
            day = date_format(response.due_on, "j F Y")
            if response.due_on < today:
                title = _("Overdue since %(day)s: %(title)s")
            else:
                title = _("Due %(day)s: %(title)s")
            notify(
                recipient=response.owner,
                kind=kinds.REMINDER.slug,
                title=title % {"day": day, "title": response.item_title[:120]},
                body=_("You own this council response. Say where it is up to, or mark it done.")
                + "\n"
                + response.will_change[:500],
                url=_url(response),
            )
            sent += 1
    return sent
