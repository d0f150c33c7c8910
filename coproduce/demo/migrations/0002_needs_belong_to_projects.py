"""Needs moved from matching to projects (projects 0004): the demo's record of which needs it
made follows them, so `seed_demo --reset` still clears them."""

from django.db import migrations


def relabel(apps, schema_editor):
    DemoObject = apps.get_model("demo", "DemoObject")
    DemoObject.objects.filter(model_label="matching.need").update(model_label="projects.need")


def relabel_back(apps, schema_editor):
    DemoObject = apps.get_model("demo", "DemoObject")
    DemoObject.objects.filter(model_label="projects.need").update(model_label="matching.need")


class Migration(migrations.Migration):
    dependencies = [
        ("demo", "0001_initial"),
        ("projects", "0004_need"),
    ]

    operations = [migrations.RunPython(relabel, relabel_back)]
