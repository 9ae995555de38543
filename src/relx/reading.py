"""Reading inputs: files, directories, JSON Lines corpora and stdin, lazily, one article at a time.

A bad input never stops the others: it is yielded as a `Problem` naming the file (and line), and
the caller decides whether to report it and go on or, with --strict, to stop.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .records import Document

ARTICLE_SUFFIXES = (".txt", ".jsonl")
META_FIELDS = ("date", "title", "url")


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that was skipped (`skipped=True`) or read with a caveat (a warning)."""

    where: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Document | Problem


def iter_documents(inputs: Iterable[str], *, text_field: str = "text", id_field: str = "id",
                   stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Documents (and problems) from paths, directories (recursive) and '-' (stdin), in order."""
    seen_ids: dict[str, int] = {}
    for item in _raw(inputs, text_field, id_field, stdin):
        if isinstance(item, Document):
            n = seen_ids.get(item.id, 0) + 1
            seen_ids[item.id] = n
            if n > 1:
                new_id = f"{item.id}~{n}"
                yield Problem(item.source, f"duplicate id {item.id!r}: renamed {new_id!r}",
                              skipped=False)
                item.id = new_id
        yield item


def _raw(inputs: Iterable[str], text_field: str, id_field: str, stdin: IO[bytes] | None
         ) -> Iterator[Item]:
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _text_document(stream.read(), "stdin", "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                yield Problem(name, "directory has no *.txt or *.jsonl articles")
            for file in files:
                yield from _file(file, text_field, id_field)
        elif path.exists():
            yield from _file(path, text_field, id_field)
        else:
            yield Problem(name, "no such file or directory")


def _file(path: Path, text_field: str, id_field: str) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl(data, path, text_field, id_field)
    else:
        yield from _text_document(data, path.stem, str(path))


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, caveat): UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1 with a caveat.

    Binary data (NUL bytes outside UTF-16, or mostly control characters) gives (None, reason).
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, "invalid UTF-16"
    if b"\x00" in data[:8192]:
        return None, "binary file (NUL bytes), not text"
    try:
        text = data.decode("utf-8")
        caveat = None
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        caveat = f"not valid UTF-8 (byte {exc.start}): decoded as Windows-1252/Latin-1"
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if sample and controls > len(sample) * 0.1:
        return None, "binary file (control characters), not text"
    return text, caveat


def clean_text(text: str) -> str:
    """Windows and old Mac line endings to '\\n', so offsets and sentences are stable."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text_document(data: bytes, doc_id: str, where: str) -> Iterator[Item]:
    text, caveat = decode(data)
    if text is None:
        yield Problem(where, caveat or "cannot decode")
        return
    if caveat:
        yield Problem(where, caveat, skipped=False)
    text = clean_text(text)
    if not text.strip():
        yield Problem(where, "empty file" if not text else "only whitespace, no text")
        return
    yield Document(doc_id, text, source=where)


def _jsonl(data: bytes, path: Path, text_field: str, id_field: str) -> Iterator[Item]:
    text, caveat = decode(data)
    if text is None:
        yield Problem(str(path), caveat or "cannot decode")
        return
    if caveat:
        yield Problem(str(path), caveat, skipped=False)
    found = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield Problem(where, "not a JSON object")
            continue
        body = record.get(text_field)
        if body is None:
            yield Problem(where, f"no {text_field!r} field")
            continue
        if not isinstance(body, str):
            yield Problem(where, f"{text_field!r} is {type(body).__name__}, not a string")
            continue
        if not body.strip():
            yield Problem(where, f"{text_field!r} is empty")
            continue
        raw_id = record.get(id_field)
        doc_id = str(raw_id) if raw_id not in (None, "") else f"{path.stem}:{n}"
        meta = {k: str(record[k]) for k in META_FIELDS if record.get(k) not in (None, "")}
        found = True
        yield Document(doc_id, clean_text(body), source=where, **meta)
    if not found and not text.strip():
        yield Problem(str(path), "empty file")
