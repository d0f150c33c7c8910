"""The words for what a place has. Fixed lists, so filters and exports use the same terms."""

from django.utils.translation import gettext_lazy as _

FACILITIES: dict[str, str] = {
    "kitchen": _("Kitchen"),
    "toilets": _("Toilets"),
    "baby_changing": _("Baby changing"),
    "wifi": _("Wi-Fi"),
    "parking": _("Parking"),
    "bike_parking": _("Bike parking"),
    "meeting_room": _("Meeting room"),
    "main_hall": _("Main hall"),
    "stage": _("Stage"),
    "projector": _("Projector or screen"),
    "sound_system": _("Sound system"),
    "computers": _("Computers people can use"),
    "storage": _("Storage"),
    "garden": _("Garden or growing space"),
    "play_area": _("Children's play area"),
    "sports_pitch": _("Sports pitch or court"),
    "outdoor_seating": _("Outdoor seating"),
}

ACCESSIBILITY: dict[str, str] = {
    "step_free_entrance": _("Step-free entrance"),
    "lift": _("Lift to all floors"),
    "accessible_toilet": _("Accessible toilet"),
    "changing_places": _("Changing Places toilet"),
    "hearing_loop": _("Hearing loop"),
    "accessible_parking": _("Blue Badge parking"),
    "level_paths": _("Level paths"),
    "seating": _("Places to sit and rest"),
    "quiet_space": _("Quiet space"),
    "assistance_dogs": _("Assistance dogs welcome"),
    "large_print": _("Large print or Braille signs"),
}


def unknown_terms(values: list[str], vocabulary: dict[str, str]) -> list[str]:
    return [value for value in values if value not in vocabulary]


def labels(values: list[str], vocabulary: dict[str, str]) -> list[str]:
    return [str(vocabulary[value]) for value in values if value in vocabulary]
