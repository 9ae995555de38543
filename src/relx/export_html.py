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


def write_html(graph: nx.MultiDiGraph, relations: Iterable[Relation | Mapping[str, Any]],
               fh: IO[str], *, title: str = TITLE) -> None:
    """Write the page for `graph` (from `relx.graph`) to the text stream `fh`.

    `relations` are the records behind the edges (`Relation`s or their `to_dict()`); each edge
    lists its sentences from them. Records without an edge in `graph` (unasserted ones, unless
    the graph kept them) are left out; an edge without records shows the graph's own evidence.
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


def view_data(graph: nx.MultiDiGraph, relations: Iterable[Relation | Mapping[str, Any]], *,
              title: str = TITLE) -> dict[str, Any]:
    """What the page shows: actors, edges with their evidence, and the date span."""
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for n, (u, v, key, d) in enumerate(graph.edges(keys=True, data=True)):
        relation = d.get("relation", str(key).split(":")[0])
        edges[(u, v, key)] = {
            "id": f"e{n}", "source": u, "target": v, "key": str(key), "relation": relation,
            "weight": int(d.get("weight", 1)), "symmetric": bool(d.get("symmetric")),
            "negated": bool(d.get("negated")), "modality": d.get("modality", "asserted"),
            "dates": Counter(), "docs": [], "evidence": [], "more": 0,
            "_fallback": {"sentence": d.get("evidence", ""), "trigger": d.get("trigger", ""),
                          "docs": list(d.get("docs") or []), "dates": sorted(d.get("dates") or [])},
        }
    for item in relations:
        rel = _relation(item)
        src, tgt = rel.source_id, rel.target_id
        if rel.type == "meets" and tgt < src:  # as GraphBuilder stores a symmetric edge
            src, tgt = tgt, src
        edge = edges.get((src, tgt, edge_key(rel)))
        if edge is None:
            continue
        if rel.date:
            edge["dates"][rel.date] += 1
        if rel.doc not in edge["docs"]:
            edge["docs"].append(rel.doc)
        if len(edge["evidence"]) < MAX_EVIDENCE:
            edge["evidence"].append(_evidence(rel))
        else:
            edge["more"] += 1
    for edge in edges.values():
        fallback = edge.pop("_fallback")
        if not edge["evidence"] and fallback["sentence"]:  # a graph without its records
            edge["evidence"].append({"doc": (fallback["docs"] or [""])[0],
                                     "sentence": fallback["sentence"],
                                     "trigger": fallback["trigger"]})
            edge["docs"] = fallback["docs"]
            edge["dates"] = Counter(fallback["dates"])
            edge["more"] = max(0, edge["weight"] - 1)
        edge["dates"] = dict(sorted(edge["dates"].items()))
    nodes = [{"id": n, "name": str(d.get("label", n)), "kind": d.get("kind") or "unknown",
              "mentions": int(d.get("mentions") or 0),
              **{k: str(d[k]) for k in ("role", "country") if d.get(k)}}
             for n, d in graph.nodes(data=True)]
    dates = sorted({day for e in edges.values() for day in e["dates"]})
    docs = {doc for e in edges.values() for doc in e["docs"]}
    return {"title": title, "generator": f"relx {__version__}", "nodes": nodes,
            "edges": list(edges.values()), "documents": len(docs),
            "dates": [dates[0], dates[-1]] if dates else None}


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
