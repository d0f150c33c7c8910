from django import forms
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field
from coproduce.common.filters import FilterForm, TickField
from coproduce.common.writing import plain_language_attrs
from coproduce.places.fields import ward_field, ward_filter_field

from ..lifecycle import NEXT, Status
from ..models import HELPING, NOT_MET, Contribution, Owner, Project
from ..selectors import MAX_QUERY
from ..themes import Theme


def _text(label, *, max_length: int, rows: int = 4, required: bool = False, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=rows)),
        error_messages={
            "required": _("Fill this in"),
            "max_length": _("Use %(limit_value)d characters or fewer"),
        },
    )


class ProjectForm(forms.Form):
    title = forms.CharField(
        label=_("What is your idea or project called?"),
        max_length=150,
        widget=forms.TextInput(attrs=plain_language_attrs()),
        error_messages={
            "required": _("Give it a short name"),
            "max_length": _("Use 150 characters or fewer"),
        },
    )
    summary = forms.CharField(
        label=_("Sum it up in a sentence or two"),
        max_length=300,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=2)),
        error_messages={
            "required": _("Sum up the idea in a sentence or two"),
            "max_length": _("Use 300 characters or fewer"),
        },
    )
    theme = forms.ChoiceField(
        label=_("What is it about?"),
        choices=[("", _("Choose a theme")), *Theme.choices],
        error_messages={
            "required": _("Choose a theme"),
            "invalid_choice": _("Choose a theme from the list"),
        },
    )
    ward = ward_field(_("Which ward is it in?"), empty_label=_("The whole borough, or not sure"))
    description = _text(_("Tell people more (optional)"), max_length=10_000, rows=6)


class ParametersForm(forms.Form):
    """The rules of the game, published before anyone joins."""

    fixed_budget = forms.CharField(
        label=_("Budget"),
        help_text=_("For example: '£2,000 from the ward fund' or 'No money: time only'."),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Use 300 characters or fewer")},
    )
    fixed_dates = forms.CharField(
        label=_("Dates"),
        help_text=_("For example: 'Must finish by the end of March'."),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Use 300 characters or fewer")},
    )
    fixed_rules = _text(_("Rules that cannot change"), max_length=3000)
    open_to_shape = _text(_("What people can shape"), max_length=3000)
    how_to_help = _text(_("How people can add value"), max_length=3000)
    publish = forms.BooleanField(
        label=_("Publish these now, so people see them before they join"), required=False
    )


class StatusForm(forms.Form):
    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Project.Status.choices)
        choices = [(s.value, labels[s.value]) for s in sorted(NEXT[Status(project.status)])]
        self.fields["to"] = forms.ChoiceField(
            label=_("What is happening now?"),
            choices=choices,
            widget=forms.RadioSelect,
            error_messages={
                "required": _("Choose what is happening now"),
                "invalid_choice": _("Choose one of the options"),
            },
        )
        self.fields["note"] = forms.CharField(
            label=_("Why (optional)"),
            max_length=500,
            required=False,
            error_messages={"max_length": _("Use 500 characters or fewer")},
        )
        self.fields["outcome"] = _text(
            _("What came of it"),
            max_length=5000,
            help_text=_("Needed when the project is completed."),
        )


class OwnerForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person to invite"),
        help_text=_("We will ask them first. They become an owner only if they say yes."),
        required=False,
        error_messages={"invalid": _("Enter an email address like name@example.org")},
    )
    organisation = forms.ModelChoiceField(
        label=_("Or a group you organise"), queryset=None, required=False
    )
    role = forms.ChoiceField(
        label=_("Their role"),
        choices=Owner.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose their role")},
    )

    def __init__(self, *args, organisations, may_give_council_role: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = _("None")
        if not may_give_council_role:  # only officers make someone a council owner
            self.fields["role"].choices = [
                choice for choice in Owner.Role.choices if choice[0] != Owner.Role.COUNCIL
            ]

    def clean(self):
        data = super().clean()
        if bool(data.get("email")) == bool(data.get("organisation")):
            raise forms.ValidationError(_("Give either a person's email address or a group."))
        return data


def _message(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=2000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=3)),
        error_messages={
            "required": _("Write a short message"),
            "max_length": _("Use 2000 characters or fewer"),
        },
    )


def _hours():
    return forms.IntegerField(
        label=_("About how many hours? (optional)"),
        required=False,
        min_value=1,
        max_value=500,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": _("Enter hours as a whole number, like 4"),
            "min_value": _("Hours must be 1 or more"),
            "max_value": _("Enter 500 hours or fewer"),
        },
    )


class OfferForm(forms.Form):
    offering = forms.ChoiceField(
        label=_("What are you offering?"),
        choices=Contribution.Offering.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you are offering")},
    )
    need = forms.ModelChoiceField(
        label=_("Which need is it for? (optional)"), queryset=None, required=False
    )
    hours = _hours()
    message = _message(_("Tell the owners about your offer"))

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = project.needs.filter(status__in=NOT_MET).order_by("pk")
        self.fields["need"].empty_label = _("Not for a particular need")


class ProposalForm(forms.Form):
    message = _message(
        _("What will you do?"),
        help_text=_(
            "Start with “I will”. For example: “I will ask the school if we can use the hall.”"
        ),
    )
    due_on = day_field(_("By when?"), _("Say by when you will do it"), example_days_ahead=30)


class VolunteerForm(forms.Form):
    role = forms.ModelChoiceField(label=_("Which role?"), queryset=None, required=False)
    proposal = forms.ModelChoiceField(
        label=_("Or help with a proposed action"), queryset=None, required=False
    )
    message = _message(_("Tell the owners a little about yourself"))

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        # Only roles with a place left: a full role says so on the project page.
        self.fields["role"].queryset = (
            project.roles.annotate(
                filled=Count("volunteers", filter=Q(volunteers__status__in=HELPING))
            )
            .filter(filled__lt=F("places"))
            .order_by("pk")
        )
        self.fields["role"].empty_label = _("Any role")
        self.fields["proposal"].queryset = project.contributions.filter(
            kind=Contribution.Kind.PROPOSAL, status=Contribution.Status.ACCEPTED
        )
        self.fields["proposal"].empty_label = _("None")


class DecisionForm(forms.Form):
    accept = forms.TypedChoiceField(
        choices=[("yes", _("Accept")), ("no", _("Decline"))], coerce=lambda v: v == "yes"
    )
    note = forms.CharField(max_length=500, required=False)


class NeedForm(forms.Form):
    title = forms.CharField(
        label=_("What do you need?"),
        max_length=200,
        error_messages={
            "required": _("Say what you need"),
            "max_length": _("Use 200 characters or fewer"),
        },
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Which skills would help? (optional)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hours = _hours()
    description = _text(_("More about it (optional)"), max_length=2000, rows=3)

    def __init__(self, *args, **kwargs):
        from coproduce.skills.selectors import current_skills

        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = current_skills()
        self.fields["skills"].label_from_instance = lambda skill: skill.display_name


class RoleForm(forms.Form):
    title = forms.CharField(
        label=_("Role"),
        help_text=_("For example: “Stall helper on the day”."),
        max_length=150,
        error_messages={
            "required": _("Name the role"),
            "max_length": _("Use 150 characters or fewer"),
        },
    )
    description = _text(_("What it involves (optional)"), max_length=2000, rows=3)
    places = forms.IntegerField(
        label=_("How many people?"),
        min_value=1,
        max_value=500,
        initial=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "required": _("Say how many people"),
            "invalid": _("Enter a whole number, like 3"),
            "min_value": _("At least 1"),
            "max_value": _("500 or fewer"),
        },
    )


class ResourceForm(forms.Form):
    title = forms.CharField(
        label=_("What does the project have?"),
        help_text=_("For example: “£300 from the ward fund” or “A van on Saturdays”."),
        max_length=150,
        error_messages={
            "required": _("Say what it is"),
            "max_length": _("Use 150 characters or fewer"),
        },
    )
    description = forms.CharField(
        label=_("More about it (optional)"),
        max_length=500,
        required=False,
        error_messages={"max_length": _("Use 500 characters or fewer")},
    )


class UpdateForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        widget=forms.TextInput(attrs=plain_language_attrs()),
        error_messages={
            "required": _("Give the update a title"),
            "max_length": _("Use 150 characters or fewer"),
        },
    )
    body = _text(_("What is new?"), max_length=10_000, rows=6, required=True)


class ProjectFilterForm(FilterForm):
    """The list's filters and order. Choosing only projects that need one of your skills is
    offered to people signed in; for anyone else it finds nothing."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY,
        widget=forms.SearchInput,
        error_messages={"max_length": _("Search for %(limit_value)d characters or fewer")},
    )
    ward = ward_filter_field(
        empty_label=_("All wards"), invalid_message=_("There is no ward called '%(value)s'")
    )
    theme = forms.ChoiceField(
        label=_("Theme"),
        choices=[("", _("All themes")), *Theme.choices],
        required=False,
        error_messages={"invalid_choice": _("There is no theme called '%(value)s'")},
    )
    status = forms.ChoiceField(
        label=_("Stage"),
        choices=[("", _("All but archived")), *Project.Status.choices],
        required=False,
        error_messages={"invalid_choice": _("There is no status called '%(value)s'")},
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[
            ("relevance", _("Most relevant to me")),
            ("newest", _("Newest")),
            ("appreciated", _("Most appreciated")),
        ],
        initial="newest",
        required=False,
        error_messages={"invalid_choice": _("Sort by relevance, newest or most appreciated")},
    )
    needs_my_skills = TickField(
        label=_("Only projects that need a skill I have"), widget_id="projects-my-skills"
    )

    def __init__(self, *args, signed_in: bool = False, **kwargs):
        kwargs.setdefault("auto_id", "projects-%s")
        super().__init__(*args, **kwargs)
        self.signed_in = signed_in

    def rows(self) -> list:
        rows = super().rows()
        if self.signed_in:
            return rows
        return [row for row in rows if getattr(row, "name", "") != "needs_my_skills"]
