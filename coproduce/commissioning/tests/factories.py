"""Panels for tests: an officer running a published panel with criteria, bids and members."""

from datetime import date

import factory
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.commissioning.models import Bid, Criterion, GuardianConsent, Member, Panel


def officer():
    return UserFactory(roles=[Role.OFFICER])


class PanelFactory(factory.django.DjangoModelFactory):
    """A published panel (criteria not yet added: see `published_panel`)."""

    class Meta:
        model = Panel
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Youth clubs for the next three years {n}")
    why = "The current contracts end next year."
    budget = "About £450,000 a year for 3 years."
    timetable = "Bids close in March. The panel scores in April. The council decides in May."
    status = Panel.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    created_by = factory.LazyFunction(officer)

    @factory.post_generation
    def run_by(self, create, extracted, **kwargs):
        if create:
            self.officers.add(extracted or self.created_by)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    panel = factory.SubFactory(PanelFactory)
    title = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 50


class BidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bid

    panel = factory.SubFactory(PanelFactory)
    bidder = factory.Sequence(lambda n: f"Bidder {n} Ltd")
    public_summary = "Open youth clubs four nights a week in three wards."
    commercial_details = "PRICE-SECRET £400,000 a year"


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    panel = factory.SubFactory(PanelFactory)
    user = factory.SubFactory(UserFactory)
    status = Member.Status.ACTIVE
    joined_at = factory.LazyFunction(timezone.now)


def published_panel(*, bids=2, members=2, **kwargs):
    """A published panel with criteria weighted 60 and 40, bids, and active members."""
    panel = PanelFactory(**kwargs)
    CriterionFactory(panel=panel, title="Reaches young people who need it most", weight=60)
    CriterionFactory(panel=panel, title="Value for money", weight=40)
    for _n in range(bids):
        BidFactory(panel=panel)
    for _n in range(members):
        MemberFactory(panel=panel)
    return panel


def born_years_ago(years: int, *, days_more: int = 10) -> date:
    today = timezone.localdate()
    return date(today.year - years, today.month, min(today.day, 28)) - timezone.timedelta(
        days=days_more
    )


def consent_for(member):
    return GuardianConsent.objects.create(
        member=member,
        given_by="Sam Parent",
        relationship="mother",
        how=GuardianConsent.How.SIGNED_FORM,
        given_on=timezone.localdate(),
    )
