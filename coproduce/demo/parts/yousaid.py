"""Demo "you said, we did": a part of the demo borough (coproduce/demo/parts/).

The demo's surveys and conversations are still open, so this part adds a few that closed
earlier in the year, in different wards, run by the demo officer, and records the council's
responses to them through the services: some done, some in progress, some overdue, one not
being done (with the reason). `build(ctx)` after accounts, wards, surveys and conversations;
`clear()` removes the responses (and their history) and the closed surveys and conversation.
"""

from datetime import timedelta

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.conversations.models import Conversation
from coproduce.surveys.models import Survey
from coproduce.yousaid import services
from coproduce.yousaid.models import CouncilResponse

from ..context import DemoContext, forget, remembered
from .accounts import email_for

Status = CouncilResponse.Status

SURVEYS = [
    (
        "How could the high street feel safer at night?",
        [
            (
                "Many of you said the lights by the bus station are too dim.",
                "We will put brighter lights along the bus station path.",
                40,
                "done",
            ),
            (
                "You asked for more places to sit while you wait.",
                "We will add four benches near the bus stops.",
                -12,
                "in_progress",
            ),
        ],
    ),
    (
        "What should the library offer young people?",
        [
            (
                "Young people asked for a quiet place to study after school.",
                "The library will open its study room until 7pm on weekdays.",
                25,
                "done",
            ),
            (
                "You asked for free printing for homework.",
                "We will give 20 free pages a week to under 18s.",
                30,
                "planned",
            ),
        ],
    ),
    (
        "How do you get to the health centre?",
        [
            (
                "People said the crossing outside is hard to use with a buggy or wheelchair.",
                "We will lower the kerbs at the crossing.",
                -30,
                "planned",
            ),
            (
                "Some of you asked for a new bus route to the health centre.",
                "We looked at a new route, but the bus company will not run it.",
                10,
                "not_doing",
            ),
        ],
    ),
]
CONVERSATION = (
    "What would make our estate's green spaces better?",
    [
        (
            "Most people agreed the grass by the flats should be a wild meadow.",
            "We will stop mowing the grass by the flats and sow wild flowers.",
            20,
            "done",
        ),
        (
            "People agreed there is nowhere for older children to play.",
            "We will ask young people to help design a new play area.",
            -5,
            "in_progress",
        ),
    ],
)


def _respond(ctx, officer, *, source, item, answers, made) -> None:
    for heard, will_change, days, status in answers:
        due = (ctx.now + timedelta(days=days)).date()
        response = services.response_record(
            actor=officer,
            source_key=source,
            item_id=item.pk,
            heard=heard,
            will_change=will_change,
            due_on=due,
            owner=officer,
        )
        if status != "planned":
            services.response_update(
                actor=officer,
                response=response,
                heard=heard,
                will_change=will_change,
                due_on=due,
                status=status,
                did_change=will_change.replace("We will", "We have") if status == "done" else "",
                done_on=(ctx.now - timedelta(days=3)).date() if status == "done" else None,
                not_doing_reason=(
                    "The bus company said too few people would use it. We will ask again next year."
                    if status == "not_doing"
                    else ""
                ),
            )
        made.append(response)


def build(ctx: DemoContext) -> None:
    officer = User.objects.filter(email=email_for(Role.OFFICER)).first()
    if officer is None or not ctx.wards:
        return
    wards = ctx.wards
    items, made = [], []
    for index, (title, answers) in enumerate(SURVEYS):
        survey = Survey.objects.create(
            title=title,
            why="We want to know what would make the most difference.",
            what_happens_next="We will say what we will change, and when.",
            owner=officer,
            ward=wards[index % len(wards)],
            status=Survey.Status.PUBLISHED,
            results_public=True,
            opens_at=ctx.now - timedelta(days=120 - index * 10),
            closes_at=ctx.now - timedelta(days=60 - index * 10),
        )
        items.append(survey)
        _respond(ctx, officer, source="survey", item=survey, answers=answers, made=made)
    question, answers = CONVERSATION
    conversation = Conversation.objects.create(
        question=question,
        description="Say what you think about the grass, trees and play areas near you.",
        scope=Conversation.Scope.WARD,
        ward=wards[len(SURVEYS) % len(wards)],
        opened_by=officer,
        status=Conversation.Status.CLOSED,
        opened_at=ctx.now - timedelta(days=90),
        closed_at=ctx.now - timedelta(days=45),
    )
    _respond(ctx, officer, source="conversation", item=conversation, answers=answers, made=made)
    ctx.remember([*items, conversation])
    ctx.remember(made)


def clear() -> None:
    CouncilResponse.objects.filter(pk__in=remembered(CouncilResponse)).delete()
    forget(CouncilResponse)
    # The closed surveys and conversation this part made: remembered as demo rows too, so a
    # reset of the surveys and conversations parts would also find them.
    Survey.objects.filter(
        pk__in=remembered(Survey), title__in=[title for title, _answers in SURVEYS]
    ).delete()
    Conversation.objects.filter(pk__in=remembered(Conversation), question=CONVERSATION[0]).delete()
