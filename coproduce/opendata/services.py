"""Writes for open data: importing places from a checked CSV."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import transaction
from django.utils import timezone

from coproduce.places.models import Place, Ward
from coproduce.places.services import places_create, places_update

from .rows import PlaceRow, RowError, name_key, normalise_postcode

T = TypeVar("T")
Progress = Callable[[Iterable[T], str, int], Iterable[T]]
Key = tuple[str, int, str]  # (name, ward id, postcode): what makes a place the same place

BATCH_SIZE = 1000
UPDATED_FIELDS = [
    "name",
    "kind",
    "description",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "map_x",
    "map_y",
    "open_week",
    "owner",
    "step_free",
    "facilities",
    "accessibility",
    "opening_hours",
    "building",
    "updated_at",
]


def no_progress(items: Iterable[T], description: str, total: int) -> Iterable[T]:
    return items


@dataclass
class ImportResult:
    """What an import did (or, for a dry run or a refused file, would have done)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0  # known only after writing: a dry run counts these as updated
    errors: list[RowError] = field(default_factory=list)
    written: bool = False


@dataclass
class _Plan:
    row: PlaceRow
    ward: Ward
    key: Key
    existing_pk: int | None = None
    building_key: Key | None = None


def _key(name: str, ward_id: int, postcode: str) -> Key:
    return (name_key(name), ward_id, normalise_postcode(postcode))


def _ward_finder() -> Callable[[str], Ward | None]:
    by_name: dict[str, Ward] = {}
    by_slug: dict[str, Ward] = {}
    for ward in Ward.objects.only("id", "name", "slug"):
        by_name[name_key(ward.name)] = ward
        by_slug[ward.slug.lower()] = ward
    return lambda text: by_name.get(name_key(text)) or by_slug.get(text.strip().lower())


def _plan(rows: Sequence[PlaceRow]) -> tuple[list[_Plan], list[RowError]]:
    """Find each row's ward and the place it updates, if any. Rooms' buildings come later."""
    find_ward = _ward_finder()
    errors: list[RowError] = []
    plans: list[_Plan] = []
    first_line: dict[Key, int] = {}
    for row in rows:
        ward = find_ward(row.ward)
        if ward is None:
            errors.append(RowError(row.line, "ward", f"there is no ward called {row.ward!r}"))
            continue
        key = _key(row.name, ward.pk, row.postcode)
        if key in first_line:
            errors.append(
                RowError(
                    row.line,
                    "name",
                    f"line {first_line[key]} has a place with the same name, ward and postcode",
                )
            )
            continue
        first_line[key] = row.line
        plans.append(_Plan(row=row, ward=ward, key=key))

    existing: dict[Key, list[int]] = defaultdict(list)
    ward_ids = {plan.ward.pk for plan in plans}
    for pk, name, ward_id, postcode in Place.objects.filter(ward_id__in=ward_ids).values_list(
        "pk", "name", "ward_id", "postcode"
    ):
        existing[_key(name, ward_id, postcode)].append(pk)
    with_rooms = set(
        Place.objects.filter(building__isnull=False).values_list("building_id", flat=True)
    )
    good: list[_Plan] = []
    for plan in plans:
        matches = existing.get(plan.key, [])
        if len(matches) > 1:
            errors.append(
                RowError(
                    plan.row.line,
                    "name",
                    f"{len(matches)} places already have this name, ward and postcode, so "
                    "it is not clear which to update",
                )
            )
            continue
        plan.existing_pk = matches[0] if matches else None
        if plan.existing_pk in with_rooms and plan.row.kind != Place.Kind.BUILDING:
            errors.append(
                RowError(plan.row.line, "kind", "this place has rooms, so it must stay a building")
            )
            continue
        good.append(plan)
    return good, errors


def _find_buildings(
    plans: list[_Plan], bad_lines: set[int], all_rows: Sequence[PlaceRow]
) -> tuple[list[_Plan], list[RowError]]:
    """Give each room the key of its building: one in the file, or one already added."""
    candidates: dict[str, dict[Key, str]] = defaultdict(dict)  # name -> key -> where
    buildings = Place.objects.filter(kind=Place.Kind.BUILDING)
    for name, ward_id, postcode in buildings.values_list("name", "ward_id", "postcode"):
        candidates[name_key(name)][_key(name, ward_id, postcode)] = "database"
    for plan in plans:
        names = candidates[name_key(plan.row.name)]
        if plan.row.kind == Place.Kind.BUILDING:
            names[plan.key] = "file"
        else:
            names.pop(plan.key, None)  # the file turns this building into something else
    bad_buildings = {
        name_key(row.name): row.line
        for row in all_rows
        if row.line in bad_lines and row.kind == Place.Kind.BUILDING
    }
    errors: list[RowError] = []
    good: list[_Plan] = []
    for plan in plans:
        if plan.row.kind != Place.Kind.ROOM:
            good.append(plan)
            continue
        wanted = name_key(plan.row.building)
        found = list(candidates.get(wanted, {}))
        if len(found) > 1:
            found = [key for key in found if key[1] == plan.ward.pk]
        if len(found) == 1:
            plan.building_key = found[0]
            good.append(plan)
        elif found:
            errors.append(
                RowError(
                    plan.row.line,
                    "building",
                    f"more than one building in {plan.ward.name} is called {plan.row.building!r}",
                )
            )
        elif wanted in bad_buildings:
            errors.append(
                RowError(
                    plan.row.line,
                    "building",
                    f"the building {plan.row.building!r} on line {bad_buildings[wanted]} has "
                    "problems, so this room cannot be added",
                )
            )
        else:
            hint = " (if it is on a line with problems, fix that line first)" if bad_lines else ""
            errors.append(
                RowError(
                    plan.row.line,
                    "building",
                    f"there is no building called {plan.row.building!r} in the file or already "
                    f"added{hint}",
                )
            )
    return good, errors


def _place(plan: _Plan, building_id: int | None, now) -> Place:
    row = plan.row
    # Unsaved: the places service checks it and works out its stored fields as it writes it.
    return Place(
        pk=plan.existing_pk,
        kind=row.kind,
        name=row.name,
        description=row.description,
        address=row.address,
        postcode=row.postcode,
        ward=plan.ward,
        latitude=row.latitude,
        longitude=row.longitude,
        owner=row.owner,
        step_free=row.step_free,
        facilities=row.facilities,
        accessibility=row.accessibility,
        opening_hours=row.opening_hours,
        building_id=building_id,
        updated_at=now,
    )


def _batches(items: list[T]) -> list[list[T]]:
    return [items[start : start + BATCH_SIZE] for start in range(0, len(items), BATCH_SIZE)]


def _building_ids() -> dict[Key, int]:
    buildings = Place.objects.filter(kind=Place.Kind.BUILDING)
    return {
        _key(name, ward_id, postcode): pk
        for pk, name, ward_id, postcode in buildings.values_list(
            "pk", "name", "ward_id", "postcode"
        )
    }


def _write(plans: list[_Plan], progress: Progress) -> int:
    """Create and update the places; buildings first, so rooms can point at them.

    Gives how many existing places actually changed: the others are left untouched, so
    importing the same file twice writes nothing the second time.
    """
    now = timezone.now()
    updated = 0
    pks = _building_ids()
    # Rooms go in after every building, so the buildings they name already have an id.
    others = [plan for plan in plans if plan.row.kind != Place.Kind.ROOM]
    rooms = [plan for plan in plans if plan.row.kind == Place.Kind.ROOM]
    for batch in progress(_batches(others) + _batches(rooms), "Saving", len(plans)):
        new: list[tuple[_Plan, Place]] = []
        changed: list[Place] = []
        for plan in batch:
            building_id = pks[plan.building_key] if plan.building_key else None
            place = _place(plan, building_id, now)
            if plan.existing_pk is None:
                new.append((plan, place))
            else:
                changed.append(place)
                pks[plan.key] = plan.existing_pk
        places_create(places=[place for _plan, place in new])
        for plan, place in new:
            pks[plan.key] = place.pk
        if any(place.pk is None for _plan, place in new):
            pks = _building_ids()  # a database that cannot return ids from a bulk insert
        updated += len(places_update(places=changed, fields=UPDATED_FIELDS))
    return updated


@transaction.atomic
def places_import(
    *,
    rows: Sequence[PlaceRow],
    errors: Sequence[RowError] = (),
    skip_bad: bool = False,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Add the rows as places, or update the place with the same name, ward and postcode.

    `errors` are problems already found in the file. Unless `skip_bad`, one bad row means
    nothing is written. Either every good row is written or none is (one transaction).
    Rooms must name a building in the same rows or one already added.
    """
    found = list(errors)
    plans, problems = _plan(rows)
    found += problems
    bad_lines = {error.line for error in found}
    plans, problems = _find_buildings(plans, bad_lines, rows)
    found += problems
    found.sort(key=lambda error: error.line)
    result = ImportResult(
        created=sum(plan.existing_pk is None for plan in plans),
        updated=sum(plan.existing_pk is not None for plan in plans),
        errors=found,
    )
    if dry_run or (found and not skip_bad):
        return result
    result.updated = _write(plans, progress)
    result.unchanged = len(plans) - result.created - result.updated
    result.written = True
    return result
