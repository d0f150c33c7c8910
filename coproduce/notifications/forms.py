from django import forms

from . import kinds


class PreferencesForm(forms.Form):
    """One set of radios per kind of notification: how it should be emailed."""

    def __init__(self, *args, initial_frequencies: dict[str, kinds.Frequency], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds.all_kinds():
            self.fields[kind.slug] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=kinds.Frequency.choices,
                initial=initial_frequencies.get(kind.slug, kind.default),
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose how you want emails about {kind.label}"},
            )
