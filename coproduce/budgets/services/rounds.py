"""Opening a round and changing it before proposals open."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal

from .. import permissions, stages, wording
from ..models import Round, RoundOwner

ROUND_FIELDS: frozenset[str] = frozenset(
    {
        "title",
        "purpose",
        "budget",
        "unit",
        "borough_wide",
        "who_may_propose",
        "who_may_vote",
        "most_a_proposal_may_cost",
        "ballot",
        "most_choices",
        "rule",
        "proposals_from",
        "proposals_until",
        "voting_from",
        "voting_until",
        "result_by",
    }
)
REQUIRED = ROUND_FIELDS - {"most_a_proposal_may_cost", "most_choices", "borough_wide"}


def _check(budget_round: Round, *, wards, owners) -> None:
    if not budget_round.title.strip():
        raise Refusal(_("Enter a title."), field="title")
    if not budget_round.purpose.strip():
        raise Refusal(_("Say what the support is for."), field="purpose")
    if not isinstance(budget_round.budget, int) or budget_round.budget <= 0:
        raise Refusal(_("Enter a budget of more than zero."), field="budget")
    choices = {
        "unit": Round._meta.get_field("unit").choices,
        "who_may_propose": Round.WhoMayPropose.choices,
        "who_may_vote": Round.WhoMayVote.choices,
        "ballot": Round.Ballot.choices,
        "rule": Round.Rule.choices,
    }
    for name, options in choices.items():
        if getattr(budget_round, name) not in {value for value, _label in options}:
            raise Refusal(_("Choose one of the options."), field=name)
    most_cost = budget_round.most_a_proposal_may_cost
    if most_cost is not None and not 0 < most_cost <= budget_round.budget:
        raise Refusal(
            _("The most a proposal may cost must be more than zero and no more than the budget."),
            field="most_a_proposal_may_cost",
        )
    if budget_round.ballot == Round.Ballot.FILL_BUDGET:
        budget_round.most_choices = None  # the budget is the limit
    elif budget_round.most_choices is not None and budget_round.most_choices < 1:
        raise Refusal(_("Let people choose at least one."), field="most_choices")
    for field, code in stages.date_problems(budget_round.dates):
        raise Refusal(wording.date_problem(code), field=field)
    if not budget_round.borough_wide and not wards:
        raise Refusal(_("Choose the wards it is for, or the whole borough."), field="wards")
    if not owners:
        raise Refusal(_("Name at least one officer who owns the round."), field="owners")
    if not all(permissions.runs_rounds(owner) for owner in owners):
        raise Refusal(_("Only council officers can own a round."), field="owners")


def _set_owners(budget_round: Round, owners) -> None:
    RoundOwner.objects.filter(budget_round=budget_round).exclude(user__in=owners).delete()
    for owner in owners:
        RoundOwner.objects.get_or_create(budget_round=budget_round, user=owner)


@transaction.atomic
def round_create(*, by, wards=(), owners=(), **fields) -> Round:
    """Open a round with its published parameters. Officers only."""
    if not permissions.runs_rounds(by):
        raise NotAllowed(_("Only council officers can open a round."))
    unknown = set(fields) - ROUND_FIELDS
    missing = REQUIRED - set(fields)
    if unknown or missing:
        raise ValueError(f"Unknown {sorted(unknown)} or missing {sorted(missing)} fields")
    wards, owners = list(wards), list(owners) or [by]
    budget_round = Round(created_by=by, **fields)
    _check(budget_round, wards=wards, owners=owners)
    if budget_round.proposals_from < timezone.localdate():
        raise Refusal(_("Proposals cannot open in the past."), field="proposals_from")
    budget_round.save()
    budget_round.wards.set([] if budget_round.borough_wide else wards)
    _set_owners(budget_round, owners)
    return budget_round


@transaction.atomic
def round_update(*, budget_round: Round, by, wards=(), owners=(), **changes) -> Round:
    """Change a round. Its parameters are published: once proposals open, nothing changes."""
    if not permissions.runs_rounds(by):
        raise NotAllowed(_("Only council officers can change a round."))
    budget_round = Round.objects.select_for_update().get(pk=budget_round.pk)
    if budget_round.parameters_fixed():
        raise Refusal(_("Proposals have opened, so this round can no longer change."))
    unknown = set(changes) - ROUND_FIELDS
    if unknown:
        raise ValueError(f"Unknown fields {sorted(unknown)}")
    for name, value in changes.items():
        setattr(budget_round, name, value)
    wards, owners = list(wards), list(owners) or [by]
    _check(budget_round, wards=wards, owners=owners)
    if budget_round.proposals_from < timezone.localdate():
        raise Refusal(_("Proposals cannot open in the past."), field="proposals_from")
    budget_round.save()
    budget_round.wards.set([] if budget_round.borough_wide else wards)
    _set_owners(budget_round, owners)
    return budget_round
