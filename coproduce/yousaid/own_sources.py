"""The sources on floors below this app: closed surveys, closed conversations, and each
piece of feedback on a service.

Each is read through its own app's selectors and permissions. Called from
YousaidConfig.ready(); an app above this one (mystery shopping) registers its own the same
way, with one `sources.register(Source(...))`.
"""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.conversations import permissions as conversation_permissions
from coproduce.conversations import selectors as conversation_selectors
from coproduce.conversations.models import Conversation
from coproduce.feedback import selectors as feedback_selectors
from coproduce.feedback.models import Feedback
from coproduce.feedback.permissions import may_manage_feedback
from coproduce.surveys import permissions as survey_permissions
from coproduce.surveys import selectors as survey_selectors
from coproduce.surveys.models import Survey

from .sources import Source, register


def _survey(pk: int) -> Survey | None:
    survey = survey_selectors.survey_detail(pk)
    if survey is None or survey.status == Survey.Status.DRAFT:
        return None
    return survey


def _conversation(pk: int) -> Conversation | None:
    conversation = conversation_selectors.conversation_detail(pk)
    if conversation is None or conversation.status == Conversation.Status.DRAFT:
        return None
    return conversation


def _conversation_ward(conversation: Conversation):
    if conversation.ward_id is not None:
        return conversation.ward
    if conversation.project_id is not None:
        return conversation.project.ward
    return None


SURVEY = Source(
    key="survey",
    label=_("Survey"),
    fetch=_survey,
    title=lambda survey: survey.title,
    url=lambda survey: reverse("surveys:results", args=[survey.pk]),
    ward=lambda survey: survey.ward,
    is_ready=lambda survey: survey.state() == Survey.State.CLOSED,
    may_respond=survey_permissions.can_manage,
)

CONVERSATION = Source(
    key="conversation",
    label=_("Conversation"),
    fetch=_conversation,
    title=lambda conversation: conversation.question,
    url=lambda conversation: reverse("conversations:detail", args=[conversation.pk]),
    ward=_conversation_ward,
    is_ready=lambda conversation: conversation.status == Conversation.Status.CLOSED,
    may_respond=conversation_permissions.can_manage,
)


def _feedback_title(feedback: Feedback) -> str:
    # Never the person's words or name: the title is shown on public lists, and the words
    # may have been given only for the service's owner.
    return gettext("Feedback on %(service)s, %(date)s") % {
        "service": feedback.service.name,
        "date": formats.date_format(feedback.created_at, "j F Y"),
    }


FEEDBACK = Source(
    key="feedback",
    label=_("Feedback on a service"),
    fetch=feedback_selectors.feedback_detail,
    title=_feedback_title,
    url=lambda feedback: reverse("feedback:public", args=[feedback.service.uuid]),
    service=lambda feedback: feedback.service,
    ward=lambda feedback: feedback_selectors.ward_of(feedback.service),
    may_respond=lambda user, feedback: may_manage_feedback(user, feedback.service),
)


def register_own_sources() -> None:
    register(SURVEY)
    register(CONVERSATION)
    register(FEEDBACK)
