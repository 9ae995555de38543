"""The network as one self-contained web page: open it offline, click an edge, read the sentences.

The page carries everything it needs: the vendored Cytoscape.js (MIT, see static/), the view's own
script and style, and the data as JSON. Text from news never becomes markup: the data sits in a
`<script type="application/json">` block with `<`, `>`, `&` and U+2028/9 escaped, the script renders
it with `textContent` only, and a Content-Security-Policy lets no other script (nor any network
request) run.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import IO, Any

import networkx as nx

from . import __version__
from .graph import edge_key
from .records import Relation

MAX_EVIDENCE = 100  # sentences embedded per edge; the rest are counted, so a page stays loadable
TITLE = "relx network"

_RELATION_FIELDS = {f.name for f in dataclasses.fields(Relation)}
_JSON_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                 "\u2028": "\\u2028", "\u2029": "\\u2029"})
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def write_html(graph: nx.MultiDiGraph,
               relations: EvidenceIndex | Iterable[Relation | Mapping[str, Any]],
               fh: IO[str], *, title: str = TITLE) -> None:
    """Write the page for `graph` (from `relx.graph`) to the text stream `fh`.

    `relations` are the records behind the edges (`Relation`s or their `to_dict()`, or an
    `EvidenceIndex` filled as results came); each edge lists its sentences from them. Records
    without an edge in `graph` (unasserted ones, unless the graph kept them) are left out; an edge
    without records shows the graph's own first sentence.
    """
    fh.write(render_html(view_data(graph, relations, title=title)))


def render_html(data: dict[str, Any]) -> str:
    """The page for `data` (see `view_data`), every part inlined."""
    assets = _assets()
    scripts = {"cytoscape": assets["cytoscape.min.js"], "app": assets["view.js"]}
    hashes = " ".join(f"'sha256-{_sha256(s)}'" for s in scripts.values())
    parts = {
        "title": html.escape(str(data.get("title") or TITLE)),
        "csp": ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
                f"script-src {hashes}; base-uri 'none'; form-action 'none'"),
        "style": assets["view.css"],
        "data": script_json(data),
        **scripts,
    }
    # one pass, so that a placeholder-like string inside the data is never substituted
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], assets["view.html"])


def script_json(data: Any) -> str:
    """JSON that can sit inside a <script> element: no `</script>`, `<!--` or line separators."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_IN_SCRIPT)


class EvidenceIndex:
    """The sentences behind each edge, gathered as results stream in.

    Keeps at most MAX_EVIDENCE sentences per edge (the rest only counted, with their dates and
    documents), so a sink need not hold every relation of a corpus until the graph is done.
    """

    def __init__(self) -> None:
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    @classmethod
    def of(cls, relations: Iterable[Relation | Mapping[str, Any]]) -> EvidenceIndex:
        index = cls()
        for rel in relations:
            index.add(rel)
        return index

    def add(self, item: Relation | Mapping[str, Any]) -> None:
        rel = _relation(item)
        src, tgt = rel.source_id, rel.target_id
        if rel.type == "meets" and tgt < src:  # as GraphBuilder stores a symmetric edge
            src, tgt = tgt, src
        edge = self.edges.setdefault((src, tgt, edge_key(rel)), {
            "dates": Counter(), "docs": {}, "evidence": [], "more": 0})
        if rel.date:
            edge["dates"][rel.date] += 1
        edge["docs"][rel.doc] = None  # a dict: insertion order, no duplicates
        if len(edge["evidence"]) < MAX_EVIDENCE:
            edge["evidence"].append(_evidence(rel))
        else:
            edge["more"] += 1


def view_data(graph: nx.MultiDiGraph,
              relations: EvidenceIndex | Iterable[Relation | Mapping[str, Any]], *,
              title: str = TITLE) -> dict[str, Any]:
    """What the page shows: actors, edges with their evidence, and the date span."""
    index = relations if isinstance(relations, EvidenceIndex) else EvidenceIndex.of(relations)
    edges = []
    for n, (u, v, key, d) in enumerate(graph.edges(keys=True, data=True)):
        found = index.edges.get((u, v, key))
        if found is not None:
            evidence, more = found["evidence"], found["more"]
            docs, dates = list(found["docs"]), dict(found["dates"])
        else:  # a graph without its records: the first sentence the graph kept
            docs = list(d.get("docs") or [])
            dates = dict.fromkeys(d.get("dates") or [], 1)
            evidence = [{"doc": (docs or [""])[0], "sentence": d.get("evidence", ""),
                         "trigger": d.get("trigger", "")}] if d.get("evidence") else []
            more = max(0, int(d.get("weight", 1)) - len(evidence))
        edges.append({
            "id": f"e{n}", "source": u, "target": v, "key": str(key),
            "relation": d.get("relation", str(key).split(":")[0]),
            "weight": int(d.get("weight", 1)), "symmetric": bool(d.get("symmetric")),
            "negated": bool(d.get("negated")), "modality": d.get("modality", "asserted"),
            "dates": dict(sorted(dates.items())), "docs": docs, "evidence": evidence, "more": more,
        })
    nodes = [{"id": n, "name": str(d.get("label", n)), "kind": d.get("kind") or "unknown",
              "mentions": int(d.get("mentions") or 0),
              **{k: str(d[k]) for k in ("role", "country") if d.get(k)}}
             for n, d in graph.nodes(data=True)]
    dates = sorted({day for e in edges for day in e["dates"]})
    documents = {doc for e in edges for doc in e["docs"]}
    return {"title": title, "generator": f"relx {__version__}", "nodes": nodes, "edges": edges,
            "documents": len(documents), "dates": [dates[0], dates[-1]] if dates else None}


def _relation(item: Relation | Mapping[str, Any]) -> Relation:
    if isinstance(item, Relation):
        return item
    return Relation(**{k: v for k, v in item.items() if k in _RELATION_FIELDS})


def _evidence(rel: Relation) -> dict[str, Any]:
    out: dict[str, Any] = {"doc": rel.doc, "sentence": rel.sentence.strip(),
                           "trigger": rel.trigger, "confidence": round(float(rel.confidence), 2)}
    if rel.date:
        out["date"] = rel.date
    if rel.rule:
        out["rule"] = rel.rule
    if rel.negated:
        out["negated"] = True
    if rel.modality != "asserted":
        out["modality"] = rel.modality
    return out


@cache
def _assets() -> dict[str, str]:
    """The page's template, style and scripts, read once from the package."""
    folder = resources.files("relx") / "static"
    assets = {name: (folder / name).read_text(encoding="utf-8")
              for name in ("view.html", "view.css", "view.js", "cytoscape.min.js")}
    for name in ("view.js", "cytoscape.min.js"):
        if re.search(r"</script|<!--", assets[name], re.IGNORECASE):
            raise ValueError(f"static/{name} cannot be inlined: it contains '</script' or '<!--'")
    return assets


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
