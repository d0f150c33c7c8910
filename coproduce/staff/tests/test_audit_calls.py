"""Staff actions in other apps leave an entry in the audit log."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.services import user_set_roles
from coproduce.accounts.tests.factories import UserFactory
from coproduce.bookings import services as bookings
from coproduce.bookings.tests.factories import future, open_room
from coproduce.discussion import services as discussion
from coproduce.discussion.tests.factories import CommentFactory, moderator
from coproduce.gatherings.services import barriers
from coproduce.gatherings.tests.factories import BarrierThemeFactory
from coproduce.gatherings.tests.factories import officer as gatherings_officer
from coproduce.people.tests.factories import ProfileFactory
from coproduce.skills import services as skills
from coproduce.skills.tests.factories import skill
from coproduce.staff.models import AuditEntry
from coproduce.timebank import buddying
from coproduce.timebank.tests.factories import BuddyRequestFactory, VolunteerCheckFactory
from coproduce.timebank.tests.test_services import coordinator

pytestmark = pytest.mark.django_db


def _entry(action: str) -> AuditEntry:
    return AuditEntry.objects.get(action=action)


def test_hiding_a_comment_is_logged():
    """Moderation leaves the moderator, the comment and the reason."""
    mod, comment = moderator(), CommentFactory()
    discussion.comment_hide(moderator=mod, comment=comment, reason="Rude")
    entry = _entry("moderation.comment_hide")
    assert (entry.actor, entry.target, entry.detail) == (
        mod,
        f"comment {comment.pk}",
        {"reason": "Rude"},
    )


def test_hiding_a_project_is_logged_once():
    """A project hidden by a moderator is one entry."""
    mod, comment = moderator(), CommentFactory()
    discussion.project_hide(moderator=mod, project=comment.project, reason="Spam")
    assert AuditEntry.objects.filter(action="moderation.project_hide").count() == 1


def test_a_skill_merge_is_logged():
    """Merging skills records who merged what into what."""
    officer = UserFactory(roles=[Role.OFFICER])
    skills.skill_merge(source=skill("tutoring"), target=skill("teaching"), by=officer)
    entry = _entry("skills.merged")
    assert entry.actor == officer and entry.detail["target"].lower() == "teaching"


def test_a_barrier_merge_is_logged():
    """Merging two barrier library entries is logged."""
    keep, merge = BarrierThemeFactory(name="Fear"), BarrierThemeFactory(name="Scared")
    merged_pk = merge.pk
    barriers.barrier_themes_merge(keep=keep, merge=merge, by=gatherings_officer())
    assert _entry("barriers.merged").target == f"barrier theme {merged_pk} into {keep.pk}"


def test_booking_decisions_are_logged():
    """Approving and declining a booking each leave an entry."""
    room = open_room()
    start, end = future()
    booking = bookings.booking_request(
        room=room, starts_at=start, ends_at=end, purpose="Choir", requested_by=UserFactory()
    )
    bookings.booking_approve(booking=booking, by=room.space.manager)
    assert _entry("bookings.approved").actor == room.space.manager


def test_giving_roles_is_logged():
    """user_set_roles records who gave which roles to whom."""
    admin, person = UserFactory(roles=[Role.ADMINISTRATOR]), UserFactory()
    user_set_roles(user=person, roles=[Role.OFFICER], by=admin)
    entry = _entry("roles.changed")
    assert entry.actor == admin and entry.detail == {"roles": ["officer", "resident"]}


def test_roles_given_in_the_admin_are_logged(client, admin_user):
    """Changing a person's groups in the admin is logged; saving without change is not."""
    person = UserFactory(email="someone@example.org")
    client.force_login(admin_user)
    url = reverse("admin:accounts_user_change", args=[person.pk])
    form = {
        "email": person.email,
        "display_name": person.display_name,
        "is_active": "on",
        "groups": [g.pk for g in Group.objects.filter(name__in=["resident", "moderator"])],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    assert client.post(url, form).status_code == 302
    assert _entry("roles.changed").detail["roles"] == ["moderator", "resident"]


def test_opening_a_person_in_the_admin_is_logged(client, admin_user):
    """Viewing a person's account or profile in the admin is personal data viewed."""
    profile = ProfileFactory()
    client.force_login(admin_user)
    client.get(reverse("admin:accounts_user_change", args=[profile.user.pk]))
    client.get(reverse("admin:people_profile_change", args=[profile.pk]))
    targets = set(
        AuditEntry.objects.filter(action="personal_data.viewed").values_list("target", flat=True)
    )
    assert targets == {f"user {profile.user.pk}", f"profile {profile.pk}"}


def test_the_admin_list_is_not_logged_as_a_view(client, admin_user):
    """Only opening one person's record is logged, not the list."""
    client.force_login(admin_user)
    client.get(reverse("admin:accounts_user_changelist"))
    assert not AuditEntry.objects.filter(action="personal_data.viewed").exists()


def _awaiting_pairing():
    request = BuddyRequestFactory(involves_children=True)
    volunteer = UserFactory()
    VolunteerCheckFactory(person=volunteer)
    return buddying.pairing_offer(volunteer=volunteer, request=request)


def test_approving_a_buddy_pairing_is_logged():
    """A coordinator's safeguarding approval is logged."""
    pairing, person = _awaiting_pairing(), coordinator()
    buddying.pairing_approve(actor=person, pairing=pairing)
    assert _entry("buddying.pairing_approved").actor == person


def test_the_coordinator_page_logs_whose_contact_details_it_showed(client):
    """Opening the coordinators' page, which shows volunteers' emails, is logged."""
    pairing, person = _awaiting_pairing(), coordinator()
    client.force_login(person)
    assert client.get(reverse("timebank:buddying_coordinator")).status_code == 200
    assert _entry("personal_data.viewed").detail == {"people": [pairing.volunteer_id]}


def _device_for(person):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)


def test_removing_a_second_factor_in_the_admin_is_logged(client, admin_user):
    """Removing someone's authenticator in the admin is on record, with who did it."""
    officer = UserFactory(roles=[Role.OFFICER])
    device = _device_for(officer)
    client.force_login(admin_user)
    url = reverse("admin:otp_totp_totpdevice_delete", args=[device.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    entry = _entry("two_factor.device_removed")
    assert entry.actor == admin_user and entry.target == f"person {officer.pk}"
    assert entry.detail == {"device": "Authenticator app", "kind": "totpdevice", "where": "admin"}


def test_removing_second_factors_in_bulk_in_the_admin_logs_each(client, admin_user):
    """The list's "delete selected" logs every device it removes."""
    devices = [_device_for(UserFactory(roles=[Role.OFFICER])) for _ in range(2)]
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:otp_totp_totpdevice_changelist"),
        {"action": "delete_selected", "_selected_action": [d.pk for d in devices], "post": "yes"},
    )
    assert response.status_code == 302
    targets = set(
        AuditEntry.objects.filter(action="two_factor.device_removed").values_list(
            "target", flat=True
        )
    )
    assert targets == {f"person {d.user_id}" for d in devices}
