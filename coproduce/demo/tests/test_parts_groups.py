import dataclasses

import pytest

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.demo import services as demo_services
from coproduce.demo.context import DEMO_EMAIL_DOMAIN
from coproduce.demo.models import DemoObject
from coproduce.demo.parts import groups as demo
from coproduce.demo.parts.accounts import email_for
from coproduce.demo.tests.factories import TINY
from coproduce.groups.models import Membership, Organisation
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.people.models import Profile

pytestmark = pytest.mark.django_db


def _borough(seed: int = 1, size=TINY):
    """The demo borough up to, but not including, the groups part (the tests build that)."""
    ctx = demo_services.demo_context(size=size, seed=seed, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"groups"}))
    return ctx


def _snapshot() -> list:
    return list(
        Membership.objects.order_by("organisation__slug", "user__email").values_list(
            "organisation__name",
            "organisation__kind",
            "organisation__ward__name",
            "user__email",
            "role",
        )
    )


def test_every_kind_is_made_and_each_group_has_an_organiser():
    """A small borough still gets a group of every kind, each run by one to three organisers."""
    ctx = _borough()
    demo.build(ctx)
    assert set(Organisation.objects.values_list("kind", flat=True)) == set(Organisation.Kind)
    for organisation in Organisation.objects.all():
        organisers = organisation.memberships.filter(role=Membership.Role.ORGANISER).count()
        assert 1 <= organisers <= 3
    assert ctx.counts["groups"] == Organisation.objects.count()


def test_about_one_group_per_150_people():
    """The number of groups follows the size of the borough."""
    ctx = _borough()
    demo.build(dataclasses.replace(ctx, size=dataclasses.replace(TINY, people=3_000)))
    assert Organisation.objects.count() == 20


def test_groups_spread_over_the_wards():
    """Groups are spread over the wards rather than piled into one."""
    ctx = _borough()
    demo.build(dataclasses.replace(ctx, size=dataclasses.replace(TINY, people=3_000)))
    wards = set(Organisation.objects.exclude(ward=None).values_list("ward", flat=True))
    assert wards == {w.pk for w in ctx.wards}


def test_members_are_demo_people():
    """Every member is a demo resident or a demo account, never a real person."""
    ctx = _borough()
    demo.build(ctx)
    emails = Membership.objects.values_list("user__email", flat=True)
    assert emails
    assert all(email.endswith(f"@{DEMO_EMAIL_DOMAIN}") for email in emails)


def test_the_demo_organiser_runs_a_group():
    """The organiser demo account organises a listed group, so it can try the pages."""
    ctx = _borough()
    demo.build(ctx)
    organiser = User.objects.get(email=email_for(Role.ORGANISER))
    assert Membership.objects.filter(
        user=organiser, role=Membership.Role.ORGANISER, organisation__is_listed=True
    ).exists()


def test_same_seed_makes_the_same_groups():
    """Building again with the same seed gives the same groups and members."""
    ctx = _borough(seed=3)
    demo.build(ctx)
    first = _snapshot()
    demo.clear()
    demo.build(ctx)
    assert _snapshot() == first


def test_clear_removes_only_demo_groups():
    """Clearing removes demo groups and their members, and leaves real groups and people."""
    real = OrganisationFactory(slug="friends-of-hazel-park")
    ctx = _borough()
    demo.build(ctx)
    people = Profile.objects.count()
    demo.clear()
    assert list(Organisation.objects.all()) == [real]
    assert not Membership.objects.exists()
    assert not DemoObject.objects.filter(model_label="groups.organisation").exists()
    assert Profile.objects.count() == people
