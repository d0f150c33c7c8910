"""Taking over: a person registered offline gives an email address and the account becomes
theirs. The link sent to the address is an accounts email token (accounts/tokens.py)."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User, normalise_email
from coproduce.accounts.tokens import EmailToken, TokenError, make_token, read_token
from coproduce.common.email import absolute_url, email_queue
from coproduce.common.errors import Refusal
from coproduce.notifications.services import notify
from coproduce.people.naming import name_for

from .. import kinds, permissions
from ..models import Act, OfflineResident
from .log import act_record

TAKEOVER_SALT = "coproduce.offline.take-over"


def takeover_token(*, resident: OfflineResident, email: str) -> str:
    return make_token(EmailToken(user_id=resident.user_id, email=email), salt=TAKEOVER_SALT)


@transaction.atomic
def takeover_request(*, resident: OfflineResident, by: User, email: str) -> None:
    """Send a link to this address to take over the account. An address that already has an
    account gets a note to its owner instead; whoever asked is told the same either way."""
    permissions.check_act_for(by, resident)
    address = normalise_email(email)
    if not address:
        raise Refusal(_("Enter an email address."), field="email")
    owner = User.objects.filter(email=address).first()
    if owner is None:
        email_queue(
            to=address,
            template_base="offline/email/take_over",
            context={
                "link": absolute_url(
                    reverse(
                        "offline:take_over",
                        args=[takeover_token(resident=resident, email=address)],
                    )
                )
            },
        )
    elif owner.is_active and owner.has_email:
        email_queue(
            to=owner.email,
            template_base="offline/email/take_over_taken",
            context={
                "user": owner,
                "sign_in_link": absolute_url(reverse("accounts:sign_in")),
            },
        )
    act_record(resident=resident, by=by, kind=Act.Kind.TAKEOVER_ASKED, thing=resident)


def takeover_check(*, token: str) -> OfflineResident:
    """The record a take-over link is for, if it still works (raises TokenError if not)."""
    data = read_token(token, salt=TAKEOVER_SALT)
    resident = (
        OfflineResident.objects.select_related("user")
        .filter(user_id=data.user_id, taken_over_at__isnull=True, user__is_active=True)
        .first()
    )
    if resident is None or resident.user.email is not None:
        raise TokenError("used")
    return resident


@transaction.atomic
def takeover_confirm(*, token: str, password: str) -> User:
    """The account becomes theirs: the address confirmed, their password set, the record
    marked as taken over (its log kept), and their champion told."""
    data = read_token(token, salt=TAKEOVER_SALT)
    resident = takeover_check(token=token)
    user = User.objects.select_for_update().get(pk=resident.user_id)
    if user.email is not None:
        raise TokenError("used")
    if User.objects.filter(email=data.email).exists():
        raise Refusal(
            _("This email address already has an account. Sign in with it, or use another.")
        )
    user.email = data.email
    user.email_verified_at = timezone.now()
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save(update_fields=["email", "email_verified_at", "password"])
    except IntegrityError as error:  # the same address taken a moment ago
        raise Refusal(
            _("This email address already has an account. Sign in with it, or use another.")
        ) from error
    OfflineResident.objects.filter(pk=resident.pk).update(
        taken_over_at=user.email_verified_at, updated_at=user.email_verified_at
    )
    act_record(resident=resident, by=user, kind=Act.Kind.TAKEN_OVER, thing=resident)
    told = set()
    for helper in (resident.champion, resident.registered_by):
        if helper is None or helper.pk in told or not helper.is_active:
            continue
        told.add(helper.pk)
        notify(
            recipient=helper,
            kind=kinds.OFFLINE_TAKEN_OVER.slug,
            title=_("%(name)s now uses their own account") % {"name": name_for(user, helper)},
            body=_("You do not need to act for them any more. Their log is kept."),
            url=reverse("offline:resident", args=[resident.pk]),
        )
    return user
