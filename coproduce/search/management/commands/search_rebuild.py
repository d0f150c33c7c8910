from django.core.management.base import BaseCommand

from coproduce.search.indexing import index_rebuild, index_tidy


class Command(BaseCommand):
    help = "Index everything search can find again, from scratch."

    def handle(self, *args, **options):
        counts = index_rebuild()
        index_tidy()
        if options["verbosity"] >= 1:
            for key, n in counts.items():
                self.stdout.write(f"{key}: {n}")
