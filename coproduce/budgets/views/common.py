"""What the pages of sharing out support share: finding rows, and the words for stages."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..models import Proposal, Round
from ..stages import Stage

STAGE_WORDS = {
    Stage.COMING: _("Starting soon"),
    Stage.PROPOSING: _("Taking proposals"),
    Stage.CHECKING: _("Checking proposals"),
    Stage.VOTING: _("Voting open"),
    Stage.COUNTING: _("Voting closed"),
    Stage.DECIDED: _("Result out"),
}
STAGE_TAGS = {
    Stage.COMING: "govuk-tag--grey",
    Stage.PROPOSING: "govuk-tag--blue",
    Stage.CHECKING: "govuk-tag--purple",
    Stage.VOTING: "govuk-tag--green",
    Stage.COUNTING: "govuk-tag--yellow",
    Stage.DECIDED: "govuk-tag--turquoise",
}


def get_round(pk: int) -> Round:
    budget_round = selectors.round_detail(pk)
    if budget_round is None:
        raise Http404
    return budget_round


def get_proposal(pk: int) -> Proposal:
    proposal = selectors.proposal_detail(pk)
    if proposal is None:
        raise Http404
    return proposal


def stage_context(budget_round: Round) -> dict:
    stage = budget_round.stage_on(decided=getattr(budget_round, "decided", None))
    return {"stage": stage, "stage_words": STAGE_WORDS[stage], "stage_tag": STAGE_TAGS[stage]}
