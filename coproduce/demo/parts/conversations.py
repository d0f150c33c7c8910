"""A borough conversation on the food strategy: a part of the demo borough (demo/parts/).

`build(ctx)` after people and demo accounts; `clear()` before them. The officer opens it with
fifteen seed statements; demo residents answer them, falling into three groups (growing food
locally, keeping food cheap, food and health in schools) who all agree on a few things, so the
results show groups, common ground and division. Some people took part through a link handed
out at a market meeting. Two residents' own statements wait for a moderator. The opinion
groups are worked out once at the end, as the task worker would.

Rows go in with bulk_create, bypassing the services on purpose (no notifications, no tasks);
the counters are set from the votes made.
"""

import random
from collections import Counter

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.conversations import tasks
from coproduce.conversations.models import (
    Conversation,
    Participant,
    SignedLink,
    Statement,
    Vote,
)

from ..context import BATCH_SIZE, DemoContext, forget, remembered
from .accounts import email_for
from .people import demo_residents

PEOPLE_PER_PARTICIPANT = 15
MIN_PARTICIPANTS = 40
MAX_PARTICIPANTS = 3_000
LINK_SHARE = 0.1  # of participants who joined through the market meeting's link
GROWING, CHEAP, HEALTH = 0, 1, 2
GROUP_SHARES = (0.4, 0.35, 0.25)

# (statement, how each group leans: 1 agree, -1 disagree, 0 no view)
STATEMENTS: list[tuple[str, tuple[int, int, int]]] = [
    ("Nobody in Northbrook should go hungry.", (1, 1, 1)),
    ("Shops and cafés should give unsold food to food banks.", (1, 1, 1)),
    ("Every school should teach children to cook.", (1, 0, 1)),
    ("The council should turn spare land into allotments.", (1, -1, 0)),
    ("Parks should have fruit trees anyone can pick from.", (1, -1, 0)),
    ("Money for growing food would be better spent on cheaper food.", (-1, 1, -1)),
    ("Markets should take food vouchers and cards.", (0, 1, 0)),
    ("Big supermarkets give us the lowest prices, so we need more of them.", (-1, 1, 0)),
    ("Fast food shops should not open near schools.", (0, -1, 1)),
    ("School dinners should be free for every child.", (0, 1, 1)),
    ("Sugary drinks should not be sold in council buildings.", (0, -1, 1)),
    ("Community kitchens should open in every ward.", (1, 1, 0)),
    ("Local growers should get cheap stalls at markets.", (1, -1, 0)),
    ("The food strategy should be mostly about health.", (-1, -1, 1)),
    ("Food waste collections should happen every week.", (1, 1, 1)),
]
WAITING = [
    "Bus routes should reach the big supermarkets.",
    "Cookery classes for adults at the library.",
]


def build(ctx: DemoContext) -> None:
    rng = ctx.random("conversations")
    officer = User.objects.filter(email=email_for(Role.OFFICER)).first()
    residents = [user_id for user_id, _ward in demo_residents()]
    now = ctx.now
    conversation = Conversation.objects.create(
        question="What should Northbrook's food strategy do first?",
        description=(
            "We are writing a food strategy with residents. Tell us what matters to you. "
            "We will share what most people agree on, and use it to write the plan."
        ),
        scope=Conversation.Scope.BOROUGH,
        opened_by=officer,
        status=Conversation.Status.OPEN,
        opened_at=now,
    )
    ctx.remember([conversation])
    statements = Statement.objects.bulk_create(
        Statement(
            conversation=conversation,
            text=text,
            author=officer,
            is_seed=True,
            status=Statement.Status.SHOWN,
            moderated_at=now,
        )
        for text, _leaning in STATEMENTS
    )
    link = SignedLink.objects.create(
        conversation=conversation,
        kind=SignedLink.Kind.MEETING,
        label="Market Square meeting",
        created_by=officer,
    )
    participants = _participants(ctx, rng, conversation, link, residents)
    votes = _votes(rng, conversation, statements, participants)
    _waiting(rng, conversation, residents, statements)
    SignedLink.objects.filter(pk=link.pk).update(
        joined=sum(1 for p, _group in participants if p.link_id)
    )
    # Worked out once now, as the task worker does after votes arrive.
    Conversation.objects.filter(pk=conversation.pk).update(analysis_pending=True)
    tasks.conversation_analyse.call(conversation.pk)
    ctx.counts["conversations"] = 1
    ctx.counts["conversation participants"] = len(participants)
    ctx.counts["conversation votes"] = votes


def _participants(ctx, rng: random.Random, conversation, link, residents) -> list:
    wanted = max(MIN_PARTICIPANTS, min(MAX_PARTICIPANTS, ctx.size.people // PEOPLE_PER_PARTICIPANT))
    with_account = rng.sample(residents, min(len(residents), round(wanted * (1 - LINK_SHARE))))
    through_link = max(wanted - len(with_account), 3)
    rows = [Participant(conversation=conversation, user_id=user_id) for user_id in with_account]
    rows += [Participant(conversation=conversation, link=link) for _ in range(through_link)]
    made = Participant.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    groups = rng.choices(range(3), weights=GROUP_SHARES, k=len(made))
    return list(zip(made, groups, strict=True))


def _votes(rng: random.Random, conversation, statements, participants) -> int:
    now = timezone.now()
    rows = []
    counts: Counter = Counter()
    for participant, group in participants:
        answered = rng.sample(range(len(statements)), rng.randint(8, len(statements)))
        for index in answered:
            lean = STATEMENTS[index][1][group]
            roll = rng.random()
            if lean == 0:
                value = rng.choice((1, -1, 0, 0))
            else:
                value = lean if roll < 0.8 else (0 if roll < 0.9 else -lean)
            rows.append(
                Vote(
                    conversation=conversation,
                    participant=participant,
                    statement=statements[index],
                    value=value,
                    created_at=now,
                    updated_at=now,
                )
            )
            counts[(index, value)] += 1
    Vote.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for index, statement in enumerate(statements):
        statement.agree_count = counts[(index, 1)]
        statement.disagree_count = counts[(index, -1)]
        statement.pass_count = counts[(index, 0)]
    Statement.objects.bulk_update(statements, ["agree_count", "disagree_count", "pass_count"])
    return len(rows)


def _waiting(rng: random.Random, conversation, residents, statements) -> None:
    authors = rng.sample(residents, min(len(residents), len(WAITING)))
    Statement.objects.bulk_create(
        Statement(
            conversation=conversation,
            text=text,
            author_id=author,
            is_seed=False,
            status=Statement.Status.WAITING,
        )
        for text, author in zip(WAITING, authors, strict=False)
    )


def clear() -> None:
    # Statements, participants, votes, links and the snapshot go with their conversation.
    Conversation.objects.filter(pk__in=remembered(Conversation)).delete()
    forget(Conversation)
