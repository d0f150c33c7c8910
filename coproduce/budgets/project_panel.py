"""The round a project was chosen in, as a section of the project's own page.

Registered with common.panels from BudgetsConfig.ready(): projects cannot import budgets,
which is built on them. The proposal links to its project; this links back."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from coproduce.common.panels import shown_if

from . import wording
from .models import Proposal


def _proposals_of(project):
    return Proposal.objects.filter(project=project)


@shown_if(_proposals_of)
def proposal_panel(project, request: HttpRequest) -> SafeString | str:
    """Which round chose this project, with how many votes and what it was given; "" if none."""
    proposal = _proposals_of(project).select_related("budget_round", "budget_round__result").first()
    if proposal is None:
        return ""
    line = proposal.result_lines.first()
    return render_to_string(
        "budgets/_project_panel.html",
        {
            "proposal": proposal,
            "round": proposal.budget_round,
            "votes": line.votes if line else None,
            "amount": wording.amount(proposal.cost, proposal.budget_round.unit),
        },
        request=request,
    )
