"""Saving checked CSV rows as services: all of them, or (if asked) all the good ones.

Everything happens in one transaction; each row in a savepoint of its own, so a bad row is
undone alone. Nothing is kept if any row is bad (unless `skip_bad`) or on a dry run.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q

from coproduce.groups.models import Organisation
from coproduce.groups.services import organisation_import
from coproduce.places.models import Place, Ward
from coproduce.places.services import place_create

from . import services
from .csv_rows import RowError, ServiceRow
from .models import Service, TaxonomyTerm


class RowProblem(ValueError):
    """A row that is well formed but does not fit what is in the database."""


@dataclass
class ImportReport:
    good: int = 0
    errors: list[RowError] = field(default_factory=list)
    organisations_added: int = 0
    places_added: int = 0
    saved: bool = False


def import_rows(
    rows: Iterable[ServiceRow | RowError], *, skip_bad: bool = False, dry_run: bool = False
) -> ImportReport:
    """Import every row, or nothing: see the module docstring for when rows are kept."""
    report = ImportReport()
    lookups = _Lookups()
    with transaction.atomic():
        for row in rows:
            if isinstance(row, RowError):
                report.errors.append(row)
                continue
            try:
                with transaction.atomic():
                    added = _import_row(row, lookups)
            except (RowProblem, services.ServiceDataError) as problem:
                report.errors.append(RowError(row.line, str(problem)))
                continue
            except IntegrityError as error:
                report.errors.append(RowError(row.line, f"could not be saved ({error})"))
                continue
            report.good += 1
            report.organisations_added += added.count("organisation")
            report.places_added += added.count("place")
        report.errors.sort(key=lambda e: e.line)
        if dry_run or (report.errors and not skip_bad):
            transaction.set_rollback(True)
        else:
            report.saved = True
    return report


class _Lookups:
    """Wards and categories, read once: an import never adds either."""

    def __init__(self):
        self.wards = {}
        for ward in Ward.objects.all():
            self.wards[ward.name.lower()] = ward
            self.wards[ward.slug.lower()] = ward
        self.terms = {}
        for term in TaxonomyTerm.objects.select_related("taxonomy"):
            self.terms.setdefault(term.code.lower(), term)
            self.terms.setdefault(term.term.lower(), term)


def _import_row(row: ServiceRow, lookups: _Lookups) -> list[str]:
    added: list[str] = []
    organisation = _organisation(row, added)
    if Service.objects.filter(organisation=organisation, name__iexact=row.name).exists():
        raise RowProblem(f"{organisation.name} already has a service called {row.name!r}")
    place = _place(row, lookups, added)
    unknown = [t for t in row.taxonomy_terms if t.lower() not in lookups.terms]
    if unknown:
        raise RowProblem(f"unknown taxonomy terms: {', '.join(unknown)}")
    costs = []
    if row.cost_amount is not None or row.cost_text:
        costs.append(
            services.Cost(
                option="Free" if row.cost_amount == 0 else "" if row.cost_amount else row.cost_text,
                amount=row.cost_amount,
                amount_description=row.cost_text if row.cost_amount else "",
            )
        )
    services.service_create(
        organisation=organisation,
        name=row.name,
        description=row.description,
        url=row.url,
        email=row.email,
        places=[place] if place else [],
        contacts=[services.ContactDetails(title="Enquiries", phone=row.phone)] if row.phone else [],
        openings=[
            services.Opening(days=o.days, opens_at=o.opens, closes_at=o.closes)
            for o in row.openings
        ],
        minimum_age=row.minimum_age,
        maximum_age=row.maximum_age,
        costs=costs,
        terms=[lookups.terms[t.lower()] for t in row.taxonomy_terms],
    )
    return added


def _organisation(row: ServiceRow, added: list[str]) -> Organisation:
    found = list(Organisation.objects.filter(name__iexact=row.organisation)[:2])
    if len(found) > 1:
        raise RowProblem(f"more than one organisation is called {row.organisation!r}")
    if found:
        if found[0].kind != row.organisation_kind:
            raise RowProblem(
                f"{found[0].name} is already listed as {found[0].get_kind_display()}, "
                f"not {row.organisation_kind}"
            )
        return found[0]
    added.append("organisation")
    return organisation_import(
        name=row.organisation, kind=row.organisation_kind, source="import_services"
    )


def _place(row: ServiceRow, lookups: _Lookups, added: list[str]) -> Place | None:
    if row.place_name:
        found = list(Place.objects.filter(name__iexact=row.place_name, is_listed=True)[:2])
        if len(found) > 1:
            raise RowProblem(f"more than one place is called {row.place_name!r}")
        if found:
            return found[0]
        if row.new_place is None:
            raise RowProblem(
                f"there is no place called {row.place_name!r}; give its address, postcode, "
                "latitude, longitude and ward to add it"
            )
    new = row.new_place
    if new is None:
        return None
    ward = lookups.wards.get(new.ward.lower())
    if ward is None:
        raise RowProblem(f"there is no ward called {new.ward!r}")
    same_address = Place.objects.filter(
        Q(address__iexact=new.address), postcode__iexact=new.postcode, is_listed=True
    ).first()
    if same_address is not None and not row.place_name:
        return same_address
    added.append("place")
    return place_create(
        kind=Place.Kind.BUILDING,
        name=row.place_name or new.address.split(",")[0].strip(),
        ward=ward,
        address=new.address,
        postcode=new.postcode,
        latitude=new.latitude,
        longitude=new.longitude,
    )
