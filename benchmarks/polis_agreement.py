"""How closely our opinion groups match Pol.is's own, on real Pol.is exports.

    .venv/bin/python benchmarks/polis_agreement.py                  # the six in shared/data/polis
    .venv/bin/python benchmarks/polis_agreement.py DIR [DIR ...]    # any export folders
    .venv/bin/python benchmarks/polis_agreement.py --json

For each export folder (votes.csv, comments.csv and participants-votes.csv, whose group-id is
the group Pol.is gave each participant) it runs `opinion.analyse_arrays` on the votes, with
moderated-out comments left out, and prints the adjusted Rand index between our groups and
Pol.is's over the participants Pol.is put in a group; a participant we left out counts as a
group of their own. Target (issue 14): median ARI >= 0.70.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.metrics import adjusted_rand_score  # noqa: E402

from coproduce.conversations import polis  # noqa: E402  (no Django import)
from coproduce.conversations.opinion import analyse_arrays  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polis"
TARGET = 0.70


def agreement(ours: dict[int, int | None], theirs: dict[int, int | None]) -> tuple[float, int]:
    """ARI over the participants Pol.is grouped; each one we left out is a group alone."""
    people = sorted(p for p, g in theirs.items() if g is not None)
    their_labels = [theirs[p] for p in people]
    our_labels = []
    for p in people:
        group = ours.get(p)
        our_labels.append(f"g{group}" if group is not None else f"alone{p}")
    return float(adjusted_rand_score(their_labels, our_labels)), len(people)


def measure(folder: Path, seed: int) -> dict:
    export = polis.read_export(folder)
    theirs = polis.read_groups(folder)
    exclude = export.excluded
    begun = time.perf_counter()
    result = analyse_arrays(
        export.participants, export.statements, export.values, seed=seed, exclude=exclude
    )
    took = time.perf_counter() - begun
    ari, compared = agreement(result.group_of, theirs)
    their_k = len({g for g in theirs.values() if g is not None})
    return {
        "conversation": folder.name,
        "participants": result.participants,
        "compared": compared,
        "polis_k": their_k,
        "our_k": result.k,
        "ari": round(ari, 3),
        "seconds": round(took, 3),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="Pol.is export folders.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args(argv)
    folders = args.folders or sorted(p for p in DATA.iterdir() if (p / polis.VOTES).exists())
    rows = [measure(folder, args.seed) for folder in folders]
    median = round(statistics.median(row["ari"] for row in rows), 3)
    if args.json:
        print(json.dumps({"conversations": rows, "median_ari": median}, indent=2))
    else:
        print(
            f"{'conversation':<28} {'people':>6} {'compared':>8} {'Pol.is k':>8} "
            f"{'our k':>5} {'ARI':>6} {'seconds':>7}"
        )
        for row in rows:
            print(
                f"{row['conversation']:<28} {row['participants']:>6} {row['compared']:>8} "
                f"{row['polis_k']:>8} {row['our_k']:>5} {row['ari']:>6.3f} {row['seconds']:>7.2f}"
            )
        verdict = "meets" if median >= TARGET else "misses"
        print(f"median ARI {median:.3f} ({verdict} the target of {TARGET:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
