import random
import re

import pytest

from coproduce.demo import services
from coproduce.demo.parts import PARTS, Part
from coproduce.demo.tests.factories import TINY
from coproduce.people.models import Profile
from coproduce.places.geometry import point_in_polygon, polygon_is_valid
from coproduce.places.models import Street, Ward

from .. import voices

pytestmark = pytest.mark.django_db


def build(seed: int = 1) -> None:
    services.demo_build(services.demo_context(size=TINY, seed=seed, write=lambda line: None))


def test_ward_boundaries_are_valid_polygons():
    """Every ward is a closed, counter-clockwise GeoJSON polygon with its centre inside."""
    build()
    for ward in Ward.objects.all():
        assert polygon_is_valid(ward.boundary)
        assert point_in_polygon(ward.centre_longitude, ward.centre_latitude, ward.boundary)


def test_street_centres_lie_in_their_ward():
    """Each street's centre is inside its own ward's boundary."""
    build()
    for street in Street.objects.select_related("ward"):
        assert point_in_polygon(
            street.centre_longitude, street.centre_latitude, street.ward.boundary
        )


def test_street_centres_lie_in_no_other_ward():
    """Wards do not overlap: no street centre is inside two wards."""
    build()
    wards = list(Ward.objects.all())
    for street in Street.objects.all():
        inside = [
            w
            for w in wards
            if point_in_polygon(street.centre_longitude, street.centre_latitude, w.boundary)
        ]
        assert len(inside) == 1


def test_a_new_part_does_not_change_earlier_parts(monkeypatch):
    """Adding a part that draws random numbers leaves the people of earlier parts the same."""
    build()
    before = list(Profile.objects.order_by("user__email").values_list("what_i_can_do", flat=True))
    services.demo_clear()

    def noisy(ctx):
        ctx.random("newcomer").random()

    monkeypatch.setattr(services, "PARTS", (Part("newcomer", noisy, lambda: None), *PARTS))
    build()
    after = list(Profile.objects.order_by("user__email").values_list("what_i_can_do", flat=True))
    assert after == before


def test_descriptions_mostly_avoid_skill_labels():
    """Residents mostly describe what they do in plain words, not the skill's label."""
    rng = random.Random(1)
    labels = [re.compile(rf"\b{re.escape(label)}\b", re.IGNORECASE) for label in voices.SKILLS]
    texts = [voices.can_do(rng, rng.sample(voices.SKILLS, 2)) for _ in range(2_000)]
    with_label = sum(1 for text in texts if any(label.search(text) for label in labels))
    assert with_label / len(texts) < 0.25


def test_descriptions_are_varied():
    """Many residents means many different descriptions."""
    rng = random.Random(1)
    texts = {voices.can_do(rng, rng.sample(voices.SKILLS, 2)) for _ in range(2_000)}
    assert len(texts) > 1_500


def test_places_lie_in_their_ward_with_stored_map_fields():
    """Places are inside their ward, with map position and week mask worked out."""
    from coproduce.places.models import Place

    build()
    places = list(Place.objects.select_related("ward"))
    assert Place.objects.exclude(kind="room").count() == TINY.places
    for place in places:
        assert point_in_polygon(place.longitude, place.latitude, place.ward.boundary)
        assert place.map_x > 0 and place.map_y > 0
        assert bool(place.open_week) == bool(place.opening_hours)
    assert {p.kind for p in places} >= {"building", "green_space", "unloved_space"}
    assert all(p.could_become for p in places if p.kind == "unloved_space")


def test_people_make_privacy_choices_and_pick_skills():
    """Demo people vary in what they share; some have ticked skills matching their words."""
    from coproduce.skills.models import PersonSkill

    build()
    profiles = Profile.objects.all()
    assert 0 < profiles.filter(show_on_map=True).count() < profiles.count()
    assert profiles.values("visibility_skills").distinct().count() > 1
    assert not profiles.filter(visibility_access_needs__in=["public", "members"]).exists()
    assert not profiles.filter(ward__isnull=True, show_on_map=True).exists()
    assert PersonSkill.objects.filter(status="confirmed").exists()


def test_the_demo_organiser_has_needs_to_match(client):
    """Two open needs belong to the demo organiser, whose need page works."""
    from coproduce.accounts.models import User
    from coproduce.projects.models import Need

    build()
    organiser = User.objects.get(email__startswith="organiser@")
    needs = Need.objects.filter(created_by=organiser, status="open")
    assert needs.count() == 2
    client.force_login(organiser)
    assert client.get(f"/matching/needs/{needs.first().pk}/").status_code == 200


def test_projects_have_owners_history_and_fans_that_add_up():
    """Every project but ideas has a lead; history ends at its status; counts match."""
    from django.db.models import Count

    from coproduce.projects.models import Project

    build()
    # Projects the sharing-out round chose are the budgets part's, checked in its own test.
    projects = Project.objects.filter(budget_proposal__isnull=True).annotate(
        fans=Count("appreciations")
    )
    assert projects.count() == max(10, TINY.people // 10)
    for project in projects:
        assert project.appreciation_count == project.fans
        assert project.history.last().to_status == project.status
        has_lead = project.owners.filter(role="lead").exists()
        assert has_lead is (project.status != "idea")
        assert project.map_x is not None
