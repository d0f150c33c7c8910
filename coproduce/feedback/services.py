"""Every write to feedback: giving it, and the service's answer."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common import limits
from coproduce.common.email import absolute_url, email_queue
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.directory.models import Service
from coproduce.notifications.services import notify
from coproduce.staff.services import audit_record

from . import kinds
from .models import Feedback, Rating
from .permissions import is_organiser, may_manage_feedback

MAX_WORDS = 2000


@transaction.atomic
def feedback_give(
    *,
    service: Service,
    rating: int,
    went_well: str = "",
    could_be_better: str = "",
    person=None,
    show_name: bool = False,
    contact_by: str = "",
    contact_email: str = "",
    words_public: bool = False,
    via: str = Feedback.Via.STANDARD,
) -> Feedback:
    """Keep one person's feedback on a service. The standard form and easy read both come
    here. Raises Refusal for a rating off the scale, contact without a way to reach them, or
    a name from someone not signed in.

    Nothing is attached to a person without their say: `show_name` needs a signed-in
    person, contact "through my account" needs one too, and an email is kept only when they
    chose to be contacted by email.
    """
    signed_in = person is not None and getattr(person, "is_authenticated", False)
    if rating not in Rating.values:
        raise Refusal(_("Choose how it went"), field="rating")
    if contact_by not in Feedback.ContactBy.values:
        raise Refusal(_("Choose if we may contact you"), field="contact_by")
    if show_name and not signed_in:
        raise Refusal(_("Sign in to give your name"), field="show_name")
    if contact_by == Feedback.ContactBy.ACCOUNT and not signed_in:
        raise Refusal(_("Sign in to be contacted through your account"), field="contact_by")
    contact_email = contact_email.strip() if contact_by == Feedback.ContactBy.EMAIL else ""
    if contact_by == Feedback.ContactBy.EMAIL and not contact_email:
        raise Refusal(_("Enter the email address we may use"), field="contact_email")
    if len(went_well) > MAX_WORDS or len(could_be_better) > MAX_WORDS:
        raise Refusal(_("Use %(limit)d characters or fewer") % {"limit": MAX_WORDS})
    return Feedback.objects.create(
        service=service,
        person=person if signed_in else None,
        show_name=bool(show_name and signed_in),
        rating=rating,
        went_well=went_well.strip(),
        could_be_better=could_be_better.strip(),
        contact_by=contact_by,
        contact_email=contact_email,
        words_public=words_public,
        via=via,
    )


@transaction.atomic
def feedback_answer(*, feedback: Feedback, by, text: str, public: bool) -> Feedback:
    """The service's answer to one piece of feedback, public or private (a later answer
    replaces the first).

    A private answer reaches the person only if they agreed to be contacted: in the site
    (and by email as they prefer) through their account, or by the email they gave, at
    most a few a day to one address. A public answer is shown on the service's feedback
    page, with their words only if they agreed. An officer answering for a service they do
    not run is written in the audit log.
    """
    service = feedback.service
    if not may_manage_feedback(by, service):
        raise NotAllowed(_("Only the people who run this service can answer its feedback"))
    text = text.strip()
    if not text:
        raise Refusal(_("Enter your answer"), field="text")
    if len(text) > MAX_WORDS:
        raise Refusal(_("Use %(limit)d characters or fewer") % {"limit": MAX_WORDS}, field="text")
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    feedback.answer = text
    feedback.answer_is_public = public
    feedback.answered_at = timezone.now()
    feedback.answered_by = by
    feedback.save(
        update_fields=["answer", "answer_is_public", "answered_at", "answered_by", "updated_at"]
    )
    _tell(feedback)
    if not is_organiser(by, service):
        audit_record(
            actor=by,
            action="feedback.answered",
            target=f"feedback {feedback.pk} on service {service.pk}",
            detail={"public": public},
        )
    return feedback


def _tell(feedback: Feedback) -> None:
    """Let the person know there is an answer, if (and only as) they agreed."""
    service = feedback.service
    url = reverse("feedback:public", args=[service.uuid])
    title = _("%(service)s answered your feedback") % {"service": service.name}
    if feedback.contact_by == Feedback.ContactBy.ACCOUNT and feedback.person_id:
        if feedback.person.is_active:
            notify(
                recipient=feedback.person,
                kind=kinds.FEEDBACK_ANSWER.slug,
                title=title,
                body=feedback.answer,
                url=url,
            )
    elif feedback.contact_by == Feedback.ContactBy.EMAIL and feedback.contact_email:
        address = feedback.contact_email.casefold()
        if limits.within("feedback_answer_email", per=f"feedback-email:{address}"):
            email_queue(
                to=feedback.contact_email,
                template_base="feedback/email/answer",
                context={
                    "service": service.name,
                    "answer": feedback.answer,
                    "url": absolute_url(url),
                },
            )
