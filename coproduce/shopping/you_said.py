"""Mystery shopping results as a "you said, we did" source: one item per service in a
finished programme, which the service's owner responds to with actions and dates.
Registered from ShoppingConfig.ready()."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.yousaid.sources import Source, register

from . import permissions
from .models import Programme, ProgrammeService


def _fetch(pk: int) -> ProgrammeService | None:
    link = (
        ProgrammeService.objects.filter(pk=pk)
        .select_related("programme", "service__organisation")
        .first()
    )
    if link is None or link.programme.status == Programme.Status.DRAFT:
        return None
    return link


SHOPPING = Source(
    key="shopping",
    label=_("Mystery shopping"),
    fetch=_fetch,
    title=lambda link: (
        _("Mystery shopping at %(service)s: %(programme)s")
        % {"service": link.service.name, "programme": link.programme.title}
    ),
    url=lambda link: reverse("shopping:service_results", args=[link.programme_id, link.service_id]),
    service=lambda link: link.service,
    is_ready=lambda link: link.programme.status == Programme.Status.CLOSED,
    may_respond=lambda user, link: permissions.can_see_service_results(user, link.service),
)


def register_source() -> None:
    register(SHOPPING)
