"""`relx graph` and `relx show`: networks from relation records, and what they say.

Record streams are written here by hand (fast); one test runs the real pipeline to check that
`extract -o net.gexf` equals `extract -f jsonl | relx graph - -o net.gexf`, through a real pipe.
"""

from __future__ import annotations

import io
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from relx.analysis import (
    EXACT_NODES,
    _exact,
    _frustrated,
    _heuristic,
    balance,
    camps,
    ego,
    summary,
)
from relx.cli import app
from relx.export import GEXF_NS, graph_json, write_json
from relx.graph import RecordFilter, from_records, results_from_records
from relx.reading import Problem
from relx.recordio import iter_relations, relation_from_dict

GX = "{" + GEXF_NS + "}"
runner = CliRunner()

NAMES = {"QAT": "Qatar", "OMN": "Oman", "IRN": "Iran", "TUR": "Turkey", "IRQ": "Iraq",
         "SAU": "Saudi Arabia", "EGY": "Egypt", "SDN": "Sudan"}


def rec(src: str, rtype: str, tgt: str, doc: str = "d1", date: str | None = None,
        **extra: Any) -> dict[str, Any]:
    """A relation record as `relx extract -f jsonl` writes it, between two countries."""
    sentence = f"{NAMES[src]} {rtype} {NAMES[tgt]}."
    out: dict[str, Any] = {
        "doc": doc, "source": NAMES[src], "type": rtype, "target": NAMES[tgt],
        "source_id": f"country:{src}", "target_id": f"country:{tgt}", "source_kind": "country",
        "target_kind": "country", "trigger": rtype, "sentence": sentence, "start": 0,
        "end": len(sentence), "negated": False, "modality": "asserted", "confidence": 0.8,
        "rule": "test", "source_mentions": 1, "target_mentions": 1}
    if date:
        out["date"] = date
    out.update(extra)
    return out


def write(path: Path, records: list[dict[str, Any] | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def signed(edges: list[tuple[str, str, int]]) -> nx.Graph:
    s = nx.Graph()
    for u, v, sign in edges:
        s.add_edge(u, v, sign=sign)
    return s


# ------------------------------------------------------------------------------- from_records


def test_runs_merge_into_one_network(tmp_path: Path) -> None:
    monday = write(tmp_path / "mon.jsonl", [
        rec("QAT", "supports", "OMN", "m1", "2024-03-04"),
        rec("TUR", "opposes", "IRQ", "m1", "2024-03-04"),
        rec("OMN", "meets", "QAT", "m2", "2024-03-04")])
    tuesday = write(tmp_path / "tue.jsonl", [
        rec("QAT", "supports", "OMN", "t1", "2024-03-05"),
        rec("QAT", "meets", "OMN", "t1", "2024-03-05")])  # the same meeting edge, other way
    items = list(iter_relations([str(monday), str(tuesday)]))
    assert not [i for i in items if isinstance(i, Problem)]
    g = from_records(items)
    support = g.edges["country:QAT", "country:OMN", "supports"]
    assert support["weight"] == 2
    assert support["docs"] == ["m1", "t1"]
    assert support["dates"] == {"2024-03-04", "2024-03-05"}
    assert g.edges["country:OMN", "country:QAT", "meets"]["weight"] == 2  # one edge per pair
    assert g.number_of_edges() == 3
    # mentions: once per document an actor appears in
    assert g.nodes["country:QAT"]["mentions"] == 3
    assert g.nodes["country:TUR"]["mentions"] == 1


def test_records_of_one_document_are_one_result() -> None:
    records = [relation_from_dict(r) for r in (
        rec("QAT", "supports", "OMN", "a"), rec("QAT", "meets", "IRN", "a"),
        rec("TUR", "opposes", "IRQ", "b"))]
    results = list(results_from_records(records))
    assert [r.doc for r in results] == ["a", "b"]
    assert [a.id for a in results[0].actors] == ["country:QAT", "country:OMN", "country:IRN"]


def test_unknown_fields_are_ignored_and_missing_optional_ones_default() -> None:
    full = rec("QAT", "supports", "OMN", cameo="051", source_score={"x": 1})
    assert relation_from_dict(full).type == "supports"
    minimal = {k: full[k] for k in ("doc", "source", "type", "target", "source_id",
                                    "target_id")}
    rel = relation_from_dict(minimal)
    assert rel.asserted and rel.sentence == "" and rel.source_mentions is None


@pytest.mark.parametrize(("record", "message"), [
    ({"doc": "d"}, "missing 'source'"),
    ({**rec("QAT", "supports", "OMN"), "type": "likes"}, "'type' must be one of"),
    ({**rec("QAT", "supports", "OMN"), "start": "0"}, "'start' must be an integer"),
    ({**rec("QAT", "supports", "OMN"), "negated": "no"}, "'negated' must be true or false"),
    ({**rec("QAT", "supports", "OMN"), "source_id": 7}, "'source_id' must be a string"),
    ([1, 2], "a record is a JSON object"),
])
def test_bad_records_say_what_is_wrong(record: Any, message: str) -> None:
    from relx.recordio import BadRecord

    with pytest.raises(BadRecord, match=message):
        relation_from_dict(record)


def test_bad_lines_are_one_problem_each_and_the_rest_is_used(tmp_path: Path) -> None:
    path = write(tmp_path / "r.jsonl", [
        rec("QAT", "supports", "OMN"), "{not json", json.dumps({"doc": "x"}), "",
        rec("TUR", "opposes", "IRQ")])
    with path.open("ab") as fh:
        fh.write(b'{"doc": "\xff"}\n')
    items = list(iter_relations([str(path), str(tmp_path / "missing.jsonl")]))
    problems = [str(i) for i in items if isinstance(i, Problem)]
    assert problems[0].startswith(f"{path}:2: not valid JSON")
    assert problems[1].startswith(f"{path}:3: not a relation record: missing")
    assert problems[2] == f"{path}:6: not UTF-8 text"
    assert problems[3].startswith(f"{tmp_path / 'missing.jsonl'}: cannot read")
    assert len(problems) == 4
    assert len([i for i in items if not isinstance(i, Problem)]) == 2


def test_unasserted_relations_make_nodes_not_edges_unless_asked() -> None:
    records = [rec("QAT", "supports", "OMN"), rec("TUR", "meets", "IRQ", negated=True),
               rec("SAU", "supports", "EGY", modality="planned")]
    g = from_records(records)
    assert g.number_of_edges() == 1
    assert "country:TUR" in g  # an actor of a relation that did not happen is still an actor
    g = from_records(records, include_unasserted=True)
    assert {k for *_, k in g.edges(keys=True)} == {"supports", "meets:negated",
                                                   "supports:planned"}


def test_filters_by_type_date_and_weight() -> None:
    records = [rec("QAT", "supports", "OMN", "a", "2024-02-28"),
               rec("QAT", "supports", "OMN", "b", "2024-03-01"),
               rec("QAT", "supports", "OMN", "c", "2024-03-09"),
               rec("TUR", "opposes", "IRQ", "d", "2024-03-02"),
               rec("SAU", "meets", "EGY", "e")]  # undated
    g = from_records(records, since="2024-03")
    assert g.edges["country:QAT", "country:OMN", "supports"]["weight"] == 2
    assert "country:SAU" not in g  # undated: outside any date bound
    g = from_records(records, until="2024-03-01")
    assert g.edges["country:QAT", "country:OMN", "supports"]["weight"] == 2
    assert "country:TUR" not in g
    g = from_records(records, types=["opposes", "meets"])
    assert {k for *_, k in g.edges(keys=True)} == {"opposes", "meets"}
    g = from_records(records, min_weight=2)
    assert list(g.edges(keys=True)) == [("country:QAT", "country:OMN", "supports")]
    assert set(g.nodes) == {"country:QAT", "country:OMN"}  # actors left alone are dropped


@pytest.mark.parametrize(("types", "since", "until"), [
    ("supports,likes", None, None), ("", None, None), (None, "March", None),
    (None, "2024-13", None), (None, "2024-03-05", "2024-03-01")])
def test_bad_filters_are_refused(types: str | None, since: str | None, until: str | None
                                 ) -> None:
    with pytest.raises(ValueError):
        RecordFilter.parse(types, since, until)


def test_country_level_rolls_up_people_from_records() -> None:
    person = rec("TUR", "meets", "IRQ")
    person.update(source="Kemal Arslan", source_id="person:kemal-arslan", source_kind="person",
                  source_country="Turkey", source_role="Foreign Minister")
    g = from_records([person, rec("TUR", "meets", "IRQ")], level="country")
    assert set(g.nodes) == {"country:TUR", "country:IRQ"}
    assert g.edges["country:IRQ", "country:TUR", "meets"]["weight"] == 2


# ------------------------------------------------------------------------ formats and timeline


def gexf(tmp_path: Path, records: list[dict[str, Any]]) -> ET.Element:
    path = write(tmp_path / "in.jsonl", records)
    out = tmp_path / "net.gexf"
    result = runner.invoke(app, ["graph", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return ET.parse(out).getroot()


def test_dated_records_give_gephi_timeline_spells(tmp_path: Path) -> None:
    root = gexf(tmp_path, [rec("QAT", "supports", "OMN", "a", "2024-03-04"),
                           rec("QAT", "supports", "OMN", "b", "2024-03-06T10:00:00"),
                           rec("OMN", "opposes", "IRN", "c", "2024-03-05"),
                           rec("TUR", "opposes", "IRN", "d")])  # undated
    graph = root.find(f"{GX}graph")
    assert graph is not None
    assert graph.get("mode") == "dynamic"
    assert graph.get("timeformat") == "date" and graph.get("timerepresentation") == "timestamp"

    def spells(el: ET.Element) -> list[str]:
        return [s.get("timestamp", "") for s in el.iter(f"{GX}spell")]

    edges = {(e.get("source"), e.get("kind")): spells(e) for e in root.iter(f"{GX}edge")}
    assert edges[("country:QAT", "supports")] == ["2024-03-04", "2024-03-06"]
    assert edges[("country:TUR", "opposes")] == []  # no date: always there
    nodes = {n.get("id"): spells(n) for n in root.iter(f"{GX}node")}
    assert nodes["country:OMN"] == ["2024-03-04", "2024-03-05", "2024-03-06"]
    assert nodes["country:IRN"] == []  # it has an undated edge, so it is always there
    assert nodes["country:TUR"] == []


def test_undated_records_give_a_static_graph(tmp_path: Path) -> None:
    root = gexf(tmp_path, [rec("QAT", "supports", "OMN")])
    graph = root.find(f"{GX}graph")
    assert graph is not None and graph.get("mode") == "static"
    assert not list(root.iter(f"{GX}spells"))


@pytest.mark.parametrize("relations", [[], [{"doc": "d", "s": "a\nb \"q\""}], [{"a": 1}] * 3])
def test_streamed_json_is_what_json_dump_writes(relations: list[dict[str, Any]]) -> None:
    g = from_records([rec("QAT", "supports", "OMN")])
    streamed = io.StringIO()
    write_json(g, streamed, iter(relations))
    assert streamed.getvalue() == json.dumps(graph_json(g, relations), indent=2) + "\n"


# ------------------------------------------------------------------------------------- balance


def test_one_unbalanced_triad_is_found_and_described() -> None:
    g = from_records([rec("QAT", "supports", "OMN"), rec("OMN", "supports", "SAU"),
                      rec("QAT", "opposes", "SAU"), rec("TUR", "opposes", "IRQ")])
    b = balance(g)
    assert b["triangles"] == 1 and b["unbalanced_count"] == 1
    assert b["unbalanced"][0]["text"] == ("Qatar supports Oman, Oman supports Saudi Arabia,"
                                          " but Qatar opposes Saudi Arabia")
    assert b["frustrated_count"] == 1
    assert b["balanced_share"] == 0.75


def test_two_camps_with_the_fewest_frustrated_ties() -> None:
    # friends {QAT, OMN, SAU} and {TUR, IRQ}, enemies across; one tie (SAU + IRQ) cannot fit
    g = from_records([
        rec("QAT", "supports", "OMN"), rec("OMN", "supports", "SAU"),
        rec("QAT", "supports", "SAU"), rec("TUR", "supports", "IRQ"),
        rec("QAT", "opposes", "TUR"), rec("OMN", "opposes", "IRQ"), rec("SAU", "opposes", "TUR"),
        rec("SAU", "supports", "IRQ")])
    b = balance(g)
    assert b["method"] == "exact"
    [part] = b["parts"]
    assert part["camps"] == [["Oman", "Qatar", "Saudi Arabia"], ["Iraq", "Turkey"]]
    assert part["frustrated_count"] == 1
    assert part["frustrated"] == [{"tie": "Saudi Arabia supports Iraq", "sign": "+"}]


def test_a_pair_reported_both_ways_takes_the_larger_sign_and_ties_are_mixed() -> None:
    g = from_records([rec("QAT", "supports", "OMN"), rec("QAT", "opposes", "OMN", "d2"),
                      rec("TUR", "opposes", "IRQ"), rec("TUR", "opposes", "IRQ", "d3"),
                      rec("IRQ", "supports", "TUR", "d4")])
    b = balance(g)
    assert b["mixed_pairs"] == [["Oman", "Qatar"]]
    assert b["signed_ties"] == 1 and b["negative"] == 1


def test_exact_search_is_minimal_and_the_heuristic_never_beats_it() -> None:
    import random

    rng = random.Random(7)
    for trial in range(5):
        s = nx.gnm_random_graph(12, 30, seed=trial)
        s = nx.relabel_nodes(s, {i: f"a{i:02d}" for i in s})
        for u, v in s.edges:
            s.edges[u, v]["sign"] = rng.choice((1, -1))
        s = s.subgraph(max(nx.connected_components(s), key=len)).copy()
        nodes = sorted(s)
        exact = len(_frustrated(s, _exact(s, nodes)))
        heuristic = len(_frustrated(s, _heuristic(s, nodes, 42)))
        assert heuristic >= exact
        for _ in range(200):  # no random partition does better than the exact one
            side = {n: rng.randint(0, 1) for n in nodes}
            assert len(_frustrated(s, side)) >= exact


def test_large_balanced_network_is_split_exactly_by_the_heuristic() -> None:
    camp_a = [f"a{i:02d}" for i in range(15)]
    camp_b = [f"b{i:02d}" for i in range(15)]
    edges = [(x, y, 1) for c in (camp_a, camp_b) for i, x in enumerate(c) for y in c[i + 1:i + 4]]
    edges += [(camp_a[i], camp_b[i], -1) for i in range(15)]
    s = signed(edges)
    assert s.number_of_nodes() > EXACT_NODES
    side = _heuristic(s, sorted(s), 42)
    assert _frustrated(s, side) == []
    assert len({side[x] for x in camp_a}) == 1 and {side[x] for x in camp_b} != {side[camp_a[0]]}


# ------------------------------------------------------------------------ camps, summary, ego


def clusters() -> list[dict[str, Any]]:
    """Two clusters of mutual support, one weak tie between them."""
    out = []
    for group in (("QAT", "OMN", "SAU", "EGY"), ("TUR", "IRQ", "IRN", "SDN")):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                out += [rec(a, "supports", b, f"{a}{b}1"), rec(a, "supports", b, f"{a}{b}2")]
    return [*out, rec("EGY", "supports", "SDN", "bridge")]


def test_louvain_camps_are_the_clusters_and_do_not_change_with_a_fixed_seed() -> None:
    g = from_records(clusters())
    first = camps(g, seed=3)
    assert sorted(sorted(c["members"]) for c in first["camps"]) == [
        ["Egypt", "Oman", "Qatar", "Saudi Arabia"], ["Iran", "Iraq", "Sudan", "Turkey"]]
    for _ in range(3):
        assert camps(from_records(clusters()), seed=3) == first
    assert summary(g, seed=5) == summary(from_records(clusters()), seed=5)


def test_summary_centrality_and_ties() -> None:
    g = from_records(clusters())
    data = summary(g, top=3)
    json.dumps(data)  # JSON-ready
    central = data["central"]["by_degree"]
    assert [r["name"] for r in central[:2]] == ["Egypt", "Sudan"]  # the bridge ends
    assert central[0]["weighted_degree"] == 7
    assert data["central"]["by_betweenness"][0]["name"] in {"Egypt", "Sudan"}
    strongest = data["ties"]["supports"]
    assert len(strongest) == 3 and strongest[0]["weight"] == 2
    assert strongest[0]["evidence"].endswith(".")
    assert data["overview"]["ties"] == {"supports": 13, "opposes": 0, "meets": 0}


def test_ego_network_counts_and_dates() -> None:
    g = from_records([rec("QAT", "supports", "OMN", "a", "2024-03-04"),
                      rec("QAT", "supports", "OMN", "b", "2024-03-05"),
                      rec("OMN", "opposes", "IRN", "c", "2024-03-05"),
                      rec("SAU", "meets", "OMN", "d"),
                      rec("TUR", "opposes", "IRQ", "e")])
    e = ego(g, "country:OMN")
    assert e["by"]["supports"][0] | {"evidence": ""} == {
        "actor": "Qatar", "id": "country:QAT", "count": 2,
        "dates": ["2024-03-04", "2024-03-05"], "evidence": ""}
    assert [r["actor"] for r in e["of"]["opposes"]] == ["Iran"]
    assert [r["actor"] for r in e["meets"]] == ["Saudi Arabia"]
    assert e["by"]["opposes"] == [] and e["of"]["supports"] == []


# ----------------------------------------------------------------------------------------- CLI


def test_graph_cli_reports_bad_lines_and_still_writes(tmp_path: Path) -> None:
    path = write(tmp_path / "r.jsonl", [rec("QAT", "supports", "OMN"), "oops",
                                        {**rec("TUR", "opposes", "IRQ"), "type": "hates"}])
    out = tmp_path / "net.graphml"
    result = runner.invoke(app, ["graph", str(path), "-o", str(out)])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert errors == [f"relx: error: {path}:2: not valid JSON (Expecting value)",
                      f"relx: error: {path}:3: not a relation record: 'type' must be one of"
                      " supports, opposes, meets, not \"hates\""]
    assert nx.read_graphml(out).number_of_edges() == 1


def test_graph_cli_caps_error_lines_per_file(tmp_path: Path) -> None:
    path = write(tmp_path / "r.jsonl", ["bad"] * 30 + [rec("QAT", "supports", "OMN")])
    result = runner.invoke(app, ["graph", str(path), "-f", "json"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 21 and lines[-1] == f"relx: error: {path}: 10 more bad lines not shown"
    assert len(json.loads(result.stdout)["relations"]) == 1


def test_graph_cli_options(tmp_path: Path) -> None:
    path = write(tmp_path / "r.jsonl", clusters())
    result = runner.invoke(app, ["graph", str(path), "--min-weight", "2", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["relations"]) == 24 and len(data["actors"]) == 8  # the bridge is gone
    result = runner.invoke(app, ["graph", str(path), "--type", "opposes"])
    assert json.loads(result.stdout) == {"actors": [], "relations": []}


@pytest.mark.parametrize(("args", "message"), [
    (["--type", "likes"], "relation types are supports, opposes, meets"),
    (["--since", "yesterday"], "is not a date"),
    (["--level", "city"], "'city' is not one of actor, country"),
    (["--min-weight", "0"], "must be at least 1"),
    (["-o", "net.xlsx"], "cannot tell a graph format"),
    (["-f", "csv"], "'csv' is not one of"),
])
def test_graph_cli_usage_errors(tmp_path: Path, relx_exe: str, args: list[str], message: str
                                ) -> None:
    """Through the real entry point, which maps usage errors to exit status 2."""
    path = write(tmp_path / "r.jsonl", [rec("QAT", "supports", "OMN")])
    proc = subprocess.run([relx_exe, "graph", str(path), *args], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2, proc.stderr
    assert message in " ".join(proc.stderr.split())
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_show_json_from_records_and_from_graphml_agree(tmp_path: Path) -> None:
    path = write(tmp_path / "r.jsonl", clusters())
    graphml = tmp_path / "net.graphml"
    assert runner.invoke(app, ["graph", str(path), "-o", str(graphml)]).exit_code == 0
    from_jsonl = runner.invoke(app, ["show", str(path), "-f", "json"])
    from_graphml = runner.invoke(app, ["show", str(graphml), "-f", "json"])
    assert from_jsonl.exit_code == from_graphml.exit_code == 0, from_graphml.output
    assert json.loads(from_jsonl.stdout) == json.loads(from_graphml.stdout)


def test_show_table_and_actor(tmp_path: Path, relx_exe: str) -> None:
    path = write(tmp_path / "r.jsonl", [*clusters(), rec("QAT", "opposes", "IRN", "x"),
                                        rec("OMN", "supports", "IRN", "y")])
    result = runner.invoke(app, ["show", str(path), "--top", "3"])
    assert result.exit_code == 0, result.output
    for heading in ("Most central actors", "Strongest ties", "Camps", "Balance",
                    "Two camps with the fewest frustrated ties"):
        assert heading in result.stdout
    result = runner.invoke(app, ["show", str(path), "--actor", "iran"])
    assert result.exit_code == 0, result.output
    assert "Opposed by" in result.stdout and "Qatar" in result.stdout
    proc = subprocess.run([relx_exe, "show", str(path), "--actor", "Irn"], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2 and "no actor 'Irn' in the network" in proc.stderr


def test_show_refuses_record_filters_on_a_finished_graph(tmp_path: Path, relx_exe: str
                                                          ) -> None:
    path = write(tmp_path / "r.jsonl", clusters())
    graphml = tmp_path / "net.graphml"
    runner.invoke(app, ["graph", str(path), "-o", str(graphml)])
    proc = subprocess.run([relx_exe, "show", str(graphml), "--since", "2024"],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2 and "need relation records" in proc.stderr


# ---------------------------------------------------------------- equality with relx extract


@pytest.mark.parametrize("suffix", ["gexf", "graphml", "json", "dot"])
def test_graph_from_records_equals_the_graph_of_extract(tmp_path: Path, samples: Path,
                                                        suffix: str) -> None:
    records = tmp_path / "r.jsonl"
    direct = tmp_path / f"direct.{suffix}"
    rebuilt = tmp_path / f"rebuilt.{suffix}"
    for args in (["-o", str(records)], ["-o", str(direct)]):
        result = runner.invoke(app, ["extract", str(samples), "-q", *args])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["graph", "-", "-o", str(rebuilt)],
                           input=records.read_bytes())
    assert result.exit_code == 0, result.output
    assert rebuilt.read_bytes() == direct.read_bytes()


def test_extract_piped_into_graph_equals_extract_to_gexf(tmp_path: Path, samples: Path,
                                                         relx_exe: str) -> None:
    """The issue's promise, through a real pipe between two processes."""
    direct = tmp_path / "direct.gexf"
    piped = tmp_path / "piped.gexf"
    subprocess.run([relx_exe, "extract", str(samples), "-o", str(direct)], check=True,
                   capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    extract = subprocess.Popen([relx_exe, "extract", str(samples), "-f", "jsonl"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL)
    graph = subprocess.run([relx_exe, "graph", "-", "-o", str(piped)], stdin=extract.stdout,
                           capture_output=True, timeout=300)
    assert extract.stdout is not None
    extract.stdout.close()
    assert extract.wait(timeout=300) == 0
    assert graph.returncode == 0, graph.stderr
    assert graph.stderr == b""
    assert piped.read_bytes() == direct.read_bytes()
    root = ET.parse(piped).getroot()
    assert root.find(f"{GX}graph").get("mode") == "dynamic"  # type: ignore[union-attr]
