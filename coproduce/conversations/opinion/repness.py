"""What sets each group apart, common ground and division (no Django).

polismath `repness.clj`: for group g and statement s, with na agrees, nd disagrees and ns votes
(passes included) inside the group and the same counted over all OTHER grouped participants:

- smoothed share pa = (na + 1) / (ns + 2), and its one-proportion z-test
  pat = 2 sqrt(ns + 1) ((na + 1) / (ns + 1) - 1/2);
- ratio ra = pa / pa_rest, and the two-proportion z-test rat between group and rest
  (each count + 1);
- representativeness = ra x rat x pa x pat (the same with d for disagree); a statement is
  "repful" for agree when rat > rdt, and significant when both z > 1.2816 (90%).

Common ground is Pol.is's group-aware consensus: the product over groups of (na + 1)/(ns + 2),
kept where every group's smoothed share in that direction is over a half. Division: the gap
between the groups' smoothed balance (na - nd)/(ns + 2) where some groups lean to agree and
others to disagree.
"""

import numpy as np

from .matrix import VoteMatrix
from .types import AGREE, DISAGREE, CommonGround, Distinctive, Division, StatementShare

Z_90 = 1.2816
DISTINCTIVE_LIMIT = 5


def group_counts(
    matrix: VoteMatrix, row_group: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Agree, disagree and vote (pass included) counts per group and statement (k x m)."""
    m = matrix.shape[1]
    k = max(k, 0)
    group = row_group[matrix.rows]
    grouped = group >= 0
    # One pass: each vote lands in cell (group, statement, value + 1).
    index = group[grouped].astype(np.int64)
    index *= m
    index += matrix.cols[grouped]
    index *= 3
    index += matrix.values[grouped] + 1
    table = np.bincount(index, minlength=k * m * 3).reshape(k, m, 3)
    return table[:, :, 2].copy(), table[:, :, 0].copy(), table.sum(axis=2)


def everyone_counts(matrix: VoteMatrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Agree, disagree and vote counts per statement over everyone who voted."""
    m = matrix.shape[1]
    agree = np.bincount(matrix.cols, weights=matrix.values == AGREE, minlength=m)
    disagree = np.bincount(matrix.cols, weights=matrix.values == DISAGREE, minlength=m)
    voted = np.bincount(matrix.cols, minlength=m)
    return agree.astype(np.int64), disagree.astype(np.int64), voted.astype(np.int64)


def share(statement: int, agree: int, disagree: int, votes: int) -> StatementShare:
    """Plain shares of those who voted (0 when nobody did)."""
    agree, disagree, votes = int(agree), int(disagree), int(votes)
    if votes <= 0:
        return StatementShare(int(statement), 0.0, 0.0, 0, 0.0)
    return StatementShare(
        int(statement),
        agree / votes,
        disagree / votes,
        votes,
        (votes - agree - disagree) / votes,
    )


def prop_test(successes: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Pol.is's one-proportion z-score against a half, with +1 smoothing."""
    return 2.0 * np.sqrt(n + 1.0) * ((successes + 1.0) / (n + 1.0) - 0.5)


def two_prop_test(s1: np.ndarray, n1: np.ndarray, s2: np.ndarray, n2: np.ndarray) -> np.ndarray:
    """Pol.is's two-proportion z-score, each count + 1."""
    s1, n1, s2, n2 = s1 + 1.0, n1 + 1.0, s2 + 1.0, n2 + 1.0
    pooled = (s1 + s2) / (n1 + n2)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
    return np.divide(s1 / n1 - s2 / n2, spread, out=np.zeros_like(spread), where=spread > 0)


def distinctive(
    agree: np.ndarray,
    disagree: np.ndarray,
    voted: np.ndarray,
    statement_ids: np.ndarray,
    include: np.ndarray,
    limit: int = DISTINCTIVE_LIMIT,
) -> list[list[Distinctive]]:
    """For each group, the statements that set it apart, best first (Pol.is's selection:
    significant ones by representativeness, the best agreed one first; if none is
    significant, the single most representative one)."""
    k = agree.shape[0]
    if k == 0:
        return []
    rest_agree = agree.sum(axis=0) - agree
    rest_disagree = disagree.sum(axis=0) - disagree
    rest_voted = voted.sum(axis=0) - voted
    pa = (agree + 1.0) / (voted + 2.0)
    pd = (disagree + 1.0) / (voted + 2.0)
    rest_pa = (rest_agree + 1.0) / (rest_voted + 2.0)
    rest_pd = (rest_disagree + 1.0) / (rest_voted + 2.0)
    ra, rd = pa / rest_pa, pd / rest_pd
    pat, pdt = prop_test(agree, voted), prop_test(disagree, voted)
    rat = two_prop_test(agree, voted, rest_agree, rest_voted)
    rdt = two_prop_test(disagree, voted, rest_disagree, rest_voted)
    for_agree = rat > rdt
    ratio = np.where(for_agree, ra, rd)
    z_ratio = np.where(for_agree, rat, rdt)
    z_share = np.where(for_agree, pat, pdt)
    strength = ratio * z_ratio * np.where(for_agree, pa, pd) * z_share
    positive = (z_ratio > 0) & (z_share > 0) & (voted > 0) & include[None, :]
    significant = positive & (z_ratio > Z_90) & (z_share > Z_90)

    result = []
    for g in range(k):
        chosen = np.flatnonzero(significant[g])
        chosen = chosen[np.argsort(-strength[g, chosen], kind="stable")][:limit]
        if len(chosen):
            agreed = [j for j in chosen if for_agree[g, j]]
            if agreed and agreed[0] != chosen[0]:
                chosen = np.array([agreed[0]] + [j for j in chosen if j != agreed[0]])
        else:
            candidates = np.flatnonzero(positive[g])
            if len(candidates):
                chosen = candidates[[int(np.argmax(strength[g, candidates]))]]
        items = []
        for j in chosen:
            own = share(statement_ids[j], agree[g, j], disagree[g, j], voted[g, j])
            items.append(
                Distinctive(
                    own.statement,
                    own.agree,
                    own.disagree,
                    own.votes,
                    passed=own.passed,
                    direction="agree" if for_agree[g, j] else "disagree",
                    strength=float(strength[g, j]),
                    ratio=float(ratio[g, j]),
                    z_ratio=float(z_ratio[g, j]),
                    z_share=float(z_share[g, j]),
                    significant=bool(significant[g, j]),
                    others=share(
                        statement_ids[j], rest_agree[g, j], rest_disagree[g, j], rest_voted[g, j]
                    ),
                )
            )
        result.append(items)
    return result


def _by_group(agree, disagree, voted, statement_ids, j) -> list[StatementShare]:
    return [
        share(statement_ids[j], agree[g, j], disagree[g, j], voted[g, j])
        for g in range(agree.shape[0])
    ]


def common_ground(
    agree: np.ndarray,
    disagree: np.ndarray,
    voted: np.ndarray,
    statement_ids: np.ndarray,
    include: np.ndarray,
) -> list[CommonGround]:
    """Statements most of every group agrees with (or disagrees with), best first."""
    k = agree.shape[0]
    if k == 0:
        return []
    seen_by_all = (voted > 0).all(axis=0) & include
    found = []
    for direction, counts in (("agree", agree), ("disagree", disagree)):
        smoothed = (counts + 1.0) / (voted + 2.0)
        score = smoothed.prod(axis=0)
        most = (smoothed > 0.5).all(axis=0) & seen_by_all
        for j in np.flatnonzero(most):
            found.append((float(score[j]), int(statement_ids[j]), direction, j))
    found.sort(key=lambda item: (-item[0], item[1]))
    return [
        CommonGround(
            statement=statement,
            direction=direction,
            by_group=_by_group(agree, disagree, voted, statement_ids, j),
            score=score,
        )
        for score, statement, direction, j in found
    ]


def divisive(
    agree: np.ndarray,
    disagree: np.ndarray,
    voted: np.ndarray,
    statement_ids: np.ndarray,
    include: np.ndarray,
) -> list[Division]:
    """Statements some groups lean to agree with and others to disagree with, most split
    first."""
    k = agree.shape[0]
    if k < 2:
        return []
    balance = (agree - disagree) / (voted + 2.0)
    seen = voted > 0
    high = np.where(seen, balance, -np.inf)
    low = np.where(seen, balance, np.inf)
    top, bottom = high.max(axis=0), low.min(axis=0)
    split = (top > 0) & (bottom < 0) & include
    found = []
    for j in np.flatnonzero(split):
        found.append((float(top[j] - bottom[j]), int(statement_ids[j]), j))
    found.sort(key=lambda item: (-item[0], item[1]))
    return [
        Division(
            statement=statement,
            spread=spread,
            by_group=_by_group(agree, disagree, voted, statement_ids, j),
            agreeing=int(np.argmax(high[:, j])),
            disagreeing=int(np.argmin(low[:, j])),
        )
        for spread, statement, j in found
    ]
