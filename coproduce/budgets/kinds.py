"""The notification kinds sharing out support sends. Registered in BudgetsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

PROPOSAL_CHECKED = Kind(
    slug="budgets_proposal_checked",
    label=_("Your proposal has been checked"),
    description=_("When an officer says whether people can vote for a proposal you made."),
    default=Frequency.IMMEDIATELY,
)

ALL = (PROPOSAL_CHECKED,)
