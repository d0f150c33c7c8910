"""A web worker stays small: it does not import what only the worker or the skills process
runs (issue 19: each web worker under 150 MiB; benchmarks/worker_memory.py measures it)."""

import subprocess
import sys

# Heavy libraries and what needs them: the opinion groups' analysis (task worker) and the
# skills model (`manage.py skills_service`).
ONLY_ELSEWHERE = ["sklearn", "scipy", "onnxruntime", "tokenizers"]

PROBE = """
import sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # every view module, as a worker's first request loads them
from coproduce.conversations import opinion
opinion.next_statement  # what a vote uses in the web worker
print(",".join(sorted(name for name in {names} if name in sys.modules)))
"""


def test_loading_every_view_imports_no_model_or_analysis_library():
    found = subprocess.run(
        [sys.executable, "-c", PROBE.format(names=ONLY_ELSEWHERE)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert found == ""
