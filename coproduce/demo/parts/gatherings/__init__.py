"""Demo gatherings: a year of them, about nine months past and three months to come.

A part of the demo borough (see coproduce/demo/parts/): `build(ctx)` after the people,
places, demo accounts, groups and projects; `clear()` before them. It makes:

- the monthly Coproduction Action Learning Set (second Tuesday, 10:00 to 12:30, not in
  August), at which practitioners bring projects for a "treatment" (who is affected,
  resources, an action plan, barriers) and report back at the next session on what they did
  and which barriers they busted; one month is a completely Open Space session;
- the barrier library: themes, with the barriers each set named in its own words linked to
  them, and a few left unlinked for an officer to sort out;
- the Work Shop (a shop-front programme of talks, hosted conversations and workshops), Good
  for Nothing hack weekends, evening meet-ups, online talks, an Open Space on the food
  strategy and the practitioners' forum, whose agenda delegates add to;
- places at all of them for demo people: waiting lists, "bring a friend", access support
  asked for, and who came to the past ones;
- choices put to the room: the latest evening meet-up selected future projects by a closed
  dot vote, and the learning set chose which barrier to bust next (`choices`).

Rows go in with bulk_create, bypassing the services on purpose (no notifications for made-up
places), so the counts the services keep (places taken, interest shown, an action's status,
a busted barrier) are worked out here to agree with the rows. Times are made in local time
(Europe/London), so a session is at 10:00 in summer (BST) and in winter (GMT) alike.

The package, in the order `build` uses it: `cast` (who takes part), `venues`, `series`,
`learning_set` and `programme` (the events; `dates` says when), `rsvps` (places at them),
`treatment_plan`, `treatments`, `report_backs` and `barrier_library` (what the learning set
makes; `treated` is the treatment in the making that the middle two share), `agendas`. Their
words are in `set_words` and `programme_words`.
"""

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.demo.context import DEMO_EMAIL_DOMAIN, DemoContext, forget, remembered
from coproduce.demo.parts.accounts import email_for
from coproduce.demo.parts.people import EMAIL_PREFIX
from coproduce.gatherings.models import (
    Action,
    ActionReminder,
    AgendaInterest,
    AgendaItem,
    Ballot,
    BallotMark,
    Barrier,
    BarrierTheme,
    Choice,
    ChoiceOption,
    ColumnNote,
    Event,
    ReportBack,
    Rsvp,
    Series,
    Treatment,
)
from coproduce.gatherings.services.retention import access_needs_forget

from .agendas import make_agendas
from .barrier_library import make_library_themes
from .cast import Cast, crowd_for, scale_of
from .choices import make_choices
from .learning_set import plan_learning_set
from .programme import plan_programme
from .rsvps import save_events_and_places
from .series import make_series
from .treatment_plan import plan_treatments
from .treatments import make_treatments
from .venues import find_venues

# Everything this part makes, in the order it is cleared (dependants first).
MODELS = (
    BallotMark,
    Ballot,
    ChoiceOption,
    Choice,
    ActionReminder,
    ReportBack,
    AgendaInterest,
    AgendaItem,
    Barrier,
    Action,
    ColumnNote,
    Treatment,
    Rsvp,
    Event,
    Series,
    BarrierTheme,
)
Kind = Event.Kind


def build(ctx: DemoContext) -> None:
    rng = ctx.random("gatherings")
    people = list(
        User.objects.filter(
            email__startswith=EMAIL_PREFIX,
            email__endswith=f"@{DEMO_EMAIL_DOMAIN}",
            is_active=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not people:
        return
    scale = scale_of(ctx)
    accounts = dict(
        User.objects.filter(
            email__in=[email_for(r) for r in (Role.RESIDENT, Role.ORGANISER, Role.OFFICER)]
        ).values_list("email", "pk")
    )
    engaged = rng.sample(people, min(len(people), 150 * crowd_for(scale)))
    cast = Cast(
        resident=accounts.get(email_for(Role.RESIDENT)),
        organiser=accounts.get(email_for(Role.ORGANISER)),
        officer=accounts.get(email_for(Role.OFFICER)),
        engaged=engaged,
        practitioners=engaged[:40],
    )
    venues = find_venues(rng, scale)
    series = make_series(ctx, cast)
    sessions = plan_learning_set(ctx, rng, cast, venues, series["set"])
    others = plan_programme(ctx, rng, cast, venues, series, scale)
    learning = [g for g in sessions if g.event.kind == Kind.ACTION_LEARNING_SET]
    plan = plan_treatments(ctx, rng, cast, learning)
    gatherings = sessions + others
    rsvps = save_events_and_places(ctx, rng, gatherings)
    themes = make_library_themes(ctx)
    treatments = make_treatments(ctx, rng, cast, learning, plan, themes)
    items = make_agendas(ctx, rng, cast, gatherings)
    choices = make_choices(ctx, rng, cast)
    # The demo keeps the same rule as the live site: access needs go 30 days after an event.
    access_needs_forget(now=ctx.now)
    ctx.counts["event series"] = len(series)
    ctx.counts["events"] = len(gatherings)
    ctx.counts["RSVPs"] = len(rsvps)
    ctx.counts["agenda items"] = len(items)
    ctx.counts.update(treatments)
    ctx.counts.update(choices)


def clear() -> None:
    for model in MODELS[:-1]:
        model.objects.filter(pk__in=remembered(model)).delete()
    # A demo theme that real barriers were linked to since stays, as real data now.
    BarrierTheme.objects.filter(pk__in=remembered(BarrierTheme), barriers__isnull=True).delete()
    for model in MODELS:
        forget(model)
