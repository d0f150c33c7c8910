"""An opinion analysis as the JSON a results page reads. No Django: pure data.

The results page never runs the maths: it reads this, small whatever the conversation's size.
The map keeps at most `max_dots` participants, sampled evenly from each group in proportion
to its size (the same ones each run, by participant id, so the map does not jump about), and
places them in the unit square. The shares are rounded to keep the JSON short.
"""

from __future__ import annotations

import math
from typing import Any

VERSION = 1
TOP = 5  # statements kept per group, for common ground and for division
MAX_DOTS = 400


def _share(share: Any) -> dict[str, Any]:
    return {
        "statement": int(share.statement),
        "agree": round(float(share.agree), 3),
        "disagree": round(float(share.disagree), 3),
        "votes": int(share.votes),
    }


def _sample(ids: list[int], keep: int) -> list[int]:
    """`keep` of these ids, evenly spread over them in id order."""
    ids = sorted(ids)
    if keep >= len(ids):
        return ids
    if keep <= 0:
        return []
    step = len(ids) / keep
    return [ids[int(i * step)] for i in range(keep)]


def _map(analysis: Any, max_dots: int) -> dict[str, Any]:
    placed = {
        pid: xy for pid, xy in analysis.position.items() if analysis.group_of.get(pid) is not None
    }
    if not placed:
        return {"dots": [], "shown": 0, "placed": 0}
    xs = [float(x) for x, _y in placed.values()]
    ys = [float(y) for _x, y in placed.values()]
    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    span = max(high_x - low_x, high_y - low_y) or 1.0
    mid_x, mid_y = (low_x + high_x) / 2, (low_y + high_y) / 2

    def unit(x: float, y: float) -> tuple[float, float]:
        # Same scale on both axes, so distances on the map mean the same either way; y grows
        # upwards in the maths and downwards on a screen.
        return (
            round(0.5 + (float(x) - mid_x) / span * 0.9, 4),
            round(0.5 - (float(y) - mid_y) / span * 0.9, 4),
        )

    by_group: dict[int, list[int]] = {}
    for pid in placed:
        by_group.setdefault(int(analysis.group_of[pid]), []).append(pid)
    total = len(placed)
    dots = []
    for group, ids in sorted(by_group.items()):
        keep = max(1, math.floor(max_dots * len(ids) / total)) if total > max_dots else len(ids)
        for pid in _sample(ids, keep):
            x, y = unit(*placed[pid])
            dots.append([x, y, group])
    centres = {}
    for group, ids in sorted(by_group.items()):
        cx = sum(float(placed[p][0]) for p in ids) / len(ids)
        cy = sum(float(placed[p][1]) for p in ids) / len(ids)
        centres[str(group)] = list(unit(cx, cy))
    return {"dots": dots, "shown": len(dots), "placed": total, "centres": centres}


def snapshot_from(analysis: Any, *, max_dots: int = MAX_DOTS, top: int = TOP) -> dict[str, Any]:
    """The analysis (opinion.Analysis) as JSON-able data for the results page."""
    left_out = sum(1 for group in analysis.group_of.values() if group is None)
    groups = []
    for group in analysis.groups:
        distinctive = []
        for share in group.distinctive[:top]:
            item = _share(share)
            item["direction"] = getattr(share, "direction", "agree")
            others = getattr(share, "others", None)
            if others is not None:
                item["others"] = _share(others)
            distinctive.append(item)
        groups.append(
            {"number": int(group.number), "members": int(group.members), "distinctive": distinctive}
        )
    common = [
        {
            "statement": int(item.statement),
            "direction": item.direction,
            "by_group": [_share(share) for share in item.by_group],
        }
        for item in analysis.common_ground[:top]
    ]
    divisive = []
    for item in list(analysis.divisive)[:top]:
        divisive.append(
            {
                "statement": int(item.statement),
                "by_group": [_share(share) for share in getattr(item, "by_group", [])],
                "agreeing": getattr(item, "agreeing", None),
                "disagreeing": getattr(item, "disagreeing", None),
            }
        )
    return {
        "version": VERSION,
        "k": int(analysis.k),
        "participants": int(analysis.participants),
        "grouped": int(analysis.participants) - left_out,
        "left_out": left_out,
        "votes": int(analysis.votes),
        "groups": groups,
        "common_ground": common,
        "divisive": divisive,
        "map": _map(analysis, max_dots),
    }
