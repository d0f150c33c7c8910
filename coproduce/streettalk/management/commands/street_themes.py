"""Find the themes of a street conversation day now, without the task worker."""

from django.core.management.base import BaseCommand, CommandError

from coproduce.streettalk.models import StreetDay
from coproduce.streettalk.tasks import themes_find


class Command(BaseCommand):
    help = "Find the themes of a street conversation day (by its number)."

    def add_arguments(self, parser):
        parser.add_argument("day", type=int)

    def handle(self, *args, day: int, **options):
        if not StreetDay.objects.filter(pk=day).exists():
            raise CommandError(f"There is no street conversation day {day}.")
        found = themes_find.call(day)
        self.stdout.write(f"Day {day}: {found} themes.")
