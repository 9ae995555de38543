"""The HTML view's file: data embedded safely, evidence grouped per edge, the CLI writes it.

What the page does in a browser is tested in test_html_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import subprocess
from pathlib import Path

import click
import networkx as nx
import pytest
from typer.testing import CliRunner

from relx import export_html
from relx.cli import app
from relx.export_html import script_json, view_data, write_html
from relx.graph import build_graph
from relx.records import Actor, Relation, Result
from relx.run import choose_format

TUR = Actor("country:TUR", "Turkey", "country", mentions=3)
IRQ = Actor("country:IRQ", "Iraq", "country", mentions=2)
EVIL = Actor("group:evil", "<img src=x onerror=alert(1)>", "group", mentions=1)
HOSTILE = 'He said "</script><script>alert(2)</script>" <!-- & <b>bold</b>\u2028next\u2029.'


def rel(src: Actor, rtype: str, tgt: Actor, doc: str = "d1", sentence: str = "A sentence.",
        **kw: object) -> Relation:
    return Relation(doc=doc, source=src.name, type=rtype, target=tgt.name, source_id=src.id,
                    target_id=tgt.id, source_kind=src.kind, target_kind=tgt.kind, trigger="met",
                    sentence=sentence, start=0, end=len(sentence), confidence=0.7, rule="r",
                    **kw)  # type: ignore[arg-type]


def page_data(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="relx-data">(.*?)</script>', page,
                      re.DOTALL)
    assert found, "no data block"
    return json.loads(found.group(1))


def page(graph: nx.MultiDiGraph, relations: list[Relation], **kw: str) -> str:
    out = io.StringIO()
    write_html(graph, relations, out, **kw)
    return out.getvalue()


@pytest.fixture
def results() -> list[Result]:
    return [
        Result("d1", [TUR, IRQ], [
            rel(TUR, "meets", IRQ, sentence="Turkey met Iraq.", date="2024-01-01"),
            rel(TUR, "opposes", IRQ, sentence="Turkey condemned Iraq.", date="2024-01-01"),
            rel(IRQ, "supports", TUR, negated=True, sentence="Iraq did not back Turkey."),
        ], date="2024-01-01"),
        Result("d2", [TUR, IRQ, EVIL], [
            rel(IRQ, "meets", TUR, doc="d2", sentence="Iraq met Turkey again.",
                date="2024-01-05"),
            rel(EVIL, "opposes", TUR, doc="d2", sentence=HOSTILE, date="2024-01-05"),
        ], date="2024-01-05"),
    ]


def all_relations(results: list[Result]) -> list[Relation]:
    return [r for res in results for r in res.relations]


# ---------------------------------------------------------------------------------- escaping


def test_script_json_has_nothing_a_script_element_could_trip_on() -> None:
    value = {"name": EVIL.name, "sentence": HOSTILE}
    text = script_json(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == value


def test_news_text_never_reaches_the_markup(results: list[Result]) -> None:
    html = page(build_graph(results), all_relations(results), title="<b>week</b> & more")
    assert "<img" not in html and "</script><script>alert" not in html and "<b>bold" not in html
    assert "<title>&lt;b&gt;week&lt;/b&gt; &amp; more</title>" in html
    assert html.count("<script") == 3  # data, Cytoscape.js, the view: nothing else
    data = page_data(html)
    assert {n["name"] for n in data["nodes"]} == {"Turkey", "Iraq", EVIL.name}
    sentences = [ev["sentence"] for e in data["edges"] for ev in e["evidence"]]
    assert HOSTILE.strip() in sentences


def test_csp_allows_exactly_the_inlined_scripts(results: list[Result]) -> None:
    html = page(build_graph(results), all_relations(results))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1]
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:  # a script whose hash is not in the policy would not run at all
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_the_page_is_self_contained(results: list[Result]) -> None:
    html = page(build_graph(results), all_relations(results))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "cytoscape" in html and "The Cytoscape Consortium" in html  # the licence header kept


def test_the_vendored_library_comes_with_its_licence() -> None:
    static = Path(export_html.__file__).parent / "static"
    assert "Permission is hereby granted" in (static / "cytoscape.LICENSE").read_text()
    assert (static / "cytoscape.min.js").stat().st_size > 100_000


# ---------------------------------------------------------------------------------- the data


def test_edges_carry_their_sentences(results: list[Result]) -> None:
    data = view_data(build_graph(results), all_relations(results))
    assert len(data["nodes"]) == 3
    by_key = {(e["source"], e["key"], e["target"]): e for e in data["edges"]}
    meets = by_key[("country:IRQ", "meets", "country:TUR")]  # one undirected edge, both ways
    assert meets["symmetric"] and meets["weight"] == 2
    assert [ev["sentence"] for ev in meets["evidence"]] == ["Turkey met Iraq.",
                                                           "Iraq met Turkey again."]
    assert meets["docs"] == ["d1", "d2"]
    assert meets["dates"] == {"2024-01-01": 1, "2024-01-05": 1}
    first = meets["evidence"][0]
    assert first == {"doc": "d1", "sentence": "Turkey met Iraq.", "trigger": "met",
                     "confidence": 0.7, "date": "2024-01-01", "rule": "r"}
    assert data["dates"] == ["2024-01-01", "2024-01-05"]
    assert data["documents"] == 2
    # the negated relation has no edge in a default graph, so it is not evidence for anything
    assert not any(ev.get("negated") for e in data["edges"] for ev in e["evidence"])


def test_unasserted_relations_get_their_own_edge(results: list[Result]) -> None:
    graph = build_graph(results, include_unasserted=True)
    data = view_data(graph, [r.to_dict() for r in all_relations(results)])  # dicts work too
    negated = [e for e in data["edges"] if e["key"] == "supports:negated"]
    assert len(negated) == 1 and negated[0]["negated"]
    assert negated[0]["evidence"][0]["negated"] is True
    assert negated[0]["dates"] == {}


def test_a_graph_without_records_shows_its_own_evidence(results: list[Result]) -> None:
    data = view_data(build_graph(results), [])
    meets = next(e for e in data["edges"] if e["relation"] == "meets")
    assert meets["evidence"] == [{"doc": "d1", "sentence": "Turkey met Iraq.", "trigger": "met"}]
    assert meets["more"] == 1 and meets["dates"] == {"2024-01-01": 1, "2024-01-05": 1}


def test_evidence_is_capped_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_html, "MAX_EVIDENCE", 3)
    rels = [rel(TUR, "supports", IRQ, doc=f"d{i}", sentence=f"Sentence {i}.") for i in range(5)]
    data = view_data(build_graph([Result("d", [TUR, IRQ], rels)]), rels)
    (edge,) = data["edges"]
    assert len(edge["evidence"]) == 3 and edge["more"] == 2 and len(edge["docs"]) == 5


def test_no_dates_means_no_date_filter() -> None:
    rels = [rel(TUR, "supports", IRQ)]
    assert view_data(build_graph([Result("d", [TUR, IRQ], rels)]), rels)["dates"] is None


# ---------------------------------------------------------------------------------- the CLI


@pytest.mark.parametrize(("fmt", "output"), [(None, "n.html"), (None, "N.HTM"), ("html", None),
                                             ("HTML", "n.txt")])
def test_choose_format_html(fmt: str | None, output: str | None) -> None:
    assert choose_format(fmt, output, stdout_isatty=False) == "html"


def test_html_is_not_for_a_terminal() -> None:
    with pytest.raises(click.UsageError, match="-o FILE.html"):
        choose_format("html", None, stdout_isatty=True)


def test_extract_writes_the_page(tmp_path: Path, samples: Path) -> None:
    out = tmp_path / "network.html"
    result = CliRunner().invoke(app, ["extract", str(samples / "corpus.jsonl"), "-o", str(out),
                                      "-q"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    data = page_data(html)
    assert data["title"] == f"relx: {samples / 'corpus.jsonl'}"
    assert data["dates"] == ["2024-03-04", "2024-03-06"]
    names = {n["name"] for n in data["nodes"]}
    assert {"Mali", "ECOWAS", "South Korea"} <= names
    ecowas = next(e for e in data["edges"] if e["source"] == "org:ecowas")
    assert ecowas["relation"] == "opposes"
    assert ecowas["evidence"][0]["sentence"] == "ECOWAS condemned Mali after the decision."
    assert ecowas["evidence"][0]["date"] == "2024-03-05"
    assert [p.name for p in tmp_path.iterdir()] == ["network.html"]


def test_extract_html_to_a_pipe(relx_exe: str, samples: Path) -> None:
    proc = subprocess.run([relx_exe, "extract", "-", "-f", "html"], capture_output=True,
                          text=True, timeout=120, input="NATO condemned Russia.\n")
    assert proc.returncode == 0, proc.stderr
    data = page_data(proc.stdout)
    assert data["title"] == "relx: stdin"
    assert [(e["source"], e["relation"], e["target"]) for e in data["edges"]] == [
        ("org:nato", "opposes", "country:RUS")]
