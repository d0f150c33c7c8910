import pytest

from coproduce.conversations.models import (
    Conversation,
    OpinionSnapshot,
    Participant,
    Statement,
    Vote,
)
from coproduce.demo import services as demo_services
from coproduce.demo.parts import conversations as demo
from coproduce.demo.tests.factories import TINY

pytestmark = pytest.mark.django_db


def _borough():
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    # you-said-we-did makes a closed conversation of its own to respond to
    demo_services.demo_build(ctx, without=frozenset({"conversations", "yousaid"}))
    return ctx


def test_demo_makes_the_food_conversation_with_groups_and_clears_it():
    """Fifteen seeds, votes from residents and a link, a snapshot with 2-3 groups and common
    ground; clear removes it all."""
    ctx = _borough()
    demo.build(ctx)
    conversation = Conversation.objects.get()
    assert conversation.statements.filter(is_seed=True).count() == 15
    assert conversation.statements.filter(status=Statement.Status.WAITING).count() == 2
    assert Participant.objects.filter(link__isnull=False).exists()
    snapshot = OpinionSnapshot.objects.get(conversation=conversation)
    assert 2 <= snapshot.data["k"] <= 3
    assert snapshot.data["common_ground"]
    assert snapshot.votes == Vote.objects.count()
    demo.clear()
    assert not Conversation.objects.exists() and not Vote.objects.exists()
