"""Plain words for amounts, ballot problems, date problems and why a proposal won or lost.

The rules (coproduce.budgets.rules) and the pure checks answer with codes and numbers; this
module turns them into short sentences for reading age 9.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import ballot_rules, stages
from .models import Unit


def _number(value: int | float) -> str:
    # British grouping (12,400), by Python's own formatting: a results page words hundreds of
    # amounts, and Django's number_format costs ten times as much for the same text.
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def amount(value: int | float | None, unit: str) -> str:
    """An amount in a round's unit: "£12,400", "£683.67", "40 officer hours", "1 room hour"."""
    if value is None:
        return ""
    if unit == Unit.POUNDS:
        return "£" + _number(value)
    shown = _number(value)
    if unit == Unit.OFFICER_HOURS:
        return ngettext("%(n)s officer hour", "%(n)s officer hours", value) % {"n": shown}
    return ngettext("%(n)s room hour", "%(n)s room hours", value) % {"n": shown}


def ballot_problem(problem: ballot_rules.Problem, unit: str) -> str:
    if problem.code == ballot_rules.NOTHING_CHOSEN:
        return _("Choose at least one proposal.")
    if problem.code == ballot_rules.TOO_MANY:
        return _("You chose %(chosen)s. You can choose up to %(allowed)s.") % {
            "chosen": problem.chosen,
            "allowed": problem.allowed,
        }
    if problem.code == ballot_rules.OVER_BUDGET:
        return _("These add up to %(total)s. The budget is %(budget)s.") % {
            "total": amount(problem.chosen, unit),
            "budget": amount(problem.allowed, unit),
        }
    return _("Choose only from the proposals on this page.")


DATE_PROBLEMS = {
    stages.PROPOSALS_END_BEFORE_START: lambda: _("Proposals cannot close before they open."),
    stages.VOTING_BEFORE_CHECKING: lambda: _(
        "Voting must open after proposals close, to leave time to check them."
    ),
    stages.VOTING_ENDS_BEFORE_START: lambda: _("Voting cannot close before it opens."),
    stages.RESULT_BEFORE_VOTING_ENDS: lambda: _("The result cannot be due before voting closes."),
}


def date_problem(code: str) -> str:
    return DATE_PROBLEMS[code]()


def _people(n: int) -> str:
    return ngettext("%(n)s person voted for it", "%(n)s people voted for it", n) % {"n": _number(n)}


def explain(*, selected: bool, reason: str, votes: int, detail: dict, unit: str) -> str:
    """Why a proposal was chosen or not, in a sentence or two, from its Verdict."""
    cost = amount(detail.get("cost"), unit)
    people = _people(votes)
    if reason == "won":
        if "share" in detail:  # equal shares
            return _(
                "Chosen: %(people)s and it cost %(cost)s. Each voter had an equal share of "
                "%(share)s, and its supporters could pay for it together from their shares."
            ) % {"people": people, "cost": cost, "share": amount(detail["share"], unit)}
        return _("Chosen: %(people)s and it cost %(cost)s, which fitted in what was left.") % {
            "people": people,
            "cost": cost,
        }
    if reason == "no_votes":
        return _("Not chosen: nobody voted for it.")
    if reason == "costs_more_than_budget":
        return _("Not chosen: it costs %(cost)s, which is more than the whole budget.") % {
            "cost": cost
        }
    if reason == "not_enough_left":
        return _("Not chosen: when its turn came only %(left)s was left and it costs %(cost)s.") % {
            "left": amount(detail.get("left_before", 0), unit),
            "cost": cost,
        }
    if reason == "too_few_supporters_money":
        return _(
            "Not chosen: %(people)s, but by the end their shares came to only %(money)s "
            "together, and it costs %(cost)s. Proposals with wider support for their cost "
            "were chosen first."
        ) % {
            "people": people,
            "money": amount(detail.get("supporters_money", 0), unit),
            "cost": cost,
        }
    if selected:
        return _("Chosen: %(people)s.") % {"people": people}
    return _("Not chosen: %(people)s.") % {"people": people}


RULE_EXPLAINED = {
    "greedy": lambda: _(
        "Most votes first. The proposal with the most votes is chosen first, then the next, "
        "and so on. A proposal that costs more than what is left is skipped, and the next one "
        "is tried."
    ),
    "equalshares/add1": lambda: _(
        "Equal shares. The budget is split equally between everyone who votes. A proposal is "
        "chosen when the people who voted for it can pay for it together from their shares. "
        "Proposals that many people want, for their cost, go first. This way, groups of "
        "people who want different things each get something. When no more can be paid "
        "for, everyone's share goes up a little. Then the count runs again, as long as the "
        "result still fits the budget."
    ),
}


def rule_explained(rule: str) -> str:
    return RULE_EXPLAINED[rule]()
