"""The project pack: everything someone needs to pick a project up, on one page and as a PDF.

Built from the database each time it is asked for, so it is always current. Contacts: a
person's email only if they agreed (Owner.share_contact); a group's published contacts.
"""

import io
from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.dates.text import when
from coproduce.people.naming import name_for

from .models import Project
from .selectors import council_owns, documents_for, project_for_page


@dataclass
class Pack:
    project: Project
    made_at: datetime
    owners: list[dict] = field(default_factory=list)
    needs: list[dict] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    updates: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    council_owns: bool = False
    url: str = ""


def pack_for(pk: int, *, site_url: str) -> Pack | None:
    project = project_for_page(pk)
    if project is None or project.is_hidden:
        return None
    owners = []
    for owner in project.owners.all():
        if owner.organisation is not None:
            org = owner.organisation
            contact = ", ".join(x for x in [org.email, org.phone, org.website] if x)
            owners.append({"name": org.name, "role": owner.get_role_display(), "contact": contact})
        else:
            # The pack is public: people are named as a visitor would see them. Their email
            # is there only if they agreed to share it in the pack.
            owners.append(
                {
                    "name": name_for(owner.user, None),
                    "role": owner.get_role_display(),
                    "contact": owner.user.email if owner.share_contact else "",
                }
            )
    return Pack(
        project=project,
        made_at=timezone.localtime(),
        owners=owners,
        needs=[
            {
                "title": need.title,
                "skills": ", ".join(skill.name for skill in need.skills.all()),
                "hours": need.hours,
            }
            for need in project.open_needs
        ],
        roles=[f"{role.title} ({role.places})" for role in project.roles.all()],
        resources=[
            r.title + (f": {r.description}" if r.description else "")
            for r in project.resources.all()
        ],
        updates=[
            {"title": u.title, "date": u.created_at, "body": u.body} for u in project.latest_updates
        ],
        # The pack is public: documents kept for the project team are left out.
        documents=[
            {
                "title": document.title,
                "kind": document.kind_label,
                "size": document.size,
                "description": document.description,
                "path": reverse("projects:document_download", args=[project.pk, document.pk]),
                "url": site_url
                + reverse("projects:document_download", args=[project.pk, document.pk]),
            }
            for document in documents_for(project, team=False)
        ],
        council_owns=council_owns(project),
        url=site_url + reverse("projects:detail", args=[project.pk]),
    )


def render_pdf(pack: Pack) -> bytes:
    """The pack as an A4 PDF (ReportLab: pure Python, no system libraries needed)."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    project = pack.project
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=f"Project pack: {project.title}",
        author="Coproduce",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )

    def para(text: str, style: str = "BodyText"):
        return Paragraph(escape(text).replace("\n", "<br/>"), styles[style])

    story = [
        para(_("Project pack"), "Heading3"),
        para(project.title, "Title"),
        para(
            f"{project.get_status_display()} · {project.get_theme_display()}"
            + (f" · {project.ward.name}" if project.ward else "")
        ),
        para(project.summary),
    ]
    if pack.council_owns:
        story.append(para(_("The council is one of the owners.")))
    if project.description:
        story += [para(_("Background"), "Heading2"), para(project.description)]
    if project.parameters_published:
        rows = [
            (_("Budget"), project.fixed_budget),
            (_("Dates"), project.fixed_dates),
            (_("Cannot change"), project.fixed_rules),
            (_("You can shape"), project.open_to_shape),
            (_("How you can help"), project.how_to_help),
        ]
        story.append(para(_("What is fixed and what is open"), "Heading2"))
        story.append(_table([(k, v) for k, v in rows if v], para, colors, mm))
    story.append(para(_("Owners and contacts"), "Heading2"))
    story.append(
        _table(
            [
                (f"{o['name']} ({o['role']})", o["contact"] or _("Contact through the website"))
                for o in pack.owners
            ]
            or [(_("Nobody yet"), "")],
            para,
            colors,
            mm,
        )
    )
    if pack.needs:
        story.append(para(_("What it needs"), "Heading2"))
        for need in pack.needs:
            extra = ", ".join(
                x for x in [need["skills"], f"{need['hours']} hours" if need["hours"] else ""] if x
            )
            story.append(para(f"• {need['title']}" + (f" ({extra})" if extra else "")))
    if pack.roles:
        story += [para(_("Roles for volunteers"), "Heading2")] + [
            para(f"• {r}") for r in pack.roles
        ]
    if pack.resources:
        story += [para(_("What it already has"), "Heading2")] + [
            para(f"• {r}") for r in pack.resources
        ]
    if project.outcome:
        story += [para(_("What came of it"), "Heading2"), para(project.outcome)]
    if pack.documents:
        story.append(para(_("Documents and data"), "Heading2"))
        for document in pack.documents:
            story.append(para(f"• {document['title']} ({document['kind']}): {document['url']}"))
    if pack.updates:
        story.append(para(_("Latest news"), "Heading2"))
        for update in pack.updates:
            story.append(para(f"{update['date']:%d %B %Y}: {update['title']}", "Heading4"))
            story.append(para(update["body"]))
    story += [
        Spacer(1, 6 * mm),
        para(
            _("Made on %(when)s. The latest is always at %(url)s")
            % {"when": when(pack.made_at), "url": pack.url},
            "Italic",
        ),
    ]
    doc.build(story)
    return out.getvalue()


def _table(rows, para, colors, mm):
    from reportlab.platypus import Table, TableStyle

    table = Table([[para(k), para(v)] for k, v in rows], colWidths=[55 * mm, 115 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
            ]
        )
    )
    return table
