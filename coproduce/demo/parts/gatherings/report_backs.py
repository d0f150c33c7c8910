"""Report-backs at the learning set: what was done about each action, which barriers were
busted, and the reminders that went to action owners before the session."""

from datetime import timedelta

from coproduce.gatherings.models import Action, ActionReminder, Event, ReportBack, Treatment

from .set_words import BUSTED_HOW, FIRST_REPORT, LATER_REPORT, REPORTS, STILL_THERE
from .treated import Treated

Outcome = ReportBack.Outcome


def make_report_backs(rng, learning, treated, done: list[int], themes, when):
    """At each session, the last session's projects report back on their actions and
    barriers. A project that comes again reports on the time before, including what was
    still in progress or still in the way."""
    key_of = {id(theme): key for key, theme in themes.items()}
    reports: list[ReportBack] = []
    reminders: list[ActionReminder] = []
    said: set[int] = set()  # barriers reported on before
    for position in range(1, len(done)):
        number = done[position]
        session = learning[number].event
        reporting = treated[done[position - 1]] + [
            item for n in done[: position - 1] for item in treated[n] if item.followed_at == number
        ]
        at = session.starts_at
        for item in reporting:
            again = item.followed_at == number
            if item.treatment.status != Treatment.Status.ACCEPTED:
                continue
            if not again and rng.random() < 0.15:
                continue  # the presenter did not come this time
            for action in item.actions:
                if action.status == Action.Status.OPEN:
                    weights = FIRST_REPORT
                elif action.status == Action.Status.IN_PROGRESS and again:
                    weights = LATER_REPORT
                else:
                    continue
                action.status = rng.choices(*weights)[0]
                at += timedelta(minutes=1)
                reports.append(_report(rng, item, session, action.status, action=action))
                when[id(reports[-1])] = at
                if action.owner_id is not None:
                    reminder = ActionReminder(
                        action=action,
                        kind=ActionReminder.Kind.BEFORE_SESSION,
                        about_date=learning[number].day,
                    )
                    when[id(reminder)] = session.starts_at - timedelta(days=3)
                    reminders.append(reminder)
            for barrier in item.barriers:
                before = id(barrier) in said
                if barrier.busted_at is not None or (before and not again):
                    continue
                said.add(id(barrier))
                at += timedelta(minutes=1)
                if rng.random() < (0.45 if before else 0.35):
                    how = rng.choice(BUSTED_HOW[key_of.get(id(barrier.theme))])
                    barrier.busted_at, barrier.busted_how = at, how
                    outcome, note = Outcome.BUSTED, how
                else:
                    outcome, note = Outcome.STILL_THERE, rng.choice(STILL_THERE)
                reports.append(_report(rng, item, session, outcome, barrier=barrier, note=note))
                when[id(reports[-1])] = at
    return reports, reminders


def _report(rng, item: Treated, session: Event, outcome, **about) -> ReportBack:
    note = about.pop("note", None)
    return ReportBack(
        treatment=item.treatment,
        event=session,
        outcome=outcome,
        note=rng.choice(REPORTS[outcome]) if note is None else note,
        reported_by_id=item.brought.presenter,
        **about,
    )
