"""Every write of ward populations: one estimate at a time, or a whole file of them."""

import csv
import io
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.common.errors import Refusal
from coproduce.common.numbers import NumberError, whole_number
from coproduce.places.models import Ward

from .models import WardPopulation

CODE_COLUMNS = ("ward code", "ward_code", "code", "wd24cd", "wd23cd", "wd22cd", "wd21cd")
NAME_COLUMNS = ("ward name", "ward_name", "name", "ward", "wd24nm", "wd23nm", "wd22nm", "wd21nm")
POPULATION_COLUMNS = ("population", "all ages", "all_ages", "total", "people")
LARGEST_WARD = 1_000_000


class BadRow(Refusal):
    """A row of a populations file that cannot be read: which row, and why."""

    def __init__(self, *, row: int, reason: str) -> None:
        super().__init__(_("Row %(row)s: %(reason)s") % {"row": row, "reason": reason})
        self.row, self.reason = row, reason


@transaction.atomic
def ward_population_set(*, ward: Ward, population: int, year: int, source: str) -> WardPopulation:
    """Record (or correct) a ward's population for a year."""
    if population < 0:
        raise Refusal(_("A population cannot be less than 0."))
    estimate, _created = WardPopulation.objects.update_or_create(
        ward=ward, year=year, defaults={"population": population, "source": source[:200]}
    )
    return estimate


def _column(header: list[str], names: Iterable[str]) -> int | None:
    wanted = [name.strip().lower() for name in header]
    for name in names:
        if name in wanted:
            return wanted.index(name)
    return None


def _ward_for(code: str, name: str, wards: dict[str, Ward]) -> Ward | None:
    for key in (code, name):
        key = key.strip().lower()
        if key and key in wards:
            return wards[key]
    return None


@transaction.atomic
def ward_populations_import(*, text: str, year: int, source: str) -> int:
    """Read an ONS-style file (a ward code or name, and a population on each row) and record
    every row, or nothing: a bad row raises BadRow naming it, and nothing is written."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise BadRow(row=1, reason=_("the file is empty"))
    header = rows[0]
    code_at, name_at = _column(header, CODE_COLUMNS), _column(header, NAME_COLUMNS)
    population_at = _column(header, POPULATION_COLUMNS)
    if (code_at is None and name_at is None) or population_at is None:
        raise BadRow(
            row=1,
            reason=_("the first row must name a ward code or ward name column and a population"),
        )
    wards: dict[str, Ward] = {}
    for ward in Ward.objects.all():
        wards[ward.name.lower()] = ward
        wards[ward.slug.lower()] = ward
    for code, ward_pk in _ward_codes():
        wards.setdefault(code.lower(), Ward.objects.get(pk=ward_pk))
    seen: set[int] = set()
    count = 0
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        width = max(i for i in (code_at, name_at, population_at) if i is not None) + 1
        if len(row) < width:
            raise BadRow(row=number, reason=_("the row has too few columns"))
        code = row[code_at] if code_at is not None else ""
        name = row[name_at] if name_at is not None else ""
        ward = _ward_for(code, name, wards)
        if ward is None:
            raise BadRow(
                row=number,
                reason=_("there is no ward called %(ward)s")
                % {"ward": (name or code).strip() or _("(empty)")},
            )
        if ward.pk in seen:
            raise BadRow(row=number, reason=_("%(ward)s is in the file twice") % {"ward": ward})
        seen.add(ward.pk)
        try:
            population = whole_number(
                row[population_at].strip().replace(",", ""),
                name=_("The population"),
                minimum=0,
                maximum=LARGEST_WARD,
            )
        except NumberError as error:
            raise BadRow(row=number, reason=str(error)) from None
        ward_population_set(ward=ward, population=population, year=year, source=source)
        count += 1
    if count == 0:
        raise BadRow(row=2, reason=_("the file has no wards in it"))
    return count


def _ward_codes() -> list[tuple[str, int]]:
    """Official ward codes (such as E05013620) the settings give for ward slugs, if any."""
    codes = getattr(settings, "WARD_CODES", {}) or {}
    slugs = dict(Ward.objects.filter(slug__in=list(codes)).values_list("slug", "pk"))
    return [(code, slugs[slug]) for slug, code in codes.items() if slug in slugs]
