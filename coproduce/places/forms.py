from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.writing import plain_language_attrs

from . import geometry
from .fields import ward_field
from .models import Street


class UnlovedSpaceForm(forms.Form):
    """Love Your Space: anyone signed in can flag a neglected space."""

    name = forms.CharField(
        label=_("What is the space?"),
        help_text=_(
            "For example: 'Empty shop on Mill Lane' or 'Overgrown corner by the bus stop'."
        ),
        max_length=200,
        error_messages={
            "required": _("Say what the space is"),
            "max_length": _("Use 200 characters or fewer"),
        },
    )
    ward = ward_field(
        _("Which ward is it in?"),
        empty_label=_("Choose a ward"),
        required=True,
        required_message=_("Choose the ward the space is in"),
    )
    street = forms.CharField(
        label=_("Which street is it on or near?"),
        help_text=_("Optional. We use it to put the space on the map."),
        required=False,
        max_length=150,
        error_messages={"max_length": _("Use 150 characters or fewer")},
    )
    description = forms.CharField(
        label=_("What is wrong with it now?"),
        max_length=2000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=4)),
        error_messages={
            "required": _("Say what is wrong with the space now"),
            "max_length": _("Use 2000 characters or fewer"),
        },
    )
    could_become = forms.CharField(
        label=_("What could it become?"),
        help_text=_("Optional. For example: a community garden, a pop-up café, a play space."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=4)),
        error_messages={"max_length": _("Use 2000 characters or fewer")},
    )
    latitude = forms.FloatField(widget=forms.HiddenInput, required=False)
    longitude = forms.FloatField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        ward, street_name = data.get("ward"), (data.get("street") or "").strip()
        data["street_object"] = None
        if ward is not None and street_name:
            street = Street.objects.filter(ward=ward, name__iexact=street_name).first()
            if street is None:
                self.add_error(
                    "street",
                    _("We cannot find %(street)s in %(ward)s. Check the spelling or leave it out.")
                    % {"street": street_name, "ward": ward.name},
                )
            data["street_object"] = street
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None):
            raise forms.ValidationError(_("The point on the map is incomplete. Pin it again."))
        outside = (
            ward is not None
            and latitude is not None
            and ward.boundary
            and not geometry.point_in_polygon(longitude, latitude, ward.boundary)
        )
        if outside:
            raise forms.ValidationError(
                _("The point on the map is outside %(ward)s.") % {"ward": ward.name}
            )
        return data


class PlacePhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_("A JPG, PNG or WebP file, smaller than 10 MB."),
        error_messages={
            "required": _("Choose a photo to upload"),
            "empty": _("The file is empty"),
        },
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("What does the photo show?"),
        help_text=_(
            "Describe it for people who cannot see it. "
            "For example: 'The hall set out for a meeting'."
        ),
        max_length=250,
        error_messages={
            "required": _("Describe what the photo shows"),
            "max_length": _("Use 250 characters or fewer"),
        },
    )
