from django.core.management.base import BaseCommand

from coproduce.subscriptions.sources import closed_surveys_announce


class Command(BaseCommand):
    help = "Announce the results of surveys that closed at their closing time."

    def handle(self, *args, **options):
        announced = closed_surveys_announce()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Announced the results of {announced} closed surveys.")
