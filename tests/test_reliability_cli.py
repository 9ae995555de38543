"""The CLI end to end under the faults of the 0.1 reliability audit (issue 15): one line per
problem, exit codes pipelines rely on, and nothing raw reaching the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from relx import cli
from relx.core import Extractor

ARTICLE = "Turkey condemned Iran. Russia backed Syria.\n"
GOLD = Path(__file__).parent / "gold"


def relx_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "relx"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "relx.cli"]


def relx(*args: str, cwd: Path | None = None, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*relx_cmd(), *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300, **kw)  # type: ignore[call-overload]


def in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        cli.main(args)
    captured = capsys.readouterr()
    return int(info.value.code or 0), captured.out, captured.err


def test_one_document_failing_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": ARTICLE}) + "\n"
                              for i in ("a", "bad", "z")))
    real = Extractor.from_doc

    def from_doc(self: Extractor, doc: object, *, doc_id: str, **kw: object) -> object:
        if doc_id == "bad":
            raise RuntimeError("the parser tripped")
        return real(self, doc, doc_id=doc_id, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Extractor, "from_doc", from_doc)
    code, out, err = in_process(["extract", str(corpus), "-f", "jsonl"], capsys)
    assert code == 1
    assert {json.loads(line)["doc"] for line in out.splitlines()} == {"a", "z"}
    assert err == (f"relx: error: {corpus}:2: extraction failed (RuntimeError: the parser"
                   " tripped)\n")


def test_huge_int_and_surrogates_do_not_end_the_run(tmp_path: Path) -> None:  # R02, R04, R05
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "a", "text": "Turkey condemned Iran."}),
        '{"id": ' + "9" * 5000 + ', "text": "Egypt praised Sudan."}',
        '{"id": "\\udc80x", "text": "Russia backed Syria. \\ud800 Egypt praised Sudan."}',
        json.dumps({"id": "z", "text": "Egypt praised Sudan."})]) + "\n")
    for jobs in ("1", "2"):
        done = relx("extract", str(corpus), "-j", jobs, "-o", str(tmp_path / "o.jsonl"))
        assert done.returncode == 1
        assert done.stderr.startswith(f"relx: error: {corpus}:2: not valid JSON here: Exceeds")
        assert done.stderr.count("\n") == 1
        records = [json.loads(x) for x in (tmp_path / "o.jsonl").read_bytes().decode("utf-8")
                   .splitlines()]
        assert {r["doc"] for r in records} == {"a", "\ufffdx", "z"}


def test_a_newline_in_a_path_stays_on_one_line(tmp_path: Path) -> None:  # F11, R10
    (tmp_path / "new\nline.txt").write_text("")
    done = relx("extract", "-f", "jsonl", "new\nline.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "relx: error: new\\nline.txt: empty file\n"


def test_closed_stdout(tmp_path: Path) -> None:  # O16, R18
    (tmp_path / "a.txt").write_text(ARTICLE)
    with_file = relx("extract", "a.txt", "-o", "out.jsonl", cwd=tmp_path, stdout=None,
                     pass_fds=(), preexec_fn=_close_stdout)
    assert with_file.returncode == 0 and with_file.stderr == ""
    assert [json.loads(x)["doc"] for x in (tmp_path / "out.jsonl").read_text().splitlines()] == [
        "a", "a"]
    without = relx("extract", "a.txt", cwd=tmp_path, stdout=None, preexec_fn=_close_stdout)
    assert without.returncode == 1
    assert without.stderr == ("relx: error: standard output is closed: nothing to write to"
                              " (add -o FILE)\n")


def _close_stdout() -> None:
    import os

    os.close(1)


def test_table_into_head_exits_0(tmp_path: Path) -> None:  # O14, R17
    (tmp_path / "a.txt").write_text(ARTICLE * 200)
    proc = subprocess.Popen([*relx_cmd(), "extract", "-q", "-f", "table", "a.txt"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=300) == 0 and err == b""


def test_escape_sequences_in_actor_names_never_reach_the_terminal(tmp_path: Path) -> None:
    # S05, R19: names from YAML are cleaned like article text
    (tmp_path / "a.yaml").write_text(
        'actors:\n  - {name: "Ctl\\x01Org \\e[31mRed", kind: organization,'
        ' aliases: [Blorbia Union]}\n')
    (tmp_path / "a.txt").write_text("The Blorbia Union condemned Turkey.\n")
    table = relx("extract", "a.txt", "--actors", "a.yaml", "-f", "table", cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert "Ctl Org  [31mRed" in table.stdout and "\x1b" not in table.stdout
    graph = relx("extract", "-q", "a.txt", "--actors", "a.yaml", "-o", "g.graphml", cwd=tmp_path)
    assert graph.returncode == 0, graph.stderr
    import networkx as nx

    labels = {d["label"] for _, d in nx.read_graphml(tmp_path / "g.graphml").nodes(data=True)}
    assert "Ctl Org  [31mRed" in labels


def test_o_onto_a_symlink_keeps_the_link(tmp_path: Path) -> None:  # O07, R14
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "real.jsonl").write_text("old\n")
    (tmp_path / "link.jsonl").symlink_to("real.jsonl")
    done = relx("extract", "a.txt", "-o", "link.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "link.jsonl").is_symlink()
    assert json.loads((tmp_path / "real.jsonl").read_text().splitlines()[0])["doc"] == "a"


def test_eval_reports_records_of_the_wrong_shape(tmp_path: Path) -> None:  # E03, R22
    p = tmp_path / "p.jsonl"
    good = json.dumps({"doc": "alpha", "source": "Turkey", "type": "opposes", "target": "Iraq"})
    p.write_bytes("\n".join([
        "[1]", '{"doc": 5}', '"str"',
        '{"doc": "alpha", "source": "Turkey", "type": "zap", "target": "Iraq"}',
        '{"doc": ' + "9" * 5000 + "}", good]).encode() + b"\n\xff\n")
    done = relx("eval", str(GOLD), "--predictions", str(p), "--json")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"relx: error: {p}:1: not a relation record: a JSON array, not an object",
        f"relx: error: {p}:2: not a relation record: 'doc' must be a non-empty string (number)",
        f"relx: error: {p}:3: not a relation record: a JSON string, not an object",
        f"relx: warning: {p}:4: type 'zap' is not scored (only supports, opposes, meets)",
        f"relx: error: {p}:5: not valid JSON here: Exceeds the limit (4300 digits) for integer"
        " string conversion: value has 5000 digits",
        f"relx: error: {p}:7: not UTF-8 text",
    ]
    assert json.loads(done.stdout)["fp"] == 1  # the good line is still scored


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_o_onto_dev_full_names_the_file(tmp_path: Path) -> None:  # O05, O06
    (tmp_path / "a.txt").write_text(ARTICLE)
    done = relx("extract", "a.txt", "-f", "jsonl", "-o", "/dev/full", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "relx: error: /dev/full: cannot write: No space left on device\n"
    assert Path("/dev/full").is_char_device()
