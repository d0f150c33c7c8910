"""Searching: the index finds candidates, each app's own rules decide what the viewer sees.

Ranking, the same on both databases (docs/adr/0021-search.md):
  0. the words, together and in order, in the title;
  1. every word in the title;
  2. the words together somewhere in the text;
  3. every word somewhere;
then the most recently changed first, then the newest. Every word also finds longer words
it starts ("garden" finds "gardening"). Full-text matching picks the candidates (FTS5 on
SQLite, a GIN-indexed tsvector on PostgreSQL); the tiers are plain string tests on the
folded title and text, so both databases order results identically.
"""

from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models.expressions import RawSQL

from .kinds import BY_KEY, KINDS, Hit, Kind
from .text import Question, fts5_match, pg_tsquery

FIRST_LOOK = 5  # results of each kind on the first page
PAGE_SIZE = 20  # results on a page of one kind


@dataclass
class Group:
    kind: Kind
    total: int
    hits: list[Hit] = field(default_factory=list)


@dataclass
class Results:
    question: Question
    groups: list[Group]  # kinds with results, in KINDS order
    total: int
    kind: Kind | None = None  # when looking at one kind
    page: int = 1
    pages: int = 1


def _matching(question: Question) -> tuple[str, list]:
    """SQL true for index rows `e` matching every word. The words go in as a parameter."""
    if connection.vendor == "postgresql":
        # The GIN index answers this directly on the entry table.
        return "e.search_vector @@ to_tsquery('simple'::regconfig, %s)", [pg_tsquery(question)]
    return (
        "e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)",
        [fts5_match(question)],
    )


def _tier(question: Question) -> tuple[str, list]:
    """SQL for the ranking tier (0 best) of a row `e`, as plain string tests.

    Folded text is words and single spaces, so " words" inside " text " means the words
    start there, exactly as the full-text prefix match means it.
    """
    find = "strpos" if connection.vendor == "postgresql" else "instr"

    def has(column: str, words: str) -> tuple[str, list]:
        return f"{find}(' ' || e.{column} || ' ', %s) > 0", [" " + words]

    phrase_title, p1 = has("title", question.joined)
    each = [has("title", t) for t in question.terms]
    every_title = " AND ".join(sql for sql, _ in each)
    p2 = [p for _, params in each for p in params]
    phrase_body, p3 = has("body", question.joined)
    sql = (
        f"CASE WHEN {phrase_title} THEN 0 WHEN {every_title} THEN 1 "
        f"WHEN {phrase_body} THEN 2 ELSE 3 END"
    )
    return sql, p1 + p2 + p3


def _shown(kinds: tuple[Kind, ...]) -> tuple[str, list]:
    """SQL for the matching rows whose thing the owning app's own rule shows.

    One branch per kind, each asking only that kind's rule about its own rows. Kept apart
    this way, each rule is a join the database can plan for its own table: a few
    primary-key lookups where a kind has few candidates, rather than one scan of every
    listed place or project whatever the words were.
    """
    branches, params = [], []
    for kind in kinds:
        rule = kind.visible().order_by().filter(pk=RawSQL("f.object_id", [])).values("pk")
        sql, rule_params = rule.query.sql_with_params()
        # The rule is SQL Django compiled from the app's queryset; its values stay parameters.
        branches.append(f"SELECT f.* FROM found f WHERE f.kind = %s AND EXISTS({sql})")  # noqa: S608
        params += [kind.key, *rule_params]
    return " UNION ALL ".join(branches), params


def search(question: Question, *, kind: Kind | None = None, page: int = 1) -> Results:
    """Results for a question: the first few of each kind, or one page of one kind.

    Counts are of visible things only, so a hidden thing is not even counted.
    """
    if question.is_empty:
        return Results(question=question, groups=[], total=0, kind=kind)
    matching, match_params = _matching(question)
    shown, shown_params = _shown(KINDS)
    tier, tier_params = _tier(question)
    if kind is None:
        keep, keep_params = "rank <= %s", [FIRST_LOOK]
    else:
        # One row of every other kind, for its count; a page of the chosen kind.
        first = (page - 1) * PAGE_SIZE
        keep = "rank = 1 OR (kind = %s AND rank > %s AND rank <= %s)"
        keep_params = [kind.key, first, first + PAGE_SIZE]
    # Only fixed fragments and SQL Django compiled from the apps' querysets are joined here;
    # every value (the words, kinds, numbers) is a bound parameter.
    # The matching rows are read once (the full-text index), then each kind's branch keeps
    # the ones its rule shows.
    sql = (
        "WITH found AS MATERIALIZED ("  # noqa: S608
        " SELECT e.kind, e.object_id, e.updated, e.title, e.body"
        f" FROM search_searchentry e WHERE {matching})"
        " SELECT kind, object_id, rank, total FROM ("
        " SELECT e.kind AS kind, e.object_id AS object_id,"
        f"  ROW_NUMBER() OVER (PARTITION BY e.kind ORDER BY {tier},"
        "   e.updated DESC, e.object_id DESC) AS rank,"
        "  COUNT(*) OVER (PARTITION BY e.kind) AS total"
        f" FROM ({shown}) e"
        f") ranked WHERE {keep}"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The planner's estimates for the per-kind rules switch on JIT compilation,
            # which costs more (about 45 ms on the large borough) than the whole query.
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, [*match_params, *tier_params, *shown_params, *keep_params])
        found = cursor.fetchall()
    groups = []
    for each in KINDS:
        mine = sorted((r for r in found if r[0] == each.key), key=lambda r: r[2])
        if not mine:
            continue
        group = Group(kind=each, total=mine[0][3])
        if kind is None or kind is each:
            shown_rows = [r for r in mine if kind is None or r[2] > (page - 1) * PAGE_SIZE]
            group.hits = _hits(each, [r[1] for r in shown_rows])
        groups.append(group)
    total = sum(g.total for g in groups)
    pages = 1
    if kind is not None:
        of_kind = next((g.total for g in groups if g.kind is kind), 0)
        pages = max(1, -(-of_kind // PAGE_SIZE))
    return Results(question, groups, total, kind=kind, page=page, pages=pages)


def _hits(kind: Kind, ids: list[int]) -> list[Hit]:
    """The things themselves, in ranked order. Each passed its app's rule in the same query
    that ranked it, so here they are read by key alone."""
    things = kind.model.objects.select_related(*kind.related).in_bulk(ids)
    return [kind.hit(things[pk]) for pk in ids if pk in things]


def kind_for(key: str) -> Kind | None:
    return BY_KEY.get(key)
