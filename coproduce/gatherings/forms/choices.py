"""Forms for choosing together: putting a choice to the room, a vote from a phone, and the
counts from the room."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coproduce.common.form_errors import too_long
from coproduce.common.numbers import NumberError, whole_number
from coproduce.common.writing import plain_language_attrs
from coproduce.projects.models import Project

from ..models import Barrier, Choice
from ..models.choices import MOST_DOTS, MOST_OPTIONS

NUMBER_ATTRS = {"inputmode": "numeric", "class": "govuk-input--width-3"}


class WholeNumberField(forms.Field):
    """A whole number from ASCII digits, within bounds (common.numbers.whole_number), with
    the error saying what the number is for. Empty is `empty` when not required."""

    def __init__(
        self,
        *,
        name: str,
        minimum: int,
        maximum: int,
        empty: int | None = None,
        required_message: str = "",
        **kw,
    ):
        kw.setdefault("widget", forms.TextInput(attrs=dict(NUMBER_ATTRS)))
        kw.setdefault("required", empty is None)
        super().__init__(**kw)
        self.name, self.minimum, self.maximum, self.empty = name, minimum, maximum, empty
        if required_message:
            self.error_messages["required"] = required_message

    def to_python(self, value):
        if value in self.empty_values:
            return self.empty
        try:
            return whole_number(
                str(value).strip(), name=self.name, minimum=self.minimum, maximum=self.maximum
            )
        except NumberError as error:
            raise forms.ValidationError(str(error), code="invalid") from error


class ChoiceForm(forms.Form):
    """Put a choice to the room."""

    question = forms.CharField(
        label=_("What is the question?"),
        help_text=_("For example: Which projects should we take on next?"),
        max_length=200,
        error_messages={"required": _("Enter the question"), **too_long()},
    )
    about = forms.ChoiceField(
        label=_("What do people choose from?"),
        choices=Choice.About.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say what people choose from")},
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Projects to choose from"),
        help_text=_(
            "Ideas in the event's ward, and projects brought to this series. Tick 2 or more."
        ),
        queryset=Project.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose projects from the list")},
    )
    barriers = forms.ModelMultipleChoiceField(
        label=_("Barriers to choose from"),
        help_text=_("Barriers the learning set named that are still in the way. Tick 2 or more."),
        queryset=Barrier.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose barriers from the list")},
    )
    labels = forms.CharField(
        label=_("Options you type in"),
        help_text=_("One option on each line."),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=5)),
        error_messages=too_long(),
    )
    method = forms.ChoiceField(
        label=_("How do people choose?"),
        choices=[
            (
                Choice.Method.DOTS.value,
                _("Dot voting: each person spreads a few dots over the options they like"),
            ),
            (
                Choice.Method.RANKING.value,
                _("Putting in order: each person puts the options in order, best first"),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how people choose")},
    )
    dots = WholeNumberField(
        name=_("Dots each person has"),
        label=_("For dot voting: how many dots does each person have?"),
        minimum=1,
        maximum=MOST_DOTS,
        initial=3,
        empty=3,
    )
    most_on_one = WholeNumberField(
        name=_("The most dots on one option"),
        label=_("For dot voting: the most dots a person can put on one option"),
        help_text=_("Leave empty to let people put all their dots on one option."),
        minimum=1,
        maximum=MOST_DOTS,
        initial=3,
        empty=0,
    )
    seats = WholeNumberField(
        name=_("How many to choose"),
        label=_("How many options will be chosen?"),
        help_text=_("The ones with the most votes are chosen."),
        minimum=1,
        maximum=MOST_OPTIONS,
        initial=1,
        required_message=_("Enter how many options will be chosen"),
    )

    def __init__(self, *args, projects, barriers, **kwargs):
        super().__init__(*args, **kwargs)
        project_ids = [p.pk for p in projects]
        barrier_ids = [b.pk for b in barriers]
        about = list(Choice.About.choices)
        if project_ids:
            self.fields["projects"].queryset = Project.objects.filter(pk__in=project_ids).order_by(
                "title"
            )
        else:
            del self.fields["projects"]
            about = [c for c in about if c[0] != Choice.About.PROJECTS]
        if barrier_ids:
            self.fields["barriers"].queryset = Barrier.objects.filter(pk__in=barrier_ids).order_by(
                "text", "pk"
            )
        else:
            del self.fields["barriers"]
            about = [c for c in about if c[0] != Choice.About.BARRIERS]
        self.fields["about"].choices = about

    def clean(self):
        data = super().clean()
        if data.get("most_on_one") == 0:
            data["most_on_one"] = data.get("dots") or 1
        about = data.get("about")
        if about == Choice.About.PROJECTS and len(data.get("projects") or []) < 2:
            self.add_error("projects", _("Tick 2 or more projects"))
        if about == Choice.About.BARRIERS and len(data.get("barriers") or []) < 2:
            self.add_error("barriers", _("Tick 2 or more barriers"))
        if about == Choice.About.OPTIONS and len(self.typed_labels()) < 2:
            self.add_error("labels", _("Type 2 or more options, one on each line"))
        return data

    def typed_labels(self) -> list[str]:
        return [line.strip() for line in (self.cleaned_data.get("labels") or "").splitlines()]


def _place_name(place: int) -> str:
    return {1: _("1st"), 2: _("2nd"), 3: _("3rd")}.get(place) or _("%(n)dth") % {"n": place}


class DotsBallotForm(forms.Form):
    """How many dots a person puts on each option."""

    def __init__(self, *args, choice: Choice, **kwargs):
        super().__init__(*args, **kwargs)
        self.choice = choice
        for option in choice.options.all():
            self.fields[f"option_{option.pk}"] = WholeNumberField(
                name=_("Dots on %(option)s") % {"option": option.label},
                label=option.label,
                minimum=0,
                maximum=choice.most_on_one,
                empty=0,
            )

    def clean(self):
        data = super().clean()
        if not self.errors:
            given = sum(data.values())
            if given == 0:
                raise forms.ValidationError(_("Put at least one dot on an option"))
            if given > self.choice.dots:
                raise forms.ValidationError(
                    ngettext(
                        "You have %(count)d dot and gave out %(given)d. Take some off.",
                        "You have %(count)d dots and gave out %(given)d. Take some off.",
                        self.choice.dots,
                    )
                    % {"count": self.choice.dots, "given": given}
                )
        return data

    def marks(self) -> dict[int, int]:
        return {int(name.split("_")[1]): n for name, n in self.cleaned_data.items() if n}


class RankingBallotForm(forms.Form):
    """The place a person gives each option: 1 for their favourite."""

    def __init__(self, *args, choice: Choice, **kwargs):
        super().__init__(*args, **kwargs)
        options = list(choice.options.all())
        places = [("", _("Not ranked"))] + [
            (str(n), _place_name(n)) for n in range(1, len(options) + 1)
        ]
        for option in options:
            self.fields[f"option_{option.pk}"] = forms.TypedChoiceField(
                label=option.label,
                choices=places,
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={"invalid_choice": _("Choose a place from the list")},
            )

    def clean(self):
        data = super().clean()
        given = [n for n in data.values() if n]
        if not self.errors:
            if not given:
                raise forms.ValidationError(
                    _("Give at least one option a place: 1st for your favourite")
                )
            if len(set(given)) != len(given):
                raise forms.ValidationError(_("Give each place to one option only"))
            if sorted(given) != list(range(1, len(given) + 1)):
                raise forms.ValidationError(
                    _("Use places in order with no gaps: 1st, then 2nd, then 3rd")
                )
        return data

    def marks(self) -> dict[int, int]:
        return {int(name.split("_")[1]): n for name, n in self.cleaned_data.items() if n}


class RoomCountsForm(forms.Form):
    """What the room voted on the wall or on paper, typed in by an organiser."""

    people = WholeNumberField(
        name=_("The number of people who voted in the room"),
        label=_("How many people voted in the room?"),
        help_text=_("Count each person once, not the people who voted on their phones."),
        minimum=0,
        maximum=100_000,
        required_message=_("Enter how many people voted in the room, or 0"),
    )

    def __init__(self, *args, choice: Choice, **kwargs):
        super().__init__(*args, **kwargs)
        self.choice = choice
        self.options = list(choice.options.all())
        self.rows: list[tuple] = []
        if not args and "initial" not in kwargs:
            self.initial["people"] = choice.room_people
        for option in self.options:
            if choice.is_dots:
                name = f"room_{option.pk}"
                self.fields[name] = WholeNumberField(
                    name=_("Dots on %(option)s") % {"option": option.label},
                    label=option.label,
                    minimum=0,
                    maximum=1_000_000,
                    empty=0,
                )
                self.initial.setdefault(name, option.room_dots)
                self.rows.append((option, [self[name]]))
                continue
            counts = list(option.room_places or [])
            bound = []
            for place in range(1, len(self.options) + 1):
                name = f"room_{option.pk}_{place}"
                self.fields[name] = WholeNumberField(
                    name=_("People who put %(option)s %(place)s")
                    % {"option": option.label, "place": _place_name(place)},
                    label=_("%(place)s place") % {"place": _place_name(place)},
                    minimum=0,
                    maximum=100_000,
                    empty=0,
                )
                self.initial.setdefault(name, counts[place - 1] if place <= len(counts) else 0)
                bound.append(self[name])
            self.rows.append((option, bound))

    def dots(self) -> dict[int, int]:
        return {o.pk: self.cleaned_data[f"room_{o.pk}"] for o in self.options}

    def places(self) -> dict[int, list[int]]:
        size = len(self.options)
        return {
            o.pk: [self.cleaned_data[f"room_{o.pk}_{k}"] for k in range(1, size + 1)]
            for o in self.options
        }
