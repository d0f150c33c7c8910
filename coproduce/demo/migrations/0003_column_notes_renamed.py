"""Treatment notes were renamed from gatherings.Contribution to ColumnNote (gatherings 0002):
the demo's record of the notes it made follows them, so `seed_demo --reset` still clears
them."""

from django.db import migrations


def relabel(apps, schema_editor):
    DemoObject = apps.get_model("demo", "DemoObject")
    DemoObject.objects.filter(model_label="gatherings.contribution").update(
        model_label="gatherings.columnnote"
    )


def relabel_back(apps, schema_editor):
    DemoObject = apps.get_model("demo", "DemoObject")
    DemoObject.objects.filter(model_label="gatherings.columnnote").update(
        model_label="gatherings.contribution"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("demo", "0002_needs_belong_to_projects"),
        ("gatherings", "0002_rename_contribution_columnnote"),
    ]

    operations = [migrations.RunPython(relabel, relabel_back)]
