"""Access support an event can offer, and people can ask for. A fixed list, so organisers
can plan for each one and the event page can say plainly what is on offer."""

from django.utils.translation import gettext_lazy as _

PROVISIONS: dict[str, str] = {
    "creche": _("Crèche"),
    "bsl": _("British Sign Language (BSL) interpreter"),
    "step_free": _("Step-free access"),
    "hearing_loop": _("Hearing loop"),
    "quiet_room": _("Quiet room"),
    "large_print": _("Large print papers"),
    "dietary": _("Food for a special diet"),
}


def labels(values: list[str]) -> list[str]:
    return [str(PROVISIONS[value]) for value in values if value in PROVISIONS]


def unknown(values: list[str]) -> list[str]:
    return [value for value in values if value not in PROVISIONS]
