"""The actor network: one node per canonical actor, one edge per (source, relation, target).

Built incrementally, from results (`relx extract`) or from relation records (`relx graph`), by the
same `GraphBuilder.add`, so that both give one graph; a corpus is never held in memory.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .records import RELATION_TYPES, Actor, Relation, Result

MAX_DOCS_LISTED = 50
_DATE_BOUND = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


class GraphBuilder:
    """Accumulates results into a networkx MultiDiGraph keyed by relation type.

    Nodes are the actors that take part in a relation (kept or not), in the order the relations
    come; relation records carry everything a node needs, so records rebuild the same graph.
    `isolated=True` also adds actors found in no relation (the terminal table lists them all).
    """

    def __init__(self, *, include_unasserted: bool = False, isolated: bool = False):
        self.include_unasserted = include_unasserted
        self.isolated = isolated
        self.graph = nx.MultiDiGraph()

    def add(self, result: Result) -> None:
        actors = {a.id: a for a in result.actors}
        counted: set[str] = set()  # an actor's mentions count once per document
        for rel in result.relations:
            for node, name, kind, role, country, stamp in (
                    (rel.source_id, rel.source, rel.source_kind, rel.source_role,
                     rel.source_country, rel.source_mentions),
                    (rel.target_id, rel.target, rel.target_kind, rel.target_role,
                     rel.target_country, rel.target_mentions)):
                actor = actors.get(node)
                if node not in counted:
                    counted.add(node)
                    mentions = actor.mentions if actor is not None else (stamp or 0)
                else:
                    mentions = 0
                self._node(node, name, kind, mentions,
                           role or (actor.role if actor else None),
                           country or (actor.country if actor else None))
            if rel.asserted or self.include_unasserted:
                self._edge(rel)
        if self.isolated:
            for actor in result.actors:
                if actor.id not in counted:
                    self._node(actor.id, actor.name, actor.kind, actor.mentions, actor.role,
                               actor.country)

    def _node(self, node: str, name: str, kind: str, mentions: int, role: str | None,
              country: str | None) -> None:
        g = self.graph
        if node in g:
            data = g.nodes[node]
            data["mentions"] += mentions
        else:
            g.add_node(node, label=name, kind=kind, mentions=mentions)
            data = g.nodes[node]
        for attr, value in (("role", role), ("country", country)):
            if value:
                data.setdefault(attr, value)

    def _edge(self, rel: Relation) -> None:
        g = self.graph
        src, tgt, key = edge_of(rel)
        if g.has_edge(src, tgt, key=key):
            data = g.edges[src, tgt, key]
            data["weight"] += 1
            if rel.doc not in data["docs"] and len(data["docs"]) < MAX_DOCS_LISTED:
                data["docs"].append(sys.intern(rel.doc))  # shared by the edges of a document
            if rel.date:
                data["dates"].add(sys.intern(rel.date))  # one string per day, not per report
        else:
            g.add_edge(src, tgt, key=key, relation=rel.type, weight=1, docs=[sys.intern(rel.doc)],
                       evidence=rel.sentence.strip(), trigger=rel.trigger,
                       dates={sys.intern(rel.date)} if rel.date else set(),
                       symmetric=rel.type == "meets", negated=rel.negated,
                       modality=rel.modality)


def edge_key(rel: Relation) -> str:
    """The relation type, qualified when not asserted: 'did not meet' must not add to 'met'."""
    if rel.asserted:
        return rel.type
    return f"{rel.type}:{'negated' if rel.negated else rel.modality}"


def edge_of(rel: Relation) -> tuple[str, str, str]:
    """(source, target, key) of the edge `rel` counts towards; `meets` is one edge per pair."""
    src, tgt = rel.source_id, rel.target_id
    if rel.type == "meets" and tgt < src:
        src, tgt = tgt, src
    return src, tgt, edge_key(rel)


def build_graph(results: Iterable[Result], *, include_unasserted: bool = False) -> nx.MultiDiGraph:
    """The network of `results`; negated and unasserted relations only if asked."""
    builder = GraphBuilder(include_unasserted=include_unasserted)
    for result in results:
        builder.add(result)
    return builder.graph


# ------------------------------------------------------------------------ from relation records


@dataclass(frozen=True, slots=True)
class RecordFilter:
    """Which relation records count: by type and by date (ISO prefixes: 2024, 2024-03, 2024-03-04).

    With a date bound, undated records are left out: nobody can say they fall inside it.
    """

    types: frozenset[str] | None = None
    since: str | None = None
    until: str | None = None

    def __call__(self, rel: Relation) -> bool:
        if self.types is not None and rel.type not in self.types:
            return False
        if self.since or self.until:
            if not rel.date:
                return False
            if self.since and rel.date[:len(self.since)] < self.since:
                return False
            if self.until and rel.date[:len(self.until)] > self.until:
                return False
        return True

    @property
    def active(self) -> bool:
        return bool(self.types is not None or self.since or self.until)

    @classmethod
    def parse(cls, types: str | Iterable[str] | None = None, since: str | None = None,
              until: str | None = None) -> RecordFilter:
        """From command-line text ('supports,opposes', '2024-03'); ValueError says what is
        wrong."""
        kept: frozenset[str] | None = None
        if types is not None:
            names = types.split(",") if isinstance(types, str) else list(types)
            kept = frozenset(t.strip().lower() for t in names if t.strip())
            unknown = sorted(kept - set(RELATION_TYPES))
            if unknown or not kept:
                raise ValueError(f"{', '.join(unknown) or repr(types)}: relation types are"
                                 f" {', '.join(RELATION_TYPES)}")
        for bound in (since, until):
            if bound is not None and not _DATE_BOUND.fullmatch(bound):
                raise ValueError(f"{bound!r} is not a date: YYYY, YYYY-MM or YYYY-MM-DD")
        if since and until and since > until[:len(since)]:
            raise ValueError(f"--since {since} is after --until {until}")
        return cls(kept, since or None, until or None)


def results_from_records(records: Iterable[Relation]) -> Iterator[Result]:
    """One Result per run of consecutive records of one document, as `relx extract` wrote them.

    Actors are rebuilt from the records (name, kind, role, country, mentions in the document); a
    document whose records are scattered through a stream counts its mentions once per stretch.
    """
    current: Result | None = None
    actors: dict[str, Actor] = {}
    for rel in records:
        if current is None or rel.doc != current.doc:
            if current is not None:
                current.actors = list(actors.values())
                yield current
            current = Result(rel.doc, [], [], rel.date)
            actors = {}
        current.relations.append(rel)
        for node, name, kind, role, country, mentions in (
                (rel.source_id, rel.source, rel.source_kind, rel.source_role, rel.source_country,
                 rel.source_mentions),
                (rel.target_id, rel.target, rel.target_kind, rel.target_role, rel.target_country,
                 rel.target_mentions)):
            if node not in actors:
                actors[node] = Actor(node, name, kind, role, country, mentions or 0)
    if current is not None:
        current.actors = list(actors.values())
        yield current


def graph_results(records: Iterable[Relation], *, level: str = "actor",
                  actor_files: Sequence[str] = (), keep: RecordFilter | None = None
                  ) -> Iterator[Result]:
    """Records -> filtered -> per-document results -> (rolled up to countries): what both
    `from_records` and `relx graph` feed to the graph sink."""
    if keep is not None and keep.active:
        records = (r for r in records if keep(r))
    results = results_from_records(records)
    if level == "country":
        from .level import country_level

        results = country_level(results, list(actor_files))
    return results


def from_records(records: Iterable[Relation | Mapping[str, Any]], *,
                 include_unasserted: bool = False, level: str = "actor",
                 actor_files: Sequence[str] = (), types: Iterable[str] | None = None,
                 since: str | None = None, until: str | None = None, min_weight: int = 1
                 ) -> nx.MultiDiGraph:
    """The network of a stream of relation records (Relation objects or `relx extract -f jsonl`
    dicts, from any number of runs), built as `relx extract` builds it, in memory bounded by the
    size of the network, not of the stream.

    >>> g = from_records([{"doc": "d1", "source": "Qatar", "type": "supports", "target": "Oman",
    ...     "source_id": "country:QAT", "target_id": "country:OMN", "source_kind": "country",
    ...     "target_kind": "country", "trigger": "backed", "sentence": "Qatar backed Oman.",
    ...     "start": 0, "end": 18}])
    >>> g.edges["country:QAT", "country:OMN", "supports"]["weight"]
    1
    """
    from .recordio import relation_from_dict

    relations = (r if isinstance(r, Relation) else relation_from_dict(r) for r in records)
    keep = RecordFilter.parse(types, since, until)
    builder = GraphBuilder(include_unasserted=include_unasserted)
    for result in graph_results(relations, level=level, actor_files=actor_files, keep=keep):
        builder.add(result)
    return prune(builder.graph, min_weight)


def prune(g: nx.MultiDiGraph, min_weight: int) -> nx.MultiDiGraph:
    """Edges seen fewer than `min_weight` times removed, then the actors they leave alone."""
    if min_weight <= 1:
        return g
    weak = [(u, v, k) for u, v, k, w in g.edges(keys=True, data="weight") if w < min_weight]
    g.remove_edges_from(weak)
    g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    return g


def read_graphml(path: str) -> nx.MultiDiGraph:
    """A GraphML file relx wrote, back as the graph it was written from: edges keyed by relation,
    `dates` a set and `docs` a list again (GraphML holds them joined with '; ')."""
    flat = nx.read_graphml(path, force_multigraph=True)
    g = nx.MultiDiGraph()
    for node, data in flat.nodes(data=True):
        g.add_node(node, **data)
    for u, v, data in flat.edges(data=True):
        data = dict(data)
        data.pop("eid", None)
        key = data.pop("label", None) or data.get("relation", "edge")
        data["dates"] = {d for d in str(data.get("dates", "")).split("; ") if d}
        data["docs"] = [d for d in str(data.get("docs", "")).split("; ") if d]
        if isinstance(data.get("weight"), float) and data["weight"].is_integer():
            data["weight"] = int(data["weight"])
        g.add_edge(u, v, key=key, **data)
    return g
