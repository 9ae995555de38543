"""Reading relation records back: the JSON Lines `relx extract -f jsonl` writes, one per line.

Records are checked field by field, because a graph built from a wrong type or a missing id fails
far from its cause; a bad line is one `file:line: what is wrong` problem and the rest is used.
Fields this version does not know (added by a later relx, or by the user) are ignored.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields
from pathlib import Path
from typing import IO, Any

from .reading import Problem
from .records import MODALITIES, RELATION_TYPES, Relation

_FIELDS = {f.name: f for f in fields(Relation)}
REQUIRED = ("doc", "source", "type", "target", "source_id", "target_id")
# what a record written by an older relx (or by hand) may leave out
DEFAULTS: dict[str, Any] = {"source_kind": "", "target_kind": "", "trigger": "", "sentence": "",
                            "start": 0, "end": 0}
_STR = ("doc", "source", "target", "source_id", "target_id", "source_kind", "target_kind",
        "trigger", "sentence", "rule", "source_role", "source_country", "target_role",
        "target_country", "date")
_INT = ("start", "end", "source_mentions", "target_mentions")
_TYPES = frozenset(RELATION_TYPES)
_MODALITIES = frozenset(MODALITIES)


class BadRecord(ValueError):
    """A line that is JSON but not a relation record."""


def relation_from_dict(data: Mapping[str, Any]) -> Relation:
    """A Relation from one record; raises BadRecord saying which field is wrong."""
    if not isinstance(data, Mapping):
        raise BadRecord(f"a record is a JSON object, not {type(data).__name__}")
    values = dict(DEFAULTS)
    values.update((k, v) for k, v in data.items() if v is not None and k in _FIELDS)
    missing = [k for k in REQUIRED if not values.get(k)]
    if missing:
        raise BadRecord(f"missing {', '.join(repr(k) for k in missing)}")
    for key in _STR:
        value = values.get(key)
        if value is not None and type(value) is not str:
            raise BadRecord(f"{key!r} must be a string, not {json.dumps(value)[:40]}")
    for key in _INT:
        value = values.get(key)
        if value is not None and type(value) is not int:
            raise BadRecord(f"{key!r} must be an integer, not {json.dumps(value)[:40]}")
    if values["type"] not in _TYPES:
        raise BadRecord(f"'type' must be one of {', '.join(RELATION_TYPES)},"
                        f" not {json.dumps(values['type'])[:40]}")
    if type(values.get("negated", False)) is not bool:
        raise BadRecord("'negated' must be true or false")
    if values.get("modality", "asserted") not in _MODALITIES:
        raise BadRecord(f"'modality' must be one of {', '.join(MODALITIES)}")
    confidence = values.get("confidence", 0.5)
    if type(confidence) is not float:
        if type(confidence) is not int:
            raise BadRecord("'confidence' must be a number")
        values["confidence"] = float(confidence)
    return Relation(**values)


def iter_relations(inputs: Iterable[str], *, stdin: IO[bytes] | None = None
                   ) -> Iterator[Relation | Problem]:
    """Relations (and problems, each naming file:line) from JSONL files and '-' (stdin), in order,
    one line at a time."""
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _lines(stream, "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            yield Problem(name, "is a directory (give the .jsonl files of `relx extract -f jsonl`)")
            continue
        try:
            fh = path.open("rb")
        except OSError as exc:
            yield Problem(name, f"cannot read: {exc.strerror or exc}")
            continue
        with fh:
            try:
                yield from _lines(fh, name)
            except OSError as exc:
                yield Problem(name, f"cannot read: {exc.strerror or exc}")


def _lines(fh: IO[bytes], name: str) -> Iterator[Relation | Problem]:
    for n, raw in enumerate(fh, start=1):
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield Problem(f"{name}:{n}", "not UTF-8 text")
            continue
        except json.JSONDecodeError as exc:
            yield Problem(f"{name}:{n}", f"not valid JSON ({exc.msg})")
            continue
        try:
            yield relation_from_dict(data)
        except BadRecord as exc:
            yield Problem(f"{name}:{n}", f"not a relation record: {exc}")
        except TypeError as exc:  # a field of the right type but unusable: still one line
            yield Problem(f"{name}:{n}", f"not a relation record: {exc}")
