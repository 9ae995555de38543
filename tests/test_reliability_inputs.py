"""Hostile inputs from the 0.1 reliability audit (issue 15): each bad line, file or folder entry is
one problem naming where it is, and everything else is still read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from relx.reading import Problem, clean_text, iter_documents
from relx.records import Document

GOOD = {"id": "a", "text": "Turkey condemned Iran."}
LAST = {"id": "z", "text": "Egypt praised Sudan."}


def read(*paths: Path | str) -> tuple[list[Document], list[Problem]]:
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in iter_documents([str(p) for p in paths]):
        (docs if isinstance(item, Document) else problems).append(item)  # type: ignore[arg-type]
    return docs, problems


def corpus(path: Path, *middle: str) -> Path:
    lines = [json.dumps(GOOD), *middle, json.dumps(LAST)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------------- JSON Lines (J02-8)


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": ' + "9" * 5000 + ', "text": "Egypt praised Sudan."}', "4300 digits"),  # J02
    ('{"x": ' + "[" * 100_000 + "]" * 100_000 + ', "text": "Mali opposed France."}',  # J03
     "nested too deeply"),
    ('{"id": "n", "text": "Turkey \x00 condemned Iran."}', "NUL byte"),
])
def test_a_line_python_cannot_parse_is_that_lines_error(tmp_path: Path, line: str,
                                                        message: str) -> None:
    docs, problems = read(corpus(tmp_path / "c.jsonl", line))
    assert [d.id for d in docs] == ["a", "z"]
    assert len(problems) == 1 and problems[0].skipped
    assert problems[0].where == f"{tmp_path / 'c.jsonl'}:2"
    assert message in problems[0].message


def test_lone_surrogates_in_text_id_and_metadata_become_u_fffd(tmp_path: Path) -> None:
    # J04, J05: an escaped lone surrogate is valid JSON but not text: spaCy and UTF-8 refuse it
    line = '{"id": "\\udc80x", "text": "Turkey condemned Iran \\ud800 today.", "title": "\\ud83d"}'
    docs, problems = read(corpus(tmp_path / "c.jsonl", line))
    assert problems == []
    assert [d.id for d in docs] == ["a", "\ufffdx", "z"]
    assert docs[1].text == "Turkey condemned Iran \ufffd today."  # same length: offsets hold
    assert docs[1].title == "\ufffd"
    for d in docs:
        (d.id + d.text + (d.title or "")).encode("utf-8")  # no surrogate left
    # a proper pair (an emoji as json.dumps writes it) is joined by the JSON parser
    pair = json.dumps({"id": "e", "text": "Smile \U0001F600 Turkey condemned Iran."})
    docs, _ = read(corpus(tmp_path / "d.jsonl", pair))
    assert "\U0001F600" in docs[1].text


def test_clean_text_keeps_length_and_drops_what_xml_and_utf8_refuse() -> None:
    raw = "a\x01b\ufffec\uffffd\ud800e\x7f\u0085f"
    cleaned = clean_text(raw)
    assert len(cleaned) == len(raw)
    assert cleaned == "a b c d\ufffde  f"


def test_utf16_jsonl_is_split_on_newlines_only(tmp_path: Path) -> None:
    # J07: U+2028, U+0085 and U+001C inside a string are not line breaks in JSON Lines
    lines = [json.dumps({"id": f"u{i}", "text": "Turkey condemned Iran." + sep}, ensure_ascii=False)
             for i, sep in enumerate(["", "\u2028Egypt praised Sudan.", "\u0085x", "\x1cy", ""])]
    lines.append("not json")
    f = tmp_path / "c.jsonl"
    f.write_bytes(("\n".join(lines) + "\n").encode("utf-16"))
    docs, problems = read(f)
    assert [d.id for d in docs] == ["u0", "u1", "u2", "u3", "u4"]
    assert [(p.where, p.skipped) for p in problems] == [(f"{f}:6", True)]  # the right line


def test_one_nul_byte_rejects_only_its_line(tmp_path: Path) -> None:
    # J08: a raw NUL in the first 8 KB used to make the whole corpus "binary"
    lines = [json.dumps({"id": f"n{i}", "text": "Turkey condemned Iran."}) for i in range(200)]
    lines[4] = lines[4].replace("Iran.", "Iran.\x00")
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(lines) + "\n")
    docs, problems = read(f)
    assert len(docs) == 199
    assert [p.where for p in problems] == [f"{f}:5"]


def test_utf16_jsonl_without_bom_still_reads(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_bytes((json.dumps(GOOD) + "\n").encode("utf-16-le"))
    docs, _ = read(f)
    assert [d.id for d in docs] == ["a"]


# ---------------------------------------------------------------------------- folders (F02, F04)


def test_dangling_and_looping_article_links_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Turkey condemned Iran.\n")
    (folder / "dangling.txt").symlink_to("/nonexistent/x")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "up").symlink_to("..")  # a link to a folder is not followed: no endless walk
    (folder / "notes.md").symlink_to("/nonexistent/y")  # not an article: ignored
    docs, problems = read(folder)
    assert [d.id for d in docs] == ["a"]
    assert [(Path(p.where).name, p.message.split(" (")[0]) for p in problems] == [
        ("dangling.txt", "broken symbolic link"), ("loop.txt", "symbolic link loop")]


def test_a_symlink_loop_given_as_input_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("a.txt")
    _, problems = read(tmp_path / "a.txt")
    assert problems[0].message == "symbolic link loop"


def test_an_unreadable_sub_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    folder = tmp_path / "corpus"
    (folder / "inner").mkdir(parents=True)
    (folder / "a.txt").write_text("Turkey condemned Iran.\n")
    (folder / "inner" / "b.txt").write_text("Egypt praised Sudan.\n")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # root ignores chmod 000: refuse like the kernel
        if Path(str(path)).name == "inner":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    docs, problems = read(folder)
    assert [d.id for d in docs] == ["a"]
    assert [(p.where, p.message, p.skipped) for p in problems] == [
        (str(folder / "inner"), "cannot read directory: Permission denied", True)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod 000 folders")
def test_an_unreadable_sub_directory_is_reported_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "inner").mkdir(parents=True)
    (folder / "a.txt").write_text("Turkey condemned Iran.\n")
    (folder / "inner" / "b.txt").write_text("Egypt praised Sudan.\n")
    (folder / "inner").chmod(0)
    try:
        docs, problems = read(folder)
    finally:
        (folder / "inner").chmod(0o755)
    assert [d.id for d in docs] == ["a"]
    assert "Permission denied" in problems[0].message


def test_an_unreadable_top_directory_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:  # F05: not "has no articles"
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Turkey condemned Iran.\n")

    def scandir(path: object = ".") -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", scandir)
    docs, problems = read(folder)
    assert docs == []
    assert [str(p) for p in problems] == [f"{folder}: cannot read directory: Permission denied"]
