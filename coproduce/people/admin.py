from django.contrib import admin

from coproduce.staff.admin_audit import PersonalDataViewedMixin

from .models import Profile


@admin.register(Profile)
class ProfileAdmin(PersonalDataViewedMixin, admin.ModelAdmin):
    list_display = ["user", "ward", "street", "updated_at"]
    list_filter = ["ward"]
    list_select_related = ["user", "ward", "street"]
    search_fields = ["user__email", "user__display_name"]
    raw_id_fields = ["user", "street"]
    readonly_fields = ["created_at", "updated_at"]
