"""One field says where a need stands: open, closed (to invitations) or met.

Before, `status` said open or closed and `is_met` said met; a met need was always closed.
"""

from django.db import migrations, models


def to_one_status(apps, schema_editor):
    Need = apps.get_model("projects", "Need")
    Need.objects.filter(is_met=True).update(status="met")


def to_two_fields(apps, schema_editor):
    Need = apps.get_model("projects", "Need")
    Need.objects.filter(status="met").update(status="closed", is_met=True)


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0003_need_moved_to_projects"),
        ("projects", "0004_need"),
    ]

    operations = [
        migrations.AlterField(
            model_name="need",
            name="status",
            field=models.CharField(
                choices=[("open", "Open"), ("closed", "Closed"), ("met", "Met")],
                default="open",
                max_length=10,
            ),
        ),
        migrations.RunPython(to_one_status, to_two_fields),
        migrations.RemoveField(model_name="need", name="is_met"),
    ]
