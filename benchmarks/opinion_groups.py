"""Speed and memory of opinion groups on a large synthetic conversation.

    .venv/bin/python benchmarks/opinion_groups.py                    # 100,000 x 1,000, 10M votes
    .venv/bin/python benchmarks/opinion_groups.py --participants 2000 --statements 100 \
        --votes 100000 --json

Builds (with numpy, in seconds) a conversation with real structure: three latent opinion
groups of 50%, 30% and 20% of the participants, each statement with its own agree/disagree
chance per group and about one vote in ten a pass; participants vote on about
votes/participants statements each, early statements more often than late ones; a few
participants vote twice on a statement (the last vote counts). Then, in a child process that
loads the votes from .npy files:

- the full analysis (`opinion.analyse_arrays`): seconds, and the child's peak resident memory
  (VmHWM of the child process from /proc, which includes Python, numpy, scipy, scikit-learn
  and the vote arrays themselves);
- an incremental re-run after `--new` more votes (warm start from the first result);
- `opinion.next_statement` over all statements, median of 1,000 calls.

It also reports the adjusted Rand index between the groups found and the latent groups.
Targets (issue 14): full analysis < 30 s and < 1 GB; next statement < 20 ms median.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 30.0
TARGET_MB = 1024.0
TARGET_NEXT_MS = 20.0
SHARES = (0.5, 0.3, 0.2)


def generate(participants: int, statements: int, votes: int, new: int, seed: int, folder: Path):
    """Write the conversation's votes (and `new` later ones) as .npy files; return seconds."""
    begun = time.perf_counter()
    rng = np.random.default_rng(seed)
    latent = rng.choice(len(SHARES), size=participants, p=SHARES).astype(np.int8)
    # Per statement and group: a lean from -1 (most disagree) to 1 (most agree).
    lean = rng.uniform(-1.0, 1.0, size=(len(SHARES), statements)).astype(np.float32)
    lean[:, : statements // 10] = rng.uniform(0.4, 0.9, size=statements // 10)  # common ground
    total = votes + new
    who = rng.integers(0, participants, size=total, dtype=np.int32)
    # Early statements are shown more: statement = floor(m * u^1.5).
    what = (statements * rng.random(total, dtype=np.float32) ** 1.5).astype(np.int32)
    np.minimum(what, statements - 1, out=what)
    chance = lean[latent[who], what]
    agree_p = 0.45 * (1.0 + chance)  # 0 .. 0.9, the rest split between disagree and pass
    draw = rng.random(total, dtype=np.float32)
    value = np.where(draw < agree_p, 1, np.where(draw < 0.9, -1, 0)).astype(np.int8)
    del chance, agree_p, draw
    np.save(folder / "participants.npy", who)
    np.save(folder / "statements.npy", what)
    np.save(folder / "values.npy", value)
    np.save(folder / "latent.npy", latent)
    return time.perf_counter() - begun, votes


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM from /proc (its own, reset by exec), else
    ru_maxrss (which on Linux also carries the peak of the process that started it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(folder: Path, votes: int) -> dict:
    """Run in a fresh process: load, analyse, re-analyse after new votes, time next_statement."""
    from sklearn.metrics import adjusted_rand_score

    from coproduce.conversations.opinion import analyse_arrays, next_statement

    who = np.load(folder / "participants.npy")
    what = np.load(folder / "statements.npy")
    value = np.load(folder / "values.npy")
    latent = np.load(folder / "latent.npy")
    loaded_mb = peak_mb()

    begun = time.perf_counter()
    first = analyse_arrays(who[:votes], what[:votes], value[:votes], seed=0)
    full_s = time.perf_counter() - begun
    analysis_peak_mb = peak_mb()

    begun = time.perf_counter()
    second = analyse_arrays(who, what, value, previous=first, seed=0)
    incremental_s = time.perf_counter() - begun
    kept = sum(
        1 for p, g in first.group_of.items() if g is not None and second.group_of.get(p) == g
    )
    grouped = sum(1 for g in first.group_of.values() if g is not None)

    people = [p for p, g in second.group_of.items() if g is not None]
    ari = adjusted_rand_score(latent[people], [second.group_of[p] for p in people])

    agree = np.bincount(what, weights=value == 1).astype(int)
    disagree = np.bincount(what, weights=value == -1).astype(int)
    passed = np.bincount(what, weights=value == 0).astype(int)
    counts = {int(s): (int(agree[s]), int(disagree[s]), int(passed[s])) for s in range(len(agree))}
    rng = np.random.default_rng(1)
    times = []
    for call in range(1000):
        seen = set(rng.choice(len(agree), size=min(100, len(agree) - 1), replace=False).tolist())
        started = time.perf_counter()
        choice = next_statement(counts=counts, seen=seen, seed=call, extremity=second.extremity)
        times.append((time.perf_counter() - started) * 1000)
        assert choice not in seen
    return {
        "participants": second.participants,
        "statements": second.statements,
        "votes_cast": votes,
        "votes_counted": first.votes,
        "k": first.k,
        "k_after_new_votes": second.k,
        "full_seconds": round(full_s, 2),
        "peak_rss_mb": round(analysis_peak_mb, 1),
        "rss_after_loading_votes_mb": round(loaded_mb, 1),
        "incremental_seconds": round(incremental_s, 2),
        "group_kept_share": round(kept / max(grouped, 1), 4),
        "ari_against_latent_groups": round(float(ari), 3),
        "next_statement_median_ms": round(statistics.median(times), 3),
        "next_statement_p95_ms": round(sorted(times)[int(len(times) * 0.95) - 1], 3),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--statements", type=int, default=1_000)
    parser.add_argument("--votes", type=int, default=10_000_000)
    parser.add_argument("--new", type=int, default=10_000, help="Votes for the re-run.")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.votes)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        generate_s, _ = generate(
            args.participants, args.statements, args.votes, args.new, args.seed, Path(folder)
        )
        run = subprocess.run(
            [sys.executable, __file__, "--child", folder, "--votes", str(args.votes)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    if run.returncode:
        sys.stderr.write(run.stderr)
        return run.returncode
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    figures["generate_seconds"] = round(generate_s, 2)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    full_ok = figures["full_seconds"] < TARGET_SECONDS and figures["peak_rss_mb"] < TARGET_MB
    next_ok = figures["next_statement_median_ms"] < TARGET_NEXT_MS
    print(
        f"Conversation: {figures['participants']:,} participants, {figures['statements']:,} "
        f"statements, {figures['votes_cast']:,} votes cast ({figures['votes_counted']:,} counted "
        f"after last-vote-wins), generated in {figures['generate_seconds']:.1f} s"
    )
    print(
        f"Full analysis: {figures['full_seconds']:.1f} s, peak RSS of the process "
        f"{figures['peak_rss_mb']:.0f} MB ({figures['rss_after_loading_votes_mb']:.0f} MB after "
        f"loading the votes); k = {figures['k']}, ARI against the latent groups "
        f"{figures['ari_against_latent_groups']:.3f} "
        f"[{'meets' if full_ok else 'misses'} < {TARGET_SECONDS:.0f} s and < {TARGET_MB:.0f} MB]"
    )
    print(
        f"Incremental re-run after {args.new:,} new votes: {figures['incremental_seconds']:.1f} s; "
        f"k = {figures['k_after_new_votes']}, {figures['group_kept_share']:.1%} of grouped "
        "people kept their group number"
    )
    print(
        f"next_statement over {figures['statements']:,} statements: median "
        f"{figures['next_statement_median_ms']:.2f} ms, p95 {figures['next_statement_p95_ms']:.2f}"
        f" ms [{'meets' if next_ok else 'misses'} < {TARGET_NEXT_MS:.0f} ms]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
