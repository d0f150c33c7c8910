"""Field makers the gatherings forms share: places and length messages.

Date and time fields are shared with every app, in `coproduce.common.dates.fields`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.places.models import Place


def too_long() -> dict:
    return {"max_length": _("Use %(limit_value)d characters or fewer")}


class PlaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Place) -> str:
        return f"{obj.name}, {obj.ward.name}"
