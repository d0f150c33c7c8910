"""The story form (appreciative-inquiry prompts, photo, where, links, consent) and the list's
filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import CHOOSE, too_long
from coproduce.common.writing import plain_language_attrs
from coproduce.groups.models import Organisation
from coproduce.places.fields import PlaceChoiceField, ward_field, ward_filter_field
from coproduce.places.models import Street
from coproduce.projects.models import Project

from .models import MAX_PART
from .selectors import linked_choices

YES, NO = "yes", "no"
ROUGHLY, EXACTLY = "roughly", "exactly"


def _part(label, help_text, *, required=False, message=None):
    errors = too_long()
    if message:
        errors["required"] = message
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=MAX_PART,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=5)),
        error_messages=errors,
    )


class StoryForm(forms.Form):
    title = forms.CharField(
        label=_("Give your story a title"),
        help_text=_("For example: 'The street party that brought us together'."),
        max_length=150,
        error_messages={"required": _("Give your story a title"), **too_long()},
    )
    what_happened = _part(
        _("What happened?"),
        _("Tell us about a time something worked well. What did you see and do?"),
        required=True,
        message=_("Say what happened"),
    )
    who_helped = _part(
        _("Who helped?"),
        _("Optional. Say what people did. Only name someone if they are happy to be named."),
    )
    what_made_it_work = _part(
        _("What made it work?"),
        _("Optional. What was it about the people, the place or the way you did it?"),
    )
    could_grow_into = _part(
        _("What could it grow into?"),
        _("Optional. If it happened more, or in more places, what could it become?"),
    )
    photo = forms.FileField(
        label=_("A photo (optional)"),
        help_text=_(
            "A JPG, PNG or WebP file, smaller than 10 MB. Only use a photo of people if they "
            "agree. We remove the hidden details that can say where a photo was taken."
        ),
        required=False,
        error_messages={"empty": _("The file is empty")},
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_alt = forms.CharField(
        label=_("What does the photo show?"),
        help_text=_("Describe it for people who cannot see it."),
        required=False,
        max_length=250,
        error_messages=too_long(),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)
    place = PlaceChoiceField(
        label=_("Did it happen at a place on the map? (optional)"), empty_label=_("No place")
    )
    ward = ward_field(_("Which ward was it in? (optional)"), empty_label=_("Not sure"))
    street = forms.CharField(
        label=_("Which street was it on or near? (optional)"),
        help_text=_("Do not give your own home. We show only roughly where it was."),
        required=False,
        max_length=150,
        error_messages=too_long(),
    )
    latitude = forms.FloatField(widget=forms.HiddenInput, required=False)
    longitude = forms.FloatField(widget=forms.HiddenInput, required=False)
    point_shown = forms.ChoiceField(
        label=_("How should the map show where it was?"),
        choices=[
            (ROUGHLY, _("Roughly, within about 500 metres")),
            (EXACTLY, _("Exactly, for example a park or a hall")),
        ],
        initial=ROUGHLY,
        widget=forms.RadioSelect,
        error_messages=CHOOSE,
    )
    project = forms.ModelChoiceField(
        label=_("Is it about a project? (optional)"),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("No project"),
        widget=forms.Select(attrs={"data-coproduce-picker": "project"}),
        error_messages={"invalid_choice": _("Choose a project from the list")},
    )
    group = forms.ModelChoiceField(
        label=_("Is it about a group? (optional)"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No group"),
        widget=forms.Select(attrs={"data-coproduce-picker": "group"}),
        error_messages={"invalid_choice": _("Choose a group from the list")},
    )
    publish = forms.ChoiceField(
        label=_("May we publish your story?"),
        help_text=_(
            "A moderator checks it first. You can change your mind, change it or delete it "
            "at any time."
        ),
        choices=[
            (YES, _("Yes, publish it for everyone to read")),
            (NO, _("No, keep it where only I can see it for now")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether we may publish your story"), **CHOOSE},
    )
    show_name = forms.ChoiceField(
        label=_("Show your name with your story?"),
        help_text=_("If you say no, it shows “A resident”."),
        choices=[(YES, _("Yes, show my name")), (NO, _("No, show “A resident”"))],
        initial=NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to show your name"), **CHOOSE},
    )

    def __init__(self, *args, has_photo: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        projects, groups, places = linked_choices()
        self.fields["project"].queryset = projects
        self.fields["group"].queryset = groups
        self.fields["place"].queryset = places
        if not has_photo:
            del self.fields["remove_photo"]

    def clean(self):
        data = super().clean()
        street_name = (data.get("street") or "").strip()
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None):
            raise forms.ValidationError(_("The point on the map is incomplete. Pin it again."))
        data["point"] = (latitude, longitude) if latitude is not None else None
        if street_name and data["point"] is None:
            streets = Street.objects.filter(name__iexact=street_name)
            if data.get("ward") is not None:
                streets = streets.filter(ward=data["ward"])
            street = streets.exclude(centre_latitude=None).order_by("pk").first()
            if street is None:
                self.add_error(
                    "street",
                    _("We cannot find that street. Check the spelling or leave it out."),
                )
            else:
                data["point"] = (street.centre_latitude, street.centre_longitude)
                data["ward"] = data.get("ward") or street.ward
        if data.get("photo") and not (data.get("photo_alt") or "").strip():
            self.add_error("photo_alt", _("Describe what the photo shows"))
        return data


class StoryFilterForm(FilterForm):
    """The public list's filters, in the query string: a ward, and what a story is about
    (a project, group or place by its number, as the panels on their pages link)."""

    ward = ward_filter_field()
    project = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    group = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    place = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
