"""Documents and data that a project's owners attach to it (see filetypes.py for what is taken)."""

import uuid

from django.conf import settings
from django.core.files.storage import default_storage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel

from .projects import Project


def document_storage():
    """A storage of its own when the site sets one up ("documents" in STORAGES, kept off the
    public media address); otherwise the default. Files are only ever sent by the download
    view, which checks who may see them."""
    if "documents" in settings.STORAGES:
        return storages["documents"]
    return default_storage


def _document_path(document: "Document", filename: str) -> str:
    # A random name, never the uploader's: theirs can carry personal details or a risky ending.
    return f"project-documents/{document.project_id}/{uuid.uuid4().hex}.{document.extension}"


KIND_LABELS = {
    "pdf": _("PDF"),
    "docx": _("Word document"),
    "xlsx": _("Excel spreadsheet"),
    "odt": _("OpenDocument text"),
    "ods": _("OpenDocument spreadsheet"),
    "csv": _("CSV data"),
    "txt": _("Text"),
    "png": _("PNG image"),
    "jpeg": _("JPEG image"),
}


class Document(TimeStampedModel):
    """A file attached to a project. Public with the project unless kept for its team."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=150)
    description = models.CharField(_("what it is"), max_length=300, blank=True)
    file = models.FileField(upload_to=_document_path, storage=document_storage, max_length=200)
    kind = models.CharField(max_length=10, editable=False)  # a key of filetypes.KINDS
    extension = models.CharField(max_length=10, editable=False)
    download_name = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False, default=0)
    team_only = models.BooleanField(_("only the project team can see it"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_documents",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["project", "team_only"], name="document_project")]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))
