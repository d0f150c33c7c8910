from django.contrib import admin

from .models import PersonSkill, Skill, SkillCategory


@admin.register(SkillCategory)
class SkillCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "is_current"]
    list_filter = ["category", "is_current"]
    search_fields = ["name", "description"]


@admin.register(PersonSkill)
class PersonSkillAdmin(admin.ModelAdmin):
    list_display = ["profile", "skill", "status", "source"]
    list_filter = ["status", "source"]
    raw_id_fields = ["profile"]
