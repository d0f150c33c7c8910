"""Sharing out support: rounds, proposals, ballots and results.

A round's parameters (its budget, area, who may propose and vote, the ballot and the rule)
are published from the start and cannot change once proposals open; the services enforce it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.groups.models import Organisation
from coproduce.places.models import Ward
from coproduce.projects.themes import Theme

from .ballot_rules import BallotKind
from .stages import Dates, Stage, stage_on


class Unit(models.TextChoices):
    POUNDS = "pounds", _("pounds")
    OFFICER_HOURS = "officer_hours", _("officer hours")
    ROOM_HOURS = "room_hours", _("room hours")


class Round(TimeStampedModel):
    """One round of sharing out support, with its rules published before it starts."""

    class WhoMayPropose(models.TextChoices):
        AREA = "area", _("People who live in the area, and groups based there")
        ANYONE = "anyone", _("Anyone with an account")
        GROUPS = "groups", _("Only groups, through their organisers")

    class WhoMayVote(models.TextChoices):
        AREA = "area", _("People who live in the area")
        ANYONE = "anyone", _("Anyone with an account")

    class Ballot(models.TextChoices):
        APPROVAL = BallotKind.APPROVAL.value, _("Choose the proposals you support")
        FILL_BUDGET = BallotKind.FILL_BUDGET.value, _("Fill the budget")

    class Rule(models.TextChoices):
        # The values are those of coproduce.budgets.rules.Rule.
        GREEDY = "greedy", _("Most votes first")
        EQUAL_SHARES = "equalshares/add1", _("Equal shares")

    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("what the support is for"))
    budget = models.PositiveIntegerField(_("budget"))
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, default=Unit.POUNDS)
    borough_wide = models.BooleanField(_("for the whole borough"), default=False)
    wards = models.ManyToManyField(Ward, blank=True, related_name="budget_rounds")
    who_may_propose = models.CharField(
        _("who may propose"), max_length=10, choices=WhoMayPropose.choices
    )
    who_may_vote = models.CharField(_("who may vote"), max_length=10, choices=WhoMayVote.choices)
    most_a_proposal_may_cost = models.PositiveIntegerField(
        _("the most a proposal may cost"), null=True, blank=True
    )
    ballot = models.CharField(_("ballot"), max_length=20, choices=Ballot.choices)
    most_choices = models.PositiveSmallIntegerField(
        _("the most proposals a person may choose"), null=True, blank=True
    )
    rule = models.CharField(_("rule"), max_length=30, choices=Rule.choices)
    proposals_from = models.DateField(_("proposals open"))
    proposals_until = models.DateField(_("proposals close"))
    voting_from = models.DateField(_("voting opens"))
    voting_until = models.DateField(_("voting closes"))
    result_by = models.DateField(_("result by"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-voting_until", "-pk"]
        permissions = [
            ("run_rounds", _("Can open rounds, check proposals and work out results")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposals_until__gte=models.F("proposals_from"))
                & Q(voting_from__gt=models.F("proposals_until"))
                & Q(voting_until__gte=models.F("voting_from"))
                & Q(result_by__gte=models.F("voting_until")),
                name="budgets_round_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def dates(self) -> Dates:
        return Dates(
            self.proposals_from,
            self.proposals_until,
            self.voting_from,
            self.voting_until,
            self.result_by,
        )

    def stage_on(self, day=None, *, decided: bool | None = None) -> Stage:
        """The stage today (or on `day`). `decided` saves a query when the caller knows."""
        if decided is None:
            decided = Result.objects.filter(budget_round=self).exists()
        return stage_on(day or timezone.localdate(), self.dates, decided=decided)

    def parameters_fixed(self, day=None) -> bool:
        """Parameters cannot change once proposals open."""
        return (day or timezone.localdate()) >= self.proposals_from


class RoundOwner(models.Model):
    """An officer named as an owner of a round: who answers for it."""

    budget_round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="owners")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="budget_rounds_owned"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["budget_round", "user"], name="budgets_owner_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} owns {self.budget_round_id}"


class Proposal(TimeStampedModel):
    """A proposal for a round, from a resident or from a group through one of its organisers."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting to be checked")
        ELIGIBLE = "eligible", _("Can be voted for")
        NOT_ELIGIBLE = "not_eligible", _("Cannot be voted for")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    budget_round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("what it is and who it helps"))
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    cost = models.PositiveIntegerField(_("cost"))
    ward = models.ForeignKey(
        Ward, on_delete=models.PROTECT, null=True, blank=True, related_name="budget_proposals"
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_proposals",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_proposals",
        verbose_name=_("group"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    reason = models.TextField(_("reason given"), blank=True)  # public
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_proposals_checked",
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    # The project it became, when it was chosen. The project's page links back here.
    project = models.OneToOneField(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_proposal",
    )

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["budget_round", "status"], name="budgets_proposal_status")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="not_eligible") | ~Q(reason=""),
                name="budgets_not_eligible_has_reason",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Ballot(TimeStampedModel):
    """One person's votes in one round. Changing it replaces its choices: the last one counts.

    The voter is cleared when they close their account; the ballot still counts."""

    budget_round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_ballots",
    )
    proposals = models.ManyToManyField(Proposal, through="BallotChoice", related_name="+")

    class Meta:
        ordering = ["pk"]
        constraints = [
            # One ballot per person per round, whatever the timing of their requests.
            models.UniqueConstraint(fields=["budget_round", "voter"], name="budgets_ballot_once")
        ]

    def __str__(self) -> str:
        return f"Ballot {self.pk} in {self.budget_round_id}"


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="choices")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "proposal"], name="budgets_choice_once")
        ]

    def __str__(self) -> str:
        return f"{self.ballot_id} chose {self.proposal_id}"


class Result(models.Model):
    """The outcome of a round, worked out once, when voting has closed."""

    budget_round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="result")
    rule = models.CharField(max_length=30, choices=Round.Rule.choices)
    budget = models.PositiveIntegerField()
    spent = models.PositiveIntegerField()
    voters = models.PositiveIntegerField()
    share_per_voter = models.FloatField(null=True, blank=True)  # equal shares only
    worked_out_at = models.DateTimeField(default=timezone.now)
    worked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    def __str__(self) -> str:
        return f"Result of {self.budget_round_id}"


class ResultLine(models.Model):
    """How one proposal fared: its votes, whether it was chosen, and why (a rules reason code
    with the numbers the explanation needs)."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="lines")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="result_lines")
    votes = models.PositiveIntegerField()
    selected = models.BooleanField()
    chosen_order = models.PositiveIntegerField(null=True, blank=True)  # 1 = chosen first
    reason = models.CharField(max_length=40)
    detail = models.JSONField(default=dict)

    class Meta:
        ordering = ["-votes", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["result", "proposal"], name="budgets_line_once")
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.votes}"
