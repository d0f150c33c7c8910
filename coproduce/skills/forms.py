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
                choices=[(skill.pk, skill.name) for skill in skills],
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
