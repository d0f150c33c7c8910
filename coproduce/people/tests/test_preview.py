"""A person previews their profile as a visitor, a signed-in resident or a group organiser.

Each preview is drawn by the same code as the real profile page, so it shows exactly the
parts that relation may see, and never a part kept for "only me".
"""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Membership
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.people.privacy import PARTS, Relation, Visibility, allowed_choices, can_see

from .factories import ProfileFactory

pytestmark = pytest.mark.django_db

MARKERS = {
    "identity": "Marker-name-Pat-Preview",
    "skills": "Marker-skills-keeps-the-books",
    "passions": "Marker-passions-clean-air",
    "ambitions": "Marker-ambitions-open-a-cafe",
    "languages": "Marker-languages-Tigrinya",
    "access_needs": "Marker-access-needs-hearing-loop",
}
PREVIEWS = {"visitor": Relation.VISITOR, "member": Relation.MEMBER, "organiser": Relation.ORGANISER}


def _person(identity: str, level: str):
    """A person whose name is at `identity` and every other part (that allows it) at `level`."""
    profile = ProfileFactory(
        user=UserFactory(display_name=MARKERS["identity"]),
        what_i_can_do=MARKERS["skills"],
        what_i_care_about=MARKERS["passions"],
        what_i_would_like_to_do=MARKERS["ambitions"],
        languages=MARKERS["languages"],
        access_needs=MARKERS["access_needs"],
        visibility_identity=identity,
    )
    for part in PARTS:
        if part != "identity" and Visibility(level) in allowed_choices(part):
            setattr(profile, f"visibility_{part}", level)
    profile.save()
    return profile


def _main(response) -> str:
    """The page below the header, which names whoever is signed in."""
    return response.text.split('id="main-content"', 1)[1]


@pytest.mark.parametrize("identity", ["public", "members", "organisers"])
@pytest.mark.parametrize("level", [v.value for v in Visibility])
@pytest.mark.parametrize("relation", list(PREVIEWS))
def test_each_preview_shows_exactly_what_that_relation_may_see(client, identity, level, relation):
    """Each part is in the preview exactly when its level lets that relation see it."""
    profile = _person(identity, level)
    client.force_login(profile.user)
    page = _main(client.get(reverse("people:preview", args=[relation])))
    seen_at_all = can_see(identity, PREVIEWS[relation])
    for part, marker in MARKERS.items():
        effective = getattr(profile, f"visibility_{part}")
        expected = seen_at_all and can_see(effective, PREVIEWS[relation])
        assert (marker in page) is expected, f"{part} at {effective} as {relation}"
        if effective == Visibility.ONLY_ME:
            assert marker not in page
    if not seen_at_all:
        assert "They cannot see your profile at all" in page


@pytest.mark.parametrize("relation", list(PREVIEWS))
def test_a_preview_matches_the_real_page_for_that_viewer(client, relation):
    """What the preview shows is what a real viewer with that relation sees."""
    profile = _person("members", "organisers")
    client.force_login(profile.user)
    preview = _main(client.get(reverse("people:preview", args=[relation])))
    client.logout()
    if relation != "visitor":
        viewer = UserFactory()
        if relation == "organiser":
            group = OrganisationFactory()
            Membership.objects.create(organisation=group, user=viewer, role="organiser")
            Membership.objects.create(
                organisation=group, user=profile.user, role="member", shares_with_organisers=True
            )
        client.force_login(viewer)
    real = client.get(reverse("people:detail", args=[profile.pk]))
    real_page = _main(real) if real.status_code == 200 else ""
    for marker in MARKERS.values():
        assert (marker in preview) is (marker in real_page)


def test_the_banner_names_the_relation_and_links_to_the_others(client):
    """A banner says whose view this is, with links to the other two previews."""
    profile = _person("public", "public")
    client.force_login(profile.user)
    page = client.get(reverse("people:preview", args=["visitor"])).text
    assert "This is how a visitor sees your profile" in page
    assert reverse("people:preview", args=["member"]) in page
    assert reverse("people:preview", args=["organiser"]) in page
    assert 'href="' + reverse("people:preview", args=["visitor"]) + '"' not in page


def test_own_profile_page_links_to_the_three_previews(client):
    """ "Your profile" offers all three previews, not the owner's own view."""
    profile = _person("public", "public")
    client.force_login(profile.user)
    page = client.get(reverse("people:me")).text
    for relation in PREVIEWS:
        assert reverse("people:preview", args=[relation]) in page
    assert reverse("people:detail", args=[profile.pk]) not in page


@pytest.mark.parametrize("relation", ["self", "nonsense"])
def test_an_unknown_preview_is_not_found(client, relation):
    """Only the three previews exist."""
    client.force_login(_person("public", "public").user)
    assert client.get(reverse("people:preview", args=[relation])).status_code == 404


def test_previews_need_sign_in_and_a_profile(client):
    """Visitors are sent to sign in; someone with no profile is sent to fill it in."""
    url = reverse("people:preview", args=["visitor"])
    assert client.get(url).url.startswith(reverse("accounts:sign_in"))
    client.force_login(UserFactory())
    assert client.get(url).url == reverse("people:me")
