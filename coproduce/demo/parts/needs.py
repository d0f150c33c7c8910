"""Two open needs posted by the demo organiser, so "Find people" has something to show."""

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.projects.models import Need
from coproduce.skills.models import Skill

from ..context import DemoContext, forget, remembered
from .accounts import email_for

NEEDS = [
    {
        "title": "Help run Saturday growing sessions at the community garden",
        "description": "Show families how to sow, weed and harvest. No experience of "
        "teaching needed.",
        "skills": ["gardening", "food-growing", "childcare"],
        "days": ["sat"],
        "times": ["morning"],
    },
    {
        "title": "Cook for the Wednesday lunch club",
        "description": "About 30 older people come for a hot meal and a chat.",
        "skills": ["cooking", "food-hygiene", "befriending"],
        "days": ["wed"],
        "times": ["morning", "afternoon"],
        "needs_step_free": True,
    },
]


def build(ctx: DemoContext) -> None:
    organiser = User.objects.get(email=email_for(Role.ORGANISER))
    ward = ctx.wards[0] if ctx.wards else None
    made = []
    for spec in NEEDS:
        skills = Skill.objects.filter(slug__in=spec["skills"])
        need = Need.objects.create(
            created_by=organiser,
            ward=ward,
            **{k: v for k, v in spec.items() if k != "skills"},
        )
        need.skills.set(skills)
        made.append(need)
    ctx.remember(made)
    ctx.counts["needs"] = len(made)


def clear() -> None:
    Need.objects.filter(pk__in=remembered(Need)).delete()
    forget(Need)
