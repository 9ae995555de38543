"""What a network says: central actors, strongest ties, camps, signed balance, one actor's ties.

`summary(graph)` answers the questions people otherwise open Gephi for, as plain JSON-ready data
(`relx show -f json`); `relx show` renders the same data for a terminal. Only asserted relations
count: a negated or planned tie (kept with --include-unasserted) is shown in the totals, not used.

Methods, so that the numbers can be checked:

- *Centrality*: weighted degree = reports of any relation naming the actor (in or out);
  betweenness = networkx's on the undirected network of all ties, an edge's length being
  1 / its weight (often-reported ties are short). Above `BETWEENNESS_EXACT` actors it is
  estimated from `BETWEENNESS_SAMPLES` source actors drawn with the fixed seed.
- *Camps*: networkx's Louvain communities of the undirected supports network (weights summed
  both ways), with a fixed seed, so that one network always gives the same camps.
- *Balance*: supports are +, opposes are -, summed per pair (a pair reported as both is the sign
  of the larger count; equal counts are "mixed" and left out). A triangle is unbalanced when the
  product of its signs is negative (structural balance: "the friend of my friend is my friend",
  and three mutual enemies are unbalanced too). The two-camp partition minimises the number of
  frustrated ties (a + tie across camps, a - tie within one). Each connected part is solved on
  its own: exactly, by trying every partition, up to `EXACT_NODES` actors; above that by a
  heuristic (a sign-respecting spanning-tree colouring, then random starts, each improved by
  moving single actors while that frustrates fewer ties), which gives an upper bound.
"""

from __future__ import annotations

import difflib
import random
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from .records import RELATION_TYPES

SEED = 42
BETWEENNESS_EXACT = 1000
BETWEENNESS_SAMPLES = 500
EXACT_NODES = 18
HEURISTIC_RESTARTS = 20


# ---------------------------------------------------------------------------------- helpers


def asserted_edges(g: nx.MultiDiGraph) -> Iterable[tuple[str, str, str, dict[str, Any]]]:
    """(u, v, relation, data) of the ties the text says happened."""
    for u, v, key, data in g.edges(keys=True, data=True):
        relation = data.get("relation", key)
        if key == relation and relation in RELATION_TYPES:
            yield u, v, relation, data


def _name(g: nx.MultiDiGraph, node: str) -> str:
    return str(g.nodes[node].get("label", node))


def _dates(data: dict[str, Any]) -> list[str]:
    return sorted(str(d) for d in data.get("dates") or ())


def _tie(g: nx.MultiDiGraph, u: str, v: str, relation: str, data: dict[str, Any]
         ) -> dict[str, Any]:
    dates = _dates(data)
    tie = {"source": _name(g, u), "source_id": u, "relation": relation, "target": _name(g, v),
           "target_id": v, "weight": int(data.get("weight", 1)),
           "documents": len(data.get("docs") or ()), "evidence": data.get("evidence", "")}
    if dates:
        tie["first"], tie["last"] = dates[0], dates[-1]
    return tie


# ---------------------------------------------------------------------------------- summary


def summary(g: nx.MultiDiGraph, *, top: int = 10, seed: int = SEED, actor: str | None = None
            ) -> dict[str, Any]:
    """Everything `relx show` prints, as JSON-ready data; with `actor`, that actor's ego network
    instead of the whole-network sections."""
    out: dict[str, Any] = {"overview": overview(g)}
    if actor is not None:
        out["actor"] = ego(g, resolve_actor(g, actor))
        return out
    out["central"] = centrality(g, top=top, seed=seed)
    out["ties"] = strongest_ties(g, top=top)
    out["camps"] = camps(g, seed=seed)
    out["balance"] = balance(g, top=top, seed=seed)
    return out


def overview(g: nx.MultiDiGraph) -> dict[str, Any]:
    ties: dict[str, int] = dict.fromkeys(RELATION_TYPES, 0)
    reports: dict[str, int] = dict.fromkeys(RELATION_TYPES, 0)
    dates: set[str] = set()
    for _, _, relation, data in asserted_edges(g):
        ties[relation] += 1
        reports[relation] += int(data.get("weight", 1))
        dates.update(_dates(data))
    unasserted = g.number_of_edges() - sum(ties.values())
    out: dict[str, Any] = {"actors": g.number_of_nodes(), "ties": ties, "reports": reports,
                           "unasserted_ties": unasserted}
    if dates:
        out["first"], out["last"] = min(dates), max(dates)
    return out


def _weighted_simple(g: nx.MultiDiGraph, relations: Iterable[str] = RELATION_TYPES) -> nx.Graph:
    wanted = set(relations)
    h = nx.Graph()
    h.add_nodes_from(g.nodes)
    for u, v, relation, data in asserted_edges(g):
        if relation not in wanted or u == v:
            continue
        w = int(data.get("weight", 1))
        if h.has_edge(u, v):
            h.edges[u, v]["weight"] += w
        else:
            h.add_edge(u, v, weight=w)
    return h


def centrality(g: nx.MultiDiGraph, *, top: int = 10, seed: int = SEED) -> dict[str, Any]:
    """The `top` actors by weighted degree and by betweenness, with both scores and their
    per-relation counts."""
    h = _weighted_simple(g)
    degree = dict(h.degree(weight="weight"))
    for u, v in h.edges:
        h.edges[u, v]["length"] = 1.0 / h.edges[u, v]["weight"]
    n = h.number_of_nodes()
    sampled = n > BETWEENNESS_EXACT
    between = nx.betweenness_centrality(h, k=BETWEENNESS_SAMPLES if sampled else None,
                                        weight="length", normalized=True, seed=seed)
    per: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(RELATION_TYPES, 0))
    for u, v, relation, data in asserted_edges(g):
        for node in {u, v}:
            per[node][relation] += int(data.get("weight", 1))

    def row(node: str) -> dict[str, Any]:
        return {"id": node, "name": _name(g, node), "kind": g.nodes[node].get("kind"),
                "weighted_degree": degree.get(node, 0),
                "betweenness": round(between.get(node, 0.0), 4), **per[node]}

    by_degree = sorted(h.nodes, key=lambda x: (-degree.get(x, 0), -between.get(x, 0), x))
    by_between = sorted((x for x in h.nodes if between.get(x, 0) > 0),
                        key=lambda x: (-between[x], -degree.get(x, 0), x))
    return {"by_degree": [row(x) for x in by_degree[:top] if degree.get(x, 0) > 0],
            "by_betweenness": [row(x) for x in by_between[:top]],
            "betweenness": f"estimated from {BETWEENNESS_SAMPLES} sampled actors (seed {seed})"
            if sampled else "exact"}


def strongest_ties(g: nx.MultiDiGraph, *, top: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Per relation, the `top` most often reported ties, each with one evidence sentence."""
    out: dict[str, list[dict[str, Any]]] = {r: [] for r in RELATION_TYPES}
    edges = sorted(asserted_edges(g), key=lambda e: (-int(e[3].get("weight", 1)),
                                                     _name(g, e[0]), _name(g, e[1])))
    for u, v, relation, data in edges:
        if len(out[relation]) < top:
            out[relation].append(_tie(g, u, v, relation, data))
    return out


def camps(g: nx.MultiDiGraph, *, seed: int = SEED) -> dict[str, Any]:
    """Louvain communities of the supports network (fixed seed), largest first."""
    h = _weighted_simple(g, ("supports",))
    h.remove_nodes_from([x for x in list(h.nodes) if h.degree(x) == 0])
    if h.number_of_edges() == 0:
        return {"method": f"louvain (seed {seed})", "modularity": None, "camps": []}
    communities = nx.community.louvain_communities(h, weight="weight", seed=seed)
    strength = dict(h.degree(weight="weight"))
    listed = []
    for members in communities:
        ordered = sorted(members, key=lambda x: (-strength[x], _name(g, x)))
        listed.append({"size": len(ordered), "members": [_name(g, x) for x in ordered],
                       "ids": ordered})
    listed.sort(key=lambda c: (-c["size"], c["members"]))
    modularity = nx.community.modularity(h, communities, weight="weight")
    return {"method": f"louvain (seed {seed})", "modularity": round(modularity, 4),
            "camps": listed}


# ---------------------------------------------------------------------------------- balance


def signed_graph(g: nx.MultiDiGraph) -> tuple[nx.Graph, list[tuple[str, str]]]:
    """Undirected signed graph (edge `sign` +1/-1, `supports`/`opposes` counts, `phrase`: the
    most reported directed tie of the winning sign) and the pairs left out as mixed."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, relation, data in asserted_edges(g):
        if relation == "meets" or u == v:
            continue
        key = (u, v) if u < v else (v, u)
        p = pairs.setdefault(key, {"supports": 0, "opposes": 0, "best": {}})
        w = int(data.get("weight", 1))
        p[relation] += w
        if w > p["best"].get(relation, (0,))[0]:
            p["best"][relation] = (w, u, v, data)
    s = nx.Graph()
    mixed: list[tuple[str, str]] = []
    for (u, v), p in sorted(pairs.items()):
        net = p["supports"] - p["opposes"]
        if net == 0:
            mixed.append((u, v))
            continue
        relation = "supports" if net > 0 else "opposes"
        _, a, b, data = p["best"][relation]
        s.add_edge(u, v, sign=1 if net > 0 else -1, supports=p["supports"],
                   opposes=p["opposes"], phrase=(a, relation, b),
                   evidence=data.get("evidence", ""))
    return s, mixed


def unbalanced_triads(s: nx.Graph) -> tuple[int, list[tuple[str, str, str]]]:
    """(number of triangles, the unbalanced ones) of a signed graph, each triangle once."""
    order = {n: i for i, n in enumerate(sorted(s.nodes))}
    adj = {n: set(s[n]) for n in s.nodes}
    total = 0
    bad: list[tuple[str, str, str]] = []
    for u in sorted(s.nodes):
        later = [v for v in adj[u] if order[v] > order[u]]
        for v in later:
            for w in adj[u] & adj[v]:
                if order[w] <= order[v]:
                    continue
                total += 1
                if s.edges[u, v]["sign"] * s.edges[v, w]["sign"] * s.edges[u, w]["sign"] < 0:
                    bad.append((u, v, w))
    return total, bad


def _frustrated(s: nx.Graph, side: dict[str, int]) -> list[tuple[str, str]]:
    return [(u, v) for u, v, sign in s.edges(data="sign")
            if (side[u] != side[v]) == (sign > 0)]


def _exact(s: nx.Graph, nodes: list[str]) -> dict[str, int]:
    """The partition of one connected part with the fewest frustrated ties, by Gray code over all
    2^(n-1) partitions (one flip per step, so each step costs one actor's degree)."""
    index = {n: i for i, n in enumerate(nodes)}
    nbrs = [[(index[m], s.edges[n, m]["sign"]) for m in s[n]] for n in nodes]
    side = [0] * len(nodes)
    cost = sum(1 for _, _, sign in s.subgraph(nodes).edges(data="sign") if sign < 0)
    best, best_side = cost, side[:]
    for step in range(1, 1 << (len(nodes) - 1)):
        x = (step & -step).bit_length()  # node 0 stays put: a partition and its mirror are one
        sx = side[x]
        delta = 0
        for y, sign in nbrs[x]:
            frustrated = (sx != side[y]) == (sign > 0)
            delta += -1 if frustrated else 1
        side[x] = 1 - sx
        cost += delta
        if cost < best:
            best, best_side = cost, side[:]
    return {n: best_side[i] for i, n in enumerate(nodes)}


def _improve(s: nx.Graph, side: dict[str, int], nodes: list[str]) -> int:
    """Move single actors to the other camp while that frustrates fewer ties; the final cost."""
    def gain(n: str) -> int:
        g = 0
        for m in s[n]:
            frustrated = (side[n] != side[m]) == (s.edges[n, m]["sign"] > 0)
            g += 1 if frustrated else -1
        return g

    improved = True
    while improved:
        improved = False
        for n in nodes:
            if gain(n) > 0:
                side[n] = 1 - side[n]
                improved = True
    return len(_frustrated(s.subgraph(nodes), side))


def _heuristic(s: nx.Graph, nodes: list[str], seed: int) -> dict[str, int]:
    sub = s.subgraph(nodes)
    root = max(nodes, key=lambda n: (sub.degree(n), n))
    start = {root: 0}
    for u, v in nx.bfs_edges(sub, root):
        start[v] = start[u] if sub.edges[u, v]["sign"] > 0 else 1 - start[u]
    rng = random.Random(seed)
    best_side = dict(start)
    best = _improve(sub, best_side, nodes)
    for _ in range(HEURISTIC_RESTARTS):
        side = {n: rng.randint(0, 1) for n in nodes}
        cost = _improve(sub, side, nodes)
        if cost < best:
            best, best_side = cost, side
    return best_side


def partition(s: nx.Graph, *, seed: int = SEED) -> list[tuple[list[str], dict[str, int], str]]:
    """Per connected part of the signed graph (largest first): its actors, the two-camp partition
    with the fewest frustrated ties (see the module docstring), and the method ('exact' or
    'heuristic'). Parts are independent: camps of unconnected actors say nothing about each
    other, so they are never merged into one global pair of camps."""
    out = []
    for part in sorted(nx.connected_components(s), key=lambda c: (-len(c), min(c))):
        nodes = sorted(part)
        if len(nodes) <= EXACT_NODES:
            found, method = _exact(s, nodes), "exact"
        else:
            found, method = _heuristic(s, nodes, seed), "heuristic"
        # camp A of each part is its larger side (then the one with the first actor)
        ones = sum(found.values())
        if ones > len(nodes) - ones or (2 * ones == len(nodes) and found[nodes[0]] == 1):
            found = {n: 1 - x for n, x in found.items()}
        out.append((nodes, found, method))
    return out


def balance(g: nx.MultiDiGraph, *, top: int = 10, seed: int = SEED) -> dict[str, Any]:
    """Signed-network balance: unbalanced triads and the best two-camp partition."""
    s, mixed = signed_graph(g)
    triangles, bad = unbalanced_triads(s)

    def phrase(u: str, v: str) -> str:
        a, relation, b = s.edges[u, v]["phrase"]
        return f"{_name(g, a)} {relation} {_name(g, b)}"

    def describe(tri: tuple[str, str, str]) -> dict[str, Any]:
        u, v, w = tri
        pairs = [(u, v), (v, w), (u, w)]
        # the odd one out last: "A supports B, B supports C, but A opposes C"
        pairs.sort(key=lambda p: s.edges[p]["sign"], reverse=True)
        negative = sum(1 for p in pairs if s.edges[p]["sign"] < 0)
        if negative == 1:
            text = f"{phrase(*pairs[0])}, {phrase(*pairs[1])}, but {phrase(*pairs[2])}"
        else:
            text = ", ".join(phrase(*p) for p in pairs)
        weight = sum(s.edges[p]["supports"] + s.edges[p]["opposes"] for p in pairs)
        return {"actors": [_name(g, x) for x in tri], "ids": list(tri), "text": text,
                "weight": weight}

    described = sorted((describe(t) for t in bad), key=lambda d: (-d["weight"], d["text"]))
    parts = []
    frustrated_total = 0
    methods = set()
    for nodes, side, method in partition(s, seed=seed):
        sub = s.subgraph(nodes)
        frustrated = _frustrated(sub, side)
        frustrated_total += len(frustrated)
        methods.add(method)
        camp_a = sorted((n for n in nodes if side[n] == 0), key=lambda n: _name(g, n))
        camp_b = sorted((n for n in nodes if side[n] == 1), key=lambda n: _name(g, n))
        parts.append({
            "size": len(nodes), "ties": sub.number_of_edges(), "method": method,
            "camps": [[_name(g, n) for n in camp_a], [_name(g, n) for n in camp_b]],
            "frustrated_count": len(frustrated),
            "frustrated": [{"tie": phrase(u, v), "sign": "+" if s.edges[u, v]["sign"] > 0
                            else "-"} for u, v in frustrated][:top]})
    ties = s.number_of_edges()
    return {
        "signed_ties": ties,
        "positive": sum(1 for *_, x in s.edges(data="sign") if x > 0),
        "negative": sum(1 for *_, x in s.edges(data="sign") if x < 0),
        "mixed_pairs": [[_name(g, u), _name(g, v)] for u, v in mixed],
        "triangles": triangles,
        "unbalanced_count": len(bad),
        "unbalanced": described[:top],
        "frustrated_count": frustrated_total,
        "balanced_share": round(1 - frustrated_total / ties, 4) if ties else None,
        "method": "heuristic" if "heuristic" in methods else "exact",
        "parts": parts,
    }


# --------------------------------------------------------------------------------------- ego


def resolve_actor(g: nx.MultiDiGraph, name: str) -> str:
    """The node meant by `name`: an id, a label (any case), or the one label containing it."""
    if name in g:
        return name
    wanted = name.casefold().strip()
    labels = {n: str(d.get("label", n)) for n, d in g.nodes(data=True)}
    exact = [n for n, label in labels.items() if label.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [n for n, label in labels.items() if wanted in label.casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(sorted(labels[n] for n in partial)[:8])
        raise LookupError(f"{name!r} matches {len(partial)} actors: {names}")
    close = difflib.get_close_matches(name, list(labels.values()), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise LookupError(f"no actor {name!r} in the network{hint}")


def ego(g: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    """Who supports, opposes, meets `node`, and whom it supports, opposes, meets: per other actor
    the number of reports and the dates."""
    data = g.nodes[node]
    out: dict[str, Any] = {"id": node, "name": _name(g, node), "kind": data.get("kind"),
                           "mentions": data.get("mentions", 0),
                           **{k: data[k] for k in ("role", "country") if k in data}}
    incoming: dict[str, list[dict[str, Any]]] = {r: [] for r in ("supports", "opposes")}
    outgoing: dict[str, list[dict[str, Any]]] = {r: [] for r in ("supports", "opposes")}
    meets: list[dict[str, Any]] = []
    for u, v, relation, edge in asserted_edges(g):
        if node not in (u, v) or u == v:
            continue
        other = v if u == node else u
        dates = _dates(edge)
        row = {"actor": _name(g, other), "id": other, "count": int(edge.get("weight", 1)),
               "dates": dates, "evidence": edge.get("evidence", "")}
        if relation == "meets":
            meets.append(row)
        elif u == node:
            outgoing[relation].append(row)
        else:
            incoming[relation].append(row)
    order = lambda rows: sorted(rows, key=lambda r: (-r["count"], r["actor"]))  # noqa: E731
    out["by"] = {r: order(rows) for r, rows in incoming.items()}  # X supports <actor>
    out["of"] = {r: order(rows) for r, rows in outgoing.items()}  # <actor> supports X
    out["meets"] = order(meets)
    return out
