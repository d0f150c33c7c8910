"""Every write to profiles goes through here."""

from typing import Any, Final

from django.db import transaction

from coproduce.places.models import Street, Ward

from . import privacy
from .models import Profile


class _Unchanged:
    """Marks an argument that was not given, so None can still mean "clear this"."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Final = _Unchanged()


class StreetNotInWard(ValueError):
    pass


@transaction.atomic
def profile_create(
    *,
    user,
    ward: Ward | None = None,
    street: Street | None = None,
    what_i_can_do: str = "",
    what_i_care_about: str = "",
    what_i_would_like_to_do: str = "",
) -> Profile:
    """Give a person a profile. A street given without a ward puts them in its ward."""
    ward = _ward_for(ward=ward, street=street)
    return Profile.objects.create(
        user=user,
        ward=ward,
        street=street,
        what_i_can_do=what_i_can_do.strip(),
        what_i_care_about=what_i_care_about.strip(),
        what_i_would_like_to_do=what_i_would_like_to_do.strip(),
    )


@transaction.atomic
def profile_update(
    *,
    profile: Profile,
    ward: Ward | _Unchanged | None = UNCHANGED,
    street: Street | _Unchanged | None = UNCHANGED,
    what_i_can_do: str | _Unchanged = UNCHANGED,
    what_i_care_about: str | _Unchanged = UNCHANGED,
    what_i_would_like_to_do: str | _Unchanged = UNCHANGED,
) -> Profile:
    """Change only the fields given; None clears the ward or street.

    Guarantees the street, if any, lies in the profile's ward: a new street moves the
    profile to the street's ward, and a new ward clears a street that is not in it.
    Raises StreetNotInWard if both are given and disagree.
    """
    changed: set[str] = set()
    for name, value in [
        ("what_i_can_do", what_i_can_do),
        ("what_i_care_about", what_i_care_about),
        ("what_i_would_like_to_do", what_i_would_like_to_do),
    ]:
        if isinstance(value, str):
            setattr(profile, name, value.strip())
            changed.add(name)
    if not isinstance(street, _Unchanged):
        profile.street = street
        changed.add("street")
        if street is not None and isinstance(ward, _Unchanged):
            profile.ward = street.ward
    if not isinstance(ward, _Unchanged):
        moving_away = profile.street is not None and (
            ward is None or profile.street.ward_id != ward.pk
        )
        if isinstance(street, _Unchanged) and moving_away:
            # A new ward without a new street: the old street is not where they live now.
            profile.street = None
        profile.ward = ward
        changed.add("ward")
    if changed & {"street", "ward"}:
        profile.ward = _ward_for(ward=profile.ward, street=profile.street)
        changed |= {"street", "ward"}
    if changed:
        profile.save(update_fields=[*sorted(changed), "updated_at"])
    return profile


def _ward_for(*, ward: Ward | None, street: Street | None) -> Ward | None:
    if street is None:
        return ward
    if ward is not None and street.ward_id != ward.pk:
        raise StreetNotInWard(f"{street} is not in {ward}")
    return street.ward


# The fields a person edits on their profile page, besides ward and street.
EDITABLE_DETAILS: frozenset[str] = frozenset(
    {
        "what_i_can_do",
        "what_i_care_about",
        "what_i_would_like_to_do",
        "languages",
        "available_days",
        "available_times",
        "hours_per_month",
        "travel",
        "access_needs",
        "open_to_invitations",
        "show_on_map",
        *(f"visibility_{part}" for part in privacy.PARTS),
    }
)


@transaction.atomic
def profile_edit(
    *,
    user,
    ward: Ward | None,
    street: Street | None,
    details: dict[str, Any],
) -> Profile:
    """Save what a person says about themselves, creating their profile the first time.

    Refuses unknown fields and visibilities a part may not have (access needs are never
    public), so a crafted form cannot widen what others see.
    """
    unknown = set(details) - EDITABLE_DETAILS
    if unknown:
        raise ValueError(f"These fields cannot be edited: {', '.join(sorted(unknown))}")
    for part in privacy.PARTS:
        level = details.get(f"visibility_{part}")
        if level is not None and privacy.Visibility(level) not in privacy.allowed_choices(part):
            raise ValueError(f"{part} cannot be shown to {level}")
    profile = Profile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        profile = profile_create(user=user, ward=ward, street=street)
    else:
        profile_update(profile=profile, ward=ward, street=street)
    for name, value in details.items():
        setattr(profile, name, value.strip() if isinstance(value, str) else value)
    profile.save()
    return profile
