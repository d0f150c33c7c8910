"""Every write of time credits. The transfer and the credit are made in one transaction.

Guarantees: a credit is given only for something done (an accepted offer or volunteering on a
project, helping run an event that has begun), by someone who runs it, never to themselves,
only to a person who has not said no to credits, from the time account of the group that runs
it, under the time bank's limits; and at most once per person per thing, held by the database.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.gatherings import permissions as event_permissions
from coproduce.gatherings.models import Event
from coproduce.groups.models import Organisation
from coproduce.projects import permissions as project_permissions
from coproduce.projects.models import Contribution
from coproduce.shopping import permissions as shopping_permissions
from coproduce.shopping.models import Visit as ShoppingVisit
from coproduce.timebank import services as timebank

from . import selectors
from .models import Credit, CreditChoice


@transaction.atomic
def credit_choice_set(*, person, wants_credits: bool) -> CreditChoice:
    """Record whether the person would like time credits. Credits already given stay."""
    choice, _created = CreditChoice.objects.update_or_create(
        person=person, defaults={"wants_credits": bool(wants_credits)}
    )
    return choice


def _award(
    *,
    actor,
    person,
    group: Organisation,
    thing: str,
    title: str,
    minutes: int,
    contribution: Contribution | None = None,
    event: Event | None = None,
) -> Credit:
    if person.pk == actor.pk:
        raise NotAllowed(_("You cannot give time credits to yourself. Ask another organiser."))
    if not person.is_active:
        raise Refusal(_("This person has closed their account, so they cannot get credits."))
    if not selectors.wants_credits(person):
        raise Refusal(_("This person has said they do not want time credits."))
    if Credit.objects.filter(person=person, thing=thing).exists():
        raise Refusal(_("Time credits for this have already been recorded."))
    transfer = timebank.transfer_award(
        actor=actor,
        from_account=timebank.account_open_for_organisation(organisation=group),
        to_account=timebank.account_open_for_user(user=person),
        minutes=minutes,
        description=(_("Time credits: %(title)s") % {"title": title})[:300],
    )
    try:
        with transaction.atomic():
            return Credit.objects.create(
                person=person,
                thing=thing,
                title=title[:300],
                contribution=contribution,
                event=event,
                group=group,
                minutes=minutes,
                transfer=transfer,
                confirmed_by=actor,
            )
    except IntegrityError:
        # Someone confirmed the same thing at the same moment: this transfer is undone with
        # the rest of the transaction when the refusal leaves it.
        raise Refusal(_("Time credits for this have already been recorded.")) from None


@transaction.atomic
def credit_for_contribution(*, actor, contribution: Contribution, minutes: int) -> Credit:
    """An owner confirms an accepted offer or volunteer did it: hours from the project's group."""
    contribution = Contribution.objects.select_related("project", "person").get(pk=contribution.pk)
    project = contribution.project
    if not project_permissions.can_manage(actor, project):
        raise NotAllowed(_("Only the people who run this project can confirm time credits."))
    if contribution.kind not in selectors.CREDITED_KINDS:
        raise Refusal(_("Only offers of help and volunteering can earn time credits."))
    if contribution.status not in selectors.CREDITED_STATUSES:
        raise Refusal(_("Accept this offer of help before you confirm time credits for it."))
    group = selectors.project_group(project)
    if group is None:
        raise Refusal(selectors.NO_GROUP_PROJECT)
    return _award(
        actor=actor,
        person=contribution.person,
        group=group,
        thing=f"contribution:{contribution.pk}",
        title=project.title,
        minutes=minutes,
        contribution=contribution,
    )


@transaction.atomic
def credit_for_event_helper(*, actor, event: Event, person, minutes: int) -> Credit:
    """An organiser confirms someone helped run an event: hours from the event's group."""
    if not event_permissions.can_manage(actor, event):
        raise NotAllowed(_("Only the people who run this event can confirm time credits."))
    if event.group_id is None:
        raise Refusal(selectors.NO_GROUP_EVENT)
    if event.is_cancelled:
        raise Refusal(_("This event was cancelled, so there is no time to credit."))
    if event.starts_at > timezone.now():
        raise Refusal(_("You can confirm time credits once the event has started."))
    if person.pk not in selectors.event_helper_ids(event):
        raise Refusal(_("Only people who helped run this event can get credits for it."))
    return _award(
        actor=actor,
        person=person,
        group=event.group,
        thing=f"event:{event.pk}",
        title=event.title,
        minutes=minutes,
        event=event,
    )


@transaction.atomic
def credit_for_shopping_visit(*, actor, visit: ShoppingVisit) -> Credit:
    """An officer who runs mystery shopping confirms a recorded visit: the programme's minutes
    from the time account of the group it names, once per visit."""
    visit = ShoppingVisit.objects.select_related("programme__credit_group", "shopper__person").get(
        pk=visit.pk
    )
    programme = visit.programme
    if not shopping_permissions.can_run(actor):
        raise NotAllowed(_("Only council officers who run mystery shopping can do this."))
    if not programme.gives_credits:
        raise Refusal(_("This programme does not give time credits."))
    if not visit.is_done or visit.shopper.person is None:
        raise Refusal(_("Time credits are given once the visit is recorded."))
    return _award(
        actor=actor,
        person=visit.shopper.person,
        group=programme.credit_group,
        thing=f"shopping_visit:{visit.pk}",
        title=_("Mystery shopping: %(programme)s") % {"programme": programme.title},
        minutes=programme.credit_minutes,
    )
