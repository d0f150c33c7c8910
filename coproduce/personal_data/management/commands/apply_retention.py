from django.core.management.base import BaseCommand

from coproduce.personal_data.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Remove what is older than the retention schedule allows (settings.RETENTION). "
        "Run once a day, beside send_daily_digests. Safe to run twice."
    )

    def handle(self, *args, **options):
        for name, removed in retention_apply().items():
            self.stdout.write(f"{name}: {removed} removed")
