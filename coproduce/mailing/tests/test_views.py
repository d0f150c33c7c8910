import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.mailing.models import Delivery, Mailing

from .factories import DeliveryFactory, MailingFactory

pytestmark = pytest.mark.django_db


def _officer():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="watch_sending"))
    return user


def test_an_officer_sees_a_mailings_progress(client):
    """Totals, the progress bar and a link to check again are on the page."""
    mailing = MailingFactory(status=Mailing.Status.SENDING, label="Spring news")
    DeliveryFactory.create_batch(3, mailing=mailing, state=Delivery.State.SENT)
    DeliveryFactory(mailing=mailing)
    client.force_login(_officer())
    response = client.get(reverse("mailing:detail", args=[mailing.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Spring news" in body
    assert '<progress id="mailing-progress" class="coproduce-progress" max="4" value="3">' in body
    assert "Check again now" in body
    assert 'http-equiv="refresh"' not in body


def test_the_page_checks_again_by_itself_only_when_asked(client):
    """?watch=1 adds a refresh, with a link to stop it."""
    mailing = MailingFactory(status=Mailing.Status.SENDING)
    client.force_login(_officer())
    body = client.get(reverse("mailing:detail", args=[mailing.pk]), {"watch": "1"}).content
    assert b'http-equiv="refresh"' in body
    assert b"Stop checking" in body


def test_bounces_and_failures_are_grouped_without_addresses(client):
    """Problems show the server's words and how many, never an address."""
    mailing = MailingFactory(status=Mailing.Status.SENT)
    DeliveryFactory.create_batch(
        2, mailing=mailing, state=Delivery.State.BOUNCED, error="550 5.1.1 (address): unknown"
    )
    DeliveryFactory(mailing=mailing, state=Delivery.State.FAILED, error="451 try later")
    client.force_login(_officer())
    body = client.get(reverse("mailing:detail", args=[mailing.pk])).content.decode()
    assert "550 5.1.1 (address): unknown" in body
    assert "@example.org" not in body


def test_the_progress_page_takes_the_same_queries_however_many(client, django_assert_num_queries):
    """The page costs a fixed number of queries, whatever the number of deliveries."""
    mailing = MailingFactory(status=Mailing.Status.SENDING)
    client.force_login(_officer())
    url = reverse("mailing:detail", args=[mailing.pk])
    client.get(url)
    with django_assert_num_queries(7) as few:
        client.get(url)
    DeliveryFactory.create_batch(30, mailing=mailing, state=Delivery.State.FAILED, error="x")
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


def test_a_resident_may_not_see_the_progress_page(client):
    """Someone without the permission gets a 403."""
    mailing = MailingFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("mailing:detail", args=[mailing.pk])).status_code == 403


def test_a_visitor_is_asked_to_sign_in(client):
    """Someone not signed in is sent to sign in."""
    mailing = MailingFactory()
    response = client.get(reverse("mailing:detail", args=[mailing.pk]))
    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]


def test_a_missing_mailing_is_not_found(client):
    """An unknown number is a 404 for an officer."""
    client.force_login(_officer())
    assert client.get(reverse("mailing:detail", args=[999])).status_code == 404


def test_an_officer_sees_the_list_of_mailings(client, django_assert_max_num_queries):
    """The list links each mailing, in a fixed number of queries."""
    mailings = MailingFactory.create_batch(3)
    client.force_login(_officer())
    with django_assert_max_num_queries(7):
        response = client.get(reverse("mailing:list"))
    assert response.status_code == 200
    for mailing in mailings:
        assert reverse("mailing:detail", args=[mailing.pk]) in response.content.decode()


def test_a_resident_may_not_see_the_list(client):
    """Someone without the permission gets a 403 for the list."""
    client.force_login(UserFactory())
    assert client.get(reverse("mailing:list")).status_code == 403
