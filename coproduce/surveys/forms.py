"""Forms for making a survey, its questions, and answering it (online, easy read or paper)."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field
from coproduce.common.dates.local import day_bounds
from coproduce.places.selectors import wards_by_name

from . import tally
from .models import Question, Survey
from .pictures import PICTURE_CHOICES
from .services import OptionWords

MAX_OPTIONS = 8
SCALE_NUMBERS = [(n, str(n)) for n in range(0, 11)]


class SurveyForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Enter a title")},
    )
    why = forms.CharField(
        label=_("Why are you asking?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say why you are asking")},
    )
    what_happens_next = forms.CharField(
        label=_("What will you do with the answers?"),
        help_text=_("People see this before they answer."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what you will do with the answers")},
    )
    ward = forms.ModelChoiceField(
        label=_("Who is it for?"),
        queryset=wards_by_name(),
        required=False,
        empty_label=_("Everyone in the borough"),
        error_messages={"invalid_choice": _("Choose a ward from the list")},
    )
    is_anonymous = forms.TypedChoiceField(
        label=_("Will people's names be kept with their answers?"),
        choices=[
            ("yes", _("No, it is anonymous: nobody running it sees who gave which answer")),
            ("no", _("Yes, it is named: the people running it see each person's name")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether it is anonymous or named")},
    )
    is_poll = forms.BooleanField(
        label=_("This is a quick poll with one question (people see the results once they answer)"),
        required=False,
    )
    results_public = forms.BooleanField(
        label=_("Anyone can see the results once it opens"), required=False
    )
    opens_on = day_field(_("Opening date"), _("Enter the opening date"))
    closes_on = day_field(_("Closing date"), _("Enter the closing date"))

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The closing date must be on or after the opening date"))
        return data

    def survey_fields(self) -> dict:
        data = self.cleaned_data
        opens_at, closes_at = day_bounds(data["opens_on"], data["closes_on"])
        return {
            "title": data["title"],
            "why": data["why"],
            "what_happens_next": data["what_happens_next"],
            "ward": data["ward"],
            "is_anonymous": data["is_anonymous"],
            "is_poll": data["is_poll"],
            "results_public": data["results_public"],
            "opens_at": opens_at,
            "closes_at": closes_at,
        }

    @staticmethod
    def initial_for(survey: Survey | None) -> dict:
        if survey is None:
            today = timezone.localdate()
            return {
                "opens_on": today,
                "closes_on": today + timedelta(days=28),
                "results_public": True,
                "is_anonymous": "yes",
            }
        return {
            "title": survey.title,
            "why": survey.why,
            "what_happens_next": survey.what_happens_next,
            "ward": survey.ward_id,
            "is_anonymous": "yes" if survey.is_anonymous else "no",
            "is_poll": survey.is_poll,
            "results_public": survey.results_public,
            "opens_on": timezone.localtime(survey.opens_at).date(),
            "closes_on": (timezone.localtime(survey.closes_at) - timedelta(seconds=1)).date(),
        }


def _picture_field(label, required_message):
    return forms.ChoiceField(
        label=label,
        choices=[("", _("Choose a picture")), *PICTURE_CHOICES],
        required=False,
        error_messages={"invalid_choice": required_message},
    )


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of question"),
        choices=Question.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of question")},
    )
    text = forms.CharField(
        label=_("Question"), max_length=300, error_messages={"required": _("Enter the question")}
    )
    hint = forms.CharField(label=_("Hint (optional)"), max_length=300, required=False)
    easy_read_text = forms.CharField(
        label=_("Easy-read question"),
        help_text=_("Short words and a short sentence, for reading age 7 to 9."),
        max_length=200,
        error_messages={"required": _("Enter the easy-read question")},
    )
    picture = forms.ChoiceField(
        label=_("Picture for the question"),
        choices=[("", _("Choose a picture")), *PICTURE_CHOICES],
        error_messages={
            "required": _("Choose a picture for the question"),
            "invalid_choice": _("Choose a picture from the list"),
        },
    )
    required = forms.BooleanField(label=_("People must answer this question"), required=False)
    scale_min = forms.TypedChoiceField(
        label=_("Scale: lowest number"), choices=SCALE_NUMBERS, coerce=int, initial=1
    )
    scale_max = forms.TypedChoiceField(
        label=_("Scale: highest number"), choices=SCALE_NUMBERS, coerce=int, initial=5
    )
    scale_low_label = forms.CharField(
        label=_("Scale: words for the lowest number"), max_length=60, required=False
    )
    scale_high_label = forms.CharField(
        label=_("Scale: words for the highest number"), max_length=60, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, MAX_OPTIONS + 1):
            self.fields[f"option_{n}_text"] = forms.CharField(
                label=_("Option %(n)s") % {"n": n}, max_length=200, required=False
            )
            self.fields[f"option_{n}_easy"] = forms.CharField(
                label=_("Option %(n)s in easy read") % {"n": n}, max_length=100, required=False
            )
            self.fields[f"option_{n}_picture"] = _picture_field(
                _("Picture for option %(n)s") % {"n": n}, _("Choose a picture from the list")
            )

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("option_")]

    def option_rows(self):
        return [
            (
                n,
                [self[f"option_{n}_text"], self[f"option_{n}_easy"], self[f"option_{n}_picture"]],
            )
            for n in range(1, MAX_OPTIONS + 1)
        ]

    def clean(self):
        data = super().clean()
        options = []
        for n in range(1, MAX_OPTIONS + 1):
            text = data.get(f"option_{n}_text", "")
            easy = data.get(f"option_{n}_easy", "")
            picture = data.get(f"option_{n}_picture", "")
            if not (text or easy or picture):
                continue
            if not text:
                self.add_error(f"option_{n}_text", _("Enter the words for option %(n)s") % {"n": n})
            if not easy:
                self.add_error(
                    f"option_{n}_easy", _("Enter the easy-read words for option %(n)s") % {"n": n}
                )
            if not picture:
                self.add_error(
                    f"option_{n}_picture", _("Choose a picture for option %(n)s") % {"n": n}
                )
            options.append(OptionWords(text=text, easy_read_text=easy, picture=picture))
        kind = data.get("kind")
        with_options = kind in (Question.Kind.ONE, Question.Kind.SEVERAL, Question.Kind.RANK)
        if with_options and len(options) < 2:
            self.add_error("option_1_text", _("Give at least two options to choose from"))
        low, high = data.get("scale_min"), data.get("scale_max")
        if kind == Question.Kind.SCALE and low is not None and high is not None and high <= low:
            self.add_error("scale_max", _("The highest number must be more than the lowest"))
        data["options"] = options if with_options else []
        return data

    def question_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "kind",
                "text",
                "hint",
                "easy_read_text",
                "picture",
                "required",
                "scale_min",
                "scale_max",
                "scale_low_label",
                "scale_high_label",
            )
        } | {"options": data["options"]}

    @staticmethod
    def initial_for(question: Question) -> dict:
        initial = {
            name: getattr(question, name)
            for name in (
                "kind",
                "text",
                "hint",
                "easy_read_text",
                "picture",
                "required",
                "scale_min",
                "scale_max",
                "scale_low_label",
                "scale_high_label",
            )
        }
        for n, option in enumerate(question.options.all(), start=1):
            initial[f"option_{n}_text"] = option.text
            initial[f"option_{n}_easy"] = option.easy_read_text
            initial[f"option_{n}_picture"] = option.picture
        return initial


def _scale_choices(question: Question) -> list[tuple[int, str]]:
    choices = []
    for value in question.scale_values():
        label = str(value)
        if value == question.scale_min and question.scale_low_label:
            label = f"{value} – {question.scale_low_label}"
        elif value == question.scale_max and question.scale_high_label:
            label = f"{value} – {question.scale_high_label}"
        choices.append((value, label))
    return choices


class AnswerForm(forms.Form):
    """One field per question (a ranking: one per option, named `q<question>_o<option>`).

    `easy` words every question and option in easy read; the answers are the same."""

    def __init__(self, *args, survey: Survey, easy: bool = False, values=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.easy = easy
        self.questions = list(survey.questions.all())
        values = values or {}
        for question in self.questions:
            self._add(question, values.get(question.pk))

    def _words(self, thing) -> str:
        return thing.easy_read_text if self.easy and thing.easy_read_text else thing.text

    def _add(self, question: Question, value) -> None:
        name = f"q{question.pk}"
        message = _("Answer the question: %(q)s") % {"q": self._words(question)}
        common = {
            "label": self._words(question),
            "required": question.required,
            "help_text": "" if self.easy else question.hint,
            "error_messages": {
                "required": message,
                "invalid_choice": _("Choose from the options given"),
                "invalid_list": _("Choose from the options given"),
            },
        }
        options = [(option.pk, self._words(option)) for option in question.options.all()]
        kind = question.kind
        if kind == Question.Kind.ONE:
            field = forms.TypedChoiceField(
                choices=options, coerce=int, widget=forms.RadioSelect, **common
            )
        elif kind == Question.Kind.SEVERAL:
            field = forms.TypedMultipleChoiceField(
                choices=options, coerce=int, widget=forms.CheckboxSelectMultiple, **common
            )
        elif kind == Question.Kind.SCALE:
            field = forms.TypedChoiceField(
                choices=_scale_choices(question), coerce=int, widget=forms.RadioSelect, **common
            )
        elif kind == Question.Kind.RANK:
            places = [("", "–")] + [(n, str(n)) for n in range(1, len(options) + 1)]
            for pk, words in options:
                self.fields[f"{name}_o{pk}"] = forms.TypedChoiceField(
                    label=words,
                    choices=places,
                    coerce=int,
                    required=False,
                    empty_value=None,
                    error_messages={"invalid_choice": _("Choose a number from the list")},
                    initial=(value or {}).get(pk),
                )
            return
        else:
            field = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=2000,
                **common,
            )
            field.error_messages["max_length"] = _("Write 2,000 characters or fewer")
        field.initial = value
        self.fields[name] = field

    def rank_fields(self, question: Question) -> list[forms.BoundField]:
        return [self[f"q{question.pk}_o{option.pk}"] for option in question.options.all()]

    def clean(self):
        data = super().clean()
        for question in self.questions:
            if question.kind == Question.Kind.RANK:
                self._clean_rank(question, data)
        return data

    def _clean_rank(self, question: Question, data: dict) -> None:
        names = {option.pk: f"q{question.pk}_o{option.pk}" for option in question.options.all()}
        if any(name in self.errors for name in names.values()):
            return
        places = {name: data.get(name) for name in names.values()}
        first = next(iter(names.values()))
        if all(place is None for place in places.values()):
            if question.required:
                message = _("Put the options in order: %(q)s") % {"q": self._words(question)}
                self.add_error(first, message)
            return
        twice, missing = tally.ranking_problems(places, len(names))
        if twice:
            self.add_error(
                first,
                _("Use each number once. You used %(n)s more than once.")
                % {"n": ", ".join(str(n) for n in twice)},
            )
        elif missing:
            self.add_error(
                first,
                _("Give every option a different number from 1 to %(n)s") % {"n": len(names)},
            )

    def values(self) -> dict:
        """The answers, in the shape `services.response_submit` takes."""
        data = self.cleaned_data
        found = {}
        for question in self.questions:
            name = f"q{question.pk}"
            if question.kind == Question.Kind.RANK:
                found[question.pk] = {
                    option.pk: data.get(f"{name}_o{option.pk}") for option in question.options.all()
                }
            elif question.kind == Question.Kind.SEVERAL:
                found[question.pk] = data.get(name) or []
            else:
                value = data.get(name)
                found[question.pk] = None if value == "" and question.kind != "text" else value
        return found
