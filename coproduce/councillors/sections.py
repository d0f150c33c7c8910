"""What residents said in a ward, as sections of the ward's councillor page.

Each section is one function taking the ward and returning a `Section`, or None to show
nothing: conversations, surveys, feedback on services, mystery shopping and "you said, we
did". Adding what another app heard is one more function in SECTIONS. Only public data, read
through each app's own selectors; counts of people go through common.counts, so 1 to 4 reads
"fewer than 5".
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.common.counts import public_count
from coproduce.conversations.selectors import conversations_listed
from coproduce.feedback.selectors import services_heard_in
from coproduce.places.models import Ward
from coproduce.shopping.selectors import shopped_in
from coproduce.surveys.selectors import surveys_listed
from coproduce.yousaid.selectors import responses_listed

SHOWN = 5


@dataclass(frozen=True)
class Line:
    text: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    lines: list[Line] = field(default_factory=list)
    more_url: str = ""
    more_text: str = ""


def _people(count: int, *, one: str, many: str) -> str:
    shown = public_count(count, fewer_than=_("fewer than 5"))
    return (one if count == 1 else many) % {"n": shown}


def conversations_section(ward: Ward) -> Section | None:
    """Open conversations for the ward, or for a project in it."""
    found = list(conversations_listed(ward=ward)[:SHOWN])
    if not found:
        return None
    return Section(
        heading=_("Conversations"),
        lines=[
            Line(
                text=conversation.question,
                url=reverse("conversations:detail", args=[conversation.pk]),
                detail=_people(
                    conversation.taking_part,
                    one=_("%(n)s person taking part"),
                    many=_("%(n)s people taking part"),
                ),
            )
            for conversation in found
        ],
        more_url=reverse("conversations:list"),
        more_text=_("All conversations"),
    )


def surveys_section(ward: Ward) -> Section | None:
    """Published surveys and polls for the ward."""
    found = list(surveys_listed(None).filter(ward=ward)[:SHOWN])
    if not found:
        return None
    return Section(
        heading=_("Surveys and polls"),
        lines=[
            Line(
                text=survey.title,
                url=reverse("surveys:detail", args=[survey.pk]),
                detail=_people(
                    survey.answered,
                    one=_("%(n)s person answered"),
                    many=_("%(n)s people answered"),
                ),
            )
            for survey in found
        ],
        more_url=reverse("surveys:list"),
        more_text=_("All surveys and polls"),
    )


def feedback_section(ward: Ward) -> Section | None:
    """Services offered in the ward that residents have told about (5 responses or more)."""
    found = list(services_heard_in(ward)[:SHOWN])
    if not found:
        return None
    return Section(
        heading=_("Feedback on services here"),
        lines=[
            Line(
                text=service.name,
                url=reverse("feedback:public", args=[service.uuid]),
                detail=_("%(n)s responses, %(answered)s answered")
                % {"n": service.responses, "answered": service.answered},
            )
            for service in found
        ],
    )


def shopping_section(ward: Ward) -> Section | None:
    """Services here that mystery shoppers visited; their answers go to the services'
    owners, so the line leads to what the council said it would change there."""
    found = list(shopped_in(ward)[:SHOWN])
    if not found:
        return None
    return Section(
        heading=_("Mystery shopping"),
        lines=[
            Line(
                text=service.name,
                url=reverse("yousaid:service", args=[service.uuid]),
                detail=_("%(n)s visits or calls by mystery shoppers")
                % {"n": public_count(service.visits, fewer_than=_("fewer than 5"))},
            )
            for service in found
        ],
    )


def yousaid_section(ward: Ward) -> Section | None:
    """What the council said it would change in the ward, and whether it has."""
    found = list(responses_listed(ward=ward)[:SHOWN])
    if not found:
        return None
    return Section(
        heading=_("You said, we did"),
        lines=[
            Line(
                text=response.will_change,
                url=reverse("yousaid:detail", args=[response.pk]),
                detail=_("About: %(item)s. %(status)s")
                % {"item": response.item_title, "status": response.get_status_display()},
            )
            for response in found
        ],
        more_url=reverse("yousaid:ward", args=[ward.slug]),
        more_text=_("Everything the council said it would do in this ward"),
    )


SECTIONS: list[Callable[[Ward], Section | None]] = [
    conversations_section,
    surveys_section,
    feedback_section,
    shopping_section,
    yousaid_section,
]


def what_residents_said(ward: Ward) -> list[Section]:
    """Every section with something to show, in the order of SECTIONS."""
    return [section for section in (build(ward) for build in SECTIONS) if section is not None]
