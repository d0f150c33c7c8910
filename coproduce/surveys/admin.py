from django.contrib import admin

from .models import Option, Question, Survey


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "opens_at", "closes_at", "is_poll", "is_anonymous"]
    list_filter = ["status", "is_poll", "is_anonymous"]
    search_fields = ["title"]
    raw_id_fields = ["owner"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "survey", "kind", "position"]
    inlines = [OptionInline]
    raw_id_fields = ["survey"]
