"""The `relx` command end to end: CliRunner for output, subprocesses for pipes and exit codes."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
from pathlib import Path

import click
import pytest
from typer.testing import CliRunner

import relx
from relx.cli import app
from relx.run import choose_format

CONTRACT_KEYS = {"doc", "source", "type", "target", "source_kind", "target_kind", "trigger",
                 "sentence", "start", "end", "negated", "modality", "confidence", "rule"}
ARTICLE = ("Qatari Foreign Minister Khalid Nasser met Omani Foreign Minister Salim Harthy in Doha."
           " NATO condemned Russia.\n")

runner = CliRunner()


def run(relx_exe: str, *args: str, stdin: str | None = None, cwd: Path | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([relx_exe, *args], input=stdin if stdin is not None else "",
                          capture_output=True, text=True, timeout=timeout, cwd=cwd)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# ------------------------------------------------------------------------------- help, version


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"relx {relx.__version__}"


def test_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.stdout and "rules" in result.stdout


def test_extract_help_shows_examples() -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert "relx extract article.txt" in result.stdout
    for option in ("--format", "--output", "--model", "--rules", "--actors", "--level"):
        assert option in result.stdout


# ------------------------------------------------------------------------------------ formats


def test_table_output(samples: Path) -> None:
    result = runner.invoke(app, ["extract", str(samples / "turkey_iraq.txt"), "-f", "table"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Relations (" in out and "Actors (" in out
    assert "Kemal Arslan" in out and "Omar Haddad" in out
    assert "not meets" in out  # "Iran did not meet Iraqi officials"
    assert "(planned)" in out  # "Haddad will visit Ankara"
    assert result.stderr == ""


def test_jsonl_output_has_the_contract(samples: Path) -> None:
    result = runner.invoke(app, ["extract", str(samples / "corpus.jsonl"), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert len(records) >= 6
    for rec in records:
        assert set(rec) >= CONTRACT_KEYS, CONTRACT_KEYS - set(rec)
        assert rec["doc"] in {"gulf-01", "sahel-02", "asia-03"}
        assert rec["date"] == {"gulf-01": "2024-03-04", "sahel-02": "2024-03-05",
                               "asia-03": "2024-03-06"}[rec["doc"]]
        assert isinstance(rec["negated"], bool) and isinstance(rec["start"], int)
    assert ("ECOWAS", "opposes", "Mali") in {(r["source"], r["type"], r["target"])
                                             for r in records}


def test_stdin_dash() -> None:
    result = runner.invoke(app, ["extract", "-", "-f", "jsonl"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert {r["doc"] for r in records} == {"stdin"}
    assert {(r["source"], r["type"], r["target"]) for r in records} == {
        ("Khalid Nasser", "meets", "Salim Harthy"), ("NATO", "opposes", "Russia")}
    assert "date" not in records[0]


def test_piped_stdout_defaults_to_jsonl(relx_exe: str) -> None:
    proc = run(relx_exe, "extract", "-", stdin=ARTICLE)
    assert proc.returncode == 0, proc.stderr
    assert len(jsonl(proc.stdout)) == 2
    assert proc.stderr == ""


def test_output_file_infers_format(tmp_path: Path, samples: Path) -> None:
    out = tmp_path / "network.graphml"
    result = runner.invoke(app, ["extract", str(samples / "sudan_egypt.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<graphml" in text and "Samir Nabil" in text
    assert [p.name for p in tmp_path.iterdir()] == ["network.graphml"]  # no temporary left


def test_unknown_output_extension_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(click.BadParameter):
        choose_format(None, str(tmp_path / "network.xlsx"), stdout_isatty=False)


@pytest.mark.parametrize(("fmt", "output", "isatty", "expected"), [
    (None, None, True, "table"),
    (None, None, False, "jsonl"),
    (None, "n.gexf", True, "gexf"),
    (None, "n.GraphML", False, "graphml"),
    ("CSV", None, True, "csv"),
    ("graphml", None, False, "graphml"),
    ("dot", "n.txt", True, "dot"),
])
def test_choose_format(fmt: str | None, output: str | None, isatty: bool, expected: str) -> None:
    assert choose_format(fmt, output, isatty) == expected


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_choose_format_refuses_xml_on_a_terminal(fmt: str) -> None:
    with pytest.raises(click.UsageError, match="-o"):
        choose_format(fmt, None, stdout_isatty=True)


def test_graphml_to_a_real_terminal_is_a_usage_error(relx_exe: str, samples: Path) -> None:
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([relx_exe, "extract", str(samples / "corpus.jsonl"), "-f",
                               "graphml"], stdin=subprocess.DEVNULL, stdout=follower,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2
    assert "-o" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_format_exits_2(relx_exe: str, samples: Path) -> None:
    proc = run(relx_exe, "extract", str(samples / "corpus.jsonl"), "-f", "xlsx")
    assert proc.returncode == 2
    assert "xlsx" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


# ------------------------------------------------------------------------------------- inputs


def test_missing_file_exits_1_and_other_inputs_are_processed(relx_exe: str, tmp_path: Path,
                                                              samples: Path) -> None:
    missing = tmp_path / "no-such-article.txt"
    proc = run(relx_exe, "extract", str(missing), str(samples / "corpus.jsonl"))
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(missing) in lines[0] and "Traceback" not in proc.stderr
    assert {r["doc"] for r in jsonl(proc.stdout)} == {"gulf-01", "sahel-02", "asia-03"}


def test_directory_input_is_recursive(tmp_path: Path, samples: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(samples / "turkey_iraq.txt", tmp_path / "top.txt")
    shutil.copy(samples / "ukraine_support.txt", tmp_path / "a" / "b" / "deep.TXT")
    shutil.copy(samples / "corpus.jsonl", tmp_path / "a" / "more.jsonl")
    (tmp_path / "a" / "notes.md").write_text("Egypt criticized Israel.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    docs = {r["doc"] for r in jsonl(result.stdout)}
    assert docs == {"top", "deep", "gulf-01", "sahel-02", "asia-03"}


def test_jsonl_custom_text_and_id_fields(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [{"key": "k1", "body": "Canada supported Ukraine.", "date": "2024-05-01"},
            {"key": "k2", "body": "China criticized Japan."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "--text-field", "body", "--id-field",
                                 "key", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    got = {(r["doc"], r.get("date"), r["source"], r["type"], r["target"])
           for r in jsonl(result.stdout)}
    assert got == {("k1", "2024-05-01", "Canada", "supports", "Ukraine"),
                   ("k2", None, "China", "opposes", "Japan")}
    # without --text-field every line lacks "text": each is skipped and named, exit 1
    result = runner.invoke(app, ["extract", str(corpus), "-f", "jsonl"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{corpus}:1" in result.stderr and f"{corpus}:2" in result.stderr


def test_closed_pipe_exits_quietly(relx_exe: str, tmp_path: Path, samples: Path) -> None:
    """`relx extract corpus | head -1`: no traceback, no error status, once head has its line."""
    lines = (samples / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    big = tmp_path / "big.jsonl"
    big.write_text("".join(line.replace('"id": "', f'"id": "{n}-') + "\n"
                           for n in range(40) for line in lines), encoding="utf-8")
    proc = subprocess.Popen([relx_exe, "extract", str(big)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read()
    code = proc.wait(timeout=120)
    assert json.loads(first)["doc"] == "0-gulf-01"
    assert "Traceback" not in stderr and "Error" not in stderr, stderr
    assert code == 0


# -------------------------------------------------------------------------------------- rules


def test_rules_check_and_show(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("rules:\n  - id: my-praise\n    type: supports\n    pattern: verb\n"
                     "    lemmas: [extol]\n", encoding="utf-8")
    result = runner.invoke(app, ["rules", "check", str(extra)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{extra}: ok, 1 rules"
    result = runner.invoke(app, ["rules", "show", "--rules", str(extra), "--replace-rules"])
    assert result.exit_code == 0, result.output
    assert "my-praise" in result.stdout and "support-verb" not in result.stdout


def test_bad_rule_file_names_the_field(relx_exe: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: x\n    type: likes\n    pattern: verb\n    lemmas: [a]\n",
                   encoding="utf-8")
    proc = run(relx_exe, "extract", "-", "--rules", str(bad), stdin=ARTICLE)
    assert proc.returncode != 0
    assert str(bad) in proc.stderr and "type" in proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr
    assert proc.stdout == ""
