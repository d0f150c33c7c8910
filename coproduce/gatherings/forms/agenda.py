"""Forms for the open agenda and the board."""

from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import time_field
from coproduce.common.dates.local import local_instant
from coproduce.common.form_errors import too_long


class AgendaItemForm(forms.Form):
    title = forms.CharField(
        label=_("What would you like to talk about?"),
        max_length=150,
        error_messages={"required": _("Give your suggestion a title"), **too_long()},
    )
    description = forms.CharField(
        label=_("A few words about it (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=too_long(),
    )


class ArrangeForm(forms.Form):
    """A room and a time on the board; the day too, when the event runs over several."""

    day = forms.TypedChoiceField(
        label=_("Day"),
        coerce=date.fromisoformat,
        error_messages={
            "required": _("Choose the day"),
            "invalid_choice": _("Choose one of the event's days"),
        },
    )
    room = forms.CharField(
        label=_("Room or space"),
        help_text=_("For example, Main hall, or Corner by the window."),
        max_length=100,
        error_messages={"required": _("Say which room or space"), **too_long()},
    )
    starts = time_field(_("Start time"), "10:30am")
    ends = time_field(_("End time"), "11:15am")

    def __init__(self, *args, days: list[date], **kwargs):
        super().__init__(*args, **kwargs)
        self.days = days
        if len(days) > 1:
            self.fields["day"].choices = [(d.isoformat(), date_format(d, "l j F")) for d in days]
        else:
            del self.fields["day"]

    def clean(self):
        data = super().clean()
        day = data.get("day", self.days[0])
        if day is None or data.get("starts") is None or data.get("ends") is None:
            return data
        data["starts_at"] = local_instant(day, data["starts"])
        data["ends_at"] = local_instant(day, data["ends"])
        if data["starts_at"] is None:
            self.add_error("starts", _("The clocks go forward at that time. Choose another."))
        if data["ends_at"] is None:
            self.add_error("ends", _("The clocks go forward at that time. Choose another."))
        return data
