from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimebankConfig(AppConfig):
    name = "coproduce.timebank"
    label = "timebank"
    verbose_name = _("Time bank")

    def ready(self) -> None:
        from coproduce.notifications import kinds

        kinds.register(
            kinds.Kind(
                slug="timebank_confirm",
                label=_("Time to confirm"),
                description=_("When someone asks you to confirm time they gave or got."),
                default=kinds.Frequency.IMMEDIATELY,
            )
        )
        kinds.register(
            kinds.Kind(
                slug="timebank",
                label=_("Time bank"),
                description=_("Time confirmed, declined or recorded in your time bank account."),
                default=kinds.Frequency.DAILY,
            )
        )
        kinds.register(
            kinds.Kind(
                slug="buddying",
                label=_("Buddying"),
                description=_("Offers to buddy, approvals, and pairings that end."),
                default=kinds.Frequency.IMMEDIATELY,
            )
        )
