"""Time to check an upload by its content (coproduce/projects/filetypes.py), largest files.

    .venv/bin/python benchmarks/evidence.py

Checks, after one warm-up each, a 10 MB CSV (the slowest case: every byte is decoded and
scanned for markup), a 10 MB PDF, and a Word file with 1,000 parts inside its zip. No
database: the checker is pure. No target in issue 18; the figures show an upload's check
costs little next to sending 10 MB.
"""

import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coproduce.projects import filetypes

RUNS = 10


def _docx(parts: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        for n in range(parts):
            archive.writestr(f"word/media/part{n}.xml", "<p/>")
    return out.getvalue()


def main() -> None:
    limit = filetypes.MAX_BYTES - 1
    row = b"2026-01-01,Northbrook Central,12,34.50,Community garden\n"
    cases = {
        "10 MB CSV": ("big.csv", (row * (limit // len(row) + 1))[:limit]),
        "10 MB PDF": ("big.pdf", (b"%PDF-1.7\n" + b"0" * limit)[:limit]),
        "DOCX, 1,000 parts": ("big.docx", _docx(1000)),
    }
    for label, (name, content) in cases.items():
        filetypes.is_kind(content, name=name)  # warm-up
        times = []
        for _ in range(RUNS):
            begun = time.perf_counter()
            filetypes.is_kind(content, name=name)
            times.append((time.perf_counter() - begun) * 1000)
        print(f"{label:20s} median {statistics.median(times):7.1f} ms, max {max(times):7.1f} ms")


if __name__ == "__main__":
    main()
