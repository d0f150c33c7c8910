"""What every part of the demo borough is given, and what parts leave for later parts."""

import random
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from tqdm import tqdm

from .models import DemoObject
from .sizes import Size

BATCH_SIZE = 2_000
DEMO_EMAIL_DOMAIN = "demo.northbrook.invalid"


@dataclass
class DemoContext:
    size: Size
    seed: int
    now: datetime
    demo_password: str = "coproduce-demo"
    show_progress: bool = False
    write: Any = print  # one line of output, e.g. a management command's stdout.write
    # Filled in by parts, in creation order, for the parts after them.
    wards: list = field(default_factory=list)
    streets: list = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def random(self, part: str) -> random.Random:
        """An independent stream per part: a new part never shifts what earlier parts made."""
        return random.Random(f"{self.seed}:{part}")

    def progress(self, *, total: int, desc: str) -> tqdm:
        return tqdm(
            total=total,
            desc=desc,
            unit=" rows",
            file=sys.stderr,
            disable=not (self.show_progress and sys.stderr.isatty()),
            leave=False,
        )

    def remember(self, objects: Iterable[models.Model]) -> None:
        """Record rows as demo data, so a reset finds them."""
        DemoObject.objects.bulk_create(
            [DemoObject(model_label=obj._meta.label_lower, object_id=obj.pk) for obj in objects],
            batch_size=BATCH_SIZE,
        )


def remembered(model: type[models.Model]) -> models.QuerySet:
    """Primary keys of the demo rows of one model, as a subquery."""
    return DemoObject.objects.filter(model_label=model._meta.label_lower).values("object_id")


def forget(model: type[models.Model]) -> None:
    DemoObject.objects.filter(model_label=model._meta.label_lower).delete()


@contextmanager
def keeping_dates(*models_: type[models.Model]) -> Iterator[None]:
    """While open, rows of these models keep the created and changed times the demo gives
    them (a comment made in March says March), instead of now; rows given none get now.

    Only for building the demo, in one process: it changes how the models' automatic date
    fields save, and puts that back on the way out.
    """
    patched = []
    for model in models_:
        for date_field in model._meta.concrete_fields:
            if getattr(date_field, "auto_now", False) or getattr(date_field, "auto_now_add", False):
                date_field.pre_save = _keep_given(date_field)
                patched.append(date_field)
    try:
        yield
    finally:
        for date_field in patched:
            del date_field.pre_save


def _keep_given(date_field):
    automatic = type(date_field).pre_save

    def pre_save(model_instance, add):
        given = getattr(model_instance, date_field.attname)
        return given if given is not None else automatic(date_field, model_instance, add)

    return pre_save


def dated(obj: models.Model, when: datetime) -> models.Model:
    """Give a row its created and changed times (saved as given inside keeping_dates)."""
    obj.created_at = when
    obj.updated_at = when
    return obj
