"""Building a data export, run by the task worker (see tasks.py)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from coproduce.common.email import absolute_url, email_queue

from .export import personal_data_zip
from .models import DataExport
from .tokens import export_link_token


@transaction.atomic
def export_build(*, export_id: int) -> int:
    """Build the zip for a queued export, keep it with the export, and email its recipient a
    link that works for RETENTION["data_exports_days"] days. Returns the zip's size; 0 when
    the export is gone or was already built."""
    export = (
        DataExport.objects.select_for_update(of=("self",))
        .select_related("person", "recipient")
        .filter(pk=export_id, status=DataExport.Status.QUEUED)
        .first()
    )
    if export is None:
        return 0
    content = personal_data_zip(export.person)
    now = timezone.now()
    export.content = content
    export.size = len(content)
    export.status = DataExport.Status.READY
    export.ready_at = now
    export.expires_at = now + timedelta(days=settings.RETENTION["data_exports_days"])
    export.save()
    link = absolute_url(reverse("personal_data:download", args=[export_link_token(export.pk)]))
    if not export.recipient.has_email:
        # Someone with no email address (registered by an officer) is given the download by
        # whoever asked for it on their behalf; nothing to send.
        return export.size
    email_queue(
        to=export.recipient.email,
        template_base="personal_data/email/export_ready",
        context={
            "link": link,
            "days": settings.RETENTION["data_exports_days"],
            "for_someone_else": export.for_someone_else,
            "export_id": export.pk,
        },
    )
    return export.size
