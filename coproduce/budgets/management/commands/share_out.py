"""``manage.py share_out --pabulib FILE [--json]``: count a Pabulib election by its own rule."""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from coproduce.budgets.pabulib import PabulibError, read
from coproduce.budgets.rules import Proposal, Rule, UnsupportedRule, share_out

BAD_INPUT = 2
# Pabulib vote types whose votes are lists of approved projects (choose-1: exactly one).
APPROVAL_TYPES = ("approval", "choose-1")
RULE_NAMES = {
    Rule.GREEDY: "greedy (most votes first, skipping what no longer fits)",
    Rule.EQUAL_SHARES: "the Method of Equal Shares, completed by raising shares one unit at a time",
}


class Command(BaseCommand):
    help = (
        "Share out the budget of a Pabulib election (.pb file) by the rule its META names "
        f"({', '.join(rule.value for rule in Rule)}) and print which projects are chosen. "
        "Exits 2 if the file is missing, empty or malformed, or names a rule we do not support."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pabulib", required=True, metavar="FILE", help="The Pabulib .pb file (UTF-8)."
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help='Print only {"selected": ["<project_id>", ...]}, in the order chosen.',
        )
        parser.add_argument(
            "--rule",
            choices=[rule.value for rule in Rule],
            help="Count by this rule instead of the one the file names.",
        )

    def handle(self, *args, pabulib, json: bool = False, rule=None, **options):
        started = time.perf_counter()
        try:
            election = read(pabulib)
        except PabulibError as problem:
            raise CommandError(f"{pabulib}: {problem}", returncode=BAD_INPUT) from problem
        rule_name = rule or election.rule
        supported = ", ".join(r.value for r in Rule)
        if not rule_name:
            raise CommandError(
                f"{pabulib}: META names no rule. Supported rules: {supported}. "
                "Use --rule to choose one.",
                returncode=BAD_INPUT,
            )
        vote_type = election.vote_type or "approval"
        if vote_type not in APPROVAL_TYPES:
            raise CommandError(
                f"{pabulib}: the votes are {vote_type!r}; only approval votes "
                f"({', '.join(APPROVAL_TYPES)}) can be counted.",
                returncode=BAD_INPUT,
            )
        try:
            outcome = share_out(
                proposals=[Proposal(p.id, p.cost) for p in election.projects],
                ballots=[vote.approved for vote in election.votes],
                budget=election.budget,
                rule=rule_name,
            )
        except UnsupportedRule as problem:
            raise CommandError(
                f"{pabulib}: the rule {problem.rule!r} is not supported. "
                f"Supported rules: {supported}.",
                returncode=BAD_INPUT,
            ) from problem
        if json:
            self.stdout.write(_json({"selected": outcome.selected}))
            return
        took = time.perf_counter() - started
        self.stdout.write(_summary(election, outcome, Rule(rule_name), took))


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False)


def _summary(election, outcome, rule, took: float) -> str:
    title = election.meta.get("description") or election.meta.get("unit") or "This election"
    chosen = len(outcome.selected)
    lines = [
        f"{title}: {len(election.votes):,} voters, {len(election.projects)} projects, "
        f"budget {election.budget:,}.",
        f"Counted by {RULE_NAMES[rule]}.",
        f"Chosen: {chosen} {'project' if chosen == 1 else 'projects'} costing "
        f"{outcome.spent:,}, leaving {outcome.budget - outcome.spent:,}"
        + (f": {', '.join(outcome.selected)}." if outcome.selected else "."),
    ]
    if outcome.share_per_voter is not None:
        lines.append(f"In the end each voter had a share of {outcome.share_per_voter:,.2f}.")
    official = election.official
    if official is not None:
        if set(official) == set(outcome.selected):
            lines.append("This is the same as the official result.")
        else:
            missing = sorted(set(official) - set(outcome.selected))
            extra = sorted(set(outcome.selected) - set(official))
            lines.append(
                "This is not the official result: "
                f"officially chosen but not here: {', '.join(missing) or 'none'}; "
                f"chosen here but not officially: {', '.join(extra) or 'none'}."
            )
    lines.append(f"Took {took:.2f}s.")
    return "\n".join(lines)
