"""Questions drawn as GOV.UK components (with pictures and large text in easy read), the
built-in pictures, and bar charts drawn on the server as SVG."""

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from coproduce.common.govuk_forms import render_component

from ..models import Question
from ..pictures import picture_alt, picture_url

register = template.Library()


@register.simple_tag
def survey_picture(name: str, size: int = 80) -> SafeString:
    if not name:
        return SafeString("")
    return format_html(
        '<img class="surveys-picture" src="{}" alt="{}" width="{}" height="{}">',
        picture_url(name),
        picture_alt(name),
        size,
        size,
    )


def _with_picture(words: str, picture: str, easy: bool, size: int = 80) -> SafeString:
    if not easy:
        return format_html("{}", words)
    return format_html(
        '<span class="surveys-easy-item">{}<span>{}</span></span>',
        survey_picture(picture, size),
        words,
    )


def _error(field: BoundField):
    if not field.errors:
        return None
    return {"text": " ".join(str(e) for e in field.errors)}


def _legend(form, question: Question) -> dict:
    words = form._words(question)
    if form.easy:
        return {
            "html": _with_picture(words, question.picture, True, 120),
            "classes": "govuk-fieldset__legend--l",
        }
    return {"text": words, "classes": "govuk-fieldset__legend--m"}


def _selected(field: BoundField) -> set[str]:
    value = field.value()
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return set() if value in (None, "") else {str(value)}


def _items(form, question: Question, field: BoundField) -> list[dict]:
    selected = _selected(field)
    pictures = {str(option.pk): option.picture for option in question.options.all()}
    items = []
    for value, words in field.field.choices:
        key = str(value)
        item = {"value": key, "checked": key in selected}
        picture = pictures.get(key, "")
        if form.easy and picture:
            item["html"] = _with_picture(str(words), picture, True)
        else:
            item["text"] = str(words)
        items.append(item)
    return items


@register.simple_tag
def answer_field(form, question: Question) -> SafeString:
    """One question of an answer form, as the GOV.UK component for its kind."""
    if question.kind == Question.Kind.RANK:
        return _rank(form, question)
    field = form[f"q{question.pk}"]
    hint = {"text": str(field.help_text)} if field.help_text else None
    common = {
        "idPrefix": field.auto_id,
        "name": field.html_name,
        "hint": hint,
        "errorMessage": _error(field),
        "fieldset": {"legend": _legend(form, question)},
        "classes": "surveys-easy" if form.easy else None,
    }
    if question.kind == Question.Kind.SEVERAL:
        return render_component(
            "checkboxes", "govukCheckboxes", {**common, "items": _items(form, question, field)}
        )
    if question.kind in (Question.Kind.ONE, Question.Kind.SCALE):
        return render_component(
            "radios", "govukRadios", {**common, "items": _items(form, question, field)}
        )
    legend = _legend(form, question)
    label = {key: value for key, value in legend.items() if key != "classes"}
    label["classes"] = "govuk-label--l" if form.easy else "govuk-label--m"
    return render_component(
        "textarea",
        "govukTextarea",
        {
            "id": field.auto_id,
            "name": field.html_name,
            "label": label,
            "hint": hint,
            "errorMessage": _error(field),
            "value": field.value() or "",
            "rows": 5,
        },
    )


def _rank(form, question: Question) -> SafeString:
    fields = form.rank_fields(question)
    count = len(fields)
    selects = []
    for option, field in zip(question.options.all(), fields, strict=True):
        value = field.value()
        chosen = "" if value in (None, "") else str(value)
        selects.append(
            render_component(
                "select",
                "govukSelect",
                {
                    "id": field.auto_id,
                    "name": field.html_name,
                    "label": {"html": _with_picture(str(field.label), option.picture, form.easy)},
                    "errorMessage": _error(field),
                    "items": [
                        {"value": str(v), "text": str(t), "selected": str(v) == chosen}
                        for v, t in field.field.choices
                    ],
                },
            )
        )
    hint = _(
        "Give each a number from 1 to %(n)s. 1 is the one you like most. Use each number once."
    ) % {"n": count}
    return render_component(
        "fieldset",
        "govukFieldset",
        {
            "legend": _legend(form, question),
            "html": format_html(
                '<div class="govuk-hint">{}</div>{}',
                hint,
                mark_safe("".join(selects)),  # noqa: S308
            ),
            "classes": "surveys-easy" if form.easy else None,
        },
    )
