"""The actor network: one node per canonical actor, one edge per (source, relation, target).

Built incrementally from results, so a corpus never has to be held in memory.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .records import Actor, Relation, Result

MAX_DOCS_LISTED = 50


class GraphBuilder:
    """Accumulates results into a networkx MultiDiGraph keyed by relation type."""

    def __init__(self, *, include_unasserted: bool = False):
        self.include_unasserted = include_unasserted
        self.graph = nx.MultiDiGraph()

    def add(self, result: Result) -> None:
        for actor in result.actors:
            self._node(actor)
        for rel in result.relations:
            if rel.asserted or self.include_unasserted:
                self._edge(rel)

    def _node(self, actor: Actor) -> None:
        g = self.graph
        if actor.id in g:
            data = g.nodes[actor.id]
            data["mentions"] += actor.mentions
            for name, value in (("role", actor.role), ("country", actor.country)):
                if value:
                    data.setdefault(name, value)
        else:
            g.add_node(actor.id, label=actor.name, kind=actor.kind, mentions=actor.mentions)
            if actor.role:
                g.nodes[actor.id]["role"] = actor.role
            if actor.country:
                g.nodes[actor.id]["country"] = actor.country

    def _edge(self, rel: Relation) -> None:
        g = self.graph
        for node, name, kind in ((rel.source_id, rel.source, rel.source_kind),
                                 (rel.target_id, rel.target, rel.target_kind)):
            if node not in g:
                g.add_node(node, label=name, kind=kind, mentions=0)
        src, tgt = rel.source_id, rel.target_id
        if rel.type == "meets" and tgt < src:  # symmetric: one edge per pair
            src, tgt = tgt, src
        key = edge_key(rel)
        if g.has_edge(src, tgt, key=key):
            data = g.edges[src, tgt, key]
            data["weight"] += 1
            if rel.doc not in data["docs"] and len(data["docs"]) < MAX_DOCS_LISTED:
                data["docs"].append(rel.doc)
            if rel.date:
                data["dates"].add(rel.date)
        else:
            g.add_edge(src, tgt, key=key, relation=rel.type, weight=1, docs=[rel.doc],
                       evidence=rel.sentence.strip(), trigger=rel.trigger,
                       dates={rel.date} if rel.date else set(),
                       symmetric=rel.type == "meets", negated=rel.negated,
                       modality=rel.modality)


def edge_key(rel: Relation) -> str:
    """The relation type, qualified when not asserted: 'did not meet' must not add to 'met'."""
    if rel.asserted:
        return rel.type
    return f"{rel.type}:{'negated' if rel.negated else rel.modality}"


def build_graph(results: Iterable[Result], *, include_unasserted: bool = False) -> nx.MultiDiGraph:
    """The network of `results`; negated and unasserted relations only if asked."""
    builder = GraphBuilder(include_unasserted=include_unasserted)
    for result in results:
        builder.add(result)
    return builder.graph
