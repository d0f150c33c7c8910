"""A web worker stays small: it does not import what only the worker or the skills process
runs (issue 19: each web worker under 150 MiB; benchmarks/worker_memory.py measures it)."""

import subprocess
import sys

# Heavy libraries and what needs them: the opinion groups' analysis (task worker) and the
# skills model (`manage.py skills_service`).
ONLY_ELSEWHERE = ["sklearn", "scipy", "onnxruntime", "tokenizers"]
# Needed in a web worker only on a few pages, so loaded there, not by every worker at its
# first request (together about 30 MiB): numpy for choosing a conversation's next statement
# and counting a budget round's results; networkx for the staff page of group links; segno
# for QR codes (staff two-factor set-up, a champion's street pack).
ONLY_ON_THEIR_PAGES = ["numpy", "networkx", "segno"]

PROBE = """
import sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # every view module, as a worker's first request loads them
from django.template import engines
engines.all()  # every template tag library, as the first page rendered loads them
print(",".join(sorted(name for name in {on_pages} if name in sys.modules)))
from coproduce.conversations import opinion
opinion.next_statement  # what a vote uses in the web worker
print(",".join(sorted(name for name in {elsewhere} if name in sys.modules)))
"""


def _loaded() -> list[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE.format(on_pages=ONLY_ON_THEIR_PAGES, elsewhere=ONLY_ELSEWHERE),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")


def test_loading_every_view_imports_no_model_or_analysis_library():
    """Loading every view, template tag and the vote's choice imports no model or analysis."""
    assert _loaded()[1] == ""


def test_loading_every_view_imports_no_library_only_a_few_pages_use():
    """Loading every view and template tag imports neither numpy, networkx nor segno."""
    assert _loaded()[0] == ""
