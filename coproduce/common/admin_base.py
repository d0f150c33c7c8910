"""The one base for admin pages that only show records.

Most records change through the site's services, which check the rules, tell people and
keep the audit log; the admin must not become a second way round them. Such records are
shown here, never added or changed. Removing is allowed unless a subclass says otherwise
(a ledger or a count of votes is never removed by hand).
"""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    may_delete = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.may_delete and super().has_delete_permission(request, obj)
