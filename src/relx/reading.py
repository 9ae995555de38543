"""Reading inputs: files, directories, JSON Lines corpora and stdin, lazily, one article at a time.

A bad input never stops the others: it is yielded as a `Problem` naming the file (and line), and
the caller decides whether to report it and go on or, with --strict, to stop.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
import sys
from collections.abc import Generator, Iterable, Iterator
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
            found = False
            for entry in walk_articles(path):
                found = True
                if isinstance(entry, Problem):
                    yield entry
                    continue
                yield from _file(entry, text_field, id_field)
            if not found:
                yield Problem(name, "directory has no *.txt or *.jsonl articles")
        elif path.exists():
            yield from _file(path, text_field, id_field)
        else:
            yield Problem(name, _missing(path))


def walk_articles(folder: Path) -> Iterator[Path | Problem]:
    """The *.txt and *.jsonl files under `folder` in path order, and a Problem for each part of
    the tree that cannot be read: an unreadable sub-directory, a dangling or looping link named
    like an article. `Path.rglob` skips those without a word, which loses files silently.

    Links to directories are not followed (no cycles); special files (FIFOs, devices) are skipped.
    """
    found: list[tuple[str, Path | Problem]] = []

    def unreadable(exc: OSError) -> None:
        where = str(exc.filename or folder)
        found.append((where, Problem(where, f"cannot read directory: {exc.strerror or exc}")))

    for top, _dirs, names in os.walk(folder, onerror=unreadable):
        for name in names:
            if not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(top, name)
            try:
                mode = path.stat().st_mode
            except OSError:
                found.append((str(path), Problem(str(path), _missing(path))))
                continue
            if stat.S_ISREG(mode):
                found.append((str(path), path))
    found.sort(key=lambda item: item[0])
    for _, entry in found:
        yield entry


def _missing(path: Path) -> str:
    """Why `path` cannot be opened: missing, a dangling link, or a link loop."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)!r})"
        if exc.errno != errno.ENOENT:
            return f"cannot read: {exc.strerror or exc}"
    return "no such file or directory"


def _file(path: Path, text_field: str, id_field: str) -> Iterator[Item]:
    try:
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl_stream(path, text_field, id_field)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from _text_document(data, path.stem, str(path))


def _jsonl_stream(path: Path, text_field: str, id_field: str) -> Iterator[Item]:
    """A JSONL corpus line by line, so a corpus of any size never sits in memory whole.

    UTF-8 (the JSON Lines encoding) streams; a file with a UTF-16/32 byte order mark, or binary
    data, goes through `decode` as a whole.
    """
    with path.open("rb") as fh:
        head = fh.read(8192)
        # a NUL byte alone does not make a corpus binary: only the line holding it is rejected,
        # unless the NULs look like UTF-16 without a byte order mark
        wide = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
                                codecs.BOM_UTF32_BE)) or (
            b"\x00" in head and _utf16_without_bom(head) is not None)
        if wide or any(head.startswith(magic) for magic, _ in MAGIC):
            yield from _jsonl(head + fh.read(), path, text_field, id_field)
            return
        fh.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
        lines = (_line_text(raw, path, n) for n, raw in enumerate(fh, start=1))
        found = yield from _records(lines, path, text_field, id_field)
    if not found and not head.strip():
        yield Problem(str(path), "empty file")


def _line_text(raw: bytes, path: Path, n: int) -> tuple[int, str, Problem | None]:
    try:
        return n, raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text, caveat = _not_utf8(raw, exc)
        return n, text, Problem(f"{path}:{n}", caveat, skipped=False)


# File signatures of formats people feed a text tool by mistake (a renamed image, a PDF, a .docx).
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"), (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"), (b"SQLite format 3\x00", "SQLite database"),
)
# C0/C1 control characters other than tab and line breaks, and the noncharacters U+FFFE/U+FFFF
# (not allowed in XML): blanked (same length, so offsets hold).
_CONTROLS = {c: " " for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                              *range(0x7F, 0xA0), 0xFFFE, 0xFFFF)}
# Lone UTF-16 surrogates (a JSON "\ud800" escape): not text, and not encodable as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, caveat): UTF-8 (BOM stripped), UTF-16/32 with a BOM, else a best effort with a caveat.

    Undecodable bytes become U+FFFD and the caveat says so; binary data (a known file signature,
    NUL bytes outside UTF-16, mostly control characters) gives (None, reason).
    """
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return None, f"binary file ({kind}), not text"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode_with_bom(data, "utf-32", "UTF-32")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_with_bom(data, "utf-16", "UTF-16")
    if b"\x00" in data[:8192]:
        guess = _utf16_without_bom(data[:8192])
        if guess is None:
            return None, "binary file (NUL bytes), not text"
        text, caveat = _decode_with_bom(data, guess, "UTF-16")
        return text, "no byte order mark: decoded as UTF-16" + (f"; {caveat}" if caveat else "")
    try:
        text = data.decode("utf-8")
        caveat = None
    except UnicodeDecodeError as exc:
        text, caveat = _not_utf8(data, exc)
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if sample and controls > len(sample) * 0.3:
        return None, "binary file (control characters), not text"
    return text, caveat


def _decode_with_bom(data: bytes, codec: str, name: str) -> tuple[str, str | None]:
    """Decode what can be decoded; say how many characters could not be."""
    text = data.decode(codec, errors="replace").lstrip("\ufeff")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    if bad:
        return text, f"invalid {name}: {bad} undecodable character(s) replaced by U+FFFD"
    return text, None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit in every other position (ASCII text as UTF-16)."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4 and odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if len(sample) >= 4 and even.count(0) > 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _not_utf8(data: bytes, exc: UnicodeDecodeError) -> tuple[str, str]:
    """Mostly-UTF-8 text keeps its UTF-8 (bad bytes replaced); anything else is read as cp1252."""
    utf8 = data.decode("utf-8", errors="replace")
    bad = utf8.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for ch in utf8 if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte and multibyte >= bad:
        return utf8, (f"not valid UTF-8 (byte {exc.start}): {bad} undecodable byte(s) replaced"
                      " by U+FFFD")
    return (data.decode("cp1252", errors="replace"),
            f"not valid UTF-8 (byte {exc.start}): decoded as Windows-1252/Latin-1")


def clean_text(text: str) -> str:
    """Windows and old Mac line endings to '\\n', control characters to spaces, lone surrogates to
    U+FFFD, so that offsets and sentences are stable, no control character reaches the output and
    every output encodes as UTF-8 (spaCy's tokenizer fails on a surrogate)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
    return _SURROGATES.sub("\ufffd", text)


def clean_field(value: object) -> str:
    """A metadata value or id as one clean line of text: no control characters, no surrogates."""
    return clean_text(str(value)).replace("\n", " ")


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
    # JSON Lines are split on "\n" only: str.splitlines() would also cut at U+2028, U+0085 or
    # U+001C inside a string, losing the record and shifting every later line number
    lines = ((n, line, None) for n, line in enumerate(text.split("\n"), start=1))
    found = yield from _records(lines, path, text_field, id_field)
    if not found and not text.strip():
        yield Problem(str(path), "empty file")


def _records(lines: Iterable[tuple[int, str, Problem | None]], path: Path, text_field: str,
             id_field: str) -> Generator[Item, None, bool]:
    """Documents from numbered JSONL lines; returns whether any line held a document."""
    found = False
    for n, line, caveat in lines:
        if caveat is not None:
            yield caveat
        if not line.strip():
            continue
        where = f"{path}:{n}"
        if "\x00" in line:
            yield Problem(where, "NUL byte: binary data, not a JSON line")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        except RecursionError:
            yield Problem(where, "not valid JSON here: nested too deeply")
            continue
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            yield Problem(where, f"not valid JSON here: {str(exc).split(';')[0]}")
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
        doc_id = clean_field(raw_id) if raw_id not in (None, "") else f"{path.stem}:{n}"
        meta = {k: clean_field(record[k]) for k in META_FIELDS if record.get(k) not in (None, "")}
        found = True
        yield Document(doc_id, clean_text(body), source=where, **meta)
    return found
