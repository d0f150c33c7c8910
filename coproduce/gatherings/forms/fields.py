"""Field makers the gatherings forms share: places and length messages.

Date and time fields are shared with every app, in `coproduce.common.dates.fields`.
"""

from django import forms

from coproduce.places.models import Place


class PlaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Place) -> str:
        return f"{obj.name}, {obj.ward.name}"
