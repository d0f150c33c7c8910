"""Mystery shopping results as a "you said, we did" source."""

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.directory.tests.factories import OrganisationFactory, ServiceFactory
from coproduce.groups.models import Membership
from coproduce.shopping.models import Programme, ProgrammeService
from coproduce.yousaid import sources

from .factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_a_services_results_are_ready_for_a_response_once_the_programme_finishes():
    """The source finds the service's results, and they are ready once finished."""
    source = sources.get("shopping")
    service = ServiceFactory()
    programme = ProgrammeFactory()
    programme.services.add(service)
    link = ProgrammeService.objects.get(programme=programme, service=service)
    item = source.fetch(link.pk)
    assert source.service(item) == service
    assert not source.is_ready(item)
    Programme.objects.filter(pk=programme.pk).update(status=Programme.Status.CLOSED)
    assert source.is_ready(source.fetch(link.pk))


def test_only_the_services_owners_may_respond():
    """The organisation's organisers may respond; another resident may not."""
    source = sources.get("shopping")
    organisation = OrganisationFactory()
    organiser = UserFactory()
    Membership.objects.create(
        organisation=organisation, user=organiser, role=Membership.Role.ORGANISER
    )
    programme = ProgrammeFactory()
    programme.services.add(ServiceFactory(organisation=organisation))
    item = source.fetch(ProgrammeService.objects.get(programme=programme).pk)
    assert source.may_respond(organiser, item)
    assert not source.may_respond(UserFactory(), item)


def test_a_draft_programme_is_not_a_source():
    """Results of a programme being set up are not found."""
    programme = ProgrammeFactory(status=Programme.Status.DRAFT)
    programme.services.add(ServiceFactory())
    assert sources.get("shopping").fetch(ProgrammeService.objects.get().pk) is None
