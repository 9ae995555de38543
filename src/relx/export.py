"""Writers for every output format. Record formats stream; graph formats write a finished graph.

GraphML and GEXF follow what Gephi really imports (see the README): scalar attributes only, key ids
equal to attribute names, a unique id per edge, and in GEXF 1.3 the relation as edge `kind` so that
supports/opposes/meets between one pair stay separate edges.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import stat
import tempfile
import time
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
GRAPH_FORMATS = ("json", "graphml", "gexf", "dot", "html")
FORMATS = ("table", "jsonl", "json", "csv", "graphml", "gexf", "dot", "html")
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
              ".graphml": "graphml", ".gexf": "gexf", ".dot": "dot", ".gv": "dot",
              ".txt": "table", ".html": "html", ".htm": "html"}
CSV_COLUMNS = ("doc", "date", "source", "type", "target", "source_id", "target_id", "source_kind",
               "target_kind", "source_role", "source_country", "target_role", "target_country",
               "trigger", "negated", "modality", "confidence", "rule", "cameo", "start", "end",
               "sentence")


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


# Characters outside XML 1.0's Char production (C0 controls but tab and line breaks, lone
# surrogates, U+FFFE, U+FFFF): one of them makes a whole GraphML/GEXF file unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (they are removed)."""
    return _NOT_XML.sub("", text)


def _scalar(value: Any) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, set | frozenset):
        value = sorted(value)
    if isinstance(value, list | tuple):
        return xml_safe("; ".join(str(v) for v in value))
    return xml_safe(json.dumps(value, ensure_ascii=False, default=str))


def _flat_node(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in ((k, _scalar(v)) for k, v in data.items()) if v is not None}


def _flat_edge(data: dict[str, Any], n: int, key: Any) -> dict[str, Any]:
    attrs = {k: s for k, s in ((k, _scalar(x)) for k, x in data.items()) if s is not None}
    attrs["eid"] = f"e{n}"
    attrs["label"] = xml_safe(str(key))
    return attrs


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes (None dropped, lists joined) and a unique edge id; ids,
    keys and text hold only characters XML can (library users may build graphs from anything)."""
    out = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        out.add_node(_node_id(node), **_flat_node(data))
    for n, (u, v, key, data) in enumerate(g.edges(keys=True, data=True)):
        out.add_edge(_node_id(u), _node_id(v), key=xml_safe(str(key)), **_flat_edge(data, n, key))
    return out


def _node_id(node: Any) -> Any:
    return xml_safe(node) if isinstance(node, str) else node


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
    return '"' + xml_safe(str(value)).translate(_ATTR_ESCAPES) + '"'


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


# Graphviz refuses a quoted string longer than 16,384 bytes; 2,000 characters of up to 4 UTF-8
# bytes, with `\\` and `"` doubled by escaping, stay well below that.
DOT_MAX_CHARS = 2000


def _dot_id(text: Any) -> str:
    """A quoted DOT id: escaped, one line, and shortened if Graphviz could not read it (a hash of
    the whole text keeps shortened ids distinct)."""
    s = xml_safe(str(text)).replace("\r", " ").replace("\n", " ")
    if len(s) > DOT_MAX_CHARS:
        digest = hashlib.sha1(s.encode("utf-8", "replace")).hexdigest()[:10]
        s = f"{s[:DOT_MAX_CHARS - 12]}…{digest}"
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


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


def output_target(path: str) -> tuple[Path, bool]:
    """(the file to write, whether to write it atomically) for `-o path`.

    A symlink is followed, so its target is updated and the link kept; an existing target that is
    not a regular file (/dev/null, /dev/stdout, a FIFO, a device) is written through: a temporary
    file renamed over it would replace the device node or link itself (as root), or be refused
    (a non-root user cannot create files in /dev).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return Path(path), False
    return (Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)), True


def check_writable(path: str) -> None:
    """Fail before any work when the output cannot be written."""
    target, atomic = output_target(path)
    if not atomic:
        if not os.access(target, os.W_OK):
            raise OutputError(f"{path}: file is not writable")
        return
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


# A temporary file is locked while it is written. A run killed with SIGKILL (or a power cut)
# cannot remove its file; the next run writing the same output removes those it can lock,
# once they are this old (so that a file just created, not yet locked, is never taken).
STALE_PART_SECONDS = 2.0


def _lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # not POSIX: no sweeping
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def sweep_stale_parts(target: Path) -> list[Path]:
    """Remove `.NAME.*.part` files beside `target` that no running relx holds; the removed."""
    import glob

    removed: list[Path] = []
    folder = target.parent if str(target.parent) else Path(".")
    for part in folder.glob(f".{glob.escape(target.name)}.*.part"):
        try:
            fd = os.open(part, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            st = os.fstat(fd)
            if (stat.S_ISREG(st.st_mode) and time.time() - st.st_mtime >= STALE_PART_SECONDS
                    and _lock(fd)):
                part.unlink(missing_ok=True)
                removed.append(part)
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


@contextmanager
def atomic_file(path: str, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, then rename: never a half-written output.

    A symlink's target is replaced (the link stays); a device, FIFO or /dev/stdout is written
    directly (see `output_target`).
    """
    target, atomic = output_target(path)
    text = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
    if not atomic:
        with open(target, mode, **text) as direct:  # type: ignore[call-overload]
            yield direct
        return
    sweep_stale_parts(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        _lock(fd)
        fh: IO[Any] = os.fdopen(fd, mode, **text)
        with fh:  # renamed while still open, so locked until it has its final name
            yield fh
            fh.flush()
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
