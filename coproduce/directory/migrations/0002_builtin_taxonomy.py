"""Load the built-in service categories, so imports and forms can use them from the start.

The list is copied here, not imported, so this migration keeps meaning what it meant.
"""

from django.db import migrations

TAXONOMY = "Coproduce service categories"
DESCRIPTION = (
    "A short list of what services help with, modelled on the Local Government "
    "Association's service types."
)
TERMS = (
    ("advice-and-guidance", "Advice and guidance"),
    ("health-and-wellbeing", "Health and wellbeing"),
    ("food", "Food"),
    ("housing", "Housing"),
    ("money", "Money"),
    ("children-and-families", "Children and families"),
    ("older-people", "Older people"),
    ("learning-and-skills", "Learning and skills"),
    ("sport-and-leisure", "Sport and leisure"),
    ("arts-and-culture", "Arts and culture"),
    ("environment", "Environment"),
    ("transport", "Transport"),
)


def load(apps, schema_editor):
    Taxonomy = apps.get_model("services", "Taxonomy")
    TaxonomyTerm = apps.get_model("services", "TaxonomyTerm")
    taxonomy, _created = Taxonomy.objects.get_or_create(
        name=TAXONOMY, defaults={"description": DESCRIPTION}
    )
    for code, term in TERMS:
        TaxonomyTerm.objects.get_or_create(taxonomy=taxonomy, code=code, defaults={"term": term})


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
