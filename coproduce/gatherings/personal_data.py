"""What gatherings holds about a person (see coproduce/personal_data/registry.py).

A closing account's places at events are let go the way a deleted account's are (the same
services `signals.py` calls): counts go down and the next people waiting move up.
"""

from django.utils.translation import gettext_lazy as _

from coproduce.personal_data.registry import ClosingChoices, Erasure, declare
from coproduce.personal_data.retention import declare_retention

from .models import AgendaInterest, Event, Rsvp, Series
from .services.agenda import interests_withdraw
from .services.retention import ACCESS_NEEDS_KEPT_FOR, access_needs_forget
from .services.rsvps import places_release


def _release_places(user, choices: ClosingChoices) -> None:
    rsvp_ids = list(Rsvp.objects.filter(user=user).values_list("pk", flat=True))
    if rsvp_ids:
        places_release(rsvp_ids=rsvp_ids)
        Rsvp.objects.filter(pk__in=rsvp_ids).delete()


def _withdraw_interest(user, choices: ClosingChoices) -> None:
    interest_ids = list(AgendaInterest.objects.filter(user=user).values_list("pk", flat=True))
    if interest_ids:
        interests_withdraw(interest_ids=interest_ids)
        AgendaInterest.objects.filter(pk__in=interest_ids).delete()


def _stop_organising_series(user, choices: ClosingChoices) -> None:
    Series.organisers.through.objects.filter(user=user).delete()


def _stop_organising_events(user, choices: ClosingChoices) -> None:
    Event.organisers.through.objects.filter(user=user).delete()


declare("gatherings.Series", field="created_by", kind="series_started", erase=Erasure.ANONYMISE)
declare(
    "gatherings.Series",
    field="organisers",
    kind="series_organised",
    erase=Erasure.CUSTOM,
    erase_with=_stop_organising_series,
)
declare("gatherings.Event", field="created_by", kind="events_started", erase=Erasure.ANONYMISE)
declare(
    "gatherings.Event",
    field="organisers",
    kind="events_organised",
    erase=Erasure.CUSTOM,
    erase_with=_stop_organising_events,
)
declare(
    "gatherings.Rsvp",
    field="user",
    kind="places_at_events",
    erase=Erasure.CUSTOM,
    erase_with=_release_places,
    private=("invite_token",),
)
declare("gatherings.Rsvp", field="invited_by", kind="friends_invited", erase=Erasure.ANONYMISE)
declare(
    "gatherings.EventOrganiserInvitation",
    field="person",
    kind="invitations_to_help_run_events",
    erase=Erasure.DELETE,
)
declare(
    "gatherings.EventOrganiserInvitation",
    field="invited_by",
    kind="invitations_to_help_run_events_sent",
    erase=Erasure.ANONYMISE,
)
declare(
    "gatherings.CalendarFeed",
    field="user",
    kind="calendar_feed",
    erase=Erasure.DELETE,
    private=("token",),
)
declare(
    "gatherings.AgendaItem", field="proposed_by", kind="agenda_suggestions", erase=Erasure.ANONYMISE
)
declare(
    "gatherings.AgendaInterest",
    field="user",
    kind="agenda_interests",
    erase=Erasure.CUSTOM,
    erase_with=_withdraw_interest,
)
declare("gatherings.Treatment", field="presenter", kind="treatments", erase=Erasure.ANONYMISE)
declare("gatherings.ColumnNote", field="added_by", kind="column_notes", erase=Erasure.ANONYMISE)
declare("gatherings.Action", field="owner", kind="actions_owned", erase=Erasure.ANONYMISE)
declare("gatherings.Action", field="added_by", kind="actions_added", erase=Erasure.ANONYMISE)
declare("gatherings.Barrier", field="added_by", kind="barriers_added", erase=Erasure.ANONYMISE)
declare("gatherings.ReportBack", field="reported_by", kind="report_backs", erase=Erasure.ANONYMISE)


def _forget_access_needs(cutoff) -> int:
    # access_needs_forget wipes what was asked for at events that ended more than its own
    # 30 days before `now`; moving `now` makes it wipe those that ended before the cut-off.
    return access_needs_forget(now=cutoff + ACCESS_NEEDS_KEPT_FOR)


declare_retention(
    "access_needs",
    period="access_needs_days",
    what=_("Access support you asked for at an event, counted from the day it ends"),
    apply=_forget_access_needs,
)

# Choosing together. A ballot goes with the account (while voting is open, the vote goes
# too); a closed choice keeps its count on its options, so the record does not change.
declare("gatherings.Choice", field="created_by", kind="choices_put", erase=Erasure.ANONYMISE)
declare("gatherings.Choice", field="closed_by", kind="choices_closed", erase=Erasure.ANONYMISE)
declare("gatherings.Ballot", field="user", kind="votes_at_meetings", erase=Erasure.DELETE)
