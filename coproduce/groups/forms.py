from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import too_long
from coproduce.common.writing import plain_language_attrs
from coproduce.places.fields import PlaceChoiceField, ward_field, ward_filter_field

from .models import Membership, Organisation


class OrganisationForm(forms.Form):
    """What a group says about itself. Contact details here are the group's, published."""

    name = forms.CharField(
        label=_("Name of the group"),
        max_length=200,
        error_messages={"required": _("Enter the name of the group"), **too_long()},
    )
    kind = forms.ChoiceField(
        label=_("What kind of group is it?"),
        help_text=_(
            "A council officer checks council services, NHS teams and schools. "
            "Until then, the group is shown as a community group."
        ),
        choices=Organisation.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what kind of group it is"),
            "invalid_choice": _("Choose one of the options"),
        },
    )
    description = forms.CharField(
        label=_("What does the group do?"),
        help_text=_("In plain words, for someone who has never heard of it."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=5)),
        error_messages=too_long(),
    )
    ward = ward_field(
        _("Which ward is it mostly in?"), empty_label=_("All over the borough, or not sure")
    )
    base = PlaceChoiceField(
        label=_("Where does it usually meet?"),
        empty_label=_("Nowhere in particular, or not on the map"),
    )
    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={
            "invalid": _("Enter a web address, like https://example.org"),
            **too_long(),
        },
    )
    email = forms.EmailField(
        label=_("Contact email for the group (optional)"),
        help_text=_("This is shown to everyone. Use the group's address, not your own."),
        required=False,
        error_messages={"invalid": _("Enter an email address, like name@example.org")},
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Contact phone for the group (optional)"),
        help_text=_("This is shown to everyone."),
        required=False,
        max_length=30,
        error_messages=too_long(),
        widget=forms.TextInput(attrs={"autocomplete": "off", "class": "govuk-input--width-20"}),
    )
    is_listed = forms.BooleanField(
        label=_("Show the group to everyone. If not ticked, only its members see it."),
        required=False,
    )


class OrganisationFilterForm(FilterForm):
    """Filters for the list of groups, read from the query string."""

    q = forms.CharField(
        label=_("Search by name or what the group does"),
        required=False,
        max_length=100,
        error_messages=too_long(),
    )
    kind = forms.ChoiceField(
        label=_("Kind of group"),
        choices=[("", _("Any kind")), *Organisation.Kind.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a kind of group from the list")},
    )
    ward = ward_filter_field()


class RoleForm(forms.Form):
    """An organiser's choice to change one member's role. The membership must be this group's."""

    membership = forms.ModelChoiceField(
        queryset=Membership.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a member"),
            "invalid_choice": _("That person is not a member of this group"),
        },
    )
    role = forms.ChoiceField(
        choices=Membership.Role.choices,
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a role"),
            "invalid_choice": _("Choose member or organiser"),
        },
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = Membership.objects.filter(
            organisation=organisation, user__is_active=True
        ).select_related("organisation")


class KindDeclineForm(forms.Form):
    """An officer's reason for not listing a group as the kind it asked for."""

    reason = forms.CharField(
        label=_("Why not?"),
        help_text=_("The group's organiser will see this."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Say why, so the group knows what to do"),
            **too_long(),
        },
    )


SHARING_LABEL = _("Let this group's organisers see the parts of my profile I share with organisers")
SHARING_HELP = _(
    "This can include your access needs. You can change this at any time from your groups page."
)


class JoinForm(forms.Form):
    """Joining a group: and whether its organisers may see what the person shares with
    organisers. Off unless they tick it."""

    shares_with_organisers = forms.BooleanField(
        label=SHARING_LABEL, help_text=SHARING_HELP, required=False
    )


class SharingForm(JoinForm):
    """A member changing that choice later."""


class OrganiserInviteForm(forms.Form):
    """An organiser asking someone, by email address, to help organise the group."""

    email = forms.EmailField(
        label=_("Their email address"),
        help_text=_("If they have an account, we will ask them. They choose whether to say yes."),
        max_length=254,
        error_messages={
            "required": _("Enter their email address"),
            "invalid": _("Enter an email address, like name@example.org"),
            **too_long(),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
