import pytest
from django.core.management.base import CommandError

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.demo.parts.accounts import email_for
from coproduce.demo.services import demo_loaded
from coproduce.groups.models import Organisation
from coproduce.people.models import Profile
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.models import Place, Street, Ward
from coproduce.places.tests.factories import WardFactory
from coproduce.projects.models import Project
from coproduce.timebank.models import Transfer

from .factories import seed_demo

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "wards": list(Ward.objects.order_by("pk").values_list("name", "boundary")),
        "streets": list(
            Street.objects.order_by("pk").values_list(
                "name", "ward__name", "centre_latitude", "centre_longitude"
            )
        ),
        "people": list(
            # People without email (registered offline) tie on it: creation order decides.
            Profile.objects.order_by("user__email", "pk").values_list(
                "user__email",
                "user__display_name",
                "ward__name",
                "street__name",
                "what_i_can_do",
                "what_i_care_about",
                "what_i_would_like_to_do",
            )
        ),
        # The names of things follow the seed too (pks differ from build to build).
        "places": list(Place.objects.order_by("pk").values_list("name", "ward__name")),
        "groups": list(Organisation.objects.order_by("pk").values_list("name", "ward__name")),
        "projects": list(Project.objects.order_by("pk").values_list("title", "ward__name")),
        "transfers": list(Transfer.objects.order_by("pk").values_list("minutes", "description")),
    }


def test_same_seed_builds_the_same_borough():
    """Building twice with one seed gives identical names, places and words."""
    seed_demo("--seed", "7")
    first = snapshot()
    seed_demo("--seed", "7", "--reset")
    assert snapshot() == first


def test_different_seeds_build_different_boroughs():
    """Another seed gives other names and words."""
    seed_demo("--seed", "1")
    first = snapshot()
    seed_demo("--seed", "2", "--reset")
    second = snapshot()
    assert first["wards"] != second["wards"]
    assert first["people"] != second["people"]


def test_small_has_the_expected_counts():
    """Small is 6 wards, 60 streets, 300 residents and 6 demo accounts."""
    out = seed_demo()
    assert (Ward.objects.count(), Street.objects.count()) == (6, 60)
    # 300 residents, 6 demo accounts (one per role, a councillor among them), and 6 residents
    # registered offline (no email).
    assert User.objects.count() == Profile.objects.count() == 312
    assert "300 people" in out


def test_every_resident_is_in_the_resident_group():
    """Each demo person has the resident role."""
    seed_demo()
    assert User.objects.exclude(groups__name=Role.RESIDENT).count() == 0


def test_demo_people_are_verified_and_cannot_sign_in():
    """Demo residents are verified but have no usable password."""
    seed_demo()
    person = User.objects.get(email="resident-000001@demo.northbrook.invalid")
    assert person.email_verified
    assert not person.has_usable_password()


def test_refuses_to_run_twice_without_reset():
    """A second run without --reset stops with exit code 2 and changes nothing."""
    seed_demo()
    with pytest.raises(CommandError, match="--reset") as error:
        seed_demo("--seed", "2")
    assert error.value.returncode == 2
    assert User.objects.count() == 312


def test_reset_deletes_only_demo_data():
    """A real ward and a real resident survive a reset."""
    real = ProfileFactory()
    seed_demo()
    seed_demo("--reset", "--seed", "3")
    assert Ward.objects.filter(pk=real.ward.pk).exists()
    assert User.objects.filter(pk=real.user.pk).exists()
    assert Ward.objects.count() == 7


def test_reset_refused_when_real_data_uses_a_demo_ward():
    """If a real resident lives in a demo ward, reset deletes nothing and says why."""
    seed_demo()
    ProfileFactory(ward=Ward.objects.first(), street=None)
    with pytest.raises(CommandError, match="nothing was deleted") as error:
        seed_demo("--reset")
    assert error.value.returncode == 2
    assert Ward.objects.count() == 6


def test_if_empty_does_nothing_when_a_ward_exists():
    """--if-empty leaves a database with any ward alone."""
    WardFactory()
    out = seed_demo("--if-empty")
    assert "no demo data was added" in out
    assert not demo_loaded()


def test_if_empty_builds_on_an_empty_database():
    """--if-empty builds the borough when there are no wards."""
    seed_demo("--if-empty")
    assert demo_loaded()


def test_demo_loaded_is_false_for_real_data_only():
    """Real wards and people are not demo data."""
    ProfileFactory()
    assert not demo_loaded()


def test_demo_accounts_have_their_roles():
    """Each demo account has its role, plus resident; officers and administrators are staff."""
    seed_demo()
    for role in Role:
        user = User.objects.get(email=email_for(role))
        assert set(user.groups.values_list("name", flat=True)) == {role.value, Role.RESIDENT}
        assert user.is_staff == (role in {Role.OFFICER, Role.ADMINISTRATOR})
        assert user.email_verified


def test_demo_accounts_share_the_given_password():
    """--demo-password sets the one password all demo accounts sign in with."""
    seed_demo("--demo-password", "open sesame please")
    for role in Role:
        assert User.objects.get(email=email_for(role)).check_password("open sesame please")


def test_demo_password_comes_from_the_environment(monkeypatch):
    """Without --demo-password, DEMO_PASSWORD is used."""
    monkeypatch.setenv("DEMO_PASSWORD", "from the environment")
    seed_demo()
    assert User.objects.get(email=email_for(Role.OFFICER)).check_password("from the environment")


def test_demo_password_default():
    """Without either, the documented default password works."""
    seed_demo()
    assert User.objects.get(email=email_for(Role.RESIDENT)).check_password("coproduce-demo")
