import factory
from django.contrib.auth.models import Permission
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.conversations.models import (
    Conversation,
    Participant,
    SignedLink,
    Statement,
    Vote,
)


def officer(**kwargs):
    """A council officer who may run any conversation (the permission is also granted here,
    so the tests do not depend on the line in accounts/roles.py)."""
    person = UserFactory(roles=[Role.OFFICER], **kwargs)
    person.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="conversations", codename="manage_any_conversation"
        )
    )
    return type(person).objects.get(pk=person.pk)  # a fresh permission cache


def organiser(**kwargs):
    return UserFactory(roles=[Role.ORGANISER], **kwargs)


def moderator(**kwargs):
    return UserFactory(roles=[Role.MODERATOR], **kwargs)


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    question = factory.Sequence(lambda n: f"What should the food strategy do first? ({n})")
    description = "We will use your answers to write the plan."
    scope = Conversation.Scope.BOROUGH
    opened_by = factory.SubFactory(UserFactory)
    status = Conversation.Status.OPEN
    opened_at = factory.LazyFunction(timezone.now)


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    conversation = factory.SubFactory(ConversationFactory)
    text = factory.Sequence(lambda n: f"Every school should grow some of its own food ({n}).")
    author = factory.LazyAttribute(lambda statement: statement.conversation.opened_by)
    is_seed = True
    status = Statement.Status.SHOWN


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    conversation = factory.SubFactory(ConversationFactory)
    user = factory.SubFactory(UserFactory)


class SignedLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignedLink

    conversation = factory.SubFactory(ConversationFactory)
    kind = SignedLink.Kind.MEETING
    label = "Library meeting"
    created_by = factory.LazyAttribute(lambda link: link.conversation.opened_by)


class VoteFactory(factory.django.DjangoModelFactory):
    """A vote row alone: counters are not touched (use services.vote_record for that)."""

    class Meta:
        model = Vote

    participant = factory.SubFactory(ParticipantFactory)
    statement = factory.SubFactory(
        StatementFactory, conversation=factory.SelfAttribute("..participant.conversation")
    )
    conversation = factory.SelfAttribute("participant.conversation")
    value = Vote.Value.AGREE


def conversation_with(statements: int = 3, **fields) -> tuple[Conversation, list[Statement]]:
    conversation = ConversationFactory(**fields)
    return conversation, [StatementFactory(conversation=conversation) for _ in range(statements)]
