import os
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from coproduce.common.db import statistics_refresh
from coproduce.demo import services
from coproduce.demo.sizes import SIZES

DEFAULT_DEMO_PASSWORD = "coproduce-demo"


class Command(BaseCommand):
    help = (
        "Build the fictional demo borough of Northbrook: wards, streets, residents and one "
        "account per role (resident@, organiser@, officer@, moderator@, administrator@ "
        "demo.northbrook.invalid). The demo accounts share one password: --demo-password, "
        f'else the DEMO_PASSWORD environment variable, else "{DEFAULT_DEMO_PASSWORD}". '
        "The same --seed always builds the same borough."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=list(SIZES), default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo data (only) first."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the database already has any ward.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")
        parser.add_argument(
            "--demo-password",
            default=None,
            help="Password of the demo accounts (default: $DEMO_PASSWORD or "
            f'"{DEFAULT_DEMO_PASSWORD}").',
        )

    def handle(self, *args, size, seed, reset, if_empty, no_progress, demo_password, **options):
        if if_empty and not services.borough_is_empty():
            self.stdout.write("The database already has wards, so no demo data was added.")
            return
        if services.demo_loaded():
            if not reset:
                raise CommandError(
                    "This database already has demo data. Run again with --reset to replace it.",
                    returncode=2,
                )
            started = time.perf_counter()
            try:
                services.demo_clear()
            except services.DemoDataInUse as error:
                raise CommandError(
                    f"Real data points at demo data, so nothing was deleted: {error}",
                    returncode=2,
                ) from error
            self.stdout.write(f"Removed the old demo data in {time.perf_counter() - started:.1f}s.")
        ctx = services.demo_context(
            size=SIZES[size],
            seed=seed,
            demo_password=demo_password or os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD,
            show_progress=not no_progress,
            write=self.stdout.write,
        )
        self.stdout.write(f"Building the {size} demo borough (seed {seed})…")
        seconds = services.demo_build(ctx)
        statistics_refresh()
        # The site search reads its own index; fill it from what was just made.
        call_command("search_rebuild", verbosity=0)
        counts = ", ".join(f"{count:,} {name}" for name, count in ctx.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo borough ready in {seconds:.1f}s: {counts}."))
