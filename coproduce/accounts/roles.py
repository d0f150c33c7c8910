"""Roles are Django groups with permissions. This module is the one place they are defined.

`roles_sync` makes the groups match these definitions; it runs after every migrate, so a
new permission added here reaches every deployment without a hand-written data migration.
"""

from enum import StrEnum

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    RESIDENT = "resident"
    ORGANISER = "organiser"
    OFFICER = "officer"
    MODERATOR = "moderator"
    ADMINISTRATOR = "administrator"
    # Given when a person accepts a councillor's seat, taken away when they step down from the
    # last one (coproduce/councillors/services.py, ADR 0026).
    COUNCILLOR = "councillor"


ROLE_LABELS = {
    Role.RESIDENT: _("Resident"),
    Role.ORGANISER: _("Organiser (runs a group or project)"),
    Role.OFFICER: _("Council officer"),
    Role.MODERATOR: _("Moderator"),
    Role.ADMINISTRATOR: _("Administrator"),
    Role.COUNCILLOR: _("Councillor"),
}

# Roles that may use the Django admin site.
STAFF_ROLES = frozenset({Role.OFFICER, Role.ADMINISTRATOR})

# Permission codenames per role, as "app_label.codename". Later features add theirs here.
ROLE_PERMISSIONS: dict[Role, set[str]] = {
    Role.RESIDENT: set(),
    Role.ORGANISER: {"accounts.run_group_or_project"},
    Role.OFFICER: {
        "accounts.run_group_or_project",
        "councillors.manage_councillors",
        "personal_data.answer_subject_access",
        "budgets.run_rounds",
        "surveys.manage_any_survey",
        "shopping.run_programmes",
        "conversations.manage_any_conversation",
        "feedback.manage_any_feedback",
        "streettalk.manage_any_street_day",
        "yousaid.own_council_response",
        "commissioning.run_panels",
        "subscriptions.run_letters",
        "offline.register_offline",
        "champions.approve_champion",
        "news.publish_news",
        "toolkit.edit_guides",
        "mailing.watch_sending",
        "staff.sign_in_as_staff",
        "staff.write_through_api",
        "accounts.view_user",
        "accounts.see_inclusion_insights",
        "places.add_ward",
        "places.change_ward",
        "places.view_ward",
        "places.add_street",
        "places.change_street",
        "places.view_street",
        "places.add_place",
        "places.change_place",
        "places.view_place",
        "places.add_placephoto",
        "places.change_placephoto",
        "places.delete_placephoto",
        "places.view_placephoto",
        "timebank.coordinate",
        "bookings.manage_any_space",
        "bookings.see_utilisation",
        "bookings.view_bookablespace",
        "bookings.add_bookablespace",
        "bookings.change_bookablespace",
        "bookings.view_bookableroom",
        "bookings.add_bookableroom",
        "bookings.change_bookableroom",
        "bookings.view_availabilitywindow",
        "bookings.add_availabilitywindow",
        "bookings.change_availabilitywindow",
        "bookings.delete_availabilitywindow",
        "bookings.view_booking",
        "sharing.add_fundingopportunity",
        "sharing.change_fundingopportunity",
        "sharing.view_fundingopportunity",
        "sharing.add_funder",
        "sharing.change_funder",
        "sharing.view_funder",
        "sharing.view_fundingapplication",
        "sharing.change_item",
        "sharing.view_item",
        "projects.view_project",
        "projects.change_project",
        "projects.moderate_project",
        "projects.manage_measures",
        "matching.match_any_need",
        "gatherings.manage_any_event",
        "gatherings.view_event",
        "gatherings.change_barriertheme",
        "gatherings.add_barriertheme",
        "gatherings.view_barriertheme",
        "skills.view_skill",
        "skills.add_skill",
        "skills.change_skill",
        "skills.view_skillcategory",
        "groups.change_organisation",
        "groups.view_organisation",
        "groups.change_membership",
        "groups.view_membership",
        "groups.verify_organisation",
        "services.view_service",
        "services.add_service",
        "services.change_service",
        "services.view_serviceatlocation",
        "services.add_serviceatlocation",
        "services.change_serviceatlocation",
        "services.view_contact",
        "services.add_contact",
        "services.change_contact",
        "services.view_schedule",
        "services.add_schedule",
        "services.change_schedule",
        "services.view_eligibility",
        "services.add_eligibility",
        "services.change_eligibility",
        "services.view_costoption",
        "services.add_costoption",
        "services.change_costoption",
        "services.view_taxonomy",
        "services.add_taxonomy",
        "services.change_taxonomy",
        "services.view_taxonomyterm",
        "services.add_taxonomyterm",
        "services.change_taxonomyterm",
        "services.view_servicetaxonomy",
        "services.add_servicetaxonomy",
        "services.change_servicetaxonomy",
    },
    Role.MODERATOR: {
        "accounts.moderate_content",
        "staff.sign_in_as_staff",
        "projects.moderate_project",
        "sharing.change_item",
    },
    # Councillors hold surgeries, which are events: the same right as organisers.
    Role.COUNCILLOR: {"accounts.run_group_or_project"},
    # Every permission: "staff.see_audit_log" (the audit log) and "staff.sign_in_as_staff"
    # (a second factor at sign-in) among them.
    Role.ADMINISTRATOR: {"*"},
}


def _permissions_for(codenames: set[str]):
    if "*" in codenames:
        return Permission.objects.all()
    found = []
    for dotted in sorted(codenames):
        app_label, codename = dotted.split(".", 1)
        found.extend(
            Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )
    return found


@transaction.atomic
def roles_sync() -> None:
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        group.permissions.set(_permissions_for(codenames))


def roles_sync_after_migrate(sender, **kwargs) -> None:
    # Sent once per app; permissions of later apps only exist once their turn has come,
    # so the groups are brought up to date each time (a handful of queries).
    roles_sync()
