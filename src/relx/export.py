"""Writers for every output format. Record formats stream; graph formats write a finished graph.

GraphML and GEXF follow what Gephi really imports (see the README): scalar attributes only, key ids
equal to attribute names, a unique id per edge, and in GEXF 1.3 the relation as edge `kind` so that
supports/opposes/meets between one pair stay separate edges.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .errors import OutputError
from .records import Relation

RECORD_FORMATS = ("jsonl", "csv")
GRAPH_FORMATS = ("json", "graphml", "gexf", "dot")
FORMATS = ("table", "jsonl", "json", "csv", "graphml", "gexf", "dot")
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
              ".graphml": "graphml", ".gexf": "gexf", ".dot": "dot", ".gv": "dot",
              ".txt": "table"}
CSV_COLUMNS = ("doc", "date", "source", "type", "target", "source_id", "target_id", "source_kind",
               "target_kind", "source_role", "source_country", "target_role", "target_country",
               "trigger", "negated", "modality", "confidence", "rule", "start", "end", "sentence")


def format_for_path(path: str) -> str | None:
    return EXTENSIONS.get(Path(path).suffix.lower())


# ------------------------------------------------------------------------------------ records


def jsonl_line(rel: Relation) -> str:
    return json.dumps(rel.to_dict(), ensure_ascii=False) + "\n"


class CsvWriter:
    """Relation records as CSV with a fixed header, one row at a time."""

    def __init__(self, fh: IO[str]):
        self.writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore",
                                     lineterminator="\n")
        self.writer.writeheader()

    def write(self, rel: Relation) -> None:
        self.writer.writerow({k: ("" if v is None else v) for k, v in rel.to_dict().items()})


# -------------------------------------------------------------------------------------- graphs


def _scalar(value: Any) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, set | frozenset):
        value = sorted(value)
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False, default=str)


def _flat_node(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in ((k, _scalar(v)) for k, v in data.items()) if v is not None}


def _flat_edge(data: dict[str, Any], n: int, key: Any) -> dict[str, Any]:
    attrs = {k: s for k, s in ((k, _scalar(x)) for k, x in data.items()) if s is not None}
    attrs["eid"] = f"e{n}"
    attrs["label"] = str(key)
    return attrs


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes (None dropped, lists joined) and a unique edge id."""
    out = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        out.add_node(node, **_flat_node(data))
    for n, (u, v, key, data) in enumerate(g.edges(keys=True, data=True)):
        out.add_edge(u, v, key=key, **_flat_edge(data, n, key))
    return out


def write_graphml(g: nx.MultiDiGraph, fh: IO[bytes]) -> None:
    nx.write_graphml(flat_graph(g), fh, named_key_ids=True, edge_id_from_attribute="eid",
                     infer_numeric_types=True)


GEXF_NS = "http://gexf.net/1.3"


def write_gexf(g: nx.MultiDiGraph, fh: IO[bytes]) -> None:
    """GEXF 1.3: `kind` keeps parallel edges of different relations apart in Gephi.

    Dated relations make a dynamic graph for Gephi's timeline: each edge has one spell per day it
    was reported (`timerepresentation="timestamp"`), each actor the days of its edges; an edge (or
    an actor with an edge) without a date has no spell, which Gephi reads as always there.

    Written element by element (the layout ElementTree's `indent` gives), never as a whole tree
    in memory: for a large network the tree cost several times the network itself.
    """
    spells = gexf_spells(g)
    node_types = _column_types((_flat_node(d) for _, d in g.nodes(data=True)), skip={"label"})
    edge_types = _column_types(
        (_flat_edge(d, n, k) for n, (_, _, k, d) in enumerate(g.edges(keys=True, data=True))),
        skip={"label", "weight", "eid"})
    mode = 'mode="dynamic" timeformat="date" timerepresentation="timestamp"' if spells \
        else 'mode="static"'
    out: list[str] = [
        "<?xml version='1.0' encoding='utf-8'?>",
        f'<gexf xmlns="{GEXF_NS}" version="1.3">',
        "  <meta>", "    <creator>relx</creator>", "  </meta>",
        f'  <graph defaultedgetype="directed" {mode}>']
    for cls, types in (("node", node_types), ("edge", edge_types)):
        if types:
            out.append(f'    <attributes class="{cls}">')
            out.extend(f"      <attribute id={_q(k)} title={_q(k)} type={_q(t)} />"
                       for k, t in types.items())
            out.append("    </attributes>")

    def flush() -> None:
        fh.write(("\n".join(out) + "\n").encode("utf-8", "xmlcharrefreplace"))
        out.clear()

    if g.number_of_nodes():
        out.append("    <nodes>")
        for node, data in g.nodes(data=True):
            flat = _flat_node(data)
            _gexf_element(out, "node", {"id": str(node), "label": str(flat.get("label", node))},
                          flat, node_types, spells.get(("node", node)))
            if len(out) > 1000:
                flush()
        out.append("    </nodes>")
    else:
        out.append("    <nodes />")
    if g.number_of_edges():
        out.append("    <edges>")
        for n, (u, v, key, data) in enumerate(g.edges(keys=True, data=True)):
            flat = _flat_edge(data, n, key)
            head = {"id": flat["eid"], "source": str(u), "target": str(v), "label": str(key),
                    "kind": str(key), "weight": str(float(flat.get("weight", 1))),
                    "type": "undirected" if flat.get("symmetric") else "directed"}
            _gexf_element(out, "edge", head, flat, edge_types, spells.get(("edge", u, v, key)))
            if len(out) > 1000:
                flush()
        out.append("    </edges>")
    else:
        out.append("    <edges />")
    out += ["  </graph>", "</gexf>"]
    fh.write("\n".join(out).encode("utf-8", "xmlcharrefreplace"))


_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"})


def _q(value: Any) -> str:
    """An XML attribute value, quoted and escaped as ElementTree does."""
    return '"' + str(value).translate(_ATTR_ESCAPES) + '"'


def _gexf_element(out: list[str], tag: str, head: dict[str, str], data: dict[str, Any],
                  types: dict[str, str], days: list[str] | None) -> None:
    attrs = " ".join(f"{k}={_q(v)}" for k, v in head.items())
    values = [(k, v) for k, v in data.items() if k in types]
    if not values and not days:
        out.append(f"      <{tag} {attrs} />")
        return
    out.append(f"      <{tag} {attrs}>")
    if values:
        out.append("        <attvalues>")
        out.extend(f"          <attvalue for={_q(k)}"
                   f" value={_q(str(v).lower() if isinstance(v, bool) else v)} />"
                   for k, v in values)
        out.append("        </attvalues>")
    if days:
        out.append("        <spells>")
        out.extend(f"          <spell timestamp={_q(day)} />" for day in days)
        out.append("        </spells>")
    out.append(f"      </{tag}>")


def _day(value: Any) -> str | None:
    """The YYYY-MM-DD day of a record date, or None when it is not an ISO date Gephi can read."""
    text = str(value)[:10]
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return text


def gexf_spells(g: nx.MultiDiGraph) -> dict[tuple[Any, ...], list[str]]:
    """Days per edge (`("edge", u, v, key)`) and per actor (`("node", n)`); empty when no relation
    has a date, and an actor with any undated edge gets none (it must be visible whenever that
    edge is)."""
    out: dict[tuple[Any, ...], list[str]] = {}
    node_days: dict[Any, set[str] | None] = {}
    for u, v, key, data in g.edges(keys=True, data=True):
        days = sorted({d for d in map(_day, data.get("dates") or ()) if d})
        if days:
            out[("edge", u, v, key)] = days
        for n in (u, v):
            if not days:
                node_days[n] = None
            elif node_days.get(n, set()) is not None:
                node_days.setdefault(n, set()).update(days)  # type: ignore[union-attr]
    if not out:
        return {}
    for n, days in node_days.items():
        if days:
            out[("node", n)] = sorted(days)
    return out


def _spells(el: ET.Element, days: list[str] | None) -> None:
    if days:
        box = ET.SubElement(el, "spells")
        for day in days:
            ET.SubElement(box, "spell", {"timestamp": day})


def _column_types(rows: Iterable[dict[str, Any]], skip: set[str]) -> dict[str, str]:
    """GEXF type per attribute: one type per column, mixed numbers as double, else string."""
    types: dict[str, str] = {}
    for data in rows:
        for k, v in data.items():
            if k in skip:
                continue
            t = ("boolean" if isinstance(v, bool) else "long" if isinstance(v, int)
                 else "double" if isinstance(v, float) else "string")
            if types.get(k, t) != t:
                t = "double" if {types[k], t} <= {"long", "double"} else "string"
            types[k] = t
    return types


def _dot_id(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def write_dot(g: nx.MultiDiGraph, fh: IO[str]) -> None:
    """Graphviz DOT, every id quoted; integer weights as Graphviz wants them."""
    colours = {"supports": "darkgreen", "opposes": "red3", "meets": "steelblue"}
    fh.write("digraph relx {\n  node [shape=box, style=rounded];\n")
    for node, data in g.nodes(data=True):
        fh.write(f"  {_dot_id(node)} [label={_dot_id(data.get('label', node))}, "
                 f"kind={_dot_id(data.get('kind', ''))}];\n")
    for u, v, key, data in g.edges(keys=True, data=True):
        extra = ", dir=none" if data.get("symmetric") else ""
        if key != data.get("relation", key):  # negated or not (yet) happened
            extra += ", style=dashed"
        colour = colours.get(data.get("relation", key), "black")
        fh.write(f"  {_dot_id(u)} -> {_dot_id(v)} [label={_dot_id(key)}, "
                 f"weight={int(data.get('weight', 1))}, color={colour}{extra}];\n")
    fh.write("}\n")


def graph_json(g: nx.MultiDiGraph, relations: list[dict[str, Any]]) -> dict[str, Any]:
    return {"actors": graph_actors(g), "relations": relations}


def graph_actors(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    return [{"id": n, "name": d.get("label", n), "kind": d.get("kind"),
             "mentions": d.get("mentions", 0), **{k: d[k] for k in ("role", "country") if k in d}}
            for n, d in g.nodes(data=True)]


def write_json(g: nx.MultiDiGraph, fh: IO[str], relations: Iterable[dict[str, Any]] = ()) -> None:
    """`graph_json` as `json.dump(..., indent=2)` writes it, but with the relations streamed from
    an iterable (a spool file), so that a million records never sit in memory as dicts."""
    head = json.dumps({"actors": graph_actors(g)}, ensure_ascii=False, indent=2)
    fh.write(head[:-2] + ',\n  "relations": ')
    first = True
    for rel in relations:
        text = json.dumps(rel, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        fh.write(("[\n    " if first else ",\n    ") + text)
        first = False
    fh.write("[]\n}\n" if first else "\n  ]\n}\n")


def write_graph(fmt: str, g: nx.MultiDiGraph, fh: IO[Any],
                relations: Iterable[dict[str, Any]] = ()) -> None:
    """The one dispatch from a graph format to its writer, for `relx extract` and `relx graph`
    alike: a new format is added here (and to GRAPH_FORMATS) once. `relations` (records as dicts)
    is read only by formats that list them (json)."""
    if fmt == "graphml":
        write_graphml(g, fh)
    elif fmt == "gexf":
        write_gexf(g, fh)
    elif fmt == "dot":
        write_dot(g, fh)
    elif fmt == "json":
        write_json(g, fh, relations)
    else:
        raise ValueError(f"{fmt!r} is not a graph format ({', '.join(GRAPH_FORMATS)})")


# -------------------------------------------------------------------------------- atomic files


def check_writable(path: str) -> None:
    """Fail before any work when the output cannot be written."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"{path}: is a directory")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: folder {str(folder)!r} is not writable")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(f"{path}: file is not writable")
    # a real probe too: root ignores permission bits, and a read-only mount passes os.access
    try:
        fd, probe = tempfile.mkstemp(prefix=".relx-probe.", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in folder {str(folder)!r}"
                          f" ({exc.strerror or exc})") from None
    os.close(fd)
    os.unlink(probe)


@contextmanager
def atomic_file(path: str, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, then rename: never a half-written output."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        if "b" in mode:
            fh: IO[Any] = os.fdopen(fd, mode)
        else:
            fh = os.fdopen(fd, mode, encoding="utf-8", newline="")
        with fh:
            yield fh
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
