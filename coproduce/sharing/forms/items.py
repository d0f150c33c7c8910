from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import CHOOSE, too_long
from coproduce.common.writing import plain_language_attrs
from coproduce.places.fields import ward_field, ward_filter_field

from ..models import Item


class ItemForm(forms.Form):
    """Offer or ask for something. `kind` is only asked when the item is new."""

    kind = forms.ChoiceField(
        label=_("Are you offering something or looking for something?"),
        choices=Item.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you are offering or looking"), **CHOOSE},
    )
    exchange = forms.ChoiceField(
        label=_("To give or to lend?"),
        choices=Item.Exchange.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether it is to give or to lend"), **CHOOSE},
    )
    title = forms.CharField(
        label=_("What is it?"),
        help_text=_("A few words. For example: “Wooden kitchen table” or “Hedge trimmer”."),
        max_length=120,
        error_messages={"required": _("Enter what it is"), **too_long()},
    )
    description = forms.CharField(
        label=_("Describe it (optional)"),
        help_text=_("Size, how old it is, anything someone should know."),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=4)),
        error_messages=too_long(),
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("Choose a category")), *Item.Category.choices],
        error_messages={"required": _("Choose a category"), **CHOOSE},
    )
    condition = forms.ChoiceField(
        label=_("Condition (optional)"),
        choices=[("", _("Not given")), *Item.Condition.choices],
        required=False,
        error_messages=CHOOSE,
    )
    ward = ward_field(
        _("Which ward is it in?"),
        help_text=_("We only show the ward, never an address."),
        empty_label=_("Choose a ward"),
        required=True,
        required_message=_("Choose a ward"),
    )
    where_to_collect = forms.CharField(
        label=_("Where and when to collect it (optional)"),
        help_text=_(
            "Only the person who reserves it sees this. "
            "You could name a meeting place rather than your home."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=too_long(),
    )
    organisation = forms.ModelChoiceField(
        label=_("Post it for a group you organise (optional)"),
        queryset=None,
        required=False,
        empty_label=_("No, it is mine"),
        error_messages={"invalid_choice": _("Choose a group you organise")},
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        help_text=_("A JPG, PNG or WebP file, smaller than 10 MB."),
        required=False,
        error_messages={"empty": _("The file is empty")},
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("What does the photo show?"),
        help_text=_("Needed if you add a photo. Describe it for people who cannot see it."),
        required=False,
        max_length=250,
        error_messages=too_long(),
    )

    def __init__(self, *args, groups=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["kind"]
            del self.fields["organisation"]
            self.fields["photo"].label = _("Add a photo (optional)")
        elif groups is not None and groups.exists():
            self.fields["organisation"].queryset = groups
        else:
            del self.fields["organisation"]

    def clean(self):
        data = super().clean()
        if data.get("photo") and not (data.get("alt_text") or "").strip():
            self.add_error("alt_text", _("Describe what the photo shows"))
        return data


class ItemFilterForm(FilterForm):
    """Filters for the list of items, read from the query string."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        error_messages=too_long(),
    )
    kind = forms.ChoiceField(
        label=_("Offered or wanted"),
        choices=[("", _("Both")), *Item.Kind.choices],
        required=False,
        error_messages=CHOOSE,
    )
    exchange = forms.ChoiceField(
        label=_("Give or lend"),
        choices=[("", _("Both")), *Item.Exchange.choices],
        required=False,
        error_messages=CHOOSE,
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("Any category")), *Item.Category.choices],
        required=False,
        error_messages=CHOOSE,
    )
    ward = ward_filter_field()


class ReplyForm(forms.Form):
    message = forms.CharField(
        label=_("What can you offer?"),
        help_text=_(
            "They will see this message. Your contact details are only shared if they accept."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter a message"), **too_long()},
    )
