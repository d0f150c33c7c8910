from django.contrib import admin

from .models import Course, Guide, GuideVersion, Option, Step


class StepInline(admin.StackedInline):
    model = Step
    extra = 0


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "position"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [StepInline]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "number"]
    list_filter = ["course"]
    inlines = [OptionInline]


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    """Read only here: guides are written on the site, where every save is a version."""

    list_display = ["title", "topic", "version", "updated_at"]
    readonly_fields = ["slug", "topic", "title", "summary", "body", "version"]

    def has_add_permission(self, request):
        return False


@admin.register(GuideVersion)
class GuideVersionAdmin(admin.ModelAdmin):
    list_display = ["guide", "number", "saved_at", "note"]
    readonly_fields = [f.name for f in GuideVersion._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
