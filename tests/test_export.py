"""Every export format parsed back. Hand-built records keep these fast; one test runs end to end."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from relx.errors import OutputError
from relx.export import (
    CSV_COLUMNS,
    GEXF_NS,
    atomic_file,
    check_writable,
    write_dot,
    write_gexf,
    write_graphml,
)
from relx.graph import build_graph
from relx.records import Actor, Relation, Result
from relx.render import snippet
from relx.run import ExtractOptions, make_sink, run_extract

GML = "{http://graphml.graphdrawing.org/xmlns}"
GX = "{" + GEXF_NS + "}"

TUR = Actor("country:TUR", "Turkey", "country", mentions=3)
IRQ = Actor("country:IRQ", "Iraq", "country", mentions=2)
ARS = Actor("person:kemal-arslan", "Kemal Arslan", "person", role="Foreign Minister",
            country="Turkey", mentions=1)
ODD = Actor('group:al-"q"', 'Al "Q" Front\\West', "group", mentions=1)


def rel(src: Actor, rtype: str, tgt: Actor, doc: str = "d1", sentence: str = "A sentence.",
        **kw: object) -> Relation:
    return Relation(doc=doc, source=src.name, type=rtype, target=tgt.name, source_id=src.id,
                    target_id=tgt.id, source_kind=src.kind, target_kind=tgt.kind, trigger="met",
                    sentence=sentence, start=0, end=len(sentence), confidence=0.7, rule="r",
                    **kw)  # type: ignore[arg-type]


@pytest.fixture
def results() -> list[Result]:
    """Turkey both opposes and meets Iraq (two edges, one pair); a person; an awkward name."""
    return [
        Result("d1", [TUR, IRQ, ARS], [
            rel(TUR, "opposes", IRQ, sentence='Turkey condemned Iraq, "firmly".\nNew line.',
                date="2024-01-01"),
            rel(TUR, "meets", IRQ),
            rel(ARS, "meets", IRQ),
            rel(IRQ, "supports", TUR, negated=True),
        ], date="2024-01-01"),
        Result("d2", [TUR, IRQ, ODD], [
            rel(IRQ, "meets", TUR, doc="d2"),  # the same meeting edge, the other way round
            rel(ODD, "opposes", TUR, doc="d2", modality="planned"),
            rel(ODD, "supports", IRQ, doc="d2"),
        ]),
    ]


@pytest.fixture
def graph(results: list[Result]) -> nx.MultiDiGraph:
    return build_graph(results)


def test_graph_counts(graph: nx.MultiDiGraph) -> None:
    # negated and planned relations are left out; the two meets Turkey<->Iraq merge
    assert graph.number_of_edges() == 4
    assert graph.edges["country:IRQ", "country:TUR", "meets"]["weight"] == 2
    assert graph.nodes["country:TUR"]["mentions"] == 6
    assert graph.nodes["person:kemal-arslan"]["country"] == "Turkey"


# ------------------------------------------------------------------------------------ GraphML


def graphml_bytes(graph: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    write_graphml(graph, buf)
    return buf.getvalue()


def test_graphml_reads_back_with_networkx(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    path.write_bytes(graphml_bytes(graph))
    back = nx.read_graphml(path)
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["country:TUR"]["label"] == "Turkey"
    assert back.nodes['group:al-"q"']["label"] == 'Al "Q" Front\\West'
    relations = sorted(d["relation"] for *_, d in back.edges(data=True))
    assert relations == ["meets", "meets", "opposes", "supports"]


def test_graphml_is_what_gephi_imports(graph: nx.MultiDiGraph) -> None:
    root = ET.fromstring(graphml_bytes(graph))
    keys = root.findall(f"{GML}key")
    assert keys
    for key in keys:
        assert key.get("id") == key.get("attr.name")  # named key ids
        assert not re.fullmatch(r"d\d+", key.get("id", ""))
    node_attrs = {k.get("attr.name") for k in keys if k.get("for") == "node"}
    edge_attrs = {k.get("attr.name") for k in keys if k.get("for") == "edge"}
    assert node_attrs & edge_attrs == {"label"}
    edges = root.findall(f"{GML}graph/{GML}edge")
    ids = [e.get("id") for e in edges]
    assert len(edges) == 4 and None not in ids and len(set(ids)) == len(ids)
    for edge in edges:
        data = {d.get("key"): d.text for d in edge.findall(f"{GML}data")}
        assert float(data["weight"]) > 0
        assert data["relation"] in {"supports", "opposes", "meets"}


# --------------------------------------------------------------------------------------- GEXF


def gexf_root(graph: nx.MultiDiGraph) -> ET.Element:
    buf = io.BytesIO()
    write_gexf(graph, buf)
    return ET.fromstring(buf.getvalue())


def test_gexf_is_version_1_3_with_kinds(graph: nx.MultiDiGraph) -> None:
    root = gexf_root(graph)
    assert root.tag == f"{GX}gexf" and root.get("version") == "1.3"
    edge_attr_titles = {attr.get("title")
                        for box in root.iterfind(f"{GX}graph/{GX}attributes")
                        if box.get("class") == "edge" for attr in box}
    assert "type" not in edge_attr_titles and "relation" in edge_attr_titles
    edges = root.findall(f"{GX}graph/{GX}edges/{GX}edge")
    assert len(edges) == graph.number_of_edges()
    for edge in edges:
        values = {v.get("for"): v.get("value") for v in edge.iter(f"{GX}attvalue")}
        assert edge.get("kind") == values["relation"]
        assert edge.get("type") == ("undirected" if edge.get("kind") == "meets" else "directed")
        assert float(edge.get("weight", "0")) > 0
    nodes = {n.get("id"): n.get("label") for n in root.iter(f"{GX}node")}
    assert nodes["person:kemal-arslan"] == "Kemal Arslan"


def test_gexf_keeps_two_relations_of_one_pair_apart(graph: nx.MultiDiGraph) -> None:
    edges = gexf_root(graph).findall(f"{GX}graph/{GX}edges/{GX}edge")
    pair = [e for e in edges if {e.get("source"), e.get("target")}
            == {"country:TUR", "country:IRQ"}]
    assert sorted(e.get("kind") for e in pair) == ["meets", "opposes"]
    assert len({e.get("id") for e in edges}) == len(edges)


# ---------------------------------------------------------------------------------------- DOT

QUOTED = r'"(?:[^"\\]|\\.)*"'
NODE_LINE = re.compile(rf"^  ({QUOTED}) \[label=({QUOTED}), kind=({QUOTED})\];$")
EDGE_LINE = re.compile(rf"^  ({QUOTED}) -> ({QUOTED}) \[label=({QUOTED}), weight=(\d+), "
                       r"color=\w+(, dir=none)?\];$")


def test_dot_quotes_every_id(graph: nx.MultiDiGraph) -> None:
    buf = io.StringIO()
    write_dot(graph, buf)
    lines = buf.getvalue().splitlines()
    assert lines[0] == "digraph relx {" and lines[-1] == "}"
    nodes = [m for line in lines if (m := NODE_LINE.match(line))]
    edges = [m for line in lines if (m := EDGE_LINE.match(line))]
    assert len(nodes) == graph.number_of_nodes()
    assert len(edges) == graph.number_of_edges()
    assert len(lines) == 3 + len(nodes) + len(edges)  # header, node defaults, footer
    assert r'"Al \"Q\" Front\\West"' in {m.group(2) for m in nodes}
    for m in edges:
        assert int(m.group(4)) > 0
        assert (m.group(5) is not None) == (m.group(3) == '"meets"')


# ------------------------------------------------------------------------------- CSV and JSON


def sink_output(fmt: str, results: list[Result], **kw: bool) -> str:
    buf = io.StringIO()
    sink = make_sink(fmt, buf, include_unasserted=kw.get("include_unasserted", False),
                     stdout_isatty=False)
    for result in results:
        sink.add(result)
    sink.close()
    return buf.getvalue()


def test_csv_round_trip(results: list[Result]) -> None:
    rows = list(csv.DictReader(io.StringIO(sink_output("csv", results))))
    assert len(rows) == 7  # every relation, asserted or not: CSV is a record format
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["sentence"] == 'Turkey condemned Iraq, "firmly".\nNew line.'
    assert rows[0]["date"] == "2024-01-01" and rows[1]["date"] == ""
    assert [r["negated"] for r in rows].count("True") == 1
    assert rows[5]["modality"] == "planned"


def test_jsonl_lines(results: list[Result]) -> None:
    records = [json.loads(line) for line in sink_output("jsonl", results).splitlines()]
    assert [r["doc"] for r in records] == ["d1"] * 4 + ["d2"] * 3
    assert records[0] == results[0].relations[0].to_dict()


def test_json_has_actors_and_relations(results: list[Result]) -> None:
    data = json.loads(sink_output("json", results))
    assert set(data) == {"actors", "relations"}
    actors = {a["id"]: a for a in data["actors"]}
    assert actors["person:kemal-arslan"] == {"id": "person:kemal-arslan", "name": "Kemal Arslan",
                                             "kind": "person", "mentions": 1,
                                             "role": "Foreign Minister", "country": "Turkey"}
    assert len(data["relations"]) == 7


# ----------------------------------------------------------------------------- output files


def test_atomic_file_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(str(target)) as fh:
        fh.write("half")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_check_writable_names_the_problem(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        check_writable(str(tmp_path / "missing" / "out.gexf"))
    with pytest.raises(OutputError, match="is a directory"):
        check_writable(str(tmp_path))


# --------------------------------------------------------------------------------- end to end


def test_samples_to_gephi_files(samples: Path, tmp_path: Path) -> None:
    for name in ("network.gexf", "network.graphml"):
        code = run_extract(ExtractOptions(inputs=[str(samples)], output=str(tmp_path / name),
                                          quiet=True), stdout=io.StringIO())
        assert code == 0
    back = nx.read_graphml(tmp_path / "network.graphml")
    assert back.number_of_edges() >= 15
    triples = {(back.nodes[u]["label"], d["relation"], back.nodes[v]["label"])
               for u, v, d in back.edges(data=True)}
    assert ("Russia", "opposes", "Ukraine") in triples
    assert ("Saudi Arabia", "supports", "Sudan") in triples
    root = ET.parse(tmp_path / "network.gexf").getroot()
    edges = root.findall(f"{GX}graph/{GX}edges/{GX}edge")
    assert len(edges) == back.number_of_edges()
    assert {e.get("kind") for e in edges} == {"supports", "opposes", "meets"}


# ------------------------------------------------------------------- unasserted, table snippet


def test_include_unasserted_keeps_negated_apart_from_asserted() -> None:
    result = Result("d", [TUR, IRQ], [rel(TUR, "meets", IRQ), rel(IRQ, "meets", TUR, negated=True),
                                      rel(TUR, "meets", IRQ, modality="planned")])
    assert build_graph([result]).number_of_edges() == 1
    g = build_graph([result], include_unasserted=True)
    keys = sorted(k for *_, k in g.edges(keys=True))
    assert keys == ["meets", "meets:negated", "meets:planned"]
    assert all(d["weight"] == 1 for *_, d in g.edges(data=True))
    kinds = sorted(e.get("kind") for e in gexf_root(g).iter(f"{GX}edge"))
    assert kinds == keys
    buf = io.StringIO()
    write_dot(g, buf)
    assert buf.getvalue().count("style=dashed") == 2


def test_table_snippet_cuts_on_words() -> None:
    text = ("Egyptian President Samir Nabil met Sudanese leader Idris Osman in Cairo on Sunday for"
            " two days of talks on the Nile and on the war in western Sudan.")
    for trigger in ("Egyptian", "met", "western"):
        r = rel(TUR, "meets", IRQ, sentence=text)
        r.trigger = trigger
        cut = snippet(r)
        assert trigger in cut and len(cut) <= 92
        inner = cut.strip("…")
        assert text.startswith(inner) or f" {inner}" in text  # starts on a word
        assert text.endswith(inner) or f"{inner} " in text  # ends on a word
