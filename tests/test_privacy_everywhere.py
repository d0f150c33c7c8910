"""Privacy across every surface: each part of a profile, at each level, for each viewer.

A resident's profile has one visibility per part. Whatever page, API, export or map a
viewer uses, they see a part only if `people.privacy.can_see(level, relation)` allows it,
and never a resident's email or home street. Roles give no extra sight: an officer sees what
any member sees. Organisers of a group the person joined see "organisers" parts.
"""

import csv
import io
import json

import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Membership
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.people.privacy import PARTS, Relation, Visibility, allowed_choices, can_see
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import PlaceFactory, StreetFactory
from coproduce.skills.models import PersonSkill, Skill

pytestmark = pytest.mark.django_db

ROLES = ["resident", "organiser", "officer", "moderator", "administrator"]
# Each viewer and the relation the privacy rules give them to the person.
VIEWERS = {
    "visitor": Relation.VISITOR,
    **dict.fromkeys(ROLES, Relation.MEMBER),
    "group organiser": Relation.ORGANISER,
    "the person": Relation.SELF,
}
# A marker per part, so a page can be searched for exactly what leaked.
MARKERS = {
    "skills": "Marker-skills-bookkeeping-for-the-allotments",
    "passions": "Marker-passions-clean-air",
    "ambitions": "Marker-ambitions-open-a-cafe",
    "languages": "Marker-languages-Tigrinya",
    "availability": "About 17 hours a month",
    "access_needs": "Marker-access-needs-hearing-loop",
}
EMAIL = "hidden.person@example.org"
STREET = "Marker Secret Mews"


def _person(level: str):
    """A person with every part (that allows it) at `level`, and their name shown to all."""
    street = StreetFactory(name=STREET)
    profile = ProfileFactory(
        user=UserFactory(email=EMAIL, display_name="Pat Privacy"),
        street=street,
        ward=street.ward,
        what_i_can_do=MARKERS["skills"],
        what_i_care_about=MARKERS["passions"],
        what_i_would_like_to_do=MARKERS["ambitions"],
        languages=MARKERS["languages"],
        hours_per_month=17,
        access_needs=MARKERS["access_needs"],
        show_on_map=True,
        visibility_identity=Visibility.PUBLIC,
    )
    for part in PARTS:
        if part != "identity" and Visibility(level) in allowed_choices(part):
            setattr(profile, f"visibility_{part}", level)
    profile.save()
    PersonSkill.objects.create(profile=profile, skill=Skill.objects.get(slug="bookkeeping"))
    return profile


def _sign_in(client, viewer: str, profile):
    if viewer == "visitor":
        return
    if viewer == "the person":
        client.force_login(profile.user)
        return
    if viewer == "group organiser":
        organiser = UserFactory()
        group = OrganisationFactory()
        Membership.objects.create(organisation=group, user=organiser, role="organiser")
        # The member chose, when joining, to share with the group's organisers.
        Membership.objects.create(
            organisation=group, user=profile.user, role="member", shares_with_organisers=True
        )
        client.force_login(organiser)
        return
    client.force_login(UserFactory(roles=[] if viewer == "resident" else [Role(viewer)]))


@pytest.mark.parametrize("level", [v.value for v in Visibility])
@pytest.mark.parametrize("viewer", list(VIEWERS))
def test_profile_page_shows_each_part_only_to_those_allowed(client, level, viewer):
    """The person page shows a part exactly when its level allows this viewer."""
    profile = _person(level)
    _sign_in(client, viewer, profile)
    page = client.get(reverse("people:detail", args=[profile.pk])).text
    for part, marker in MARKERS.items():
        effective = getattr(profile, f"visibility_{part}")
        expected = can_see(effective, VIEWERS[viewer])
        assert (marker in page) is expected, f"{part} at {effective} for {viewer}"
    skills_shown = "Bookkeeping" in page
    assert skills_shown is can_see(profile.visibility_skills, VIEWERS[viewer])
    assert EMAIL not in page or viewer == "the person"
    assert STREET not in page


@pytest.mark.parametrize("level", [v.value for v in Visibility])
@pytest.mark.parametrize("viewer", list(VIEWERS))
def test_map_api_and_page_never_leak_a_person(client, level, viewer):
    """The map shows people only as a count per ward; a skill is counted only if its level
    is public (visitors) or public or members (anyone signed in)."""
    profile = _person(level)
    PlaceFactory(ward=profile.ward, name="Community Hall")
    _sign_in(client, viewer, profile)
    everyone = client.get(reverse("maps:features"), {"bbox": "-1,50,1,53", "zoom": 12})
    by_skill = client.get(
        reverse("maps:features"), {"bbox": "-1,50,1,53", "zoom": 12, "skill": "bookkeeping"}
    )
    page = client.get(reverse("maps:map"), {"skill": "bookkeeping"}).text
    for response in (everyone, by_skill):
        text = response.content.decode()
        assert "Pat Privacy" not in text and EMAIL not in text and STREET not in text
        assert not any(marker in text for marker in MARKERS.values())
    features = json.loads(everyone.content)["features"]
    people = [f for f in features if f["properties"]["layer"] == "people"]
    # One person: counted, but 1 to 4 is never given as a number (ADR 0020).
    assert any(f["properties"].get("fewer_than_5") for f in people)
    assert all(f["properties"].get("count") != 1 for f in people)
    counted = json.loads(by_skill.content)["features"]
    signed_in = viewer != "visitor"
    allowed = level == "public" or (level == "members" and signed_in)
    assert bool(counted) is allowed
    main = page.split('id="main-content"', 1)[1]  # the header names whoever is signed in
    assert "Pat Privacy" not in main and STREET not in page


@pytest.mark.parametrize("viewer", list(VIEWERS))
def test_exports_hold_no_personal_data(client, viewer):
    """Open data exports carry counts and public places only, whoever downloads them."""
    profile = _person("public")
    PlaceFactory(ward=profile.ward, name="Community Hall", added_by=profile.user)
    _sign_in(client, viewer, profile)
    for name in ["places_csv", "places_geojson", "people_by_ward_csv"]:
        body = b"".join(client.get(reverse(f"opendata:{name}")).streaming_content).decode()
        assert "Pat Privacy" not in body and EMAIL not in body and STREET not in body
        assert not any(marker in body for marker in MARKERS.values())
    rows = list(csv.DictReader(io.StringIO(_csv(client, "people_by_ward_csv"))))
    # One person, in one ward: "fewer than 5" there, never the number (ADR 0020).
    assert [row["count"] for row in rows if row["count"] != "0"] == ["fewer than 5"]


def _csv(client, name: str) -> str:
    body = b"".join(client.get(reverse(f"opendata:{name}")).streaming_content)
    return body.decode("utf-8-sig")


@pytest.mark.parametrize("identity", ["public", "members", "organisers", "only_me"])
@pytest.mark.parametrize("viewer", ["visitor", "resident", "officer", "group organiser"])
def test_group_member_lists_name_people_only_as_their_identity_level_allows(
    client, identity, viewer
):
    """A group's page names a member only if the viewer may see who they are."""
    profile = _person("only_me")
    profile.visibility_identity = identity
    profile.save()
    group = OrganisationFactory(name="Allotment Society")
    Membership.objects.create(
        organisation=group, user=profile.user, role="member", shares_with_organisers=True
    )
    if viewer == "group organiser":
        organiser = UserFactory()
        Membership.objects.create(organisation=group, user=organiser, role="organiser")
        client.force_login(organiser)
    else:
        _sign_in(client, viewer, profile)
    page = client.get(reverse("groups:detail", args=[group.slug])).text
    relation = VIEWERS[viewer]
    assert ("Pat Privacy" in page) is can_see(identity, relation)
    assert EMAIL not in page and STREET not in page
