"""Reads for service choice panels: lists, the public page, a member's own scoring, the
sealed view of others' scores, and the running officers' score sheet."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from .models import Bid, Criterion, Declaration, Member, ModeratedTotal, Panel, Score
from .sums import SCORE_MAX_DEFAULT, BidSummary, summarise, weighted_total


def panels_listed() -> QuerySet[Panel]:
    """Published panels, newest first."""
    return Panel.objects.exclude(status=Panel.Status.DRAFT).order_by("-published_at", "-pk")


def panels_run_by(user) -> QuerySet[Panel]:
    return Panel.objects.filter(officers=user).order_by("-created_at", "-pk")


def panel_with_public_parts(pk: int) -> Panel | None:
    """A panel with its criteria and its bids' public parts only (never commercial details)."""
    public_bids = Bid.objects.only("pk", "panel_id", "bidder", "public_summary")
    return (
        Panel.objects.select_related("recommended_bid")
        .prefetch_related("criteria", Prefetch("bids", queryset=public_bids))
        .filter(pk=pk)
        .first()
    )


def member_of(panel: Panel, user) -> Member | None:
    if user is None or not user.is_authenticated:
        return None
    return Member.objects.select_related("panel", "consent").filter(panel=panel, user=user).first()


def members_of(panel: Panel) -> QuerySet[Member]:
    return Member.objects.filter(panel=panel).select_related("user", "consent").order_by("pk")


@dataclass
class BidToScore:
    """One bid as a member sees it on their scoring page."""

    bid: Bid
    declaration: Declaration | None
    scores: dict[int, Score] = field(default_factory=dict)

    @property
    def conflicted(self) -> bool:
        return self.declaration is not None and self.declaration.has_interest

    @property
    def may_score(self) -> bool:
        return self.declaration is not None and not self.declaration.has_interest

    @property
    def scored(self) -> bool:
        return bool(self.scores)


def my_bids(member: Member) -> list[BidToScore]:
    """Every bid with this member's own declaration and scores (public parts of bids only)."""
    bids = Bid.objects.filter(panel_id=member.panel_id).only(
        "pk", "panel_id", "bidder", "public_summary"
    )
    declared = {d.bid_id: d for d in Declaration.objects.filter(member=member)}
    rows = {bid.pk: BidToScore(bid=bid, declaration=declared.get(bid.pk)) for bid in bids}
    for score in Score.objects.filter(member=member):
        rows[score.bid_id].scores[score.criterion_id] = score
    return list(rows.values())


def others_scores(member: Member) -> list[Score] | None:
    """The other members' submitted scores, or None while this member has not submitted
    their own: scores are sealed until then (ADR 0024)."""
    if member.submitted_at is None:
        return None
    return list(
        Score.objects.filter(bid__panel_id=member.panel_id, member__submitted_at__isnull=False)
        .exclude(member=member)
        .select_related("criterion", "bid", "member")
        .only(
            "score",
            "reason",
            "member_id",
            "criterion__title",
            "bid__bidder",
            "member__id",
            "member__submitted_at",
        )
        .order_by("bid_id", "member_id", "criterion__position", "criterion_id")
    )


@dataclass(frozen=True)
class SheetScore:
    criterion: str
    score: int
    reason: str


@dataclass
class SheetLine:
    """One member's line for one bid: their total, or that they declared an interest."""

    bidder: str
    conflicted: bool
    total: float | None
    scores: list[SheetScore]


@dataclass
class SheetMember:
    member: Member
    lines: list[SheetLine] = field(default_factory=list)


@dataclass
class SheetBid:
    bid: Bid
    summary: BidSummary
    moderated: ModeratedTotal | None


@dataclass
class ScoreSheet:
    criteria: list[Criterion]
    bids: list[SheetBid]
    members: list[SheetMember]
    waiting: int  # members yet to submit


def score_sheet(panel: Panel) -> ScoreSheet:
    """For the running officers: each submitted member's scores, reasons and weighted totals,
    each bid's mean, median and spread, and any moderated total. In a fixed handful of
    queries, whatever the number of members and bids; laid out ready to show."""
    criteria = list(Criterion.objects.filter(panel=panel))
    weights = {c.pk: c.weight for c in criteria}
    titles = {c.pk: c.title for c in criteria}
    position = {c.pk: i for i, c in enumerate(criteria)}
    bids = list(Bid.objects.filter(panel=panel).select_related("moderated"))
    members = list(
        Member.objects.filter(panel=panel, status=Member.Status.ACTIVE)
        .select_related("user__profile")
        .order_by("pk")
    )
    submitted = [m for m in members if m.submitted_at is not None]
    ids = [m.pk for m in submitted]
    by_pair: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for member_id, bid_id, criterion_id, value, reason in Score.objects.filter(
        member_id__in=ids
    ).values_list("member_id", "bid_id", "criterion_id", "score", "reason"):
        by_pair.setdefault((member_id, bid_id), []).append((criterion_id, value, reason))
    conflicts = set(
        Declaration.objects.filter(member_id__in=ids, has_interest=True).values_list(
            "member_id", "bid_id"
        )
    )
    totals_by_bid: dict[int, list[float]] = {bid.pk: [] for bid in bids}
    rows = []
    for member in submitted:
        row = SheetMember(member=member)
        for bid in bids:
            key = (member.pk, bid.pk)
            if key in conflicts:
                row.lines.append(SheetLine(bid.bidder, True, None, []))
                continue
            scored = sorted(by_pair.get(key, []), key=lambda s: position.get(s[0], 0))
            total = round(
                weighted_total({c: v for c, v, _r in scored}, weights, SCORE_MAX_DEFAULT), 1
            )
            totals_by_bid[bid.pk].append(total)
            row.lines.append(
                SheetLine(
                    bid.bidder,
                    False,
                    total,
                    [SheetScore(titles.get(c, ""), v, r) for c, v, r in scored],
                )
            )
        rows.append(row)
    sheet_bids = [
        SheetBid(
            bid=bid,
            summary=summarise(totals_by_bid[bid.pk]),
            moderated=getattr(bid, "moderated", None),
        )
        for bid in bids
    ]
    return ScoreSheet(
        criteria=criteria, bids=sheet_bids, members=rows, waiting=len(members) - len(submitted)
    )
