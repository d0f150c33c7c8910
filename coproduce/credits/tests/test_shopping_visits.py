"""Time credits for a recorded mystery-shopping visit, from the programme's group."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.credits import services
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.shopping.tests.factories import ProgrammeFactory, ShopperFactory, VisitFactory
from coproduce.timebank.models import Account

pytestmark = pytest.mark.django_db


def _visit(*, done=True, minutes=60):
    group = OrganisationFactory()
    programme = ProgrammeFactory(credit_minutes=minutes, credit_group=group if minutes else None)
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    if done:
        visit.recorded_at, visit.done_on, visit.way = timezone.now(), timezone.localdate(), "online"
        visit.save()
    return visit, group


def test_an_officer_gives_the_programmes_credits_once():
    """The group's account pays the shopper; a second try is refused."""
    visit, group = _visit()
    officer = UserFactory(roles=[Role.OFFICER])
    credit = services.credit_for_shopping_visit(actor=officer, visit=visit)
    assert credit.minutes == 60 and credit.thing == f"shopping_visit:{visit.pk}"
    assert Account.objects.get(user=visit.shopper.person).balance == 60
    assert Account.objects.get(organisation=group).balance == -60
    with pytest.raises(Refusal):
        services.credit_for_shopping_visit(actor=officer, visit=visit)


def test_a_visit_not_yet_recorded_earns_nothing():
    """Credits come once the visit is recorded."""
    visit, _group = _visit(done=False)
    with pytest.raises(Refusal):
        services.credit_for_shopping_visit(actor=UserFactory(roles=[Role.OFFICER]), visit=visit)


def test_a_resident_cannot_give_credits_for_a_visit():
    """Only officers who run mystery shopping confirm visits."""
    visit, _group = _visit()
    with pytest.raises(NotAllowed):
        services.credit_for_shopping_visit(actor=UserFactory(), visit=visit)


def test_the_visit_page_has_the_credits_button_for_officers(client):
    """An officer sees the panel on the visit and gives the credits from it."""
    visit, _group = _visit()
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    page = client.get(reverse("shopping:visit", args=[visit.pk]))
    assert "Give time credits for this visit" in page.text
    response = client.post(reverse("credits:shopping_visit", args=[visit.pk]))
    assert response.status_code == 302
    page = client.get(reverse("shopping:visit", args=[visit.pk]))
    assert "was given 60 minutes" in page.text
