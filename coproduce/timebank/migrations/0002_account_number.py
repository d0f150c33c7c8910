"""Give every account a random account number with a check digit, in place of its key."""

from django.db import migrations, models

import coproduce.timebank.numbers


def renumber(apps, schema_editor):
    Account = apps.get_model("timebank", "Account")
    taken: set[str] = set()
    accounts = list(Account.objects.only("pk"))
    for account in accounts:
        number = coproduce.timebank.numbers.new_number()
        while number in taken:
            number = coproduce.timebank.numbers.new_number()
        taken.add(number)
        account.number = number
    Account.objects.bulk_update(accounts, ["number"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("timebank", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="account",
            name="number",
            field=models.CharField(max_length=14, null=True, editable=False),
        ),
        migrations.RunPython(renumber, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="account",
            name="number",
            field=models.CharField(
                default=coproduce.timebank.numbers.new_number,
                editable=False,
                max_length=14,
                unique=True,
                verbose_name="account number",
            ),
        ),
    ]
