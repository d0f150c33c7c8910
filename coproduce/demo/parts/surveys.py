"""Demo polls and surveys: a part of the demo borough (coproduce/demo/parts/).

A borough-wide survey, "What would make our parks better?", with every kind of question and
its easy-read version, answered by demo residents online, in easy read and on paper; and a
one-question poll about the library opening on Sundays. `build(ctx)` after people and demo
accounts; `clear()` before them. Rows go in with bulk_create, bypassing the services on
purpose (answers made up in bulk, given at times in the past).
"""

import random
from datetime import timedelta

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.surveys.models import Answer, Option, Question, Response, Survey

from ..context import BATCH_SIZE, DemoContext, forget, remembered
from .accounts import email_for
from .people import demo_residents

PEOPLE_PER_RESPONSE = 40
MIN_RESPONSES = 30
MAX_RESPONSES = 2_500
PAPER_SHARE = 0.08
EASY_READ_SHARE = 0.15

PARKS = {
    "title": "What would make our parks better?",
    "why": (
        "The council has money to improve parks and green spaces this year. We want to spend "
        "it on the things that matter most to the people who use them."
    ),
    "what_happens_next": (
        "The parks team will read every answer. In the spring we will publish what we heard "
        "and what we will do first, on this site and in every library."
    ),
}
PARK_QUESTIONS = [
    {
        "kind": Question.Kind.ONE,
        "text": "How often do you go to a park or green space?",
        "easy_read_text": "How often do you go to a park?",
        "picture": "park",
        "options": [
            ("Most days", "Most days", "happy"),
            ("Every week", "Every week", "clock"),
            ("Now and then", "Sometimes", "okay"),
            ("Hardly ever or never", "Almost never", "sad"),
        ],
        "weights": [30, 35, 25, 10],
    },
    {
        "kind": Question.Kind.SEVERAL,
        "text": "What would you like to see more of? Choose all that apply.",
        "easy_read_text": "What do you want more of? You can pick more than one.",
        "picture": "question",
        "options": [
            ("Benches and places to sit", "Benches", "bench"),
            ("Trees and flowers", "Trees", "tree"),
            ("Public toilets", "Toilets", "toilet"),
            ("Lights along the paths", "Lights", "light"),
            ("Play equipment for children", "Places to play", "play"),
            ("Bins, emptied more often", "Bins", "bin"),
        ],
        "weights": [45, 40, 50, 35, 30, 40],
    },
    {
        "kind": Question.Kind.RANK,
        "text": "Put these in order of what matters most to you.",
        "easy_read_text": "What matters most? Give 1 to the most important.",
        "picture": "people",
        "options": [
            ("Feeling safe", "Feeling safe", "safe"),
            ("Keeping parks clean", "Clean parks", "bin"),
            ("Things for children to do", "Things for children", "play"),
            ("Places to sit and meet", "Places to sit", "bench"),
        ],
        "weights": [40, 25, 20, 15],
    },
    {
        "kind": Question.Kind.SCALE,
        "text": "How safe do you feel in your nearest park after dark?",
        "easy_read_text": "Do you feel safe in the park at night?",
        "picture": "safe",
        "scale_low_label": "Not safe at all",
        "scale_high_label": "Very safe",
        "weights": [20, 25, 30, 15, 10],
    },
    {
        "kind": Question.Kind.TEXT,
        "text": "Is there anything else you would like to tell us?",
        "easy_read_text": "Anything else?",
        "picture": "question",
        "required": False,
    },
]
COMMENTS = [
    "The path by the pond floods every winter.",
    "More benches in the shade, please. My mum cannot walk far.",
    "The toilets are always locked when we need them.",
    "Please keep the wild meadow bit. The bees love it.",
    "Better lights near the gate by the bus stop.",
    "A water fountain would be good for the runners.",
    "The play area needs swings for older kids too.",
    "Thank you to the park keepers, they do a great job.",
]
POLL = {
    "title": "Should the central library open on Sundays?",
    "why": "Some people have asked for the library to open on Sundays. It would cost money.",
    "what_happens_next": (
        "The library team will use the result when they plan next year's opening hours."
    ),
}


def build(ctx: DemoContext) -> None:
    rng = ctx.random("surveys")
    officer = User.objects.filter(email=email_for(Role.OFFICER)).values_list("pk", flat=True)
    owner_id = officer.first()
    residents = [user_id for user_id, _ward in demo_residents()]
    parks = Survey.objects.create(
        owner_id=owner_id,
        status=Survey.Status.PUBLISHED,
        is_anonymous=True,
        results_public=True,
        opens_at=ctx.now - timedelta(days=12),
        closes_at=ctx.now + timedelta(days=30),
        **PARKS,
    )
    poll = Survey.objects.create(
        owner_id=owner_id,
        status=Survey.Status.PUBLISHED,
        is_poll=True,
        is_anonymous=True,
        results_public=False,
        opens_at=ctx.now - timedelta(days=3),
        closes_at=ctx.now + timedelta(days=11),
        **POLL,
    )
    ctx.remember([parks, poll])
    park_questions = _questions(ctx, parks, PARK_QUESTIONS)
    poll_questions = _questions(
        ctx,
        poll,
        [
            {
                "kind": Question.Kind.ONE,
                "text": "Should the central library open on Sundays?",
                "easy_read_text": "Should the library open on Sundays?",
                "picture": "library",
                "options": [
                    ("Yes", "Yes", "yes"),
                    ("No", "No", "no"),
                    ("Not sure", "Not sure", "not_sure"),
                ],
                "weights": [55, 25, 20],
            }
        ],
    )
    count = min(
        len(residents), MAX_RESPONSES, max(MIN_RESPONSES, ctx.size.people // PEOPLE_PER_RESPONSE)
    )
    answered = _answer(ctx, rng, parks, park_questions, rng.sample(residents, count), owner_id)
    voted = _answer(ctx, rng, poll, poll_questions, rng.sample(residents, count // 2), None)
    ctx.counts["surveys"] = 2
    ctx.counts["survey responses"] = answered + voted


def _questions(ctx, survey: Survey, specs: list[dict]) -> list[tuple[Question, dict]]:
    made = []
    for position, spec in enumerate(specs, start=1):
        question = Question.objects.create(
            survey=survey,
            position=position,
            kind=spec["kind"],
            text=spec["text"],
            easy_read_text=spec["easy_read_text"],
            picture=spec["picture"],
            required=spec.get("required", True),
            scale_low_label=spec.get("scale_low_label", ""),
            scale_high_label=spec.get("scale_high_label", ""),
        )
        options = Option.objects.bulk_create(
            Option(question=question, position=n, text=text, easy_read_text=easy, picture=picture)
            for n, (text, easy, picture) in enumerate(spec.get("options", []), start=1)
        )
        ctx.remember([question, *options])
        made.append((question, spec | {"made_options": options}))
    return made


def _answer(ctx, rng: random.Random, survey, questions, people: list[int], paper_by) -> int:
    responses = []
    for user_id in people:
        way = rng.random()
        if paper_by and way < PAPER_SHARE:
            responses.append(
                Response(survey=survey, way=Response.Way.PAPER, entered_by_id=paper_by)
            )
        else:
            easy = way < PAPER_SHARE + EASY_READ_SHARE
            responses.append(
                Response(
                    survey=survey,
                    respondent_id=user_id,
                    way=Response.Way.EASY_READ if easy else Response.Way.ONLINE,
                )
            )
    responses = Response.objects.bulk_create(responses, batch_size=BATCH_SIZE)
    ctx.remember(responses)
    answers = []
    for response in responses:
        for question, spec in questions:
            answers.extend(_answers_to(rng, response, question, spec))
    Answer.objects.bulk_create(answers, batch_size=BATCH_SIZE)
    return len(responses)


def _answers_to(rng: random.Random, response, question, spec) -> list[Answer]:
    options = spec.get("made_options", [])
    weights = spec.get("weights")
    kind = question.kind
    if kind == Question.Kind.ONE:
        return [Answer(response=response, question=question, option=_pick(rng, options, weights))]
    if kind == Question.Kind.SEVERAL:
        chosen = [o for o, w in zip(options, weights, strict=True) if rng.random() < w / 100]
        chosen = chosen or [_pick(rng, options, weights)]
        return [Answer(response=response, question=question, option=o) for o in chosen]
    if kind == Question.Kind.RANK:
        order = sorted(options, key=lambda o: -rng.random() * weights[options.index(o)])
        return [
            Answer(response=response, question=question, option=o, rank=place)
            for place, o in enumerate(order, start=1)
        ]
    if kind == Question.Kind.SCALE:
        number = rng.choices(question.scale_values(), weights=weights)[0]
        return [Answer(response=response, question=question, number=number)]
    if rng.random() < 0.2:
        return [Answer(response=response, question=question, text=rng.choice(COMMENTS))]
    return []


def _pick(rng: random.Random, options, weights):
    return rng.choices(options, weights=weights)[0]


def clear() -> None:
    # Answers and responses go with their survey; questions and options with theirs.
    Survey.objects.filter(pk__in=remembered(Survey)).delete()
    for model in (Option, Question, Response, Survey):
        forget(model)
