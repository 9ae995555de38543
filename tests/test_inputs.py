"""Bad and unusual inputs: each is reported with its path (and line), the rest is processed.

Reading is tested as a pure function (fast); the exit-code policy end to end through the CLI.
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relx.core import CHUNK_CHARS, Extractor
from relx.reading import Problem, decode, iter_documents
from relx.records import Document

GOOD = "Turkey condemned Iran on Monday.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x02"


def read(*paths: Path | str) -> tuple[list[Document], list[Problem]]:
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in iter_documents([str(p) for p in paths]):
        (docs if isinstance(item, Document) else problems).append(item)  # type: ignore[arg-type]
    return docs, problems


def relx(*args: str, cwd: Path | None = None, timeout: float = 120
         ) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "relx"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "relx.cli"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


# ------------------------------------------------------------------------- skipped, with a reason


def test_missing_path_is_a_problem_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    docs, problems = read(tmp_path / "nope.txt", good)
    assert [d.id for d in docs] == ["good"]
    assert len(problems) == 1 and problems[0].skipped
    assert str(problems[0]) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(GOOD)
    docs, problems = read(tmp_path)
    assert docs == []
    assert problems[0].where == str(tmp_path) and "no *.txt or *.jsonl" in problems[0].message


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty file"),
    (b"  \n\t\r\n  ", "only whitespace"),
    (codecs.BOM_UTF8, "empty file"),
    (PNG, "binary file (PNG image)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document)"),
    (b"abc\x00\x01\x02\x03\xff\xfe\x00\x00garbage\x00", "binary file (NUL bytes)"),
])
def test_unreadable_text_files_are_skipped_with_a_reason(tmp_path: Path, data: bytes,
                                                         message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    docs, problems = read(bad)
    assert docs == []
    assert [p.skipped for p in problems] == [True]
    assert problems[0].where == str(bad)
    assert message in problems[0].message


# ----------------------------------------------------------------------- read, maybe with a caveat


def test_latin1_is_decoded_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Le président François Hollande condemned Iran.\n".encode("latin-1"))
    docs, problems = read(f)
    assert docs[0].text.startswith("Le président François Hollande")
    assert [(p.skipped, "Latin-1" in p.message) for p in problems] == [(False, True)]


def test_mostly_utf8_keeps_utf8_and_counts_bad_bytes(tmp_path: Path) -> None:
    f = tmp_path / "mixed.txt"
    f.write_bytes("Présidente Zoë said so.".encode() + b" \xff\xfe end.\n")
    docs, problems = read(f)
    assert docs[0].text.startswith("Présidente Zoë said so. \ufffd\ufffd end.")
    assert not problems[0].skipped and "2 undecodable byte(s)" in problems[0].message


def test_utf16_with_bom_decodes_what_it_can_and_says_so(tmp_path: Path) -> None:
    good = tmp_path / "u16.txt"
    good.write_bytes(GOOD.encode("utf-16"))
    broken = tmp_path / "u16bad.txt"
    broken.write_bytes(GOOD.encode("utf-16") + b"\x00\xd8")  # a lone surrogate at the end
    docs, problems = read(good, broken)
    assert [d.text for d in docs] == [GOOD, GOOD + "\ufffd"]
    assert len(problems) == 1 and not problems[0].skipped
    assert problems[0].where == str(broken) and "invalid UTF-16" in problems[0].message


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    f = tmp_path / "u16le.txt"
    f.write_bytes(GOOD.encode("utf-16-le"))
    docs, problems = read(f)
    assert docs[0].text == GOOD
    assert "no byte order mark" in problems[0].message and not problems[0].skipped


def test_utf8_bom_is_stripped_and_windows_line_endings_normalised(tmp_path: Path) -> None:
    f = tmp_path / "win.txt"
    f.write_bytes(codecs.BOM_UTF8 + b"Turkey condemned Iran.\r\n\r\nRussia backed Syria.\r\n")
    docs, problems = read(f)
    assert problems == []
    assert docs[0].text == "Turkey condemned Iran.\n\nRussia backed Syria.\n"


def test_control_characters_become_spaces_offsets_kept(tmp_path: Path) -> None:
    f = tmp_path / "ctrl.txt"
    f.write_bytes(b"Turkey\x07 condemned\x1b Iran.\x0b\x7f\n")
    docs, problems = read(f)
    assert problems == []
    assert docs[0].text == "Turkey  condemned  Iran.  \n"


def test_decode_reports_binary_without_raising() -> None:
    assert decode(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20)[0] is None
    assert decode(b"plain")[0] == "plain"


# --------------------------------------------------------------------------------------- JSONL


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "a", "text": GOOD}), "{not json", json.dumps({"id": "b"}),
             json.dumps({"id": "c", "text": 42}), "", json.dumps([1, 2]),
             json.dumps({"id": "a", "text": "Russia backed Syria."}),
             json.dumps({"id": "d", "text": "   "})]
    f.write_text("\n".join(lines) + "\n")
    docs, problems = read(f)
    assert [d.id for d in docs] == ["a", "a~2"]
    got = {p.where: (p.skipped, p.message) for p in problems}
    assert got[f"{f}:2"][0] and "not valid JSON" in got[f"{f}:2"][1]
    assert got[f"{f}:3"] == (True, "no 'text' field")
    assert got[f"{f}:4"] == (True, "'text' is int, not a string")
    assert got[f"{f}:6"] == (True, "not a JSON object")
    assert got[f"{f}:7"] == (False, "duplicate id 'a': renamed 'a~2'")
    assert got[f"{f}:8"][0] and "empty" in got[f"{f}:8"][1]


def test_mixed_good_and_bad_inputs_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j", "text": "Russia backed Syria."})
                                      + "\n{oops\n")
    out = relx("extract", "good.txt", "empty.txt", "image.txt", "missing.txt", "c.jsonl",
               "-f", "jsonl", cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    for where in ("empty.txt", "image.txt", "missing.txt", "c.jsonl:2"):
        assert f"error: {where}:" in out.stderr
    docs = {json.loads(line)["doc"] for line in out.stdout.splitlines()}
    assert docs == {"good", "j"}
    # --strict: the first problem stops the run
    strict = relx("extract", "--strict", "good.txt", "empty.txt", "c.jsonl", "-f", "jsonl",
                  cwd=tmp_path)
    assert strict.returncode == 1
    assert "empty.txt: empty file (stopped: --strict)" in strict.stderr
    assert "c.jsonl" not in strict.stderr and "Traceback" not in strict.stderr
    # all good: 0, and a warning alone does not fail the run
    (tmp_path / "latin.txt").write_bytes("Fran\xe7ois Hollande condemned Iran.".encode("latin-1"))
    ok = relx("extract", "good.txt", "latin.txt", "-f", "jsonl", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "warning: latin.txt:" in ok.stderr


# ------------------------------------------------------------------------- text the model sees


def test_long_single_line_is_split_not_rejected(ex: Extractor) -> None:
    filler = "The committee discussed the budget for the coming school year at length. "
    text = filler * (int(CHUNK_CHARS * 1.2) // len(filler)) + "Turkey condemned Iran."
    assert "\n" not in text and len(text) > CHUNK_CHARS
    t0 = time.monotonic()
    result = ex.extract(text)
    assert time.monotonic() - t0 < 60
    rel = [r for r in result.relations if r.type == "opposes"]
    assert rel and text[rel[-1].start:rel[-1].end] == rel[-1].sentence == "Turkey condemned Iran."


def test_mixed_scripts_and_control_characters(ex: Extractor) -> None:
    text = ("The Syrian leader \u0623\u062d\u0645\u062f \u0627\u0644\u0634\u0631\u0639 met"
            " officials in Damascus. Turkey condemned Iran \u2014 \u4e60\u8fd1\u5e73 was not"
            " there.\u200b\u202e Russia backed Syria.")
    result = ex.extract(text)
    for r in result.relations:
        assert text[r.start:r.end] == r.sentence
    pairs = {(r.source, r.type, r.target) for r in result.relations}
    assert ("Turkey", "opposes", "Iran") in pairs
    assert ("Russia", "supports", "Syria") in pairs
