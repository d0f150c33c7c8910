import pytest
from django.urls import reverse

from coproduce.people.models import Profile
from coproduce.places.models import Ward

from .factories import seed_demo

pytestmark = pytest.mark.django_db


def test_no_public_page_shows_a_residents_words_or_email(client):
    """Home and ward pages of the demo borough show no resident's email or description."""
    seed_demo()
    urls = [reverse("site:home"), reverse("site:ward_list")] + [
        reverse("site:ward_detail", args=[slug])
        for slug in Ward.objects.values_list("slug", flat=True)
    ]
    bodies = [client.get(url).content.decode() for url in urls]
    profiles = Profile.objects.select_related("user")
    for profile in profiles:
        secrets = [profile.user.email, profile.what_i_can_do, profile.what_i_care_about]
        for secret in filter(None, secrets):
            assert not any(secret in body for body in bodies), secret
