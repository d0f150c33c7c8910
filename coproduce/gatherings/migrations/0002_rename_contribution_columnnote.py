"""A note in a treatment's "who is affected" or "resources" column was called Contribution,
the same name as a project's offer of help; it is now ColumnNote."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("gatherings", "0001_initial"),
    ]

    operations = [migrations.RenameModel(old_name="Contribution", new_name="ColumnNote")]
