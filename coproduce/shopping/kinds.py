"""The notification kinds mystery shopping sends. Registered in ShoppingConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

SHOPPING_VISIT = Kind(
    slug="shopping_visit",
    label=_("Your mystery shopping visits"),
    description=_(
        "When you are asked to make a visit or a call, and when your expenses are decided."
    ),
    default=Frequency.IMMEDIATELY,
)
SHOPPING_RESULTS = Kind(
    slug="shopping_results",
    label=_("Mystery shopping results for your services"),
    description=_("When mystery shoppers' results for a service you run are ready."),
    default=Frequency.IMMEDIATELY,
)
