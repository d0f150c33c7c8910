"""Skill recognition: quality on resident language, and speed, on this machine.

    .venv/bin/python benchmarks/skills_recognition.py
    .venv/bin/python benchmarks/skills_recognition.py --data other.tsv   # text<TAB>a|b

Quality: top-1 and top-3 accuracy (a hit when any acceptable skill is ranked there) for the
engine and for a lexical baseline (word overlap with the skill's label and alternative
labels), side by side, on `shared/data/skills_dev.tsv` by default. Speed: model load, one
text at a time, texts per second in batches, and the memory of a web process (Django set up,
engine loaded). Targets (issue 4): top-3 >= 0.95, top-1 >= 0.85, load < 1 s, one text < 20 ms
median, >= 200 texts/s in batch, web process < 400 MB.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "skills_dev.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if "--memory-probe" in sys.argv:
        return
    sys.path.insert(0, str(ROOT))
    from coproduce.skills import taxonomy
    from coproduce.skills.engine.embedder import Embedder
    from coproduce.skills.engine.lexical import LexicalRanker
    from coproduce.skills.engine.recogniser import Recogniser, SkillText

    rows = _read(args.data)
    _categories, entries = taxonomy.load()
    skills = [SkillText(e.slug, e.name, e.description, e.alt_labels) for e in entries]

    started = time.perf_counter()
    embedder = Embedder()
    loaded = time.perf_counter()
    engine = Recogniser(embedder, skills)  # no cache: the slowest first start
    built = time.perf_counter()

    texts = [text for text, _gold in rows]
    results = engine.recognise_many(texts, top=3)
    engine_ranks = [[s.label.lower() for s in r.suggestions] for r in results]
    lexical = LexicalRanker([[s.label, *s.alt_labels] for s in skills])
    lexical_ranks = []
    for text in texts:
        scores = lexical.scores(text)
        order = sorted(range(len(skills)), key=lambda j: -scores[j])[:3]
        lexical_ranks.append([skills[j].label.lower() for j in order])

    singles = []
    for text in (texts * 4)[:200]:
        begun = time.perf_counter()
        engine.recognise(text, top=5)
        singles.append((time.perf_counter() - begun) * 1000)
    batch = (texts * 40)[:2000]
    begun = time.perf_counter()
    engine.recognise_many(batch, top=5)
    per_second = len(batch) / (time.perf_counter() - begun)

    print(f"data            {args.data.name}: {len(rows)} texts, {len(skills)} skills")
    print(f"model load      {loaded - started:.2f} s (+ {built - loaded:.2f} s taxonomy vectors)")
    for name, ranks in (("engine", engine_ranks), ("lexical", lexical_ranks)):
        top1, top3 = _accuracy(ranks, [gold for _text, gold in rows])
        print(f"{name:<15} top-1 {top1:.3f}   top-3 {top3:.3f}")
    print(
        f"one text        median {statistics.median(singles):.1f} ms, "
        f"p95 {sorted(singles)[int(len(singles) * 0.95)]:.1f} ms"
    )
    print(f"batch           {per_second:,.0f} texts/s")
    print(f"web process     {_web_process_mib():.0f} MiB with Django and the engine loaded")


def _read(path: Path) -> list[tuple[str, set[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    rows = []
    for line in lines:
        if line.strip():
            text, skills = line.split("\t")
            rows.append((text, {s.strip().lower() for s in skills.split("|")}))
    return rows


def _accuracy(ranks: list[list[str]], gold: list[set[str]]) -> tuple[float, float]:
    top1 = sum(r[0] in g for r, g in zip(ranks, gold, strict=True)) / len(gold)
    top3 = sum(any(x in g for x in r[:3]) for r, g in zip(ranks, gold, strict=True)) / len(gold)
    return top1, top3


PROBE = """
import os, resource, sys
sys.path.insert(0, {root!r})
os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
import django
django.setup()
from coproduce.skills import recognition
recognition.recogniser().recognise("I run the school fete")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _web_process_mib() -> float:
    """Peak memory of a fresh process with Django set up and the engine loaded and used."""
    env = dict(os.environ, DATABASE_URL="sqlite://:memory:")
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
