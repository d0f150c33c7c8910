"""Residents: a verified account each and a profile in their own words, in bulk.

Speed matters (100,000 people on two cores in minutes): rows go in with bulk_create in
chunks, so memory stays flat, and bypass the one-at-a-time services on purpose.
"""

import itertools
import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.people.models import Profile
from coproduce.skills.models import PersonSkill, Skill

from .. import voices
from ..context import BATCH_SIZE, DEMO_EMAIL_DOMAIN, DemoContext
from ..names import FIRST_NAMES, LAST_INITIALS

CHUNK = 5_000
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
TIMES = ["morning", "afternoon", "evening"]
TRAVEL = ["street", "ward", "nearby", "borough", "online"]
PICKED_SKILLS_SHARE = 0.5  # the rest have not yet ticked the skills in their own words
_OPEN = (["public", "members", "organisers", "only_me"], [25, 40, 20, 15])
PRIVACY_CHOICES = {
    "identity": (["public", "members", "only_me"], [25, 70, 5]),
    "skills": _OPEN,
    "passions": _OPEN,
    "ambitions": _OPEN,
    "languages": _OPEN,
    "availability": (["members", "organisers", "only_me"], [20, 50, 30]),
    "access_needs": (["organisers", "only_me"], [40, 60]),
}
EMAIL_PREFIX = "resident-"
SKILLS_PER_PERSON = ([1, 2, 3], [50, 35, 15])


def email_for(number: int) -> str:
    return f"{EMAIL_PREFIX}{number:06d}@{DEMO_EMAIL_DOMAIN}"


def build(ctx: DemoContext) -> None:
    rng = ctx.random("people")
    # Privacy choices and picked skills draw from their own stream, so the people and their
    # words stay the same as before these choices were added.
    choices_rng = ctx.random("people-choices")
    skill_ids = {skill.name.lower(): skill.pk for skill in Skill.objects.all()}
    # One unusable password for everyone: hashing per person would take hours.
    password = make_password(None)
    group_id = Group.objects.get(name=Role.RESIDENT).pk
    membership = User.groups.through
    # More streets, more people: wards are picked in proportion to their streets.
    streets_by_ward = {
        ward.pk: [s for s in ctx.streets if s.ward_id == ward.pk] for ward in ctx.wards
    }
    cum_weights = list(itertools.accumulate(len(streets_by_ward[w.pk]) or 1 for w in ctx.wards))
    total = ctx.size.people
    with ctx.progress(total=total, desc="People") as bar:
        for start in range(0, total, CHUNK):
            people = [
                _person(ctx, rng, number, password, streets_by_ward, cum_weights)
                for number in range(start + 1, min(total, start + CHUNK) + 1)
            ]
            profiles = [profile for profile, _skills in people]
            for profile in profiles:
                _choose_privacy(choices_rng, profile)
            users = User.objects.bulk_create([p.user for p in profiles], batch_size=BATCH_SIZE)
            Profile.objects.bulk_create(profiles, batch_size=BATCH_SIZE)
            PersonSkill.objects.bulk_create(
                [
                    PersonSkill(profile=profile, skill_id=skill_ids[skill.lower()])
                    for profile, skills in people
                    if profile.what_i_can_do and choices_rng.random() < PICKED_SKILLS_SHARE
                    for skill in skills
                ],
                batch_size=BATCH_SIZE,
            )
            membership.objects.bulk_create(
                [membership(user_id=u.pk, group_id=group_id) for u in users],
                batch_size=BATCH_SIZE,
            )
            bar.update(len(profiles))
    ctx.counts["people"] = total


def clear() -> None:
    people = User.objects.filter(
        email__startswith=EMAIL_PREFIX, email__endswith=f"@{DEMO_EMAIL_DOMAIN}"
    )
    # Delete the big dependants in one statement each, so the cascade has little to walk.
    PersonSkill.objects.filter(profile__user__in=people).delete()
    Profile.objects.filter(user__in=people).delete()
    User.groups.through.objects.filter(user__in=people).delete()
    people.delete()


def demo_residents() -> list[tuple[int, int | None]]:
    """(user id, ward id) of every active demo resident, in a fixed order (by user id).

    The parts after this one (groups, time bank, sharing) draw their people from here, so
    they all see the same residents in the same order, which keeps a seed's borough the same.
    """
    return list(
        Profile.objects.filter(
            user__email__startswith=EMAIL_PREFIX,
            user__email__endswith=f"@{DEMO_EMAIL_DOMAIN}",
            user__is_active=True,
        )
        .order_by("user_id")
        .values_list("user_id", "ward_id")
    )


def _person(
    ctx: DemoContext,
    rng: random.Random,
    number: int,
    password: str,
    streets_by_ward: dict,
    cum_weights: list[int],
) -> tuple[Profile, list[str]]:
    joined = ctx.now - timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
    user = User(
        email=email_for(number),
        display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_INITIALS)}.",
        password=password,
        date_joined=joined,
        email_verified_at=joined + timedelta(minutes=rng.randrange(2, 600)),
    )
    ward = street = None
    if rng.random() >= 0.04:  # a few have not said where they live
        ward = rng.choices(ctx.wards, cum_weights=cum_weights)[0]
        streets = streets_by_ward[ward.pk]
        if streets and rng.random() < 0.9:
            street = rng.choice(streets)
    skills = rng.sample(voices.SKILLS, rng.choices(*SKILLS_PER_PERSON)[0])
    profile = Profile(
        user=user,
        ward=ward,
        street=street,
        what_i_can_do=voices.can_do(rng, skills) if rng.random() >= 0.08 else "",
        what_i_care_about=voices.care_about(rng) if rng.random() >= 0.15 else "",
        what_i_would_like_to_do=voices.would_like(rng) if rng.random() >= 0.25 else "",
    )
    return profile, skills


def _choose_privacy(rng: random.Random, profile: Profile) -> None:
    """What people chose to share: most share a little with members, some share more."""
    profile.show_on_map = profile.ward is not None and rng.random() < 0.6
    profile.open_to_invitations = rng.random() < 0.5
    for part, (levels, weights) in PRIVACY_CHOICES.items():
        setattr(profile, f"visibility_{part}", rng.choices(levels, weights=weights)[0])
    if rng.random() < 0.7:  # most say when they are free
        profile.available_days = sorted(rng.sample(DAYS, rng.randint(1, 4)), key=DAYS.index)
        profile.available_times = sorted(rng.sample(TIMES, rng.randint(1, 2)), key=TIMES.index)
        profile.hours_per_month = rng.choice([2, 4, 4, 6, 8, 10, 12, 20])
        profile.travel = rng.choices(TRAVEL, weights=[10, 35, 30, 20, 5])[0]
