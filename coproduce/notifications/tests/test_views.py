import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications import kinds, services, tokens
from coproduce.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["list", "preferences"])
def test_pages_need_sign_in(client, name):
    """Notification pages send visitors to sign in."""
    response = client.get(reverse(f"notifications:{name}"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))


def test_list_shows_only_own_notifications(client):
    """A person sees their own notifications and nobody else's."""
    ada, grace = UserFactory(), UserFactory()
    services.notify(recipient=ada, kind="general", title="For Ada")
    services.notify(recipient=grace, kind="general", title="For Grace")
    client.force_login(ada)
    body = client.get(reverse("notifications:list")).content.decode()
    assert "For Ada" in body
    assert "For Grace" not in body


def test_list_query_count_is_fixed(client, django_assert_max_num_queries):
    """The list page makes the same few queries however many notifications there are."""
    user = UserFactory()
    for n in range(30):
        services.notify(recipient=user, kind="general", title=f"Note {n}")
    client.force_login(user)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("notifications:list")).status_code == 200


def test_unread_count_shows_in_navigation(client):
    """The navigation shows how many notifications are unread."""
    user = UserFactory()
    services.notify(recipient=user, kind="general", title="A")
    client.force_login(user)
    assert "Notifications (1)" in client.get(reverse("site:home")).content.decode()


def test_opening_marks_read_and_follows_local_link(client):
    """Opening a notification marks it read and goes to its page."""
    user = UserFactory()
    note = services.notify(recipient=user, kind="general", title="A", url="/wards/")
    client.force_login(user)
    response = client.post(reverse("notifications:open", args=[note.pk]))
    assert response.url == "/wards/"
    note.refresh_from_db()
    assert note.is_read


def test_opening_never_redirects_off_site(client):
    """A link to another site is not followed, so notifications cannot send people away."""
    user = UserFactory()
    note = services.notify(recipient=user, kind="general", title="A", url="https://evil.example/")
    client.force_login(user)
    response = client.post(reverse("notifications:open", args=[note.pk]))
    assert response.url == reverse("notifications:list")


def test_someone_elses_notification_is_404(client):
    """Nobody can open or mark another person's notification."""
    note = services.notify(recipient=UserFactory(), kind="general", title="Private")
    client.force_login(UserFactory())
    assert client.post(reverse("notifications:open", args=[note.pk])).status_code == 404
    note.refresh_from_db()
    assert not note.is_read


def test_mark_all_read(client):
    """The 'mark all as read' button clears the unread count."""
    user = UserFactory()
    services.notify(recipient=user, kind="general", title="A")
    client.force_login(user)
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()


def test_preferences_save(client):
    """A person can choose 'never' for a kind."""
    user = UserFactory()
    client.force_login(user)
    choices = {kind.slug: kind.default for kind in kinds.all_kinds()}
    response = client.post(
        reverse("notifications:preferences"), choices | {"account": "never", "general": "daily"}
    )
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=user, kind="account").frequency == "never"


def test_preferences_refuse_a_made_up_choice(client):
    """A choice that is not on the form is refused with a message, and nothing saved."""
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("notifications:preferences"), {"account": "hourly", "general": "daily"}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_unsubscribe_get_changes_nothing(client):
    """Opening the unsubscribe link only asks; mail scanners cannot unsubscribe anyone."""
    user = UserFactory()
    token = tokens.make(user_id=user.pk, kind="general")
    response = client.get(reverse("notifications:unsubscribe", args=[token]))
    assert response.status_code == 200
    assert not NotificationPreference.objects.exists()


def test_unsubscribe_post_works_without_signing_in(client):
    """Pressing the button unsubscribes, with no sign-in needed."""
    from django.test import Client

    user = UserFactory()
    token = tokens.make(user_id=user.pk, kind="general")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("notifications:unsubscribe", args=[token]))
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=user, kind="general").frequency == "never"


def test_bad_unsubscribe_token_is_a_clear_400(client):
    """A broken unsubscribe link says so, and changes nothing."""
    response = client.post(reverse("notifications:unsubscribe", args=["forged"]))
    assert response.status_code == 400
    assert "This link cannot be used" in response.content.decode()
    assert not NotificationPreference.objects.exists()
