"""Owners from before invitations stay owners: they count as having accepted.

A council role given before only officers could give it counts as the council only when the
owner is an officer or administrator themself; any other is kept but no longer says "the
council is an owner".
"""

from django.db import migrations

OFFICIAL_ROLES = ["officer", "administrator"]


def mark_council_roles(apps, schema_editor):
    Owner = apps.get_model("projects", "Owner")
    Owner.objects.filter(role="council", user__groups__name__in=OFFICIAL_ROLES).update(
        role_by_officer=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0006_owner_invitation"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(mark_council_roles, migrations.RunPython.noop)]
