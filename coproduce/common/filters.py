"""The filters of a list page, read from the query string (GET), so that a filtered list is a
link anyone can share, and works without JavaScript.

A filter that makes no sense (a ward that is not there, "lots" for a number) never stops the
page: it is left out of `filters()`, so the list falls back to "any" for it, and its error
stays on the form, shown beside its field and in the page's error summary.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict

YES = frozenset({"1", "on", "yes", "true"})


class FilterForm(forms.Form):
    """A list page's filters. Always bound, to an empty query on a first visit.

    A field's `initial` is its value when the query leaves it out or empty, so a default
    (the sort order, every layer of the map) is shown chosen and is used alike.
    """

    template_name = "common/forms/govuk_filter_form.html"
    #: Tick boxes asked as one question: {legend: (field names)}, drawn where the first is.
    tick_groups: dict[Any, tuple[str, ...]] = {}

    def __init__(self, query: QueryDict | None = None, *, url: str = "", **kwargs):
        self.query = query if query is not None else QueryDict()
        self.url = url
        super().__init__(self.query, **kwargs)
        self.data = self._with_defaults(self.query)

    @classmethod
    def from_request(cls, request: HttpRequest, **kwargs) -> "FilterForm":
        """The filters in the request's query string, for the page at the request's path."""
        return cls(request.GET, url=request.path, **kwargs)

    def _asked(self, name: str) -> list[str]:
        return [v for v in self.query.getlist(self.add_prefix(name)) if v.strip()]

    def _with_defaults(self, query: QueryDict) -> QueryDict:
        data = query.copy()
        for name, field in self.fields.items():
            if field.initial in (None, "", [], ()) or isinstance(field, forms.BooleanField):
                continue
            if not self._asked(name):
                initial = field.initial
                data.setlist(
                    self.add_prefix(name),
                    [str(v) for v in initial] if isinstance(initial, list | tuple) else [initial],
                )
        return data

    def filters(self) -> dict[str, Any]:
        """The cleaned values asked for, by field name; empty and bad ones are left out."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value is not False and value not in self.fields[name].empty_values
        }

    @property
    def is_filtered(self) -> bool:
        """Whether the query asks for any filter at all, even one that made no sense."""
        return any(self._asked(name) for name in self.fields)

    @property
    def clear_url(self) -> str:
        """The list with no filters."""
        return self.url

    @property
    def query_string(self) -> str:
        """The filters that were asked for and made sense, as typed: for links to other pages
        of the same list."""
        kept = QueryDict(mutable=True)
        for name in self.filters():
            if asked := self._asked(name):
                kept.setlist(self.add_prefix(name), asked)
        return kept.urlencode()

    def rows(self) -> list:
        """What the sidebar draws in order: fields, and tick groups where their first is."""
        grouped = {names[0]: (legend, names) for legend, names in self.tick_groups.items()}
        in_groups = {name for names in self.tick_groups.values() for name in names}
        rows: list = []
        for field in self.visible_fields():
            if field.name in grouped:
                legend, names = grouped[field.name]
                rows.append(TickGroup(legend, [self[name] for name in names]))
            elif field.name not in in_groups:
                rows.append(field)
        return rows


class TickGroup:
    """Several yes/no filters asked as one question, each keeping its own name."""

    def __init__(self, legend, fields: list[forms.BoundField]):
        self.legend = legend
        self.fields = fields


class _TickBox(forms.CheckboxInput):
    # Django's box reads any value but "false" as ticked; the field decides instead.
    def value_from_datadict(self, data, files, name):
        return data.get(name)


class TickField(forms.BooleanField):
    """A tick box filter: ticked for 1, on, yes or true in the query, not for anything else.

    `value` is what the box sends when ticked."""

    def __init__(self, *, value: str = "1", widget_id: str | None = None, **kwargs):
        attrs = {"value": value}
        if widget_id:
            attrs["id"] = widget_id
        kwargs.setdefault("widget", _TickBox(attrs=attrs))
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> bool:
        return value is True or (isinstance(value, str) and value.lower() in YES)

    def bound_data(self, data, initial) -> bool:
        return self.to_python(data)


class CommaSeparatedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes that also read one comma-separated value: `?layers=places,groups`."""

    def value_from_datadict(self, data, files, name) -> list[str]:
        values = super().value_from_datadict(data, files, name) or []
        return [part.strip() for raw in values for part in raw.split(",") if part.strip()]


class ChoicesField(forms.MultipleChoiceField):
    """Several choices, repeated or comma-separated; the error names every unknown one.

    The `invalid_choice` message gets them, joined by commas, as `%(value)s`."""

    widget = CommaSeparatedCheckboxes

    def validate(self, value) -> None:
        forms.Field.validate(self, value)
        unknown = [v for v in value if not self.valid_value(v)]
        if unknown:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": ", ".join(unknown)},
            )
