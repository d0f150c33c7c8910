from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from coproduce.staff.admin_audit import PersonalDataViewedMixin
from coproduce.staff.services import audit_record

from .models import User


@admin.register(User)
class UserAdmin(PersonalDataViewedMixin, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "email_verified_at", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_active", "groups"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["date_joined", "last_login"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("About them"), {"fields": ["display_name", "email_verified_at"]}),
        (_("Roles"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    filter_horizontal = ["groups"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if {"groups", "is_staff", "is_superuser", "user_permissions"} & set(form.changed_data):
            user = form.instance
            roles = sorted(user.groups.values_list("name", flat=True))
            audit_record(
                actor=request.user,
                action="roles.changed",
                target=f"user {user.pk}",
                detail={
                    "roles": roles,
                    "is_staff": user.is_staff,
                    "is_superuser": user.is_superuser,
                },
            )
