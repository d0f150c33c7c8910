import pytest
from django.db import IntegrityError

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.credits import services
from coproduce.credits.models import Credit
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.projects.models import Contribution, Owner
from coproduce.projects.tests.factories import owned_project
from coproduce.timebank.models import Account, Posting, Transfer
from coproduce.timebank.services import LimitReached, account_open_for_organisation

from .factories import CreditChoiceFactory, accepted_volunteer, group_event, group_project

pytestmark = pytest.mark.django_db


def test_owner_confirms_a_volunteer_and_the_group_pays_the_hours():
    """Confirming an accepted volunteer posts the hours from the group's account to theirs."""
    project, owner, group = group_project()
    contribution = accepted_volunteer(project)
    credit = services.credit_for_contribution(actor=owner, contribution=contribution, minutes=150)
    person_account = Account.objects.get(user=contribution.person)
    group_account = Account.objects.get(organisation=group)
    assert (person_account.balance, group_account.balance) == (150, -150)
    assert credit.transfer.status == Transfer.Status.POSTED
    assert credit.transfer.recorded_by == owner
    assert Posting.objects.filter(transfer=credit.transfer).count() == 2


def test_a_second_confirmation_of_the_same_help_is_refused():
    """One credit per person per thing: asking again says so and posts nothing more."""
    project, owner, _group = group_project()
    contribution = accepted_volunteer(project)
    services.credit_for_contribution(actor=owner, contribution=contribution, minutes=60)
    with pytest.raises(Refusal, match="already been recorded"):
        services.credit_for_contribution(actor=owner, contribution=contribution, minutes=60)
    assert Transfer.objects.count() == 1


def test_the_database_holds_one_credit_per_person_per_thing():
    """The unique constraint refuses a second credit row even without the service's check."""
    project, owner, _group = group_project()
    contribution = accepted_volunteer(project)
    credit = services.credit_for_contribution(actor=owner, contribution=contribution, minutes=60)
    with pytest.raises(IntegrityError):
        Credit.objects.create(
            person=credit.person,
            thing=credit.thing,
            title="again",
            group=credit.group,
            minutes=60,
            transfer=Transfer.objects.create(
                from_account=credit.transfer.from_account,
                to_account=credit.transfer.to_account,
                minutes=60,
                description="again",
                requested_by=owner,
            ),
        )


def test_a_project_with_no_group_owner_offers_no_credits():
    """No group owns the project, so there is no account to pay from: said plainly."""
    owner = UserFactory()
    project = owned_project(owner=owner, status="active")
    contribution = accepted_volunteer(project)
    with pytest.raises(Refusal, match="not run by a group"):
        services.credit_for_contribution(actor=owner, contribution=contribution, minutes=60)
    assert not Transfer.objects.exists()


def test_help_not_yet_accepted_earns_no_credits():
    """A pending offer cannot be credited."""
    project, owner, _group = group_project()
    contribution = accepted_volunteer(project, status=Contribution.Status.PENDING)
    with pytest.raises(Refusal, match="Accept this offer"):
        services.credit_for_contribution(actor=owner, contribution=contribution, minutes=60)


def test_a_proposed_action_earns_no_credits():
    """Only offers and volunteering count, not proposed actions."""
    project, owner, _group = group_project()
    contribution = accepted_volunteer(project, kind=Contribution.Kind.PROPOSAL, due_on="2030-01-01")
    with pytest.raises(Refusal, match="Only offers"):
        services.credit_for_contribution(actor=owner, contribution=contribution, minutes=60)


def test_someone_who_does_not_run_the_project_cannot_confirm():
    """A stranger is not allowed."""
    project, _owner, _group = group_project()
    contribution = accepted_volunteer(project)
    with pytest.raises(NotAllowed):
        services.credit_for_contribution(actor=UserFactory(), contribution=contribution, minutes=60)


def test_an_owner_cannot_credit_their_own_help():
    """Nobody gives credits to themselves."""
    project, owner, _group = group_project()
    contribution = accepted_volunteer(project, person=owner)
    with pytest.raises(NotAllowed, match="yourself"):
        services.credit_for_contribution(actor=owner, contribution=contribution, minutes=60)


def test_a_person_who_declined_credits_gets_none():
    """The person's choice is kept: no transfer is made for someone who said no."""
    project, owner, _group = group_project()
    contribution = accepted_volunteer(project)
    CreditChoiceFactory(person=contribution.person, wants_credits=False)
    with pytest.raises(Refusal, match="do not want time credits"):
        services.credit_for_contribution(actor=owner, contribution=contribution, minutes=60)
    assert not Transfer.objects.exists()


def test_the_group_account_limit_is_refused_with_a_clear_message():
    """Past the group's lowest balance the time bank refuses, and no credit is written."""
    project, owner, group = group_project()
    account = account_open_for_organisation(organisation=group)
    Account.objects.filter(pk=account.pk).update(min_balance=-60)
    contribution = accepted_volunteer(project)
    with pytest.raises(LimitReached, match="past its limit"):
        services.credit_for_contribution(actor=owner, contribution=contribution, minutes=61)
    assert not Credit.objects.exists() and not Transfer.objects.exists()


def test_the_project_group_pays_even_when_a_group_organiser_confirms():
    """An organiser of the owning group may confirm too."""
    project, _owner, group = group_project()
    organiser = UserFactory()
    group.memberships.create(user=organiser, role="organiser")
    contribution = accepted_volunteer(project)
    credit = services.credit_for_contribution(
        actor=organiser, contribution=contribution, minutes=30
    )
    assert credit.group == group


def test_the_first_group_owner_pays_when_there_are_several():
    """With two group owners, the first to join pays."""
    project, owner, group = group_project()
    Owner.objects.create(
        project=project, organisation=OrganisationFactory(), role=Owner.Role.CO_OWNER
    )
    credit = services.credit_for_contribution(
        actor=owner, contribution=accepted_volunteer(project), minutes=30
    )
    assert credit.group == group


def test_an_organiser_confirms_a_helper_at_an_event():
    """Helping run a gathering is paid from the event's group."""
    event, organiser, helper = group_event()
    credit = services.credit_for_event_helper(
        actor=organiser, event=event, person=helper, minutes=120
    )
    assert credit.group == event.group and credit.person == helper
    assert Account.objects.get(user=helper).balance == 120


def test_an_event_not_yet_begun_earns_no_credits():
    """Credits come after the help, not before."""
    event, organiser, helper = group_event(begun=False)
    with pytest.raises(Refusal, match="once the event has started"):
        services.credit_for_event_helper(actor=organiser, event=event, person=helper, minutes=60)


def test_an_event_with_no_group_offers_no_credits():
    """No group runs the event, so no account pays: said plainly."""
    event, organiser, helper = group_event(no_group=True)
    with pytest.raises(Refusal, match="not run by a group"):
        services.credit_for_event_helper(actor=organiser, event=event, person=helper, minutes=60)


def test_someone_who_did_not_help_run_the_event_gets_no_credits():
    """Only the event's helpers can be credited."""
    event, organiser, _helper = group_event()
    with pytest.raises(Refusal, match="helped run"):
        services.credit_for_event_helper(
            actor=organiser, event=event, person=UserFactory(), minutes=60
        )


def test_a_helper_cannot_credit_themselves():
    """A helper can manage the event, but not give themselves credits."""
    event, _organiser, helper = group_event()
    with pytest.raises(NotAllowed, match="yourself"):
        services.credit_for_event_helper(actor=helper, event=event, person=helper, minutes=60)


def test_a_stranger_cannot_confirm_event_credits():
    """Only the people who run the event may confirm."""
    event, _organiser, helper = group_event()
    with pytest.raises(NotAllowed):
        services.credit_for_event_helper(
            actor=UserFactory(), event=event, person=helper, minutes=60
        )


def test_choosing_no_credits_then_yes_again():
    """The choice can be changed either way."""
    person = UserFactory()
    assert services.credit_choice_set(person=person, wants_credits=False).wants_credits is False
    assert services.credit_choice_set(person=person, wants_credits=True).wants_credits is True
