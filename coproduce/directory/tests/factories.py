from datetime import time

import factory
from django.utils.text import slugify

from coproduce.directory.models import (
    Contact,
    CostOption,
    Eligibility,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTaxonomy,
    Taxonomy,
    TaxonomyTerm,
)
from coproduce.groups.models import Organisation
from coproduce.places.tests.factories import PlaceFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.VOLUNTARY
    name = factory.Sequence(lambda n: f"Test Organisation {n:05d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "Helps people in the borough."


class TaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Taxonomy

    name = factory.Sequence(lambda n: f"Test Taxonomy {n}")


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaxonomyTerm

    taxonomy = factory.SubFactory(TaxonomyFactory)
    code = factory.Sequence(lambda n: f"term-{n}")
    term = factory.Sequence(lambda n: f"Term {n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Test Service {n:05d}")
    description = "Advice on money and debt."
    url = "https://example.org/service"
    email = "team@example.org"


class ServiceAtLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    place = factory.SubFactory(
        PlaceFactory, address="1 Market Square, Northbrook", postcode="NB1 1AA"
    )


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    service = factory.SubFactory(ServiceFactory)
    title = "Reception"
    phone = "020 7946 0000"


class ScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schedule

    service = factory.SubFactory(ServiceFactory)
    byday = "MO,TU,WE,TH,FR"
    opens_at = time(9, 0)
    closes_at = time(17, 0)


class EligibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Eligibility

    service = factory.SubFactory(ServiceFactory)
    minimum_age = 18
    maximum_age = 65
    description = "Adults living in the borough."


class CostOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CostOption

    service = factory.SubFactory(ServiceFactory)
    option = "Adults"
    amount = "3.50"
    amount_description = "a session"


class ServiceTaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceTaxonomy

    service = factory.SubFactory(ServiceFactory)
    term = factory.SubFactory(TaxonomyTermFactory)


def full_service(**kwargs) -> Service:
    """A service with one of everything ORUK can say about it."""
    service = ServiceFactory(**kwargs)
    link = ServiceAtLocationFactory(service=service)
    ContactFactory(service=service, name="Ann Persona", email="reception@example.org")
    ScheduleFactory(service=service)
    ScheduleFactory(
        service=None, service_at_location=link, byday="SA", opens_at=time(10), closes_at=time(12)
    )
    EligibilityFactory(service=service)
    CostOptionFactory(service=service)
    CostOptionFactory(service=service, option="Under 18s", amount="0", amount_description="")
    parent = TaxonomyTermFactory()
    ServiceTaxonomyFactory(
        service=service, term=TaxonomyTermFactory(taxonomy=parent.taxonomy, parent=parent)
    )
    return service
