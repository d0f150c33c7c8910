"""The only writers of street champions: applying, answering, stepping down, ending, messages.

Every refusal is a `Refusal` with a message for the person; nothing is written when one is
raised. The champion is told of each outcome through `notifications.notify`.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify
from coproduce.people.naming import name_for
from coproduce.places.models import Street

from . import kinds, permissions
from .models import ChampionApplication, ChampionMessage, StreetChampion

LONGEST_WHY = 2_000
LONGEST_REASON = 2_000
LONGEST_MESSAGE = 2_000


def _lock_person(user) -> None:
    """Take the person's row lock, so two approvals for one person count streets in turn."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _held_street_ids(user) -> set[int]:
    return set(
        StreetChampion.objects.filter(champion_id=user.pk, ended_at__isnull=True).values_list(
            "street_id", flat=True
        )
    )


def _check_cap(user, street_ids: Iterable[int]) -> list[int]:
    """The new streets (not yet held); Refusal if holding them all would pass the cap."""
    held = _held_street_ids(user)
    new = [street_id for street_id in street_ids if street_id not in held]
    most = permissions.most_streets()
    if len(held) + len(new) > most:
        raise Refusal(
            ngettext(
                "A champion can look after up to %(most)d street. Choose fewer streets.",
                "A champion can look after up to %(most)d streets. Choose fewer streets.",
                most,
            )
            % {"most": most},
            field="streets",
        )
    return new


@transaction.atomic
def application_submit(*, applicant, streets: list[Street], why: str) -> ChampionApplication:
    """Record a waiting application for streets in one ward. One waiting per person."""
    if not permissions.may_apply(applicant):
        raise NotAllowed(_("Confirm your email address before you apply."))
    why = why.strip()
    if not why:
        raise Refusal(_("Say why you want to be a street champion."), field="why")
    if len(why) > LONGEST_WHY:
        raise Refusal(_("Write %(n)d characters or fewer.") % {"n": LONGEST_WHY}, field="why")
    streets = list({street.pk: street for street in streets}.values())
    if not streets:
        raise Refusal(_("Choose at least one street."), field="streets")
    if len({street.ward_id for street in streets}) > 1:
        raise Refusal(_("Choose streets in one ward only."), field="streets")
    _lock_person(applicant)
    new = _check_cap(applicant, [street.pk for street in streets])
    if not new:
        raise Refusal(_("You are already the champion for these streets."), field="streets")
    if ChampionApplication.objects.filter(
        applicant_id=applicant.pk, status=ChampionApplication.Status.WAITING
    ).exists():
        raise Refusal(_("You already have an application waiting for an answer."))
    application = ChampionApplication.objects.create(applicant=applicant, why=why)
    application.streets.set(new)
    return application


@transaction.atomic
def application_withdraw(*, application: ChampionApplication, by) -> ChampionApplication:
    """The applicant takes back a waiting application."""
    application = ChampionApplication.objects.select_for_update().get(pk=application.pk)
    if by is None or application.applicant_id != by.pk:
        raise NotAllowed(_("Only the person who applied can withdraw this."))
    if application.status != ChampionApplication.Status.WAITING:
        raise Refusal(_("This application has already been answered."))
    application.status = ChampionApplication.Status.WITHDRAWN
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_at", "updated_at"])
    return application


def _waiting_for_officer(application: ChampionApplication, by) -> ChampionApplication:
    if not permissions.is_officer(by):
        raise NotAllowed(_("Only council officers can answer applications."))
    application = (
        ChampionApplication.objects.select_for_update()
        .select_related("applicant")
        .get(pk=application.pk)
    )
    if application.status != ChampionApplication.Status.WAITING:
        raise Refusal(_("This application has already been answered."))
    return application


@transaction.atomic
def application_approve(*, application: ChampionApplication, by, reason: str = "") -> list:
    """Say yes: the applicant becomes champion of each street asked for (within the cap).

    Returns the new roles. The applicant is told.
    """
    application = _waiting_for_officer(application, by)
    applicant = application.applicant
    if not applicant.is_active:
        raise Refusal(_("This person has closed their account."))
    _lock_person(applicant)
    street_ids = list(application.streets.order_by("pk").values_list("pk", flat=True))
    new = _check_cap(applicant, street_ids)
    roles = StreetChampion.objects.bulk_create(
        [
            StreetChampion(champion=applicant, street_id=street_id, application=application)
            for street_id in new
        ]
    )
    application.status = ChampionApplication.Status.APPROVED
    application.decided_by = by
    application.decided_at = timezone.now()
    application.reason = reason.strip()[:LONGEST_REASON]
    application.save(update_fields=["status", "decided_by", "decided_at", "reason", "updated_at"])
    notify(
        recipient=applicant,
        kind=kinds.CHAMPION_ROLE.slug,
        title=_("You are now a street champion"),
        body=_(
            "The council said yes to your application. Thank you. "
            "Your street pack has a flyer for each of your streets."
        )
        + (f"\n\n{application.reason}" if application.reason else ""),
        url=reverse("champions:mine"),
    )
    return roles


@transaction.atomic
def application_decline(
    *, application: ChampionApplication, by, reason: str
) -> ChampionApplication:
    """Say no, with a reason the applicant is told."""
    reason = reason.strip()
    if not reason:
        raise Refusal(_("Say why, so the person knows."), field="reason")
    application = _waiting_for_officer(application, by)
    application.status = ChampionApplication.Status.DECLINED
    application.decided_by = by
    application.decided_at = timezone.now()
    application.reason = reason[:LONGEST_REASON]
    application.save(update_fields=["status", "decided_by", "decided_at", "reason", "updated_at"])
    notify(
        recipient=application.applicant,
        kind=kinds.CHAMPION_ROLE.slug,
        title=_("Your application to be a street champion"),
        body=_("The council did not say yes this time. This is why:") + f"\n\n{application.reason}",
        url=reverse("champions:mine"),
    )
    return application


def _current_role(role: StreetChampion) -> StreetChampion:
    role = (
        StreetChampion.objects.select_for_update()
        .select_related("champion", "street")
        .get(pk=role.pk)
    )
    if role.ended_at is not None:
        raise Refusal(_("This role has already ended."))
    return role


@transaction.atomic
def champion_step_down(*, role: StreetChampion, by) -> StreetChampion:
    """The champion stops looking after this street."""
    if by is None or role.champion_id != by.pk:
        raise NotAllowed(_("Only the champion can step down."))
    role = _current_role(role)
    role.ended_at = timezone.now()
    role.ending = StreetChampion.Ending.STEPPED_DOWN
    role.ended_by = by
    role.save(update_fields=["ended_at", "ending", "ended_by", "updated_at"])
    return role


@transaction.atomic
def champion_end(*, role: StreetChampion, by, reason: str) -> StreetChampion:
    """An officer ends someone's role on a street, with a reason the champion is told."""
    if not permissions.is_officer(by):
        raise NotAllowed(_("Only council officers can end a champion's role."))
    reason = reason.strip()
    if not reason:
        raise Refusal(_("Say why, so the champion knows."), field="reason")
    role = _current_role(role)
    role.ended_at = timezone.now()
    role.ending = StreetChampion.Ending.ENDED
    role.ended_by = by
    role.end_reason = reason[:LONGEST_REASON]
    role.save(update_fields=["ended_at", "ending", "ended_by", "end_reason", "updated_at"])
    notify(
        recipient=role.champion,
        kind=kinds.CHAMPION_ROLE.slug,
        title=_("You are no longer the champion for %(street)s") % {"street": role.street.name},
        body=_("The council ended your role for this street. This is why:")
        + f"\n\n{role.end_reason}",
        url=reverse("champions:mine"),
    )
    return role


@transaction.atomic
def champion_message_send(
    *, champion, sender, body: str, share_email: bool = False, street: Street | None = None
) -> ChampionMessage:
    """Send a champion a message through the site: a notification (emailed as they choose).

    The sender's email address goes with it only when they ask, and they have one.
    """
    if not permissions.signed_in(sender):
        raise NotAllowed(_("Sign in to send a message."))
    if sender.pk == champion.pk:
        raise Refusal(_("You cannot send a message to yourself."))
    if (
        not champion.is_active
        or not StreetChampion.objects.filter(
            champion_id=champion.pk, ended_at__isnull=True
        ).exists()
    ):
        raise Refusal(_("This person is not a street champion now."))
    body = body.strip()
    if not body:
        raise Refusal(_("Write your message."), field="body")
    if len(body) > LONGEST_MESSAGE:
        raise Refusal(_("Write %(n)d characters or fewer.") % {"n": LONGEST_MESSAGE}, field="body")
    share_email = bool(share_email and sender.has_email)
    message = ChampionMessage.objects.create(
        champion=champion, sender=sender, street=street, body=body, share_email=share_email
    )
    text = body
    if share_email:
        text += "\n\n" + _("You can reply by email to %(email)s") % {"email": sender.email}
    else:
        text += "\n\n" + _("They did not share their email address.")
    notify(
        recipient=champion,
        kind=kinds.CHAMPION_MESSAGE.slug,
        title=_("A message from %(name)s") % {"name": name_for(sender, champion)},
        body=text,
        url=reverse("champions:messages"),
    )
    return message
