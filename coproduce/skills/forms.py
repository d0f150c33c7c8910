from django import forms
from django.utils.translation import gettext_lazy as _


class SkillPickForm(forms.Form):
    """One group of checkboxes per category, so a long list stays easy to scan."""

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.skills_by_pk = {}
        for category in categories:
            skills = list(category.skills.all())
            self.skills_by_pk.update({skill.pk: skill for skill in skills})
            self.fields[f"category_{category.slug}"] = forms.TypedMultipleChoiceField(
                label=category.name,
                choices=[(skill.pk, skill.display_name) for skill in skills],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": _("Choose skills from the list")},
            )

    def chosen_skills(self) -> list:
        return [
            self.skills_by_pk[pk]
            for name, value in self.cleaned_data.items()
            if name.startswith("category_")
            for pk in value
        ]


class SuggestionReviewForm(forms.Form):
    """The skills recognised in someone's own words, for them to say yes to, one by one.

    Nothing is ticked for them: a skill is only added when they tick it."""

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestions = {s.key: s for s in suggestions}
        self.fields["accepted"] = forms.MultipleChoiceField(
            label=_("Which of these can you do?"),
            help_text=_("Tick the ones that are right. We will not add the others."),
            choices=[
                (
                    s.key,
                    _("%(skill)s. You wrote: “%(words)s”")
                    % {"skill": s.label[:1].upper() + s.label[1:], "words": s.evidence},
                )
                for s in suggestions
            ],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": _("Choose from the skills we suggested")},
        )

    def accepted(self) -> list:
        return [self.suggestions[key] for key in self.cleaned_data["accepted"]]

    def declined(self) -> list:
        chosen = set(self.cleaned_data["accepted"])
        return [s for key, s in self.suggestions.items() if key not in chosen]
