"""The registry of personal data: what every app holds about a person, and what closing an
account does to it.

Each app declares its models in `<app>/personal_data.py` with `declare(...)`, one declaration
for each link from a model to a person (a ForeignKey, OneToOne or ManyToMany to the user, or a
path through the profile). The modules are imported by name when the app registry is ready, so
this app, on the base floor, imports none of the apps above it.

A declaration says how rows are found (`field`, a lookup from the model to the user), how they
are exported (every concrete field, less `private` ones such as token hashes, or `export_with`)
and how they are erased when the person closes their account:

- `DELETE`: the rows go;
- `ANONYMISE`: the rows stay, with the fields in `clear` set (a link to the person is cleared
  when it may be empty; the person's own fields are emptied);
- `KEEP`: the rows stay as they are, for the `reason` given, which is recorded (the account
  they point to has no name or email left);
- `CUSTOM`: `erase_with(user, choices)` does the work, through the app's own services.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.module_loading import autodiscover_modules


class Erasure(enum.StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    KEEP = "keep"
    CUSTOM = "custom"


@dataclass(frozen=True)
class ClosingChoices:
    """What the person chose when closing their account."""

    remove_comments: bool = False


@dataclass(frozen=True)
class Declaration:
    model: str  # "app_label.ModelName"
    field: str  # lookup from the model to the user: "author", "profile__user"
    kind: str  # the export's file name for these rows: "comments"
    erase: Erasure
    reason: str = ""  # why the rows are kept (KEEP, or what CUSTOM keeps)
    clear: Mapping[str, Any] = field(default_factory=dict)  # ANONYMISE: field -> new value
    private: tuple[str, ...] = ()  # fields never exported (secrets, hashes)
    export_with: Callable[[Any], Iterable[dict]] | None = None
    erase_with: Callable[[Any, ClosingChoices], None] | None = None
    app_label: str = ""

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def link(self) -> str:
        """The field on the model itself that leads to the person."""
        return self.field.split("__", 1)[0]

    def rows(self, user) -> models.QuerySet:
        value = user.pk if self.field == "pk" else user
        return self.model_class._default_manager.filter(**{self.field: value}).order_by("pk")


_declarations: list[Declaration] = []


def declare(
    model: str,
    *,
    field: str,
    kind: str,
    erase: Erasure,
    reason: str = "",
    clear: Mapping[str, Any] | None = None,
    private: tuple[str, ...] = (),
    export_with: Callable[[Any], Iterable[dict]] | None = None,
    erase_with: Callable[[Any, ClosingChoices], None] | None = None,
) -> Declaration:
    """Declare one link from a model to a person. See the module's docstring."""
    if erase is Erasure.KEEP and not reason:
        raise ValueError(f"{model}.{field}: rows kept need a reason")
    if erase is Erasure.CUSTOM and erase_with is None:
        raise ValueError(f"{model}.{field}: a custom erasure needs erase_with")
    declaration = Declaration(
        model=model,
        field=field,
        kind=kind,
        erase=erase,
        reason=reason,
        clear=dict(clear or {}),
        private=private,
        export_with=export_with,
        erase_with=erase_with,
        app_label=model.split(".", 1)[0],
    )
    key = (declaration.model, declaration.field)
    _declarations[:] = [d for d in _declarations if (d.model, d.field) != key]
    _declarations.append(declaration)
    return declaration


def registry_load() -> None:
    autodiscover_modules("personal_data")


def declarations() -> list[Declaration]:
    """Every declaration, in the order of INSTALLED_APPS (lowest apps first)."""
    order = {config.label: index for index, config in enumerate(apps.get_app_configs())}
    return sorted(_declarations, key=lambda d: order.get(d.app_label, len(order)))


def declared_links() -> set[tuple[str, str]]:
    return {(d.model, d.link) for d in _declarations}


def person_links() -> list[tuple[str, str]]:
    """Every (model, field) that links a row to a person: a ForeignKey, OneToOne or
    ManyToMany (without its own through model) to the user model or to people's Profile."""
    user_model = apps.get_model("accounts", "User")
    targets: set[type[models.Model]] = {user_model}
    if apps.is_installed("coproduce.people"):
        targets.add(apps.get_model("people", "Profile"))
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("coproduce."):
            continue
        for model_field in model._meta.get_fields():
            if not (model_field.is_relation and model_field.concrete):
                continue
            if model_field.related_model not in targets:
                continue
            if model_field.many_to_many and not model_field.remote_field.through._meta.auto_created:
                continue  # its through model is a model of its own, with its own declaration
            found.append((model._meta.label, model_field.name))
    return found


def undeclared_links() -> list[tuple[str, str]]:
    declared = declared_links()
    return [link for link in person_links() if link not in declared]


def jsonable(value: Any) -> Any:
    """A field's value as JSON can hold it."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None  # binary data (files' bytes) is not part of an export
    if hasattr(value, "name") and hasattr(value, "storage"):  # a file field
        return value.name or ""
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if hasattr(value, "wkt"):  # geometry
        return value.wkt
    return value


def row_export(row: models.Model, *, private: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every concrete field of a row, as JSON-able values; ManyToMany fields as lists of ids."""
    data: dict[str, Any] = {}
    for model_field in row._meta.concrete_fields:
        if model_field.name in private:
            continue
        data[model_field.attname] = jsonable(getattr(row, model_field.attname))
    for model_field in row._meta.many_to_many:
        if model_field.name in private:
            continue
        cache = getattr(row, "_prefetched_objects_cache", {})
        related = cache.get(model_field.name)
        if related is None:
            related = getattr(row, model_field.name).all()
        data[model_field.name] = sorted(item.pk for item in related)
    # Choices are stored as codes; their words are what the person saw.
    for model_field in row._meta.concrete_fields:
        if model_field.choices and model_field.name not in private:
            data[f"{model_field.name}_display"] = str(
                getattr(row, f"get_{model_field.name}_display")()
            )
    return data


@dataclass(frozen=True)
class Blocker:
    """Something the person must do before their account can close, and where to do it."""

    message: str
    url: str = ""


_checks: list[Callable[[Any], list[Blocker]]] = []


def declare_check(check: Callable[[Any], list[Blocker]]) -> Callable[[Any], list[Blocker]]:
    """Register a check run before an account closes: it returns what stands in the way."""
    if check not in _checks:
        _checks.append(check)
    return check


def closing_blockers(user) -> list[Blocker]:
    return [blocker for check in _checks for blocker in check(user)]
