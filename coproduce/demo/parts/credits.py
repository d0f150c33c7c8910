"""Demo time credits: a part of the demo borough (coproduce/demo/parts/).

Owners of group projects confirm some accepted volunteers' help, through the credits
service, so every credit is a real, balanced time bank transfer under the bank's limits; a
few residents say they do not want credits. `build(ctx)` after projects, gatherings and the
time bank; `clear()` before them (it removes the credits; the time bank part removes the
transfers).
"""

from coproduce.common.errors import Refusal
from coproduce.credits import services
from coproduce.credits.models import Credit, CreditChoice
from coproduce.projects.models import Contribution, Owner

from ..context import DemoContext, forget, remembered

MOST_CREDITS = 60
DECLINE_EVERY = 10  # one resident in ten offered credits says no


def build(ctx: DemoContext) -> None:
    rng = ctx.random("credits")
    group_projects = Owner.objects.filter(organisation__isnull=False).values("project_id")
    contributions = list(
        Contribution.objects.filter(
            project_id__in=group_projects,
            kind__in=[Contribution.Kind.VOLUNTEER, Contribution.Kind.OFFER],
            status__in=[Contribution.Status.ACCEPTED, Contribution.Status.DONE],
        )
        .select_related("project", "person")
        .order_by("pk")[: MOST_CREDITS * 3]
    )
    rng.shuffle(contributions)
    made, choices = [], []
    for index, contribution in enumerate(contributions):
        if len(made) >= MOST_CREDITS:
            break
        owner = (
            Owner.objects.filter(project=contribution.project, user__isnull=False)
            .exclude(user=contribution.person)
            .select_related("user")
            .first()
        )
        if owner is None:
            continue
        if index % DECLINE_EVERY == DECLINE_EVERY - 1:
            choices.append(
                services.credit_choice_set(person=contribution.person, wants_credits=False)
            )
            continue
        try:
            made.append(
                services.credit_for_contribution(
                    actor=owner.user,
                    contribution=contribution,
                    minutes=60 * (contribution.hours or rng.randint(1, 4)),
                )
            )
        except Refusal:  # a limit reached, or already credited: the demo moves on
            continue
    ctx.remember(made)
    ctx.remember(choices)


def clear() -> None:
    Credit.objects.filter(pk__in=remembered(Credit)).delete()
    CreditChoice.objects.filter(pk__in=remembered(CreditChoice)).delete()
    forget(Credit)
    forget(CreditChoice)
