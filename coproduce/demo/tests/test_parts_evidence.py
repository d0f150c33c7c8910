import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import PARTS
from coproduce.demo.parts import evidence as demo
from coproduce.demo.tests.factories import TINY
from coproduce.projects import filetypes
from coproduce.projects.models import Document, OutcomeRecord, Project

pytestmark = pytest.mark.django_db


def test_demo_evidence_has_packs_a_year_of_figures_and_clear_goes():
    """Active and completed projects get figures over a year (a correction or two kept in
    the history) and some get small documents that pass the upload checks; clear removes
    them and their files."""
    names = [part.name for part in PARTS]
    after_projects = frozenset(names[names.index("projects") + 1 :])
    ctx = demo_services.demo_context(size=TINY, seed=3, write=lambda line: None)
    demo_services.demo_build(ctx, without=after_projects)
    demo.CORRECTION_SHARE = 0.2  # enough corrections in a tiny borough to see one
    try:
        demo.build(ctx)
    finally:
        demo.CORRECTION_SHARE = 0.03
    records = OutcomeRecord.objects.all()
    assert records.exists()
    assert not records.exclude(
        project__status__in=[Project.Status.ACTIVE, Project.Status.COMPLETED]
    ).exists()
    first = records.order_by("period_start").first().period_start
    assert (ctx.now.date() - first).days > 300
    assert records.filter(replaces__isnull=False).exists()
    assert (
        records.filter(superseded_at__isnull=False).count()
        == records.filter(replaces__isnull=False).count()
    )
    documents = list(Document.objects.all())
    assert documents
    files = []
    for document in documents:
        with document.file.open("rb") as stored:
            content = stored.read()
        name = f"x.{document.extension}"
        assert filetypes.is_kind(content, name=name).key == document.kind
        assert len(content) < 4000
        files.append((document.file.storage, document.file.name))
    demo.clear()
    assert not OutcomeRecord.objects.exists() and not Document.objects.exists()
    assert not any(storage.exists(name) for storage, name in files)
