"""Demo evidence on projects: a part of the demo borough (coproduce/demo/parts/).

Some active and completed projects get a pack of small documents (a CSV of monthly figures,
meeting notes as text, a one-page PDF; one in five kept for the project team), uploaded by
their lead. Every active and completed project gets a year of monthly outcome figures (people
involved and hours given; money saved for some), recorded a few days after each month by its
lead, with an occasional correction so the history shows one. Rows go in with bulk_create,
bypassing the services on purpose; files are tiny and made here. `build(ctx)` after projects;
`clear()` before them.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from coproduce.projects.models import Document, Measure, OutcomeRecord, Owner, Project

from ..context import BATCH_SIZE, DemoContext, dated, forget, keeping_dates, remembered

MONTHS = 12
DOCUMENT_SHARE = 0.3  # of active and completed projects, up to MAX_DOCUMENT_PROJECTS
MAX_DOCUMENT_PROJECTS = 300  # files are written to storage: keep the large borough quick
TEAM_ONLY_SHARE = 0.2
MONEY_SHARE = 0.3
CORRECTION_SHARE = 0.03
NOTES = [
    "We met at the community centre. Eight people came. We agreed to start in spring.",
    "The council has agreed the budget. We need two more volunteers for Saturdays.",
    "Thank you to everyone who helped. Next meeting is the first Tuesday of the month.",
]


def build(ctx: DemoContext) -> None:
    rng = ctx.random("evidence")
    projects = list(
        Project.objects.filter(
            pk__in=remembered(Project),
            status__in=[Project.Status.ACTIVE, Project.Status.COMPLETED],
            is_hidden=False,
        )
        .order_by("pk")
        .only("id", "title", "status", "created_at")
    )
    leads = dict(
        Owner.objects.filter(project__in=projects, user__isnull=False)
        .order_by("-pk")
        .values_list("project_id", "user_id")
    )
    measures = {m.name: m for m in Measure.objects.filter(is_active=True)}
    documents = _documents(ctx, rng, projects, leads)
    figures = _figures(ctx, rng, projects, leads, measures)
    ctx.counts["project_documents"] = documents
    ctx.counts["outcome_figures"] = figures


def _documents(ctx, rng: random.Random, projects, leads) -> int:
    chosen = [p for p in projects if rng.random() < DOCUMENT_SHARE][:MAX_DOCUMENT_PROJECTS]
    made = []
    with keeping_dates(Document):
        for project in chosen:
            when = min(project.created_at + timedelta(days=rng.randint(7, 60)), ctx.now)
            for title, extension, content in rng.sample(_files(rng, project), rng.randint(1, 3)):
                document = Document(
                    project=project,
                    title=title,
                    kind="txt" if extension == "txt" else extension,
                    extension=extension,
                    download_name=f"{title.replace(' ', '-')}.{extension}",
                    size=len(content),
                    team_only=rng.random() < TEAM_ONLY_SHARE,
                    uploaded_by_id=leads.get(project.pk),
                )
                document.file.save(f"demo.{extension}", ContentFile(content), save=False)
                made.append(dated(document, when))
        Document.objects.bulk_create(made, batch_size=BATCH_SIZE)
    ctx.remember(made)
    return len(made)


def _files(rng: random.Random, project) -> list[tuple[str, str, bytes]]:
    rows = ["month,people,hours"] + [
        f"{month:02d},{rng.randint(3, 30)},{rng.randint(5, 120)}" for month in range(1, 13)
    ]
    return [
        ("Monthly figures", "csv", ("\n".join(rows) + "\n").encode()),
        ("Meeting notes", "txt", (rng.choice(NOTES) + "\n").encode()),
        ("Project summary", "pdf", _pdf(f"{project.title}: project summary")),
    ]


def _pdf(line: str) -> bytes:
    """A valid one-page PDF with one line of text, a few hundred bytes, made by hand."""
    text = "".join(c for c in line if c.isascii() and c not in "()\\")[:80]
    stream = f"BT /F1 14 Tf 60 780 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _figures(ctx, rng: random.Random, projects, leads, measures) -> int:
    people, hours = measures.get("People involved"), measures.get("Hours given")
    money = measures.get("Money saved")
    if people is None or hours is None:
        return 0
    today = timezone.localtime(ctx.now).date()
    months = _last_months(today, MONTHS)
    total = 0
    batch: list[OutcomeRecord] = []
    with keeping_dates(OutcomeRecord), ctx.progress(total=len(projects), desc="Outcomes") as bar:
        for project in projects:
            started = timezone.localtime(project.created_at).date()
            size = rng.randint(4, 25)
            chosen = [(people, size), (hours, size * rng.randint(2, 6))]
            if money is not None and rng.random() < MONEY_SHARE:
                chosen.append((money, rng.randint(50, 800)))
            for start, end in months:
                if end < started:
                    continue
                for measure, typical in chosen:
                    value = Decimal(max(0, round(typical * rng.uniform(0.6, 1.4))))
                    batch.append(_record(ctx, rng, project, measure, value, start, end, leads))
            bar.update(1)
            if len(batch) >= BATCH_SIZE:
                total += _save(ctx, rng, batch)
                batch = []
        total += _save(ctx, rng, batch)
    return total


def _record(ctx, rng, project, measure, value, start, end, leads) -> OutcomeRecord:
    recorded = datetime.combine(end + timedelta(days=rng.randint(1, 10)), time(10))
    recorded = min(timezone.make_aware(recorded), ctx.now)
    return OutcomeRecord(
        project_id=project.pk,
        measure=measure,
        value=value,
        period_start=start,
        period_end=end,
        recorded_by_id=leads.get(project.pk),
        recorded_at=recorded,
    )


def _save(ctx, rng: random.Random, batch: list[OutcomeRecord]) -> int:
    """Save a batch; a few figures were corrected later (the old one kept, replaced)."""
    if not batch:
        return 0
    OutcomeRecord.objects.bulk_create(batch, batch_size=BATCH_SIZE)
    ctx.remember(batch)
    corrections, replaced = [], []
    for old in batch:
        if rng.random() < CORRECTION_SHARE:
            when = min(old.recorded_at + timedelta(days=rng.randint(1, 20)), ctx.now)
            old.superseded_at, old.superseded_by_id = when, old.recorded_by_id
            replaced.append(old)
            corrections.append(
                OutcomeRecord(
                    project_id=old.project_id,
                    measure=old.measure,
                    value=old.value + rng.randint(1, 5),
                    period_start=old.period_start,
                    period_end=old.period_end,
                    note="Corrected: a sign-in sheet was found later.",
                    recorded_by_id=old.recorded_by_id,
                    recorded_at=when,
                    replaces_id=old.pk,
                )
            )
    if corrections:
        OutcomeRecord.objects.bulk_update(replaced, ["superseded_at", "superseded_by"])
        OutcomeRecord.objects.bulk_create(corrections, batch_size=BATCH_SIZE)
        ctx.remember(corrections)
    return len(batch) + len(corrections)


def _last_months(today: date, count: int) -> list[tuple[date, date]]:
    """The last `count` whole calendar months before this one, oldest first."""
    months = []
    first = today.replace(day=1)
    for _ in range(count):
        end = first - timedelta(days=1)
        first = end.replace(day=1)
        months.append((first, end))
    return months[::-1]


def clear() -> None:
    documents = Document.objects.filter(pk__in=remembered(Document))
    for document in documents.only("id", "file"):
        document.file.delete(save=False)
    documents.delete()
    records = OutcomeRecord.objects.filter(pk__in=remembered(OutcomeRecord))
    # Corrections first: a record that replaced another protects it from deletion.
    records.filter(replaces__isnull=False).delete()
    records.delete()
    forget(Document)
    forget(OutcomeRecord)
