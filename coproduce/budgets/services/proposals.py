"""Proposals: made while proposals are open, checked by officers with a public reason."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify
from coproduce.projects.themes import Theme

from .. import kinds, permissions, wording
from ..models import Proposal, Round
from ..stages import Stage


@transaction.atomic
def proposal_submit(
    *,
    budget_round: Round,
    by,
    title: str,
    description: str,
    theme: str,
    cost: int,
    ward=None,
    organisation=None,
) -> Proposal:
    """Make a proposal, for yourself or for a group you organise, as the round allows."""
    if not permissions.signed_in(by):
        raise NotAllowed(_("Sign in to make a proposal."))
    if budget_round.stage_on() is not Stage.PROPOSING:
        raise Refusal(_("This round is not taking proposals now."))
    if organisation is None:
        if not permissions.may_propose_as_resident(by, budget_round):
            raise NotAllowed(_("This round does not take proposals from you."))
    elif not permissions.may_propose_for_group(by, budget_round, organisation):
        raise NotAllowed(_("You can only propose for a group you organise, based in the area."))
    title, description = title.strip(), description.strip()
    if not title:
        raise Refusal(_("Enter a title."), field="title")
    if not description:
        raise Refusal(_("Say what it is and who it helps."), field="description")
    if theme not in Theme.values:
        raise Refusal(_("Choose a theme."), field="theme")
    if isinstance(cost, bool) or not isinstance(cost, int) or cost <= 0:
        raise Refusal(_("Enter a cost of more than zero."), field="cost")
    most = budget_round.most_a_proposal_may_cost or budget_round.budget
    if cost > most:
        raise Refusal(
            _("It costs %(cost)s. A proposal can cost up to %(most)s.")
            % {
                "cost": wording.amount(cost, budget_round.unit),
                "most": wording.amount(most, budget_round.unit),
            },
            field="cost",
        )
    if ward is not None and not permissions.in_area(budget_round, ward.pk):
        raise Refusal(_("Choose one of the round's wards."), field="ward")
    if ward is None and not budget_round.borough_wide:
        raise Refusal(_("Choose the ward it is in."), field="ward")
    return Proposal.objects.create(
        budget_round=budget_round,
        title=title,
        description=description,
        theme=theme,
        cost=cost,
        ward=ward,
        proposer=by,
        organisation=organisation,
    )


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, by) -> Proposal:
    """The proposer (or an organiser of its group) takes it back, before voting opens."""
    proposal = (
        Proposal.objects.select_for_update().select_related("budget_round").get(pk=proposal.pk)
    )
    if not permissions.may_withdraw(by, proposal):
        raise NotAllowed(_("Only the person who made a proposal can withdraw it."))
    if proposal.budget_round.stage_on() not in (Stage.PROPOSING, Stage.CHECKING):
        raise Refusal(_("Proposals can only be withdrawn before voting opens."))
    if proposal.status == Proposal.Status.WITHDRAWN:
        return proposal
    proposal.status = Proposal.Status.WITHDRAWN
    proposal.save(update_fields=["status", "updated_at"])
    return proposal


@transaction.atomic
def proposal_check(*, proposal: Proposal, by, eligible: bool, reason: str) -> Proposal:
    """An officer says whether people can vote for a proposal, with a reason everyone can read.

    Allowed until voting opens (a decision can be changed until then). The proposer is told.
    """
    if not permissions.runs_rounds(by):
        raise NotAllowed(_("Only council officers can check proposals."))
    proposal = (
        Proposal.objects.select_for_update().select_related("budget_round").get(pk=proposal.pk)
    )
    if proposal.status == Proposal.Status.WITHDRAWN:
        raise Refusal(_("This proposal was withdrawn."))
    if proposal.budget_round.stage_on() not in (Stage.PROPOSING, Stage.CHECKING):
        raise Refusal(_("Voting has opened, so proposals can no longer be checked."))
    reason = reason.strip()
    if not eligible and not reason:
        raise Refusal(
            _("Say why people cannot vote for it. Everyone will see this."), field="reason"
        )
    proposal.status = Proposal.Status.ELIGIBLE if eligible else Proposal.Status.NOT_ELIGIBLE
    proposal.reason = reason
    proposal.checked_by = by
    proposal.checked_at = timezone.now()
    proposal.save(update_fields=["status", "reason", "checked_by", "checked_at", "updated_at"])
    if proposal.proposer is not None and proposal.proposer.is_active:
        # rate limit: proposal_check (counted in the view)
        notify(
            recipient=proposal.proposer,
            kind=kinds.PROPOSAL_CHECKED.slug,
            title=(
                _("People can vote for %(title)s")
                if eligible
                else _("People cannot vote for %(title)s")
            )
            % {"title": proposal.title},
            body=reason,
            url=reverse("budgets:proposal_detail", args=[proposal.pk]),
        )
    return proposal
