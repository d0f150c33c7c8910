from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.directory.tests.factories import OrganisationFactory, ServiceFactory
from coproduce.groups.models import Membership
from coproduce.notifications.models import Notification
from coproduce.shopping import services
from coproduce.shopping.models import Expense, Programme, ProgrammeService, Shopper, Visit
from coproduce.shopping.services import Found

from .factories import ProgrammeFactory, ShopperFactory, VisitFactory, programme_with_questions

pytestmark = pytest.mark.django_db


def officer():
    return UserFactory(roles=[Role.OFFICER])


def found_for(programme, **kwargs) -> Found:
    answers = {}
    for question in programme.questions.all():
        answers[question.pk] = {"scale": 4, "yes_no": True, "words": "Kind staff."}[question.kind]
    return Found(answers=answers, done_on=timezone.localdate(), **kwargs)


def test_an_officer_sets_up_a_programme_as_a_draft():
    """A new programme is being set up, with its services and what shoppers get."""
    service = ServiceFactory()
    today = timezone.localdate()
    programme = services.programme_create(
        by=officer(),
        title="Front desks",
        guide="Ask for help.",
        starts_on=today,
        ends_on=today + timedelta(days=30),
        services=[service],
        expenses_limit=Decimal("5.00"),
    )
    assert programme.status == Programme.Status.DRAFT
    assert list(programme.services.all()) == [service]


def test_a_resident_cannot_set_up_a_programme():
    """Only officers who run mystery shopping set up programmes."""
    today = timezone.localdate()
    with pytest.raises(NotAllowed):
        services.programme_create(
            by=UserFactory(), title="x", guide="y", starts_on=today, ends_on=today, services=[]
        )


def test_credits_need_a_group_to_give_them():
    """Time credits come from a group's time account, so one must be named."""
    today = timezone.localdate()
    with pytest.raises(Refusal):
        services.programme_create(
            by=officer(),
            title="x",
            guide="y",
            starts_on=today,
            ends_on=today,
            services=[],
            credit_minutes=60,
        )


def test_a_programme_opens_only_with_questions():
    """A programme with no questions cannot open."""
    programme = ProgrammeFactory(status=Programme.Status.DRAFT)
    programme.services.add(ServiceFactory())
    with pytest.raises(Refusal):
        services.programme_open(programme=programme, by=officer())


def test_nobody_is_signed_up_without_agreeing():
    """Signing up needs the person's own agreement."""
    programme = ProgrammeFactory()
    with pytest.raises(Refusal):
        services.shopper_join(programme=programme, person=UserFactory(), agreed=False)
    assert not Shopper.objects.exists()


def test_a_supporter_is_recorded_by_name_as_a_supporter():
    """The carer is named as the person who helps, and the shopper is the resident."""
    person = UserFactory()
    shopper = services.shopper_join(
        programme=ProgrammeFactory(),
        person=person,
        agreed=True,
        supporter_kind=Shopper.SupporterKind.CARER,
        supporter_name="Sam Carer",
    )
    assert shopper.person == person
    assert shopper.supporter_name == "Sam Carer"
    assert shopper.supporter_kind == "carer"


def test_a_supporter_must_be_named():
    """Saying someone helps without their name is refused."""
    with pytest.raises(Refusal):
        services.shopper_join(
            programme=ProgrammeFactory(),
            person=UserFactory(),
            agreed=True,
            supporter_kind=Shopper.SupporterKind.ADVOCATE,
        )


def test_a_visit_is_given_out_for_a_programme_service_and_the_shopper_is_told():
    """The shopper hears about their visit."""
    programme = programme_with_questions()
    shopper = ShopperFactory(programme=programme)
    visit = services.visit_assign(
        programme=programme,
        by=officer(),
        shopper=shopper,
        service=programme.services.first(),
        how=Visit.How.PHONE,
        due_on=timezone.localdate() + timedelta(days=3),
    )
    assert visit.how == "phone"
    assert Notification.objects.filter(recipient=shopper.person, kind="shopping_visit").exists()


def test_a_visit_to_a_service_outside_the_programme_is_refused():
    """Only the programme's own services can be visited."""
    programme = programme_with_questions()
    with pytest.raises(Refusal):
        services.visit_assign(
            programme=programme,
            by=officer(),
            shopper=ShopperFactory(programme=programme),
            service=ServiceFactory(),
            how=Visit.How.VISIT,
            due_on=timezone.localdate(),
        )


def test_a_shopper_records_their_visit_once():
    """Answers are saved, one per question, and a second try is refused."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    person = visit.shopper.person
    services.visit_record(visit=visit, by=person, found=found_for(programme), way="online")
    visit.refresh_from_db()
    assert visit.is_done and visit.answers.count() == 3
    with pytest.raises(Refusal):
        services.visit_record(visit=visit, by=person, found=found_for(programme), way="online")


def test_someone_else_cannot_record_a_shoppers_visit_online():
    """Another resident cannot record the visit."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    with pytest.raises(NotAllowed):
        services.visit_record(
            visit=visit, by=UserFactory(), found=found_for(programme), way="online"
        )


def test_a_paper_form_is_kept_as_from_paper_by_the_officer():
    """Typed-in paper forms record who typed them in, and the supporter by name."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    typist = officer()
    services.visit_record(
        visit=visit,
        by=typist,
        found=found_for(programme, with_supporter=True, supporter_name="Ali Advocate"),
        way="paper",
    )
    visit.refresh_from_db()
    assert visit.way == "paper" and visit.entered_by == typist
    assert visit.supporter_name == "Ali Advocate" and visit.with_supporter


def test_a_resident_cannot_type_in_paper_forms():
    """Paper forms are typed in by officers."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    with pytest.raises(NotAllowed):
        services.visit_record(
            visit=visit, by=visit.shopper.person, found=found_for(programme), way="paper"
        )


def test_every_question_must_be_answered():
    """A missing answer is refused on its field."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    found = found_for(programme)
    found.answers.pop(programme.questions.first().pk)
    with pytest.raises(Refusal):
        services.visit_record(visit=visit, by=visit.shopper.person, found=found, way="online")


def test_expenses_over_the_limit_are_refused():
    """A claim above the programme's amount for one visit is refused."""
    programme = programme_with_questions(expenses_limit=Decimal("5.00"))
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    found = found_for(programme, expense_amount=Decimal("6.00"), expense_what_for="Taxi")
    with pytest.raises(Refusal):
        services.visit_record(visit=visit, by=visit.shopper.person, found=found, way="online")
    assert not Expense.objects.exists()


def test_an_officer_approves_expenses_and_the_shopper_is_told():
    """The claim is approved, audited and the shopper hears."""
    programme = programme_with_questions(expenses_limit=Decimal("5.00"))
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    found = found_for(programme, expense_amount=Decimal("3.20"), expense_what_for="Bus fare")
    services.visit_record(visit=visit, by=visit.shopper.person, found=found, way="online")
    expense = services.expense_decide(expense=visit.expense, by=officer(), approve=True)
    assert expense.status == Expense.Status.APPROVED
    assert Notification.objects.filter(recipient=visit.shopper.person).count() == 1
    with pytest.raises(Refusal):
        services.expense_decide(expense=expense, by=officer(), approve=False)


def test_finishing_sends_results_to_the_services_organisers():
    """Each visited service's organisers are told, and the results are marked sent."""
    programme = programme_with_questions()
    organisation = OrganisationFactory()
    organiser = UserFactory()
    Membership.objects.create(
        organisation=organisation, user=organiser, role=Membership.Role.ORGANISER
    )
    visit = VisitFactory(
        shopper=ShopperFactory(programme=programme),
        service=ServiceFactory(organisation=organisation),
    )
    services.visit_record(
        visit=visit, by=visit.shopper.person, found=found_for(programme), way="online"
    )
    told = services.programme_close(programme=programme, by=officer())
    assert told == 1
    assert Notification.objects.filter(recipient=organiser, kind="shopping_results").exists()
    link = ProgrammeService.objects.get(programme=programme, service=visit.service)
    assert link.results_sent_at is not None


def test_leaving_takes_away_visits_still_due():
    """A shopper who stops keeps their done visits in the results; due ones go."""
    programme = programme_with_questions()
    shopper = ShopperFactory(programme=programme)
    VisitFactory(shopper=shopper)
    services.shopper_leave(shopper=shopper, by=shopper.person)
    assert not Visit.objects.filter(shopper=shopper).exists()
