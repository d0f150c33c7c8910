from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import PersonSkill, Skill, SkillCategory

MAX_LABEL = Skill._meta.get_field("name").max_length


class LinesField(forms.CharField):
    """A list of short phrases edited one per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def validate(self, value):
        super().validate(value)
        for line in value:
            if len(line) > MAX_LABEL:
                raise forms.ValidationError(
                    _("Each line must be %(max)s characters or fewer.") % {"max": MAX_LABEL}
                )


class SkillAdminForm(forms.ModelForm):
    alt_labels = LinesField(
        label=_("Other words for it"),
        required=False,
        help_text=_("One per line: other words people use for this skill."),
    )
    esco_uri = forms.URLField(
        label=_("ESCO address"), max_length=300, required=False, assume_scheme="https"
    )

    class Meta:
        model = Skill
        fields = ["name", "slug", "description", "category", "alt_labels", "esco_uri", "is_current"]

    def clean_alt_labels(self):
        return services.labels_combined(
            self.cleaned_data["alt_labels"], [], self.cleaned_data.get("name", "")
        )

    def clean_is_current(self):
        is_current = self.cleaned_data["is_current"]
        if is_current and self.instance.merged_into_id is not None:
            raise forms.ValidationError(
                _("This skill was merged into %(target)s, so it cannot be in use again.")
                % {"target": self.instance.merged_into}
            )
        return is_current


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Skill.objects.filter(is_current=True, merged_into=None),
        help_text=_(
            "Everyone who has the selected skills will have this one instead. Only skills in "
            "use are listed."
        ),
        error_messages={
            "required": _("Choose the skill to merge into."),
            "invalid_choice": _(
                "Choose a skill in use: a retired or merged skill cannot take others in."
            ),
        },
    )


@admin.register(SkillCategory)
class SkillCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    form = SkillAdminForm
    list_display = ["display_name", "category", "is_current", "merged_into", "managed_by_file"]
    list_filter = ["category", "is_current", "managed_by_file"]
    list_select_related = ["category", "merged_into"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["retire_skills", "merge_skills"]

    @admin.display(description=_("name"), ordering="name")
    def display_name(self, skill: Skill) -> str:
        return skill.display_name

    def get_readonly_fields(self, request, obj=None):
        # Slugs are in links people have shared (map filters), so they never change.
        return ["slug", "merged_into", "managed_by_file"] if obj else []

    def get_fields(self, request, obj=None):
        fields = ["name", "slug", "description", "category", "alt_labels", "esco_uri"]
        return [*fields, "is_current", "merged_into", "managed_by_file"] if obj else fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else self.prepopulated_fields

    def save_model(self, request, obj, form, change):
        # An officer's skill is theirs: the shipped list no longer overwrites or retires it.
        if not change or form.has_changed():
            obj.managed_by_file = False
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Retire the selected skills"), permissions=["change"])
    def retire_skills(self, request, queryset):
        retired = sum(services.skill_retire(skill=skill) for skill in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d skill retired. People who have it keep it.",
                "%(count)d skills retired. People who have them keep them.",
                retired,
            )
            % {"count": retired},
            messages.SUCCESS,
        )

    @admin.action(description=_("Merge the selected skills into…"), permissions=["change"])
    def merge_skills(self, request, queryset):
        form = MergeForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            target = form.cleaned_data["target"]
            sources = [skill for skill in queryset if skill.pk != target.pk]
            if not sources:
                self.message_user(
                    request, _("A skill cannot be merged into itself."), messages.ERROR
                )
                return None
            try:
                with transaction.atomic():
                    results = [
                        services.skill_merge(source=source, target=target, by=request.user)
                        for source in sources
                    ]
            except services.SkillMergeError as problem:
                self.message_user(
                    request,
                    _("Nothing was merged. %(reason)s") % {"reason": problem},
                    messages.ERROR,
                )
                return None
            people = sum(r.moved + r.combined for r in results)
            self.message_user(
                request,
                _("Merged %(skills)s into %(target)s. %(people)d people's skills moved.")
                % {
                    "skills": ", ".join(str(s) for s in sources),
                    "target": target,
                    "people": people,
                },
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge skills"),
            "opts": self.model._meta,
            "queryset": queryset,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/skills/skill/merge.html", context)


@admin.register(PersonSkill)
class PersonSkillAdmin(admin.ModelAdmin):
    list_display = ["profile", "skill", "status", "source"]
    list_filter = ["status", "source"]
    raw_id_fields = ["profile"]
