"""Property tests for the exporters (issue 15): any Unicode in names, ids, sentences and doc ids
(every plane, noncharacters, controls, lone surrogates) gives GraphML and GEXF that the standard
library's XML parser and networkx read back, and DOT that Graphviz accepts."""

from __future__ import annotations

import io
import shutil
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relx.export import write_dot, write_gexf, write_graphml, xml_safe
from relx.graph import GraphBuilder
from relx.records import Actor, Relation, Result

RISKY = ["\x00", "\x01", "\x1b[31m", "\x7f", "\x85", "\u2028", "\ufeff", "\ufffe", "\uffff",
         "\ufdd0", "\U0001fffe", "\U0010ffff", "\ud800", "\udfff", "\r", "\r\n", "\t", "]]>",
         "<!--", "&amp;", '"', "'", "\\", "\\N", "{", "}", "->", ";", "\U0001F600", "\u202e"]
chars = st.one_of(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()),
                  st.sampled_from(RISKY))
texts = st.lists(chars, min_size=1, max_size=40).map("".join)
names = st.lists(texts, min_size=2, max_size=5, unique=True)


TYPES = ["supports", "opposes", "meets", "supports"]


def build(actor_names: list[str], sentence: str, doc: str) -> nx.MultiDiGraph:
    actors = [Actor(f"org:{n}", n, "organization", role=n[:3] or None, mentions=1)
              for n in actor_names]
    relations = [Relation(doc=doc, source=a.name, type=t, target=b.name, source_id=a.id,
                          target_id=b.id, source_kind=a.kind, target_kind=b.kind, trigger=sentence,
                          sentence=sentence, start=0, end=len(sentence), date=doc,
                          negated=t == "meets")
                 for a, b, t in zip(actors, actors[1:], TYPES, strict=False)]
    builder = GraphBuilder(include_unasserted=True)
    builder.add(Result(doc, actors, relations))
    return builder.graph


def xml_text(s: str) -> str:
    """What an XML parser gives back for text we wrote: invalid characters gone, line ends
    normalised (XML turns CR and CRLF into LF in element text)."""
    return xml_safe(s).replace("\r\n", "\n").replace("\r", "\n")


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(actor_names=names, sentence=texts, doc=texts)
def test_graphml_parses_and_keeps_the_names(actor_names: list[str], sentence: str,
                                            doc: str) -> None:
    buf = io.BytesIO()
    write_graphml(build(actor_names, sentence, doc), buf)
    ET.fromstring(buf.getvalue())
    read = nx.read_graphml(io.BytesIO(buf.getvalue()))
    assert read.number_of_nodes() == len({xml_safe(f"org:{n}") for n in actor_names})
    labels = {d["label"] for _, d in read.nodes(data=True)}
    assert labels <= {xml_text(n) for n in actor_names}


@SETTINGS
@given(actor_names=names, sentence=texts, doc=texts)
def test_gexf_parses_and_keeps_the_names(actor_names: list[str], sentence: str, doc: str) -> None:
    buf = io.BytesIO()
    write_gexf(build(actor_names, sentence, doc), buf)
    root = ET.fromstring(buf.getvalue())
    ns = {"g": "http://gexf.net/1.3"}
    labels = {n.get("label") for n in root.iterfind(".//g:node", ns)}
    assert labels <= {xml_safe(n) for n in actor_names}  # attribute values keep CR (as &#13;)
    nodes = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    for edge in root.iterfind(".//g:edge", ns):
        assert edge.get("source") in nodes and edge.get("target") in nodes


DOT = shutil.which("dot")


@pytest.mark.skipif(DOT is None, reason="Graphviz `dot` is not installed (apt-get install"
                    " graphviz)")
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actor_names=names, sentence=texts, doc=texts)
def test_graphviz_accepts_the_dot(actor_names: list[str], sentence: str, doc: str) -> None:
    buf = io.StringIO()
    write_dot(build(actor_names, sentence, doc), buf)
    done = subprocess.run([DOT or "dot", "-Tcanon"], input=buf.getvalue().encode("utf-8"),
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"syntax error" not in done.stderr


@pytest.mark.skipif(DOT is None, reason="Graphviz `dot` is not installed")
def test_graphviz_accepts_a_name_longer_than_its_limit() -> None:  # S08, R21
    buf = io.StringIO()
    write_dot(build(["Long" + "x\\\"" * 20_000, "Turkey"], "s.", "d"), buf)
    done = subprocess.run([DOT or "dot", "-Tcanon"], input=buf.getvalue().encode("utf-8"),
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
