import pytest
from django.utils import timezone

from coproduce.demo.context import DemoContext
from coproduce.demo.models import DemoObject
from coproduce.demo.parts import services as demo
from coproduce.directory.models import Schedule, Service, ServiceAtLocation
from coproduce.directory.tests.factories import OrganisationFactory, ServiceFactory
from coproduce.groups.models import Organisation
from coproduce.places.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def _ctx(seed: int = 1) -> DemoContext:
    return DemoContext(size=None, seed=seed, now=timezone.now(), write=lambda line: None)


def _borough():
    places = [PlaceFactory() for _ in range(3)]
    for kind in ["council_service", "nhs", "voluntary", "voluntary", "community_group"]:
        OrganisationFactory(kind=kind, base=places[0])
    return places


def test_builds_nothing_without_organisations_or_places():
    """With no organisations, or no places, the part makes nothing and does not fail."""
    ctx = _ctx()
    demo.build(ctx)
    assert ctx.counts["services"] == 0
    OrganisationFactory(kind="nhs")
    demo.build(ctx)
    assert not Service.objects.exists()


def test_builds_services_for_service_running_organisations_at_places():
    """Council, NHS and voluntary groups get services at places, with times and categories."""
    _borough()
    ctx = _ctx()
    demo.build(ctx)
    made = Service.objects.all()
    assert ctx.counts["services"] == made.count() >= 4
    assert not made.filter(organisation__kind=Organisation.Kind.COMMUNITY_GROUP).exists()
    assert ServiceAtLocation.objects.filter(service__in=made).count() == made.count()
    assert Schedule.objects.filter(service__in=made).count() == made.count()
    assert all(service.taxonomy_terms.exists() for service in made)


def test_same_seed_makes_the_same_services():
    """A seed always makes the same services."""
    _borough()
    demo.build(_ctx(seed=7))
    first = sorted(Service.objects.values_list("organisation_id", "name"))
    demo.clear()
    demo.build(_ctx(seed=7))
    assert sorted(Service.objects.values_list("organisation_id", "name")) == first


def test_clear_removes_only_demo_services():
    """Clearing removes the demo's services and leaves real ones alone."""
    _borough()
    real = ServiceFactory(name="Real Service")
    demo.build(_ctx())
    demo.clear()
    assert list(Service.objects.all()) == [real]
    assert not DemoObject.objects.filter(model_label="services.service").exists()
