"""Members: invitations and applications (nobody joins without saying yes), the age check
and a parent or carer's consent on a youth panel, protection from direct messages for young
members, and meetings held as gatherings with a named safe adult."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.gatherings.models import Event
from coproduce.messaging.protection import contact_protection_set
from coproduce.notifications.services import notify

from .. import permissions
from ..kinds import PANELS
from ..models import Declaration, GuardianConsent, Meeting, Member, Panel
from ..sums import adult_from, age_on, is_child, needs_guardian_consent
from .common import audit, check_runs, locked_panel


def protection_source(member: Member) -> str:
    return f"commissioning.member:{member.pk}"


def _check_age(panel: Panel, born: date | None) -> None:
    if not panel.is_youth:
        return
    today = timezone.localdate()
    if born is None:
        raise Refusal(_("Enter your date of birth."), field="date_of_birth")
    if born > today:
        raise Refusal(_("Your date of birth must be in the past."), field="date_of_birth")
    age = age_on(born, today)
    if not panel.age_min <= age <= panel.age_max:
        raise Refusal(
            _("This panel is for people aged %(low)d to %(high)d.")
            % {"low": panel.age_min, "high": panel.age_max},
            field="date_of_birth",
        )


def _protect_if_young(member: Member) -> None:
    """A young member of a youth panel is kept out of direct messages (ADR 0024) until
    they turn 18, when the protection ends by itself."""
    born = member.date_of_birth
    if member.panel.is_youth and born is not None and is_child(born, timezone.localdate()):
        contact_protection_set(
            user=member.user,
            source=protection_source(member),
            reason=_("A young member of a service choice panel"),
            until=adult_from(born),
        )


def _activate(member: Member) -> Member:
    member.status = Member.Status.ACTIVE
    member.joined_at = timezone.now()
    member.save(update_fields=["status", "joined_at", "updated_at"])
    _protect_if_young(member)
    return member


@transaction.atomic
def member_invite(*, by, panel: Panel, email: str) -> Member:
    """Invite the person with this email address. They are a member only once they accept."""
    panel = locked_panel(panel)
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    check_runs(by, panel)
    if panel.status not in (Panel.Status.DRAFT, Panel.Status.PUBLISHED):
        raise Refusal(_("The panel has finished its work."))
    if user is None or not user.is_active:
        raise Refusal(_("There is no account with that email address."), field="email")
    member = Member.objects.filter(panel=panel, user=user).first()
    if member is not None and member.status in (Member.Status.ACTIVE, Member.Status.INVITED):
        raise Refusal(_("That person is already invited or a member."), field="email")
    if member is None:
        member = Member.objects.create(panel=panel, user=user, status=Member.Status.INVITED)
    else:
        member.status = Member.Status.INVITED
        member.save(update_fields=["status", "updated_at"])
    notify(
        recipient=user,
        kind=PANELS.slug,
        title=_("You are invited to a service choice panel: %(title)s") % {"title": panel.title},
        body=_("You can say yes or no. You only join if you say yes."),
        url=reverse("commissioning:join", args=[panel.pk]),
    )
    audit(by, "member_invited", panel, member=member.pk)
    return member


@transaction.atomic
def member_apply(*, user, panel: Panel, why_join: str, date_of_birth: date | None = None):
    """Ask to join a published panel. On a youth panel the age is checked first."""
    if not permissions.signed_in(user):
        raise NotAllowed(_("Sign in to apply."))
    panel = locked_panel(panel)
    if panel.status != Panel.Status.PUBLISHED:
        raise Refusal(_("This panel is not taking applications."))
    member = Member.objects.filter(panel=panel, user=user).first()
    if member is not None and member.status != Member.Status.DECLINED:
        raise Refusal(_("You have already applied, been invited or joined."))
    _check_age(panel, date_of_birth)
    fields = {
        "status": Member.Status.APPLIED,
        "why_join": why_join,
        "date_of_birth": date_of_birth if panel.is_youth else None,
    }
    if member is None:
        return Member.objects.create(panel=panel, user=user, **fields)
    for name, value in fields.items():
        setattr(member, name, value)
    member.save()
    return member


@transaction.atomic
def member_accept(*, by, member: Member, date_of_birth: date | None = None) -> Member:
    """An invited person says yes (giving their date of birth on a youth panel), or a
    running officer accepts an application. Either way the person chose to join."""
    panel = locked_panel(member.panel)
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.status == Member.Status.INVITED:
        if not permissions.signed_in(by) or by.pk != member.user_id:
            raise NotAllowed(_("Only the person invited can accept."))
        if panel.status not in (Panel.Status.DRAFT, Panel.Status.PUBLISHED):
            raise Refusal(_("The panel has finished its work."))
        _check_age(panel, date_of_birth)
        member.date_of_birth = date_of_birth if panel.is_youth else None
        member.save(update_fields=["date_of_birth"])
        member = _activate(member)
        audit(by, "invitation_accepted", panel, member=member.pk)
        return member
    if member.status == Member.Status.APPLIED:
        check_runs(by, panel)
        member = _activate(member)
        notify(
            recipient=member.user,
            kind=PANELS.slug,
            title=_("You are on the panel: %(title)s") % {"title": panel.title},
            url=reverse("commissioning:score", args=[panel.pk]),
        )
        audit(by, "application_accepted", panel, member=member.pk)
        return member
    raise Refusal(_("There is nothing to accept."))


@transaction.atomic
def member_decline(*, by, member: Member) -> Member:
    """The invited person says no (nothing else happens), or an officer turns down an
    application."""
    panel = member.panel
    own = permissions.signed_in(by) and by.pk == member.user_id
    if member.status == Member.Status.INVITED and own:
        pass
    elif member.status == Member.Status.APPLIED:
        check_runs(by, panel)
    else:
        raise Refusal(_("There is nothing to decline."))
    member.status = Member.Status.DECLINED
    member.save(update_fields=["status", "updated_at"])
    audit(by, "member_declined", panel, member=member.pk)
    return member


@transaction.atomic
def guardian_consent_record(
    *, by, member: Member, given_by: str, relationship: str, how: str, given_on: date
) -> GuardianConsent:
    """Record a parent or carer's consent for a member under 16: who, how and when. Until
    it is recorded they cannot declare interests or score."""
    panel = locked_panel(member.panel)
    check_runs(by, panel)
    born = member.date_of_birth
    if not panel.is_youth or born is None or not needs_guardian_consent(born, given_on):
        raise Refusal(_("Consent from a parent or carer is needed only for members under 16."))
    if given_on > timezone.localdate():
        raise Refusal(
            _("The date consent was given must be today or in the past."), field="given_on"
        )
    if how not in GuardianConsent.How.values:
        raise Refusal(_("Choose how consent was given."), field="how")
    consent, _created = GuardianConsent.objects.update_or_create(
        member=member,
        defaults={
            "given_by": given_by,
            "relationship": relationship,
            "how": how,
            "given_on": given_on,
            "recorded_by": by,
        },
    )
    audit(by, "guardian_consent_recorded", panel, member=member.pk, how=how)
    return consent


@transaction.atomic
def meeting_add(
    *, by, panel: Panel, event: Event, safe_adult_name: str, check_kind: str, checked_on: date
) -> Meeting:
    """Hold a panel meeting at a gathering the officer organises, with a named safe adult
    whose check (such as an enhanced DBS check) and its date are recorded."""
    panel = locked_panel(panel)
    check_runs(by, panel)
    if not event.organisers.filter(pk=by.pk).exists():
        raise Refusal(_("Choose an event you organise."), field="event")
    if Meeting.objects.filter(event=event).exists():
        raise Refusal(_("That event is already a panel meeting."), field="event")
    if checked_on > timezone.localdate():
        raise Refusal(_("The date of the check must be today or in the past."), field="checked_on")
    meeting = Meeting.objects.create(
        panel=panel,
        event=event,
        safe_adult_name=safe_adult_name,
        check_kind=check_kind,
        checked_on=checked_on,
        recorded_by=by,
    )
    audit(by, "meeting_added", panel, event=event.pk, check=check_kind, checked_on=str(checked_on))
    return meeting


@transaction.atomic
def memberships_erase(*, user) -> None:
    """A person closing their account leaves every panel. On a decided panel their scores
    stay, with nothing that points back to them (no account, date of birth, reasons for
    joining, details of interests or carer's consent), so the published outcome still adds
    up; on any other panel their membership, declarations and scores go."""
    members = Member.objects.filter(user=user)
    decided = members.filter(panel__status=Panel.Status.DECIDED)
    GuardianConsent.objects.filter(member__in=decided).delete()
    Declaration.objects.filter(member__in=decided).update(details="")
    decided.update(user=None, date_of_birth=None, why_join="")
    Member.objects.filter(user=user).delete()
