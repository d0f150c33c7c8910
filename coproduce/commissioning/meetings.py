"""A youth panel's meetings are not listed publicly and their place is not shown to the
public: the rule gatherings asks (gatherings/unlisted.py), registered from ready()."""

from django.db.models import Q

from coproduce.gatherings.unlisted import Rule, register

from .models import Meeting, Member


def youth_meeting_ids():
    return Meeting.objects.filter(panel__is_youth=True).values("event_id")


def may_see(user, event) -> bool:
    """The panel's running officers and its members see the meeting."""
    return Meeting.objects.filter(
        Q(panel__officers=user)
        | Q(panel__members__user=user, panel__members__status=Member.Status.ACTIVE),
        event_id=event.pk,
    ).exists()


def register_rule() -> None:
    register(Rule(name="youth_panel_meetings", event_ids=youth_meeting_ids, may_see=may_see))
