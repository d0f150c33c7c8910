"""Forms for writing and scheduling news, and the ward filter of the news list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field, time_field
from coproduce.common.dates.local import local_instant
from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import too_long
from coproduce.common.plain_language import MAX_TEXT
from coproduce.common.writing import plain_language_attrs
from coproduce.groups.models import Organisation
from coproduce.places.fields import ward_filter_field
from coproduce.places.selectors import wards_by_name
from coproduce.projects.themes import Theme

from .models import NewsPost

THEME_CHOICES = [(f"theme:{value}", label) for value, label in Theme.choices]


class PostForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        help_text=_("Say what has happened or what is changing, in a few words."),
        max_length=150,
        widget=forms.TextInput(attrs=plain_language_attrs()),
        error_messages={"required": _("Give the news a title"), **too_long()},
    )
    summary = forms.CharField(
        label=_("Summary"),
        help_text=_("One or two short sentences. It shows in lists, feeds and emails."),
        max_length=300,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=2)),
        error_messages={"required": _("Say in a sentence what the news is"), **too_long()},
    )
    body = forms.CharField(
        label=_("The news"),
        help_text=_(
            "Leave an empty line between paragraphs. Web addresses that start with https:// "
            "become links."
        ),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=12)),
        error_messages={"required": _("Write the news"), **too_long()},
    )
    audience = forms.ChoiceField(
        label=_("Who is it for?"),
        choices=NewsPost.Audience.choices,
        initial=NewsPost.Audience.EVERYONE,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who the news is for"),
            "invalid_choice": _("Choose one of the options"),
        },
    )
    wards = forms.ModelMultipleChoiceField(
        label=_("Wards (optional)"),
        help_text=_("People who live in these wards, and who follow them."),
        queryset=wards_by_name(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose wards from the list")},
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics (optional)"),
        help_text=_("People who follow these topics."),
        choices=THEME_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose topics from the list")},
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("Groups (optional)"),
        help_text=_("Members of these groups, and people who follow them."),
        queryset=Organisation.objects.filter(is_listed=True).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose groups from the list")},
    )
    send_email = forms.BooleanField(
        label=_("Also send it by email to everyone it is for"),
        help_text=_("People who have turned council news off will not get it."),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("audience") == NewsPost.Audience.CHOSEN and not (
            data.get("wards") or data.get("topics") or data.get("groups")
        ):
            self.add_error(
                "audience",
                _("Choose at least one ward, topic or group, or send it to everyone"),
            )
        return data

    @classmethod
    def initial_for(cls, post: NewsPost) -> dict:
        return {
            "title": post.title,
            "summary": post.summary,
            "body": post.body,
            "audience": post.audience,
            "wards": list(post.wards.all()),
            "topics": list(post.topics),
            "groups": list(post.groups.all()),
            "send_email": post.send_email,
        }

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "summary": data["summary"],
            "body": data["body"],
            "audience_kind": data["audience"],
            "topics": list(data["topics"]),
            "wards": list(data["wards"]),
            "groups": list(data["groups"]),
            "send_email": data["send_email"],
        }


class ScheduleForm(forms.Form):
    day = day_field(_("Date"), _("Enter the date to publish it"))
    at = time_field(_("Time"), "9am", required_message=_("Enter the time to publish it"))

    def clean(self):
        data = super().clean()
        if data.get("day") is None or data.get("at") is None:
            return data
        instant = local_instant(data["day"], data["at"])
        if instant is None:
            self.add_error("at", _("That time does not happen that day: the clocks go forward"))
            return data
        data["publish_at"] = instant
        return data


class NewsFilterForm(FilterForm):
    ward = ward_filter_field()
