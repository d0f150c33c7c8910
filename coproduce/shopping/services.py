"""Every write in mystery shopping.

Guarantees: only officers who run programmes set them up, assign visits, type in paper forms
and decide expenses; a resident becomes a shopper only by agreeing themselves; a supporter is
recorded by name as a supporter, never as the shopper; a visit is recorded once, with one
answer per question; an expense is no more than the programme pays for one visit.
Time credits are given by the credits app (credit_for_shopping_visit).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.directory.models import Service
from coproduce.groups.models import Membership, Organisation
from coproduce.notifications.services import notify
from coproduce.staff.services import audit_record

from . import kinds, permissions
from .models import Answer, Expense, Programme, ProgrammeService, Question, Shopper, Visit


@dataclass(frozen=True)
class Found:
    """What a shopper found: one value per question pk (a number 1 to 5, True/False, words)."""

    answers: dict[int, int | bool | str]
    done_on: date
    with_supporter: bool = False
    supporter_name: str = ""
    expense_amount: Decimal | None = None
    expense_what_for: str = ""


def _check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise Refusal(_("The last day must be on or after the first day."), field="ends_on")


def _check_rewards(expenses_limit: Decimal, credit_minutes: int, credit_group) -> None:
    if expenses_limit < 0:
        raise Refusal(_("Expenses cannot be less than £0."), field="expenses_limit")
    if credit_minutes and credit_group is None:
        raise Refusal(
            _("Choose the group whose time account gives the time credits."), field="credit_group"
        )


@transaction.atomic
def programme_create(
    *,
    by,
    title: str,
    guide: str,
    starts_on: date,
    ends_on: date,
    services: list[Service],
    expenses_limit: Decimal = Decimal("0"),
    credit_minutes: int = 0,
    credit_group: Organisation | None = None,
) -> Programme:
    """A new programme, being set up, run by an officer. Add its questions, then open it."""
    permissions.check_run(by)
    _check_dates(starts_on, ends_on)
    _check_rewards(expenses_limit, credit_minutes, credit_group)
    programme = Programme.objects.create(
        title=title,
        guide=guide,
        starts_on=starts_on,
        ends_on=ends_on,
        owner=by,
        expenses_limit=expenses_limit,
        credit_minutes=credit_minutes,
        credit_group=credit_group if credit_minutes else None,
    )
    programme.services.set(services)
    audit_record(actor=by, action="shopping.programme_create", target=f"programme:{programme.pk}")
    return programme


@transaction.atomic
def programme_update(
    *,
    programme: Programme,
    by,
    title: str,
    guide: str,
    starts_on: date,
    ends_on: date,
    services: list[Service],
    expenses_limit: Decimal,
    credit_minutes: int,
    credit_group: Organisation | None,
) -> Programme:
    """Change a programme. A service that already has visits stays in it."""
    permissions.check_run(by)
    _check_dates(starts_on, ends_on)
    _check_rewards(expenses_limit, credit_minutes, credit_group)
    visited = set(programme.visits.values_list("service_id", flat=True))
    if not visited <= {service.pk for service in services}:
        raise Refusal(
            _("You cannot take away a service that shoppers have been asked to visit."),
            field="services",
        )
    programme.title, programme.guide = title, guide
    programme.starts_on, programme.ends_on = starts_on, ends_on
    programme.expenses_limit, programme.credit_minutes = expenses_limit, credit_minutes
    programme.credit_group = credit_group if credit_minutes else None
    programme.save()
    programme.services.set(services)
    return programme


@transaction.atomic
def programme_open(*, programme: Programme, by) -> Programme:
    """Open a programme so residents can sign up: it needs services and questions."""
    permissions.check_run(by)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.status != Programme.Status.DRAFT:
        raise Refusal(_("This programme is already open."))
    if not programme.services.exists():
        raise Refusal(_("Choose at least one service to visit or call."))
    if not programme.questions.exists():
        raise Refusal(_("Add at least one question before you open the programme."))
    programme.status = Programme.Status.OPEN
    programme.save(update_fields=["status", "updated_at"])
    audit_record(actor=by, action="shopping.programme_open", target=f"programme:{programme.pk}")
    return programme


@transaction.atomic
def programme_close(*, programme: Programme, by) -> int:
    """Finish a programme and send each visited service's results to the people who own it
    (its organisation's organisers). Returns how many people were told."""
    permissions.check_run(by)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.status != Programme.Status.OPEN:
        raise Refusal(_("Only a running programme can be finished."))
    programme.status = Programme.Status.CLOSED
    programme.save(update_fields=["status", "updated_at"])
    told = 0
    visited = ProgrammeService.objects.filter(
        programme=programme,
        service__shopping_visits__programme=programme,
        service__shopping_visits__recorded_at__isnull=False,
    ).distinct()
    for link in visited.select_related("service__organisation"):
        link.results_sent_at = timezone.now()
        link.save(update_fields=["results_sent_at"])
        service = link.service
        organisers = Membership.objects.filter(
            organisation=service.organisation, role=Membership.Role.ORGANISER
        ).select_related("user")
        for membership in organisers:
            notify(
                recipient=membership.user,
                kind=kinds.SHOPPING_RESULTS.slug,
                title=_("Mystery shopping results for %(service)s") % {"service": service.name},
                body=_("Please read them and say what you will do, and by when."),
                url=reverse(
                    "shopping:service_results",
                    kwargs={"pk": programme.pk, "service_pk": service.pk},
                ),
            )
            told += 1
    audit_record(actor=by, action="shopping.programme_close", target=f"programme:{programme.pk}")
    return told


@transaction.atomic
def question_add(
    *, programme: Programme, by, kind: str, text: str, easy_read_text: str, picture: str
) -> Question:
    permissions.check_run(by)
    if programme.visits.filter(recorded_at__isnull=False).exists():
        raise Refusal(_("Shoppers have already answered. You cannot add questions now."))
    last = programme.questions.order_by("-position").values_list("position", flat=True).first()
    return Question.objects.create(
        programme=programme,
        position=(last or 0) + 1,
        kind=kind,
        text=text,
        easy_read_text=easy_read_text,
        picture=picture,
    )


@transaction.atomic
def question_remove(*, question: Question, by) -> None:
    permissions.check_run(by)
    if question.answers.exists():
        raise Refusal(_("Shoppers have answered this question, so it stays."))
    question.delete()


def _supporter(kind: str, name: str) -> tuple[str, str]:
    name = name.strip()
    if kind and not name:
        raise Refusal(_("Enter the name of the person who helps you."), field="supporter_name")
    return kind, name if kind else ""


@transaction.atomic
def shopper_join(
    *,
    programme: Programme,
    person,
    agreed: bool,
    supporter_kind: str = "",
    supporter_name: str = "",
) -> Shopper:
    """The person signs themselves up, having agreed; their supporter, if any, is named."""
    if not agreed:
        raise Refusal(_("Tick the box to say you agree to take part."), field="agreed")
    if programme.status != Programme.Status.OPEN:
        raise Refusal(_("This programme is not taking shoppers now."))
    supporter_kind, supporter_name = _supporter(supporter_kind, supporter_name)
    shopper, _created = Shopper.objects.update_or_create(
        programme=programme,
        person=person,
        defaults={
            "agreed_at": timezone.now(),
            "supporter_kind": supporter_kind,
            "supporter_name": supporter_name,
            "has_left": False,
        },
    )
    return shopper


@transaction.atomic
def shopper_supporter_change(
    *, shopper: Shopper, by, supporter_kind: str, supporter_name: str
) -> Shopper:
    """The shopper says who helps them now (a new carer, or nobody). Visits already made
    keep who was recorded as helping then."""
    if by.pk != shopper.person_id or shopper.has_left:
        raise NotAllowed(_("Only the shopper can say who helps them."))
    shopper.supporter_kind, shopper.supporter_name = _supporter(supporter_kind, supporter_name)
    shopper.save(update_fields=["supporter_kind", "supporter_name", "updated_at"])
    return shopper


@transaction.atomic
def shopper_leave(*, shopper: Shopper, by) -> Shopper:
    """The shopper stops taking part. Visits they made stay in the results; due ones go."""
    if by.pk != shopper.person_id:
        raise NotAllowed(_("Only the shopper can say they want to stop."))
    shopper.has_left = True
    shopper.save(update_fields=["has_left", "updated_at"])
    shopper.visits.filter(recorded_at__isnull=True).delete()
    return shopper


@transaction.atomic
def visit_assign(
    *, programme: Programme, by, shopper: Shopper, service: Service, how: str, due_on: date
) -> Visit:
    """Ask a shopper to visit or call one of the programme's services by a date."""
    permissions.check_run(by)
    if programme.status != Programme.Status.OPEN:
        raise Refusal(_("Open the programme before you give out visits."))
    if shopper.programme_id != programme.pk or shopper.has_left:
        raise Refusal(_("Choose someone who has signed up to this programme."), field="shopper")
    if not programme.services.filter(pk=service.pk).exists():
        raise Refusal(_("Choose one of this programme's services."), field="service")
    if how not in Visit.How.values:
        raise Refusal(_("Choose a visit or a phone call."), field="how")
    visit = Visit.objects.create(
        programme=programme,
        shopper=shopper,
        service=service,
        how=how,
        due_on=due_on,
        assigned_by=by,
    )
    notify(
        recipient=shopper.person,
        kind=kinds.SHOPPING_VISIT.slug,
        title=_("A mystery shopping visit for you: %(service)s") % {"service": service.name},
        body=_("Please do it by %(day)s.") % {"day": due_on.strftime("%-d %B %Y")},
        url=reverse("shopping:visit", kwargs={"pk": visit.pk}),
    )
    return visit


def _clean_answers(programme: Programme, answers: dict[int, int | bool | str]) -> list[Answer]:
    rows = []
    for question in programme.questions.all():
        value = answers.get(question.pk)
        if value is None or value == "":
            raise Refusal(_("Answer every question."), field=f"q{question.pk}")
        answer = Answer(question=question)
        if question.kind == Question.Kind.SCALE:
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise Refusal(_("Choose a number from 1 to 5."), field=f"q{question.pk}")
            answer.number = value
        elif question.kind == Question.Kind.YES_NO:
            if not isinstance(value, bool):
                raise Refusal(_("Choose yes or no."), field=f"q{question.pk}")
            answer.yes = value
        else:
            answer.words = str(value).strip()
        rows.append(answer)
    return rows


@transaction.atomic
def visit_record(*, visit: Visit, by, found: Found, way: str) -> Visit:
    """Record what the shopper found, once. Online (standard or easy read) only the shopper
    does it; a paper form is typed in by an officer and kept as "from paper", by whom."""
    visit = (
        Visit.objects.select_for_update().select_related("programme", "shopper").get(pk=visit.pk)
    )
    programme = visit.programme
    if way == Visit.Way.PAPER:
        permissions.check_run(by)
    elif not permissions.is_shopper(by, visit):
        raise NotAllowed(_("Only the shopper can record this visit online."))
    if visit.is_done:
        raise Refusal(_("This visit has already been recorded."))
    if programme.status == Programme.Status.DRAFT:
        raise Refusal(_("This programme has not started yet."))
    if found.done_on > timezone.localdate():
        raise Refusal(_("The day of the visit must be today or in the past."), field="done_on")
    if found.with_supporter and not found.supporter_name.strip():
        raise Refusal(_("Enter the name of the person who helped."), field="supporter_name")
    rows = _clean_answers(programme, found.answers)
    if found.expense_amount:
        if not programme.pays_expenses:
            raise Refusal(_("This programme does not pay expenses."), field="expense_amount")
        if found.expense_amount > programme.expenses_limit:
            raise Refusal(
                _("You can claim up to £%(limit)s for one visit.")
                % {"limit": programme.expenses_limit},
                field="expense_amount",
            )
        if not found.expense_what_for.strip():
            raise Refusal(_("Say what the money was for."), field="expense_what_for")
    for answer in rows:
        answer.visit = visit
    Answer.objects.bulk_create(rows)
    visit.done_on = found.done_on
    visit.recorded_at = timezone.now()
    visit.way = way
    visit.entered_by = by if way == Visit.Way.PAPER else None
    visit.with_supporter = found.with_supporter
    visit.supporter_name = found.supporter_name.strip() if found.with_supporter else ""
    visit.save()
    if found.expense_amount:
        Expense.objects.create(
            visit=visit, amount=found.expense_amount, what_for=found.expense_what_for.strip()
        )
    return visit


@transaction.atomic
def expense_decide(*, expense: Expense, by, approve: bool) -> Expense:
    permissions.check_run(by)
    expense = (
        Expense.objects.select_for_update().select_related("visit__shopper").get(pk=expense.pk)
    )
    if expense.status != Expense.Status.CLAIMED:
        raise Refusal(_("This claim has already been decided."))
    if expense.visit.shopper.person_id == by.pk:
        raise NotAllowed(_("You cannot decide your own expenses. Ask another officer."))
    expense.status = Expense.Status.APPROVED if approve else Expense.Status.REFUSED
    expense.decided_by, expense.decided_at = by, timezone.now()
    expense.save()
    audit_record(
        actor=by,
        action="shopping.expense_approve" if approve else "shopping.expense_refuse",
        target=f"expense:{expense.pk}",
        detail={"amount": str(expense.amount)},
    )
    notify(
        recipient=expense.visit.shopper.person,
        kind=kinds.SHOPPING_VISIT.slug,
        title=(
            _("Your expenses of £%(amount)s are approved")
            if approve
            else _("Your expenses of £%(amount)s were not approved")
        )
        % {"amount": expense.amount},
        url=reverse("shopping:visit", kwargs={"pk": expense.visit_id}),
    )
    return expense
