"""Needs now belong to projects (projects 0004): matching forgets its model, and invitations
point to the same table under its new name. Nothing changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_need_hours_need_is_met_need_project"),
        ("projects", "0004_need"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="invitation",
                    name="need",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="invitations",
                        to="projects.need",
                    ),
                ),
                migrations.DeleteModel(name="Need"),
            ],
            database_operations=[],
        ),
    ]
