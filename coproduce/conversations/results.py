"""What the results page shows, read from the latest snapshot: two queries, never the maths.

Groups are named by letter (group A, B...). Shares are said as "8 in 10" in sentences and as
percentages in tables. The summary is short sentences for a reading age of about nine.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Conversation, OpinionSnapshot, Statement

LETTERS = "ABCDEFGHIJ"
# Dots on the map: a colour and a shape for each group, so colour is never the only clue.
# GOV.UK colours with at least 3:1 contrast against white.
COLOURS = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#505a5f"]
SHAPES = ["circle", "square", "triangle", "diamond", "cross"]
MAP_SIZE = 400


def shape_words() -> dict[str, str]:
    """How each group's dots look, in words (translated when asked, not at import)."""
    return {
        "circle": _("blue circles"),
        "square": _("red squares"),
        "triangle": _("green triangles"),
        "diamond": _("purple diamonds"),
        "cross": _("grey crosses"),
    }


def letter(number: int) -> str:
    return LETTERS[number] if 0 <= number < len(LETTERS) else str(number + 1)


def _in_ten(share: float) -> int:
    return round(share * 10)


def _percent(share: float) -> int:
    return round(share * 100)


def _where(x: float, y: float) -> str:
    """Where a point of the unit square is, in words (y grows downwards)."""
    across = _("left") if x < 0.4 else _("right") if x > 0.6 else ""
    down = _("top") if y < 0.4 else _("bottom") if y > 0.6 else ""
    if across and down:
        return _("%(down)s %(across)s") % {"down": down, "across": across}
    if down:
        return _("%(down)s middle") % {"down": down}
    if across:
        return _("middle %(across)s") % {"across": across}
    return _("middle")


@dataclass(frozen=True)
class Share:
    group: str  # "A", or "" for everyone
    agree: int  # percentages
    disagree: int
    passed: int
    votes: int


@dataclass(frozen=True)
class Line:
    """A statement, and how groups voted on it."""

    text: str
    direction: str  # "agree" or "disagree"
    shares: list[Share]
    sentence: str = ""


@dataclass(frozen=True)
class GroupResult:
    letter: str
    members: int
    colour: str
    shape: str
    where: str
    distinctive: list[Line]

    @property
    def mark(self) -> "Dot":
        """The group's mark, for the key beside the map."""
        return Dot(x=8, y=8, group=self.letter, colour=self.colour, shape=self.shape)

    @property
    def shape_words(self) -> str:
        return shape_words().get(self.shape, "")


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    group: str
    colour: str
    shape: str

    @property
    def points(self) -> str:
        """The outline of a square, triangle or diamond, or the strokes of a cross, at (x, y)."""
        x, y = self.x, self.y
        corners = {
            "square": [(-5, -5), (5, -5), (5, 5), (-5, 5)],
            "triangle": [(0, -6), (6, 5), (-6, 5)],
            "diamond": [(0, -6), (6, 0), (0, 6), (-6, 0)],
        }.get(self.shape)
        if corners is not None:
            return " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in corners)
        if self.shape == "cross":
            return (
                f"M{x - 5:.1f} {y - 5:.1f}L{x + 5:.1f} {y + 5:.1f}"
                f"M{x + 5:.1f} {y - 5:.1f}L{x - 5:.1f} {y + 5:.1f}"
            )
        return ""

    @property
    def svg(self) -> str:
        """The mark as SVG: a circle, a cross or a polygon (built here: 400 of them through
        template tags would cost more than the rest of the page)."""
        if self.shape == "circle":
            return format_html(
                '<circle cx="{}" cy="{}" r="5" fill="{}"/>',
                f"{self.x:.1f}",
                f"{self.y:.1f}",
                self.colour,
            )
        if self.shape == "cross":
            return format_html(
                '<path d="{}" stroke="{}" stroke-width="3"/>', self.points, self.colour
            )
        return format_html('<polygon points="{}" fill="{}"/>', self.points, self.colour)


@dataclass
class Results:
    conversation: Conversation
    computed_at: datetime | None = None
    votes: int = 0
    participants: int = 0
    left_out: int = 0
    groups: list[GroupResult] = field(default_factory=list)
    common_ground: list[Line] = field(default_factory=list)
    divisive: list[Line] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    dots_shown: int = 0
    dots_placed: int = 0
    summary: list[str] = field(default_factory=list)
    votes_now: int = 0

    @property
    def age(self) -> str:
        """How long ago the results were worked out, in words."""
        if self.computed_at is None:
            return ""
        if timezone.now() - self.computed_at < timedelta(minutes=1):
            return _("less than a minute")
        return timesince(self.computed_at)

    @property
    def votes_text(self) -> str:
        return f"{self.votes:,}"

    @property
    def map_marks(self) -> str:
        return format_html_join("", "{}", ((dot.svg,) for dot in self.dots))

    @property
    def ready(self) -> bool:
        return self.computed_at is not None and bool(self.groups)


def _share(item: dict, group: str) -> Share:
    agree, disagree = float(item["agree"]), float(item["disagree"])
    return Share(
        group=group,
        agree=_percent(agree),
        disagree=_percent(disagree),
        passed=max(0, 100 - _percent(agree) - _percent(disagree)),
        votes=int(item["votes"]),
    )


def _distinctive_sentence(group: str, direction: str, share: float, text: str) -> str:
    if direction == "agree":
        return _("Most of group %(group)s agreed: “%(text)s” (%(n)d in 10 of them).") % {
            "group": group,
            "text": text,
            "n": _in_ten(share),
        }
    return _("Most of group %(group)s disagreed: “%(text)s” (%(n)d in 10 of them).") % {
        "group": group,
        "text": text,
        "n": _in_ten(share),
    }


def _common_sentence(direction: str, text: str) -> str:
    if direction == "agree":
        return _("Most people in every group agreed: “%(text)s”") % {"text": text}
    return _("Most people in every group disagreed: “%(text)s”") % {"text": text}


def _groups_words(letters: list[str]) -> str:
    """ "group A", or "groups A and C"."""
    if len(letters) == 1:
        return _("group %(letter)s") % {"letter": letters[0]}
    return _("groups %(letters)s and %(last)s") % {
        "letters": ", ".join(letters[:-1]),
        "last": letters[-1],
    }


def _divide_sentence(text: str, shares: list[Share]) -> str:
    agreeing = [s.group for s in shares if s.agree > s.disagree]
    disagreeing = [s.group for s in shares if s.disagree >= s.agree]
    quoted = text.rstrip(".")
    if agreeing and disagreeing:
        return _(
            "Groups split on “%(text)s”. More of %(yes)s agreed. More of %(no)s disagreed."
        ) % {
            "text": quoted,
            "yes": _groups_words(agreeing),
            "no": _groups_words(disagreeing),
        }
    return _("Groups answered “%(text)s” in different ways.") % {"text": quoted}


def results_for(conversation: Conversation) -> Results:
    """The results page's content, from the snapshot and the statements' texts (2 queries)."""
    results = Results(conversation=conversation)
    snapshot = OpinionSnapshot.objects.filter(conversation=conversation).first()
    if snapshot is None:
        results.summary = [
            _("There are no results yet."),
            _("They appear a minute or two after people start to answer."),
        ]
        return results
    data = snapshot.data or {}
    wanted = set()
    for group in data.get("groups", []):
        wanted.update(item["statement"] for item in group.get("distinctive", []))
    for key in ("common_ground", "divisive"):
        wanted.update(item["statement"] for item in data.get(key, []))
    texts = dict(
        Statement.objects.filter(
            conversation=conversation, pk__in=wanted, status=Statement.Status.SHOWN
        ).values_list("pk", "text")
    )
    results.computed_at = snapshot.computed_at
    results.votes = snapshot.votes
    results.participants = snapshot.participants
    results.left_out = int(data.get("left_out", 0))
    centres = data.get("map", {}).get("centres", {})

    for group in data.get("groups", []):
        number = int(group["number"])
        name = letter(number)
        lines = []
        for item in group.get("distinctive", []):
            text = texts.get(item["statement"])
            if text is None:  # removed since the analysis
                continue
            direction = item.get("direction", "agree")
            share = float(item["agree"] if direction == "agree" else item["disagree"])
            shares = [_share(item, name)]
            if item.get("others"):
                shares.append(_share(item["others"], _("others")))
            lines.append(
                Line(
                    text=text,
                    direction=direction,
                    shares=shares,
                    sentence=_distinctive_sentence(name, direction, share, text),
                )
            )
        centre = centres.get(str(number))
        results.groups.append(
            GroupResult(
                letter=name,
                members=int(group["members"]),
                colour=COLOURS[number % len(COLOURS)],
                shape=SHAPES[number % len(SHAPES)],
                where=_where(*centre) if centre else "",
                distinctive=lines,
            )
        )
    for item in data.get("common_ground", []):
        text = texts.get(item["statement"])
        if text is None:
            continue
        shares = [_share(s, letter(n)) for n, s in enumerate(item.get("by_group", []))]
        direction = item.get("direction", "agree")
        results.common_ground.append(
            Line(text, direction, shares, sentence=_common_sentence(direction, text))
        )
    for item in data.get("divisive", []):
        text = texts.get(item["statement"])
        if text is None:
            continue
        shares = [_share(s, letter(n)) for n, s in enumerate(item.get("by_group", []))]
        results.divisive.append(Line(text, "", shares, sentence=_divide_sentence(text, shares)))
    chart = data.get("map", {})
    for x, y, number in chart.get("dots", []):
        results.dots.append(
            Dot(
                x=round(float(x) * MAP_SIZE, 1),
                y=round(float(y) * MAP_SIZE, 1),
                group=letter(int(number)),
                colour=COLOURS[int(number) % len(COLOURS)],
                shape=SHAPES[int(number) % len(SHAPES)],
            )
        )
    results.dots_shown = int(chart.get("shown", 0))
    results.dots_placed = int(chart.get("placed", 0))
    results.summary = _summary(results)
    return results


def _summary(results: Results) -> list[str]:
    """A few short sentences that say what the results show."""
    said = [
        ngettext(
            "%(people)s person has answered so far.",
            "%(people)s people have answered so far.",
            results.participants,
        )
        % {"people": f"{results.participants:,}"}
    ]
    if len(results.groups) > 1:
        said.append(
            _("We found %(k)d groups of people who answer in a similar way.")
            % {"k": len(results.groups)}
        )
        said.extend(
            ngettext(
                "Group %(group)s has %(n)s person.", "Group %(group)s has %(n)s people.", g.members
            )
            % {"group": g.letter, "n": f"{g.members:,}"}
            for g in results.groups
        )
    if results.common_ground:
        said.append(results.common_ground[0].sentence)
    else:
        said.append(_("We have not found anything that most people in every group agree on yet."))
    if results.divisive:
        said.append(results.divisive[0].sentence)
    if results.left_out:
        said.append(
            ngettext(
                "%(n)s person has not answered enough statements to be in a group yet.",
                "%(n)s people have not answered enough statements to be in a group yet.",
                results.left_out,
            )
            % {"n": f"{results.left_out:,}"}
        )
    return said
