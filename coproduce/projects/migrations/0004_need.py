"""Needs move from matching to projects, keeping their tables: only Django's state changes.

The tables keep their names (matching_need, matching_need_skills), so no row moves. The
content type is renamed so permissions and admin history stay with the model.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def rename_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="projects", model="need").exists():
        ContentType.objects.filter(app_label="matching", model="need").update(app_label="projects")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="matching", model="need").exists():
        ContentType.objects.filter(app_label="projects", model="need").update(app_label="matching")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("matching", "0002_need_hours_need_is_met_need_project"),
        ("places", "0004_remove_place_place_map_xy_place_place_map_cover"),
        ("projects", "0003_owner_share_contact"),
        ("skills", "0002_taxonomy_upkeep"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Need",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="created"
                            ),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        ("title", models.CharField(max_length=200, verbose_name="what is needed")),
                        (
                            "description",
                            models.TextField(blank=True, verbose_name="more about it"),
                        ),
                        ("days", models.JSONField(blank=True, default=list, verbose_name="days")),
                        (
                            "times",
                            models.JSONField(blank=True, default=list, verbose_name="times of day"),
                        ),
                        (
                            "hours",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="hours needed"
                            ),
                        ),
                        ("is_met", models.BooleanField(default=False, verbose_name="met")),
                        (
                            "online_ok",
                            models.BooleanField(default=False, verbose_name="can be done online"),
                        ),
                        (
                            "needs_step_free",
                            models.BooleanField(
                                default=False, verbose_name="needs a step-free place"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("open", "Open"), ("closed", "Closed")],
                                default="open",
                                max_length=10,
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="needs",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "project",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="needs",
                                to="projects.project",
                            ),
                        ),
                        (
                            "skills",
                            models.ManyToManyField(
                                db_table="matching_need_skills",
                                related_name="needs",
                                to="skills.skill",
                                verbose_name="skills",
                            ),
                        ),
                        (
                            "ward",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="needs",
                                to="places.ward",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "matching_need",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [
                            models.Index(fields=["created_by", "status"], name="need_owner_status")
                        ],
                    },
                ),
                migrations.AlterField(
                    model_name="contribution",
                    name="need",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="contributions",
                        to="projects.need",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
