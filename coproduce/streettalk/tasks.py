"""Finding a day's themes, run by the task worker (services.themes_request queues it).

Each entry is embedded once: its vector is kept on the row, so finding themes again after
more entries arrive embeds only the new ones. Services import this module only inside a
function: this one imports them.

The app's ready() imports this module in every process, web workers included, so numpy and
the embedder are imported only where themes are found, in the worker.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from django_tasks import task

from . import services
from .models import StreetDay, StreetEntry

SAVE_BATCH = 500

if TYPE_CHECKING:
    from coproduce.skills.engine.embedder import Embedder


@cache
def _embedder() -> Embedder:
    from coproduce.skills.engine.embedder import Embedder

    return Embedder()


def vectors_fill(day_id: int) -> int:
    """Embed the day's entries that have no vector yet. Returns how many were embedded."""
    missing = list(
        StreetEntry.objects.filter(day_id=day_id, vector__isnull=True).only("pk", "said")
    )
    if not missing:
        return 0
    # The same words said twice (or typed twice) are embedded once.
    import numpy as np

    texts = sorted({entry.said for entry in missing})
    vectors = _embedder().embed(texts)
    vector_of = {
        text: v.astype(np.float32).tobytes() for text, v in zip(texts, vectors, strict=True)
    }
    for entry in missing:
        entry.vector = vector_of[entry.said]
    StreetEntry.objects.bulk_update(missing, ["vector"], batch_size=SAVE_BATCH)
    return len(missing)


def themes_work_out(day_id: int) -> list[list[int]]:
    """The day's themes as lists of entry ids (embedding what is missing first)."""
    vectors_fill(day_id)
    rows = list(
        StreetEntry.objects.filter(day_id=day_id).order_by("pk").values_list("pk", "vector")
    )
    if not rows:
        return []
    import numpy as np

    from coproduce.skills.engine.embedder import DIMENSIONS

    from . import grouping

    ids = [pk for pk, _vector in rows]
    matrix = np.frombuffer(b"".join(bytes(v) for _pk, v in rows), dtype=np.float32)
    found = grouping.group(matrix.reshape(len(rows), DIMENSIONS))
    return [[ids[i] for i in members] for members in found.themes]


@task()
def themes_find(day_id: int) -> int:
    """Find the day's themes again. Returns how many themes there are now."""
    day = StreetDay.objects.filter(pk=day_id).first()
    if day is None:
        return 0
    return len(services.themes_replace(day=day, groups=themes_work_out(day_id)))
