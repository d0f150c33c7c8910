"""The demo app makes its own data; tests build it through the command or these helpers."""

from io import StringIO

from django.core.management import call_command

from coproduce.demo.sizes import Size

TINY = Size("tiny", ward_columns=2, ward_rows=2, streets=12, people=40, places=30)


def seed_demo(*args: str) -> str:
    """Run seed_demo quietly and return what it printed."""
    out = StringIO()
    call_command("seed_demo", "--no-progress", *args, stdout=out)
    return out.getvalue()
