"""Outputs from the 0.1 reliability audit (issue 15): `-o` onto links and devices, temp files left
by a killed run, and GraphML/GEXF/DOT that parsers must accept whatever the names hold."""

from __future__ import annotations

import io
import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from relx.export import (
    STALE_PART_SECONDS,
    atomic_file,
    check_writable,
    sweep_stale_parts,
    write_dot,
    write_gexf,
    write_graphml,
)
from relx.graph import GraphBuilder
from relx.records import Actor, Relation, Result


def graph(source: str, target: str, sentence: str = "A condemned B.") -> nx.MultiDiGraph:
    rel = Relation(doc="d1", source=source, type="opposes", target=target,
                   source_id=f"org:{source}",
                   target_id=f"org:{target}", source_kind="organization",
                   target_kind="organization", trigger="condemned", sentence=sentence, start=0,
                   end=len(sentence))
    builder = GraphBuilder()
    builder.add(Result("d1", [Actor(f"org:{source}", source, "organization", mentions=1),
                              Actor(f"org:{target}", target, "organization", mentions=1)], [rel]))
    return builder.graph


# -------------------------------------------------------------------------- -o links and devices


def test_o_onto_a_symlink_writes_its_target(tmp_path: Path) -> None:  # O07
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to("real.jsonl")
    check_writable(str(link))
    with atomic_file(str(link)) as fh:
        fh.write("new\n")
    assert link.is_symlink() and os.readlink(link) == "real.jsonl"
    assert real.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_o_onto_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.jsonl"
    link.symlink_to("made.jsonl")
    with atomic_file(str(link)) as fh:
        fh.write("x\n")
    assert link.is_symlink() and (tmp_path / "made.jsonl").read_text() == "x\n"


def test_o_onto_a_device_writes_through(tmp_path: Path) -> None:  # O06
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    except (PermissionError, OSError):
        node = Path("/dev/null")  # not root: the real one, which we could never replace anyway
    check_writable(str(node))  # used to need a writable folder ('/dev' is not)
    with atomic_file(str(node), "wb") as fh:
        fh.write(b"<graphml/>")
    assert stat.S_ISCHR(node.stat().st_mode)
    assert [p.name for p in node.parent.iterdir() if p.name.endswith(".part")
            and p.name.startswith(f".{node.name}.")] == []


def test_o_onto_a_link_to_a_file_descriptor_writes_through(tmp_path: Path) -> None:
    # /dev/stdout is a link to /proc/self/fd/1; here the same idiom with our own pipe
    read_end, write_end = os.pipe()
    link = tmp_path / "stdout"
    link.symlink_to(f"/proc/self/fd/{write_end}")
    if not link.exists():
        pytest.skip("no /proc/self/fd")
    try:
        with atomic_file(str(link)) as fh:
            fh.write("through\n")
        os.close(write_end)
        assert os.read(read_end, 100) == b"through\n"
    finally:
        os.close(read_end)
    assert link.is_symlink()


# -------------------------------------------------------------------------- temp files (O12)


def test_stale_part_files_are_swept_but_live_ones_kept(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    stale = tmp_path / ".out.jsonl.dead1234.part"  # left by a run killed with SIGKILL
    fresh = tmp_path / ".out.jsonl.new01234.part"  # just created by a running relx
    other = tmp_path / ".other.jsonl.dead5678.part"  # another output's: not ours to touch
    for p in (stale, fresh, other):
        p.write_text("half")
    old = os.stat(stale).st_mtime - STALE_PART_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    with atomic_file(str(out)) as fh:
        fh.write("done\n")
        live = [p for p in tmp_path.iterdir() if p.name.endswith(".part")
                and p not in (fresh, other)]
        assert len(live) == 1  # ours, locked while written
        os.utime(live[0], (old, old))
        assert sweep_stale_parts(out) == []  # a concurrent run does not take a locked file
    assert out.read_text() == "done\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [".out.jsonl.new01234.part", ".other.jsonl.dead5678.part", "out.jsonl"])


# ------------------------------------------------------------------------------- XML and DOT


BAD = "A\x01b\x1b[31m\ufffe\uffff\ud800 <&\"'>]]>"


@pytest.mark.parametrize("writer", [write_graphml, write_gexf])
def test_xml_exports_drop_characters_xml_cannot_hold(writer: object) -> None:  # S05, S06, Z03
    g = graph(f"Ctl{BAD}Org", "Turkey", sentence=f"Turkey \uffff condemned {BAD}.")
    buf = io.BytesIO()
    writer(g, buf)  # type: ignore[operator]
    data = buf.getvalue()
    root = ET.fromstring(data)  # well-formed
    assert root is not None
    labels = data.decode("utf-8")
    assert "CtlAb[31m" in labels and "\x1b" not in labels and "\uffff" not in labels
    if writer is write_graphml:
        read = nx.read_graphml(io.BytesIO(data))
        assert {d.get("label") for _, d in read.nodes(data=True)} == {
            "CtlAb[31m <&\"'>]]>Org", "Turkey"}


def test_dot_ids_longer_than_graphviz_allows_are_shortened() -> None:  # S08
    long_a = "Long" + "x" * 20_000 + " Org"
    long_b = "Long" + "x" * 20_000 + " Pact"  # same start: the shortened ids must stay apart
    g = graph(long_a, long_b)
    buf = io.StringIO()
    write_dot(g, buf)
    text = buf.getvalue()
    quoted = [q for q in text.split('"')[1::2]]
    assert max(len(q.encode()) for q in quoted) < 16_384
    ids = {line.split(" [")[0] for line in text.splitlines() if line.startswith('  "')
           and "->" not in line}
    assert len(ids) == 2
