"""Questions to councillors can be reported to the moderators, like comments
(discussion/reporting.py): a hidden question leaves the ward's page, and its asker is told why.

Imported from CouncillorsConfig.ready().
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.discussion.reporting import ReportTarget, register

from .models import Question


def _url(question: Question) -> str:
    ward_url = reverse("councillors:ward", args=[question.seat.ward.slug])
    return f"{ward_url}#question-{question.pk}"


QUESTION = register(
    ReportTarget(
        slug="cllr_q",
        label=_("Question to a councillor"),
        model=Question,
        title=lambda question: question.body[:80],
        text=lambda question: f"{question.body}\n{question.answer}".strip(),
        url=_url,
        owners=lambda question: [question.asker] if question.asker_id else [],
        can_see=lambda user, question: question.seat.is_public,
        link_text=_("this question"),
        select_related=("seat__ward", "asker"),
    )
)
