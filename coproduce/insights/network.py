"""Groups and the people who link them. Pure: no Django import; plain pairs in, plain out.

Groups are nodes. Two groups are linked when at least one person belongs to both; the link's
weight is how many people they share. From that graph (networkx): the connected parts of the
borough, the links that alone hold two parts together (bridges), the groups whose loss would
split a part (articulation groups), and the groups with no link at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations


@dataclass(frozen=True)
class Network:
    groups: int  # how many groups there are
    links: dict[tuple[int, int], int]  # (smaller id, larger id) -> people they share
    components: list[list[int]]  # groups that reach each other, largest part first
    bridges: list[tuple[int, int]]  # links whose loss would split a part
    articulation: list[int]  # groups whose loss would split a part
    isolated: list[int]  # groups linked to no other group
    linking_people: int  # people in two groups or more
    degree: dict[int, int] = field(default_factory=dict)  # groups each group is linked to


def group_network(memberships: Iterable[tuple[int, int]], groups: Iterable[int]) -> Network:
    """The network from (group id, person id) pairs; `groups` lists every group, even empty."""
    by_person: dict[int, set[int]] = defaultdict(set)
    for group_id, person_id in memberships:
        by_person[person_id].add(group_id)
    links: dict[tuple[int, int], int] = defaultdict(int)
    linking_people = 0
    for person_groups in by_person.values():
        if len(person_groups) > 1:
            linking_people += 1
            for pair in combinations(sorted(person_groups), 2):
                links[pair] += 1
    # Imported here, not at the top: networkx is about 17 MiB and 380 modules, and every web
    # worker imports this module (the champions' pages use `share`) while only the staff
    # page of group links draws the graph (issue 19: a web worker under 150 MiB).
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(groups)
    graph.add_edges_from(links)
    components = sorted(
        (sorted(part) for part in nx.connected_components(graph)),
        key=lambda part: (-len(part), part[0]),
    )
    bridges = sorted(tuple(sorted(edge)) for edge in nx.bridges(graph))
    return Network(
        groups=graph.number_of_nodes(),
        links=dict(links),
        components=components,
        bridges=bridges,
        articulation=sorted(nx.articulation_points(graph)),
        isolated=sorted(node for node, degree in graph.degree() if degree == 0),
        linking_people=linking_people,
        degree=dict(graph.degree()),
    )


def share(part: int, whole: int | None) -> float | None:
    """`part` as a percentage of `whole`, to one place; None when there is no whole."""
    if not whole:
        return None
    return round(100 * part / whole, 1)
