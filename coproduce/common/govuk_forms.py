"""Django forms rendered as GOV.UK Design System components.

Each field is drawn by the official component macro (from govuk-frontend-jinja, the Jinja
port that govuk-frontend-django uses), so markup follows the Design System exactly and we
never copy component HTML by hand. `{{ form }}` in a template renders every field this way.
"""

from functools import cache, lru_cache
from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from jinja2 import Environment, PackageLoader, PrefixLoader, select_autoescape

from coproduce.common.dates.fields import DayInput, day_parts


@cache
def _environment() -> Environment:
    return Environment(
        loader=PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


@cache
def _macro(component: str, macro_name: str):
    template = _environment().from_string(
        f"{{%- from 'govuk_frontend_jinja/components/{component}/macro.html' "
        f"import {macro_name} -%}}{{{{ {macro_name}(params) }}}}"
    )
    return template


def render_component(component: str, macro_name: str, params: dict[str, Any]) -> SafeString:
    """Render one GOV.UK Frontend component with its Nunjucks-style parameters.

    The same parameters give the same HTML, so each answer is remembered for its exact
    parameters (_rendered): a list page's filters, drawn alike for nearly everyone, cost a
    few milliseconds a field through the Jinja macros (the map's 56 skills, 6 ms) and now
    cost building the key. The key is the whole input, so an answer is only ever reused for
    the same input: nothing of one person's form can reach another's, and nothing goes stale.
    """
    params = _without_none(params)
    try:
        key = _frozen(params)
    except TypeError:  # a value we cannot compare safely: draw it afresh
        return _render_afresh(component, macro_name, params)
    return _rendered(component, macro_name, key, _Params(params))


def _render_afresh(component: str, macro_name: str, params: dict[str, Any]) -> SafeString:
    return mark_safe(_macro(component, macro_name).render(params=params))  # noqa: S308


class _Params:
    """The parameters, carried past lru_cache's key (which is the frozen copy) unhashed."""

    __slots__ = ("params",)

    def __init__(self, params: dict[str, Any]):
        self.params = params

    def __hash__(self) -> int:
        return 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Params)


# At most about 1,000 answers of a few kilobytes each (a select of 60 options, 5 kB) a process.
@lru_cache(maxsize=1024)
def _rendered(component: str, macro_name: str, key: tuple, params: _Params) -> SafeString:
    return _render_afresh(component, macro_name, params.params)


def _frozen(value: Any) -> Any:
    """A hashable copy of parameters that tells apart all that changes the HTML: HTML-safe
    strings from plain ones (Jinja escapes only the plain), True from 1, a list from a dict.
    Lazy translations are taken in the language of this request, as the macro would."""
    if isinstance(value, dict):
        return ("dict", tuple((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return ("list", tuple(_frozen(item) for item in value))
    if hasattr(value, "__html__"):
        return ("html", str(value.__html__()))
    if isinstance(value, Promise):
        return ("str", str(value))
    if value is None or isinstance(value, str | int | float | bool):
        return (type(value).__name__, value)
    raise TypeError(f"no frozen form for {type(value).__name__}")


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


class GovUKFormRenderer(DjangoTemplates):
    form_template_name = "common/forms/govuk_form.html"
    field_template_name = "common/forms/govuk_field.html"


def _label(field: forms.BoundField, *, is_page_heading: bool = False) -> dict[str, Any]:
    label = {"text": str(field.label)}
    if is_page_heading:
        label.update(isPageHeading=True, classes="govuk-label--l")
    return label


def _hint(field: forms.BoundField) -> dict[str, str] | None:
    return {"text": str(field.help_text)} if field.help_text else None


def _error(field: forms.BoundField) -> dict[str, str] | None:
    if not field.errors:
        return None
    return {"text": " ".join(str(e) for e in field.errors)}


def _choice_items(
    field: forms.BoundField, *, multiple: bool, keep_blank: bool = False
) -> list[dict[str, Any]]:
    value = field.value()
    selected = {str(v) for v in value} if multiple and value else {str(value)}
    items = []
    for choice_value, choice_label in field.field.choices:
        if choice_value in ("", None) and not keep_blank:
            continue
        key = str(choice_value.value if hasattr(choice_value, "value") else choice_value)
        items.append({"value": key, "text": str(choice_label), "checked": key in selected})
    return items


def _fieldset(field: forms.BoundField) -> dict[str, Any]:
    return {"legend": {"text": str(field.label), "classes": "govuk-fieldset__legend--s"}}


def render_field(field: forms.BoundField, **options: Any) -> SafeString:
    """Render a bound field as the GOV.UK component that fits its widget."""
    widget = field.field.widget
    attrs = dict(widget.attrs)
    attrs.pop("id", None)  # the component is given the field's id itself
    tick_value = attrs.pop("value", "on") if isinstance(widget, forms.CheckboxInput) else None
    common: dict[str, Any] = {
        "id": field.id_for_label or field.auto_id,
        "name": field.html_name,
        "hint": _hint(field),
        "errorMessage": _error(field),
        "classes": attrs.pop("class", None),
        "autocomplete": attrs.pop("autocomplete", None),
    }
    if field.field.required:
        attrs.setdefault("required", True)
    attrs.pop("maxlength", None)
    attrs.pop("minlength", None)
    common["attributes"] = attrs or None
    heading = options.get("is_page_heading", False)

    if isinstance(widget, DayInput):
        return _render_day(field, common, heading=heading)
    if isinstance(widget, forms.HiddenInput):
        return mark_safe(str(field))  # noqa: S308
    if isinstance(widget, forms.PasswordInput):
        return render_component(
            "password-input",
            "govukPasswordInput",
            {**common, "label": _label(field, is_page_heading=heading)},
        )
    if isinstance(widget, forms.Textarea):
        return render_component(
            "textarea",
            "govukTextarea",
            {**common, "label": _label(field, is_page_heading=heading), "value": field.value()},
        )
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return render_component(
            "checkboxes",
            "govukCheckboxes",
            {
                **common,
                "idPrefix": common["id"],
                "fieldset": _fieldset(field),
                "items": _choice_items(field, multiple=True),
            },
        )
    if isinstance(widget, forms.RadioSelect):
        return render_component(
            "radios",
            "govukRadios",
            {
                **common,
                "idPrefix": common["id"],
                "fieldset": _fieldset(field),
                "items": _choice_items(field, multiple=False),
            },
        )
    if isinstance(widget, forms.Select):
        return render_component(
            "select",
            "govukSelect",
            {
                **common,
                "label": _label(field, is_page_heading=heading),
                "items": [
                    {"value": i["value"], "text": i["text"], "selected": i["checked"]}
                    for i in _choice_items(field, multiple=False, keep_blank=True)
                ],
            },
        )
    if isinstance(widget, forms.CheckboxInput):
        return render_component(
            "checkboxes",
            "govukCheckboxes",
            {
                **common,
                "idPrefix": common["id"],
                "items": [
                    {
                        "value": tick_value,
                        "text": str(field.label),
                        "checked": bool(field.value()),
                        "id": common["id"],
                    }
                ],
                "classes": "govuk-checkboxes--small",
            },
        )
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return render_component(
            "file-upload",
            "govukFileUpload",
            {**common, "label": _label(field, is_page_heading=heading)},
        )
    value = field.value()
    return render_component(
        "input",
        "govukInput",
        {
            **common,
            "type": getattr(widget, "input_type", "text"),
            "label": _label(field, is_page_heading=heading),
            "value": "" if value is None else str(value),
            "spellcheck": False if getattr(widget, "input_type", "") == "email" else None,
        },
    )


def _render_day(field: forms.BoundField, common: dict[str, Any], *, heading: bool) -> SafeString:
    """The GOV.UK date input: a fieldset with a legend and boxes for day, month and year."""
    legend: dict[str, Any] = {"text": str(field.label), "classes": "govuk-fieldset__legend--s"}
    if heading:
        legend.update(isPageHeading=True, classes="govuk-fieldset__legend--l")
    parts = day_parts(field.value())
    error = " govuk-input--error" if field.errors else ""
    widths = {"day": 2, "month": 2, "year": 4}
    labels = {"day": _("Day"), "month": _("Month"), "year": _("Year")}
    return render_component(
        "date-input",
        "govukDateInput",
        {
            "id": field.auto_id,
            "namePrefix": field.html_name,
            "fieldset": {"legend": legend},
            "hint": common["hint"],
            "errorMessage": common["errorMessage"],
            "items": [
                {
                    "name": part,
                    "label": str(labels[part]),
                    "value": parts.get(part, ""),
                    "classes": f"govuk-input--width-{widths[part]}{error}",
                    "autocomplete": None,
                }
                for part in ("day", "month", "year")
            ],
        },
    )


def render_tick_group(legend: str, fields: list[forms.BoundField]) -> SafeString:
    """Several yes/no fields asked as one question: one GOV.UK checkboxes group with a legend,
    each box keeping its own name and id."""
    first = fields[0]
    errors = [str(e) for field in fields for e in field.errors]
    return render_component(
        "checkboxes",
        "govukCheckboxes",
        {
            "idPrefix": first.id_for_label or first.auto_id,
            "name": first.html_name,
            "fieldset": {"legend": {"text": str(legend), "classes": "govuk-fieldset__legend--s"}},
            "errorMessage": {"text": " ".join(errors)} if errors else None,
            "classes": "govuk-checkboxes--small",
            "items": [
                {
                    "name": field.html_name,
                    "id": field.id_for_label or field.auto_id,
                    "value": field.field.widget.attrs.get("value", "on"),
                    "text": str(field.label),
                    "checked": bool(field.value()),
                }
                for field in fields
            ],
        },
    )


def error_summary_items(form: forms.BaseForm) -> list[dict[str, str]]:
    """Each error as a link to the field it belongs to, for the GOV.UK error summary."""
    items = [{"text": str(e)} for e in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            items.append({"text": str(error), "href": f"#{field.id_for_label or field.auto_id}"})
    return items
