"""Easy read: one question a page, with pictures, large text and "Read this to me".

Any app can ask its questions this way (feedback on a service now, mystery shopping later).
The app describes its questions once as a `Wizard` of `Step`s, with easy-read wording (a
reading age of 7 or below: see `words_to_check` and the tests that use it). This module
keeps the answers on the server, in the person's session, so the pages work without
JavaScript: each page posts one answer and moves on; "Back" goes to the page before; the
last page lists every answer with a "Change" link; sending hands the answers to the app's
own service, the same one its standard form uses.

The pages use `common/easy_read/step.html` and `check.html`, the stylesheet
`coproduce/css/easy-read.css` (large text, large pictures) and the script
`coproduce/js/easy-read.mjs`, which adds "Read this to me" only where the browser can speak
(the button is not there otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from coproduce.common import easy_read_pictures
from coproduce.common.govuk_forms import render_component

#: The most easy-read text may ask of a reader, in years (plain_language.reading_age).
EASY_READ_AGE = 7

CHOICE = "choice"
TEXT = "text"
EMAIL = "email"

#: Every fixed phrase the easy-read pages show, worded once for easy read.
WORDS: dict[str, Promise] = {
    "back": _("Back"),
    "next": _("Next"),
    "change": _("Change"),
    "check": _("Check your words"),
    "check_intro": _("Here is what you told us. You can change it."),
    "send": _("Send it"),
    "read": _("Read this to me"),
    "stop": _("Stop reading"),
    "standard": _("Use the form with more words"),
    "skip": _("You do not have to say this. Click Next to skip it."),
    "nothing": _("You did not say."),
    "choose": _("Pick one."),
    "write": _("Write your words."),
    "email": _("Write your email. It looks like name@example.com."),
    "long": _("That is too long. Use fewer words."),
    "page": _("Page %(number)s of %(total)s"),
}


def picture(name: str, *, size: int = 80, hidden: bool = False) -> SafeString:
    """An inline picture with words saying what it shows (`hidden` when text beside it says
    the same, so a screen reader does not say it twice)."""
    label = easy_read_pictures.alt(name)
    if hidden:
        a11y = mark_safe('aria-hidden="true"')  # noqa: S308
    else:
        a11y = format_html('role="img" aria-label="{}"', label)
    return format_html(
        '<svg class="easy-read-picture" width="{}" height="{}" viewBox="0 0 64 64" {} '
        'focusable="false" fill="none" stroke="currentColor" stroke-width="3" '
        'stroke-linecap="round" stroke-linejoin="round">{}</svg>',
        size,
        size,
        a11y,
        mark_safe(easy_read_pictures.svg(name)),  # noqa: S308 (written in this code base)
    )


@dataclass(frozen=True)
class Choice:
    value: str
    label: Promise | str
    picture: str = ""


@dataclass(frozen=True)
class Step:
    """One question on a page of its own."""

    name: str
    question: Promise | str
    picture: str = ""
    hint: Promise | str = ""
    kind: str = CHOICE
    choices: tuple[Choice, ...] = ()
    required: bool = True
    max_length: int = 2000
    #: Asked only when this says yes about the answers so far.
    when: Callable[[Mapping[str, str]], bool] | None = None

    def is_asked(self, answers: Mapping[str, str]) -> bool:
        return self.when is None or self.when(answers)

    def form(self, data=None, *, initial: str = "") -> forms.Form:
        """A one-field form for this page, so errors reach the page's one error summary."""
        return _step_form(self)(data, initial={"answer": initial})

    def shown_value(self, value: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return str(choice.label)
        return value or str(WORDS["nothing"])


def _step_form(step: Step) -> type[forms.Form]:
    if step.kind == CHOICE:
        answer = forms.ChoiceField(
            label=step.question,
            choices=[(c.value, c.label) for c in step.choices],
            required=step.required,
            widget=forms.RadioSelect,
            error_messages={"required": WORDS["choose"], "invalid_choice": WORDS["choose"]},
        )
    elif step.kind == EMAIL:
        answer = forms.EmailField(
            label=step.question,
            max_length=254,
            required=step.required,
            error_messages={"required": WORDS["email"], "invalid": WORDS["email"]},
        )
    else:
        answer = forms.CharField(
            label=step.question,
            max_length=step.max_length,
            required=step.required,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages={"required": WORDS["write"], "max_length": WORDS["long"]},
        )
    return type("EasyReadStepForm", (forms.Form,), {"answer": answer})


@dataclass(frozen=True)
class Wizard:
    """Questions asked one a page. `name` keeps each wizard's answers apart in the session."""

    name: str
    steps: tuple[Step, ...]
    title: Promise | str = ""
    extra_words: tuple[Promise | str, ...] = field(default=())

    def step(self, name: str) -> Step | None:
        return next((s for s in self.steps if s.name == name), None)

    def asked(self, answers: Mapping[str, str]) -> list[Step]:
        return [s for s in self.steps if s.is_asked(answers)]

    def neighbour(self, name: str, answers: Mapping[str, str], *, by: int) -> Step | None:
        asked = self.asked(answers)
        names = [s.name for s in asked]
        if name not in names:
            return None
        index = names.index(name) + by
        return asked[index] if 0 <= index < len(asked) else None

    def first_missing(self, answers: Mapping[str, str]) -> Step | None:
        """The first page still to answer (a skipped page that is not required counts as
        answered)."""
        return next((s for s in self.asked(answers) if s.name not in answers), None)

    def cleaned(self, answers: Mapping[str, str]) -> dict[str, str]:
        """The answers to the questions asked (an answer to a page no longer asked is left
        out), each checked again, so a changed session cannot send a bad value."""
        result = {}
        for step in self.asked(answers):
            form = step.form({"answer": answers.get(step.name, "")})
            if not form.is_valid():
                raise ValueError(step.name)
            result[step.name] = str(form.cleaned_data["answer"] or "")
        return result

    def words_to_check(self) -> list[str]:
        """Every easy-read string this wizard shows, for the reading-age tests."""
        words = [str(w) for w in WORDS.values() if "%" not in str(w)]
        words += [str(w) for w in (self.title, *self.extra_words) if w]
        for step in self.steps:
            words += [str(step.question)] + ([str(step.hint)] if step.hint else [])
            words += [str(c.label) for c in step.choices]
            words += [easy_read_pictures.alt(n) for n in _pictures_of(step)]
        return words


def _pictures_of(step: Step) -> list[str]:
    return [n for n in [step.picture, *(c.picture for c in step.choices)] if n]


class Answers:
    """The answers so far, kept in the session under the wizard's name and a scope (such as
    the service being asked about), so two services' answers never mix."""

    def __init__(self, request: HttpRequest, wizard: Wizard, scope: str) -> None:
        self.session = request.session
        self.key = f"easy_read:{wizard.name}:{scope}"

    def get(self) -> dict[str, str]:
        value = self.session.get(self.key)
        return dict(value) if isinstance(value, dict) else {}

    def put(self, name: str, value: str) -> None:
        answers = self.get()
        answers[name] = value
        self.session[self.key] = answers

    def clear(self) -> None:
        self.session.pop(self.key, None)


def render_answer(step: Step, form: forms.Form) -> SafeString:
    """The page's question as a GOV.UK component: pictures beside each choice."""
    bound = form["answer"]
    common: dict[str, Any] = {
        "id": bound.auto_id,
        "name": bound.html_name,
        "errorMessage": {"text": " ".join(bound.errors)} if bound.errors else None,
        "hint": {"text": str(step.hint)} if step.hint else None,
    }
    value = bound.value() or ""
    if step.kind == CHOICE:
        items = [
            {
                "value": c.value,
                "html": format_html(
                    '<span class="easy-read-choice">{}<span>{}</span></span>',
                    picture(c.picture, size=64, hidden=True) if c.picture else "",
                    c.label,
                ),
                "checked": c.value == value,
            }
            for c in step.choices
        ]
        legend = {"text": str(step.question), "isPageHeading": True, "classes": "easy-read-question"}
        return render_component(
            "radios",
            "govukRadios",
            {**common, "idPrefix": common["id"], "fieldset": {"legend": legend}, "items": items},
        )
    label = {"text": str(step.question), "isPageHeading": True, "classes": "easy-read-question"}
    if step.kind == EMAIL:
        return render_component(
            "input",
            "govukInput",
            {**common, "label": label, "type": "email", "value": value, "spellcheck": False,
             "autocomplete": "email"},
        )
    return render_component(
        "textarea", "govukTextarea", {**common, "label": label, "value": value, "rows": 5}
    )


def step_page(
    request: HttpRequest,
    *,
    wizard: Wizard,
    scope: str,
    name: str,
    step_url: Callable[[str], str],
    check_url: str,
    start_url: str,
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """One question: GET shows it with the answer so far; POST keeps the answer and goes on
    (to the check page when changing an answer or at the end)."""
    store = Answers(request, wizard, scope)
    answers = store.get()
    step = wizard.step(name)
    if step is None or not step.is_asked(answers):
        raise Http404
    changing = request.GET.get("change") == "1" or request.POST.get("change") == "1"
    form = step.form(request.POST if request.method == "POST" else None,
                     initial=answers.get(name, ""))
    if request.method == "POST" and form.is_valid():
        store.put(name, str(form.cleaned_data["answer"] or ""))
        answers = store.get()
        following = wizard.neighbour(name, answers, by=1)
        missing = wizard.first_missing(answers)
        if changing and missing is None:
            return redirect(check_url)
        target = missing if changing else following
        return redirect(step_url(target.name) if target else check_url)
    before = wizard.neighbour(name, answers, by=-1)
    asked = wizard.asked(answers)
    page_context = {
        "wizard": wizard,
        "step": step,
        "form": form,
        "answer_html": render_answer(step, form),
        "step_picture": picture(step.picture, size=120) if step.picture else "",
        "back_url": check_url if changing else (step_url(before.name) if before else start_url),
        "changing": changing,
        "page_words": WORDS["page"]
        % {"number": [s.name for s in asked].index(name) + 1, "total": len(asked)},
        "words": WORDS,
        **(context or {}),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "common/easy_read/step.html", page_context, status=status)


def check_page(
    request: HttpRequest,
    *,
    wizard: Wizard,
    scope: str,
    step_url: Callable[[str], str],
    send_url: str,
    context: Mapping[str, Any] | None = None,
    form: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    """The last page: every answer with a "Change" link, and the button that sends them.
    Goes to the first page still to answer instead, if there is one."""
    answers = Answers(request, wizard, scope).get()
    missing = wizard.first_missing(answers)
    if missing is not None:
        return redirect(step_url(missing.name))
    asked = wizard.asked(answers)
    rows = [
        {
            "key": {"text": str(step.question)},
            "value": {"text": step.shown_value(answers.get(step.name, ""))},
            "actions": {
                "items": [
                    {
                        "href": f"{step_url(step.name)}?change=1",
                        "text": str(WORDS["change"]),
                        "visuallyHiddenText": str(step.question),
                    }
                ]
            },
        }
        for step in asked
    ]
    page_context = {
        "wizard": wizard,
        "words": WORDS,
        "summary_html": render_component("summary-list", "govukSummaryList", {"rows": rows}),
        "check_picture": picture("tick", size=120),
        "back_url": step_url(asked[-1].name),
        "send_url": send_url,
        "form": form,
        **(context or {}),
    }
    return render(request, "common/easy_read/check.html", page_context, status=status)
