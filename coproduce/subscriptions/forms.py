from django import forms
from django.utils.translation import gettext_lazy as _

from . import buckets
from .models import Channel, Frequency, Thing

FREQUENCY_CHOICES = [
    ("now", _("Straight away, one email for each")),
    ("daily", _("Once a day, in one email")),
    ("weekly", _("Once a week, in one email")),
]
FREQUENCY_OF = {Frequency.NOW: "now", Frequency.DAILY: "daily", Frequency.WEEKLY: "weekly"}


class ChoicesForm(forms.Form):
    things = forms.MultipleChoiceField(
        label=_("What do you want to hear about?"),
        help_text=_("Choose none to hear about all of them."),
        choices=Thing.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label=_("How often?"),
        choices=FREQUENCY_CHOICES,
        initial="weekly",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how often you want to hear.")},
    )


class SubscribeForm(ChoicesForm):
    topic = forms.ChoiceField(
        label=_("Which bucket?"),
        help_text=_("A theme, a ward, a group, a series of events, or the whole borough."),
        error_messages={
            "required": _("Choose a bucket."),
            "invalid_choice": _("Choose a bucket from the list."),
        },
    )
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We will send you a link to confirm it. Nothing else comes until you do."),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.com."),
        },
    )
    field_order = ["topic", "things", "frequency", "email"]

    def __init__(self, *args, signed_in: bool, chosen: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = buckets.topic_choices(extra=chosen)
        if chosen:
            self.fields["topic"].initial = chosen
        if signed_in:
            del self.fields["email"]

    def topic_key(self) -> str | None:
        return buckets.from_url(self.cleaned_data["topic"])


class ChangeForm(ChoicesForm):
    channel = forms.ChoiceField(
        label=_("How should it come?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, post_allowed: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not post_allowed:
            del self.fields["channel"]

    @classmethod
    def for_subscription(cls, subscription, data=None, *, post_allowed: bool = False):
        return cls(
            data,
            post_allowed=post_allowed,
            initial={
                "things": subscription.thing_list
                if len(subscription.thing_list) < len(Thing.values)
                else [],
                "frequency": FREQUENCY_OF[Frequency(subscription.frequency)],
                "channel": subscription.channel,
            },
        )
