"""The CLI's error boundary: outputs, pipes, Ctrl-C, models and --debug, end to end."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import spacy

from relx import cli

ARTICLE = "Turkey condemned Iran. Russia backed Syria. France praised Germany.\n"


def relx_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "relx"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "relx.cli"]


def relx(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*relx_cmd(), *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, stdin=subprocess.DEVNULL)


def corpus(path: Path, n: int, repeat: int = 1) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": ARTICLE * repeat}) + "\n"
                            for i in range(n)))
    return path


def in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as info:
        cli.main(args)
    return int(info.value.code or 0), capsys.readouterr().err


# ------------------------------------------------------------------------------------- outputs


def test_missing_output_folder_fails_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = relx("extract", "a.txt", "-o", "nowhere/out.jsonl", "--model", "no_such_model",
               cwd=tmp_path)
    assert out.returncode == 1
    assert out.stderr.strip() == ("relx: error: nowhere/out.jsonl: folder 'nowhere' does not"
                                  " exist")  # not the model error: nothing was loaded


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder this process cannot write in, even as root (where permission bits are ignored)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    for candidate in (folder, Path("/sys"), Path("/proc/self")):
        try:
            fd, probe = tempfile.mkstemp(dir=candidate)
        except OSError:
            return candidate
        os.close(fd)
        os.unlink(probe)
    pytest.skip("no read-only folder available to this user")


def test_read_only_output_folder_fails_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    folder = _read_only_folder(tmp_path)
    try:
        out = relx("extract", "a.txt", "-o", str(folder / "out.jsonl"), "--model",
                   "no_such_model", cwd=tmp_path)
    finally:
        (tmp_path / "ro").chmod(0o755)
    assert out.returncode == 1
    assert out.stderr.startswith(f"relx: error: {folder / 'out.jsonl'}: ")
    assert "writ" in out.stderr and "no_such_model" not in out.stderr
    assert "Traceback" not in out.stderr


def test_failed_run_leaves_the_previous_output_intact(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    previous = '{"old": true}\n'
    (tmp_path / "out.jsonl").write_text(previous)
    out = relx("extract", "--strict", "good.txt", "empty.txt", "-o", "out.jsonl", cwd=tmp_path)
    assert out.returncode == 1
    assert "empty.txt: empty file (stopped: --strict)" in out.stderr
    assert (tmp_path / "out.jsonl").read_text() == previous
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    # and a run that succeeds replaces it whole
    ok = relx("extract", "good.txt", "-o", "out.jsonl", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert [json.loads(x)["doc"] for x in (tmp_path / "out.jsonl").read_text().splitlines()] \
        == ["good"] * 3


def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    big = corpus(tmp_path / "c.jsonl", 60, repeat=15)  # far more than a pipe buffer of output
    proc = subprocess.Popen([*relx_cmd(), "extract", str(big), "-f", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert json.loads(first)["doc"] == "d0"
    assert err == "" and code == 0


@pytest.mark.skipif(os.name != "posix", reason="SIGINT")
@pytest.mark.parametrize("when", ["loading", "running"])
def test_ctrl_c_exits_130_without_traceback(tmp_path: Path, when: str) -> None:
    big = corpus(tmp_path / "c.jsonl", 400, repeat=10)
    proc = subprocess.Popen([*relx_cmd(), "extract", str(big), "-f", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)
    try:
        assert proc.stdout is not None
        if when == "running":
            assert proc.stdout.readline().startswith("{")  # the pipeline is at work
        else:
            import time

            time.sleep(0.8)  # somewhere in imports or model loading
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.strip().endswith("relx: interrupted")


# -------------------------------------------------------------------------------------- models


def test_missing_model_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = relx("extract", "a.txt", "--model", "does_not_exist", cwd=tmp_path)
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "'does_not_exist' is not installed: `pip install" in lines[0]


def test_model_without_parser_or_ner_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    spacy.blank("en").to_disk(tmp_path / "blank")
    out = relx("extract", "a.txt", "--model", "blank", cwd=tmp_path)
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "has no dependency parser ('parser') and no entity recognizer ('ner')" in lines[0]
    assert "en_core_web_sm" in lines[0]
    not_a_model = relx("extract", "a.txt", "--model", "a.txt", cwd=tmp_path)
    assert not_a_model.returncode == 1 and "is not a spaCy pipeline" in not_a_model.stderr


# ------------------------------------------------------------------------- usage and --debug


@pytest.mark.parametrize("args", [["extract"], ["extract", "a.txt", "--bogus"],
                                  ["extract", "a.txt", "-f", "pdf"],
                                  ["extract", "a.txt", "--batch-size", "0"], ["nope"]])
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, err = in_process(args, capsys)
    assert code == 2
    assert "Error:" in err and "Traceback" not in err


def _explode(*_args: object, **_kwargs: object) -> int:
    raise ZeroDivisionError("boom")


def test_internal_error_is_one_line_and_debug_shows_the_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RELX_DEBUG", raising=False)
    monkeypatch.setattr("relx.run.run_extract", _explode)
    (tmp_path / "a.txt").write_text(ARTICLE)
    code, err = in_process(["extract", str(tmp_path / "a.txt")], capsys)
    assert code == 1
    assert err.strip().splitlines() == [
        "relx: internal error: ZeroDivisionError: boom (run `relx --debug ...` for the"
        " traceback)"]
    code, err = in_process(["--debug", "extract", str(tmp_path / "a.txt")], capsys)
    assert code == 1
    assert "Traceback (most recent call last)" in err and "_explode" in err
    assert err.strip().endswith("relx: internal error: ZeroDivisionError: boom")


def test_user_errors_never_show_a_traceback_but_debug_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules: {")
    code, err = in_process(["rules", "check", str(bad)], capsys)
    assert code == 1 and "Traceback" not in err and err.startswith(f"relx: error: {bad}: line ")
    code, err = in_process(["--debug", "rules", "show", "--rules", str(bad)], capsys)
    assert code == 1 and "Traceback" in err
