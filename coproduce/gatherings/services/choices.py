"""Choosing together at a gathering: putting a choice to the room, ballots from phones, counts
typed in from the room, and closing it with the result recorded.

Every write here locks the choice's row first (`_lock`), so ballots, room counts and closing
one choice happen one after another: a ballot cannot slip in after the count is kept, and a
person's ballots sent at once leave one ballot (the unique constraint says so too).
"""

from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.projects.models import Project

from .. import permissions, tally
from ..models import Ballot, BallotMark, Barrier, Choice, ChoiceOption, Event, Rsvp
from ..models.choices import MOST_DOTS, MOST_OPTIONS
from ..selectors.choices import choice_count


def can_vote(user, choice: Choice) -> bool:
    """People with a confirmed place at the event vote from their phones."""
    if not permissions.can_take_part(user):
        return False
    return Rsvp.objects.filter(
        event_id=choice.event_id, user=user, status=Rsvp.Status.CONFIRMED
    ).exists()


def _lock(choice: Choice) -> Choice:
    return Choice.objects.select_for_update(of=("self",)).select_related("event").get(pk=choice.pk)


def _must_manage(by, event: Event) -> None:
    if not permissions.can_manage(by, event):
        raise NotAllowed(_("Only the event's organisers can do this."))


def _ballot_message(code: str, choice: Choice) -> str:
    messages = {
        tally.NO_DOTS: _("Put at least one dot on an option."),
        tally.TOO_MANY_DOTS: ngettext(
            "You have %(count)d dot. Take some dots off.",
            "You have %(count)d dots. Take some dots off.",
            choice.dots,
        )
        % {"count": choice.dots},
        tally.TOO_MANY_ON_ONE: ngettext(
            "Put no more than %(count)d dot on one option.",
            "Put no more than %(count)d dots on one option.",
            choice.most_on_one,
        )
        % {"count": choice.most_on_one},
        tally.NOT_AN_OPTION: _("Choose from the options on this page."),
        tally.NOTHING_RANKED: _("Give at least one option a place: 1 for your favourite."),
        tally.PLACE_TWICE: _("Give each place to one option only."),
        tally.PLACES_NOT_IN_ORDER: _("Use places in order with no gaps: 1, then 2, then 3."),
    }
    return messages.get(code, _("Check your vote and try again."))


@transaction.atomic
def choice_create(
    *,
    event: Event,
    by,
    question: str,
    about: str,
    method: str,
    dots: int = 3,
    most_on_one: int = 3,
    seats: int = 1,
    projects: Sequence[Project] = (),
    barriers: Sequence[Barrier] = (),
    labels: Sequence[str] = (),
) -> Choice:
    """Put a choice to the room, open for votes at once. Organisers only; 2 to 12 options of
    the kind it is about; for dot voting, no more dots on one option than each person has."""
    _must_manage(by, event)
    if event.is_cancelled:
        raise Refusal(_("The event is cancelled, so there is nobody to choose."))
    if about not in Choice.About.values:
        raise Refusal(_("Say what people choose from."), field="about")
    if method not in Choice.Method.values:
        raise Refusal(_("Choose dot voting or putting in order."), field="method")
    if method == Choice.Method.DOTS:
        if not 1 <= dots <= MOST_DOTS:
            raise Refusal(
                _("Give each person from 1 to %(most)d dots.") % {"most": MOST_DOTS}, field="dots"
            )
        if not 1 <= most_on_one <= dots:
            raise Refusal(
                _("The most dots on one option must be from 1 to the dots each person has."),
                field="most_on_one",
            )
    else:
        dots = most_on_one = 1
    options: list[ChoiceOption] = []
    if about == Choice.About.PROJECTS:
        options = [ChoiceOption(label=p.title[:200], project=p) for p in dict.fromkeys(projects)]
        field = "projects"
    elif about == Choice.About.BARRIERS:
        options = [ChoiceOption(label=b.text[:200], barrier=b) for b in dict.fromkeys(barriers)]
        field = "barriers"
    else:
        words = [w.strip()[:200] for w in labels if w.strip()]
        options = [ChoiceOption(label=w) for w in dict.fromkeys(words)]
        field = "labels"
    if not 2 <= len(options) <= MOST_OPTIONS:
        raise Refusal(
            _("Give people from 2 to %(most)d options to choose from.") % {"most": MOST_OPTIONS},
            field=field,
        )
    if not 1 <= seats < len(options):
        raise Refusal(
            _("Choose fewer than the number of options: %(n)d or fewer.") % {"n": len(options) - 1},
            field="seats",
        )
    choice = Choice.objects.create(
        event=event,
        question=question.strip(),
        about=about,
        method=method,
        dots=dots,
        most_on_one=most_on_one,
        seats=seats,
        created_by=by,
    )
    for position, option in enumerate(options):
        option.choice = choice
        option.position = position
    ChoiceOption.objects.bulk_create(options)
    return choice


@transaction.atomic
def ballot_cast(
    *,
    choice: Choice,
    user,
    dots: Mapping[int, int] | None = None,
    places: Mapping[int, int] | None = None,
) -> Ballot:
    """Record a person's vote, replacing their earlier one on this choice.

    For dot voting, `dots` maps option ids to dots; for ranking, `places` maps option ids to
    places (1 first). Only people with a confirmed place, only while the choice is open. However
    many times it is sent at once, the person has one ballot.
    """
    choice = _lock(choice)
    if not choice.is_open:
        raise Refusal(_("Voting has closed. You can see what the room chose below."))
    if not can_vote(user, choice):
        raise NotAllowed(_("Only people with a place at the event can vote."))
    option_ids = list(choice.options.values_list("pk", flat=True))
    try:
        if choice.is_dots:
            spread = tally.check_dots(
                dots or {}, options=option_ids, dots=choice.dots, most_on_one=choice.most_on_one
            )
            marks = [BallotMark(option_id=o, dots=n) for o, n in spread.items()]
        else:
            ranked = tally.check_ranking(places or {}, options=option_ids)
            marks = [BallotMark(option_id=o, place=i + 1) for i, o in enumerate(ranked)]
    except tally.BallotError as error:
        raise Refusal(_ballot_message(error.code, choice)) from error
    ballot, made = Ballot.objects.get_or_create(choice=choice, user=user)
    if not made:
        ballot.marks.all().delete()
        ballot.save(update_fields=["updated_at"])
    for mark in marks:
        mark.ballot = ballot
    BallotMark.objects.bulk_create(marks)
    return ballot


@transaction.atomic
def ballot_withdraw(*, choice: Choice, user) -> bool:
    """Take back a person's vote while the choice is open. True if there was one."""
    choice = _lock(choice)
    if not choice.is_open:
        raise Refusal(_("Voting has closed, so votes cannot be taken back."))
    deleted, _counts = Ballot.objects.filter(choice=choice, user=user).delete()
    return deleted > 0


def _check_room_dots(choice: Choice, people: int, room: Mapping[int, int]) -> None:
    if any(n < 0 for n in room.values()):
        raise Refusal(_("Counts cannot be less than 0."))
    if sum(room.values()) > people * choice.dots:
        raise Refusal(
            _(
                "%(people)d people with %(dots)d dots each cannot put %(total)d dots on the "
                "wall. Check the counts, or how many people voted in the room."
            )
            % {"people": people, "dots": choice.dots, "total": sum(room.values())},
            field="people",
        )
    if any(n > people * choice.most_on_one for n in room.values()):
        raise Refusal(
            _("One option has more dots than the people in the room could give it."),
            field="people",
        )


def _check_room_places(choice: Choice, people: int, room: Mapping[int, Sequence[int]]) -> None:
    if any(n < 0 for counts in room.values() for n in counts):
        raise Refusal(_("Counts cannot be less than 0."))
    if any(sum(counts) > people for counts in room.values()):
        raise Refusal(
            _("An option was put in more places than there were people voting in the room."),
            field="people",
        )
    width = max((len(counts) for counts in room.values()), default=0)
    for index in range(width):
        column = sum(counts[index] if index < len(counts) else 0 for counts in room.values())
        if column > people:
            raise Refusal(
                _("More options were put in place %(place)d than people voted in the room.")
                % {"place": index + 1},
                field="people",
            )


@transaction.atomic
def choice_room_counts_set(
    *,
    choice: Choice,
    by,
    people: int,
    dots: Mapping[int, int] | None = None,
    places: Mapping[int, Sequence[int]] | None = None,
) -> Choice:
    """Record what the room voted on the wall or on paper, replacing the earlier room count.

    `people` is how many people voted in the room. For dot voting, `dots` maps option ids to
    the dots each got; for ranking, `places` maps option ids to how many people put it first,
    second and so on. Counts that more people than that could not have made are refused.
    """
    choice = _lock(choice)
    _must_manage(by, choice.event)
    if not choice.is_open:
        raise Refusal(_("The choice is closed, so its counts cannot change."))
    if people < 0:
        raise Refusal(_("Say how many people voted in the room: 0 or more."), field="people")
    options = list(choice.options.all())
    known = {option.pk for option in options}
    room_dots = {o: n for o, n in (dots or {}).items() if o in known}
    room_places = {o: list(c) for o, c in (places or {}).items() if o in known}
    if choice.is_dots:
        _check_room_dots(choice, people, room_dots)
    else:
        if any(len(counts) > len(options) for counts in room_places.values()):
            raise Refusal(_("There are not that many places to give."))
        _check_room_places(choice, people, room_places)
    for option in options:
        if choice.is_dots:
            option.room_dots = room_dots.get(option.pk, 0)
            option.room_places = []
        else:
            counts = room_places.get(option.pk, [])
            option.room_places = counts + [0] * (len(options) - len(counts))
            option.room_dots = 0
    ChoiceOption.objects.bulk_update(options, ["room_dots", "room_places"])
    choice.room_people = people
    choice.room_counted_at = timezone.now()
    choice.save(update_fields=["room_people", "room_counted_at", "updated_at"])
    return choice


@transaction.atomic
def choice_close(*, choice: Choice, by) -> Choice:
    """Close the choice and keep its count: points from phones and from the room, and which
    options were chosen. Organisers only; closing twice is refused."""
    choice = _lock(choice)
    _must_manage(by, choice.event)
    if not choice.is_open:
        raise Refusal(_("This choice is already closed."))
    options = list(choice.options.all())
    result = choice_count(choice, options)
    lines = {line.option: line for line in result.lines}
    for option in options:
        line = lines[option.pk]
        option.points = line.total
        option.points_phones = line.phones
        option.points_room = line.room
        option.backers = line.backers
        option.places = line.places
        option.chosen = line.chosen
    ChoiceOption.objects.bulk_update(
        options, ["points", "points_phones", "points_room", "backers", "places", "chosen"]
    )
    choice.status = Choice.Status.CLOSED
    choice.closed_at = timezone.now()
    choice.closed_by = by
    choice.ballots_at_close = result.ballots
    choice.tied = result.tied
    choice.save(
        update_fields=[
            "status",
            "closed_at",
            "closed_by",
            "ballots_at_close",
            "tied",
            "updated_at",
        ]
    )
    return choice
