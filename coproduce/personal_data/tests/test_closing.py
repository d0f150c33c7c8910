from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.tests.factories import PASSWORD, UserFactory
from coproduce.common.errors import Refusal
from coproduce.discussion.models import Comment
from coproduce.gatherings.models import Rsvp
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.models import Membership
from coproduce.groups.tests.factories import MembershipFactory, OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.people.models import Profile
from coproduce.personal_data import services
from coproduce.personal_data.models import AccountClosure
from coproduce.timebank.invariants import ledger_problems
from coproduce.timebank.models import Account, BuddyRequest, Posting, VolunteerCheck
from coproduce.timebank.services import account_open_for_user, transfer_record

from .factories import busy_resident

pytestmark = pytest.mark.django_db


def test_closing_empties_the_account():
    """Name, email address and password go; the account can no longer sign in."""
    user = busy_resident(email="zeb@example.org")
    services.account_close(user=user, remove_comments=False)
    user.refresh_from_db()
    assert user.display_name == ""
    assert user.email.endswith("@closed.invalid")
    assert not user.has_usable_password()
    assert not user.is_active
    assert not Profile.objects.filter(user=user).exists()


def test_closing_keeps_comments_unnamed_when_asked():
    """Kept comments stay, with no author."""
    user = busy_resident()
    comment = user.comments.get()
    services.account_close(user=user, remove_comments=False)
    comment.refresh_from_db()
    assert comment.author is None
    assert comment.body == "Zebedee says the park needs benches."


def test_closing_removes_comment_words_when_asked():
    """Removed comments keep their place in a thread but say nothing."""
    user = busy_resident()
    comment = user.comments.get()
    services.account_close(user=user, remove_comments=True)
    comment = Comment.objects.get(pk=comment.pk)
    assert comment.author is None
    assert comment.body == ""
    assert comment.is_hidden


def test_closing_releases_places_and_moves_the_waiting_list_up():
    """A full event's place goes to the first person waiting."""
    event = EventFactory(capacity=1, starts_at=timezone.now() + timedelta(days=3))
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save()
    leaving, waiting = UserFactory(), UserFactory()
    rsvp_join(event=event, user=leaving)
    rsvp_join(event=event, user=waiting)
    services.account_close(user=leaving, remove_comments=False)
    assert not Rsvp.objects.filter(user=leaving).exists()
    assert Rsvp.objects.get(user=waiting).status == Rsvp.Status.CONFIRMED
    event.refresh_from_db()
    assert (event.confirmed_count, event.waiting_count) == (1, 0)


def test_closing_keeps_the_time_bank_balanced():
    """The time account and its postings stay, and every invariant still holds."""
    coordinator = UserFactory(is_superuser=True)
    leaving, other = UserFactory(), UserFactory()
    transfer_record(
        actor=coordinator,
        from_account=account_open_for_user(user=other),
        to_account=account_open_for_user(user=leaving),
        minutes=90,
        description="Fixed a bike",
    )
    services.account_close(user=leaving, remove_comments=False)
    account = Account.objects.get(user=leaving)
    assert account.balance == 90
    assert Posting.objects.filter(account=account).count() == 1
    assert ledger_problems() == []


def test_closing_keeps_safeguarding_records_with_the_reason():
    """Volunteer checks and buddy requests stay, closed, and the reason is recorded."""
    user = busy_resident()
    services.account_close(user=user, remove_comments=False)
    assert VolunteerCheck.objects.filter(person=user).exists()
    assert BuddyRequest.objects.get(resident=user).status == BuddyRequest.Status.CLOSED
    kept = {record["model"]: record["reason"] for record in AccountClosure.objects.get().kept}
    assert "Safeguarding" in kept["timebank.VolunteerCheck"]
    assert "ledger" in kept["timebank.Account"]


def test_the_last_organiser_of_a_group_must_hand_over_first():
    """Closing is refused, and nothing changes, while someone is a group's only organiser."""
    membership = OrganiserFactory()
    MembershipFactory(organisation=membership.organisation)
    with pytest.raises(Refusal, match="only organiser"):
        services.account_close(user=membership.user, remove_comments=False)
    membership.user.refresh_from_db()
    assert membership.user.is_active
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_organiser_with_another_organiser_can_close():
    """With a second organiser, the group goes on and the account closes."""
    membership = OrganiserFactory()
    OrganiserFactory(organisation=membership.organisation)
    services.account_close(user=membership.user, remove_comments=False)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_closing_twice_is_refused():
    """A closed account cannot be closed again."""
    user = UserFactory()
    services.account_close(user=user, remove_comments=False)
    with pytest.raises(Refusal):
        services.account_close(user=user, remove_comments=False)


# The pages ---------------------------------------------------------------------------------


def test_close_page_needs_signing_in(client):
    """Someone signed out is sent to sign in."""
    response = client.get(reverse("personal_data:close"))
    assert response.status_code == 302


def test_close_page_explains_and_asks(client):
    """The page says what happens and asks about comments and the password."""
    client.force_login(UserFactory())
    page = client.get(reverse("personal_data:close")).content.decode()
    assert "What happens" in page
    assert 'name="comments"' in page
    assert 'name="password"' in page


def test_close_page_links_the_last_organiser_to_their_group(client):
    """A last organiser sees why they cannot close yet, with a link, and no form."""
    membership = OrganiserFactory()
    client.force_login(membership.user)
    page = client.get(reverse("personal_data:close")).content.decode()
    assert "only organiser" in page
    assert reverse("groups:members", args=[membership.organisation.slug]) in page
    assert 'name="password"' not in page
    response = client.post(
        reverse("personal_data:close"), {"comments": "keep", "password": PASSWORD}
    )
    assert response.status_code == 200
    membership.user.refresh_from_db()
    assert membership.user.is_active


def test_a_wrong_password_closes_nothing(client):
    """The wrong password is an error on the form, and the account stays."""
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("personal_data:close"), {"comments": "keep", "password": "no"})
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.is_active


def test_closing_signs_out_and_leaves_no_name_or_email_on_pages(client):
    """After closing, the person is signed out, and the project page they commented on
    shows neither their name nor their email address."""
    user = busy_resident(email="zebedee@example.org")
    project = user.comments.get().project
    client.force_login(user)
    response = client.post(
        reverse("personal_data:close"), {"comments": "keep", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("personal_data:closed")
    assert client.get(reverse("accounts:account")).status_code == 302  # signed out
    closed = client.get(response["Location"])
    assert "Your account is closed" in closed.content.decode()
    viewer = UserFactory()
    client.force_login(viewer)
    page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "Zebedee says the park needs benches." in page
    assert "Quartermaine" not in page
    assert "zebedee@example.org" not in page
    assert "former member" in page.lower()


def test_closing_takes_the_name_out_of_other_peoples_notifications():
    """A notification to someone else that named the person now says "A former member"."""
    user = busy_resident()
    other = UserFactory()
    told = Notification.objects.create(
        recipient=other, kind="account", title="Zebedee Quartermaine replied to your comment"
    )
    services.account_close(user=user, remove_comments=False)
    told.refresh_from_db()
    assert told.title == "A former member replied to your comment"


def test_removed_comments_leave_no_words_in_notifications():
    """When comments are removed, notifications that quoted them lose the quote."""
    user = busy_resident()
    comment = user.comments.get()
    told = Notification.objects.create(
        recipient=UserFactory(),
        kind="account",
        title="New comment",
        body=comment.body,
        url=f"/projects/{comment.project_id}/#comment-{comment.pk}",
    )
    services.account_close(user=user, remove_comments=True)
    told.refresh_from_db()
    assert told.body == ""


def test_closing_forgets_records_of_emails_sent_to_the_person():
    """Finished background work that held the person's address is deleted."""
    user = UserFactory(email="forget.me@example.org")
    DBTaskResult.objects.create(
        task_path="coproduce.common.email.send_email_message",
        args_kwargs={"args": [{"to": ["forget.me@example.org"]}], "kwargs": {}},
        status="SUCCESSFUL",
        finished_at=timezone.now(),
        backend_name="default",
        queue_name="email",
    )
    services.account_close(user=user, remove_comments=False)
    assert not DBTaskResult.objects.filter(args_kwargs__icontains="forget.me").exists()
