"""Scoring predicted relations against hand-made gold files: the arithmetic behind `relx eval`.

The rules are those of the project's reference scorer (shared/eval/score.py, GUIDELINES.md), kept
identical on purpose so that `relx eval` and the reference give the same numbers:

- a predicted name resolves to a gold actor of its document when its normalised form equals one of
  the actor's forms, else to the actor whose longest form occurs in it as a whole run of words; a
  tie between two actors, or no match, leaves it unresolved;
- a `group` relation stands for every ordered pair of its members; `meets` is unordered;
- negated and non-asserted predictions are left out; a prediction with an unresolved end is a false
  positive of its type; one whose two ends are the same actor is dropped;
- precision, recall and F1 are micro-averaged over documents, overall and per type; macro-F1
  averages the per-document F1.

Pure Python (PyYAML only): importable and testable without spaCy.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .records import Document
from .yamlfile import Checker, load_yaml, shown

TYPES: tuple[str, ...] = ("supports", "opposes", "meets")
GOLD_SUFFIX = ".gold.yaml"
GOLD_KEYS = ("doc", "actors", "relations")
RELATION_KEYS = ("source", "target", "group", "type", "cue", "note")

Triple = tuple[str, str, str]


def normalise(name: str) -> str:
    """Fold case, dashes, quotes, spaces round hyphens, possessive 's, punctuation, 'the'."""
    s = name.lower()
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s'-]", " ", s)
    s = re.sub(r"^(the)\s+", "", s.strip())
    return re.sub(r"\s+", " ", s).strip()


def key(source: str, kind: str, target: str) -> Triple:
    """The scored identity of a relation: `meets` is symmetric, so its ends are sorted."""
    if kind == "meets":
        a, b = sorted((source, target))
        return (a, kind, b)
    return (source, kind, target)


@dataclass(slots=True)
class GoldDoc:
    """One document's gold: actor forms and the set of relation triples."""

    id: str
    path: Path
    forms: dict[str, str]  # normalised form -> canonical actor
    triples: set[Triple]
    cues: dict[Triple, str]

    def resolve(self, name: str) -> str | None:
        """The gold actor a predicted name stands for, or None (no match, or a tie)."""
        n = normalise(name or "")
        if not n:
            return None
        if n in self.forms:
            return self.forms[n]
        words = f" {n} "
        best: dict[str, int] = {}
        for form, actor in self.forms.items():
            if f" {form} " in words:
                best[actor] = max(best.get(actor, 0), len(form))
        if not best:
            return None
        top = max(best.values())
        winners = [a for a, length in best.items() if length == top]
        return winners[0] if len(winners) == 1 else None


def parse_gold(data: Any, path: Path) -> GoldDoc:
    """Validate one gold file's content; errors name the file and the field."""
    check = Checker(str(path))
    top = check.mapping(data, (), allowed=GOLD_KEYS, required=("doc", "actors"))
    doc_id = top["doc"]
    check.string(doc_id, ("doc",))
    actors = top["actors"]
    if not isinstance(actors, Mapping) or not actors:
        raise check.fail(("actors",), "must be a mapping of actor -> [forms], not empty")
    forms: dict[str, str] = {}
    for actor, names in actors.items():
        check.string(actor, ("actors",))
        if not isinstance(names, list):
            raise check.fail(("actors", actor), "must be a list of forms (use [] for none)")
        check.strings(names, ("actors", actor), empty_ok=True)
        for form in [actor, *names]:
            n = normalise(form)
            if not n:
                raise check.fail(("actors", actor), f"form {form!r} is empty once normalised")
            forms.setdefault(n, actor)
    triples: set[Triple] = set()
    cues: dict[Triple, str] = {}
    relations = top.get("relations") or []
    if not isinstance(relations, list):
        raise check.fail(("relations",), "must be a list")
    for i, rel in enumerate(relations):
        loc: tuple[str | int, ...] = ("relations", i)
        check.mapping(rel, loc, allowed=RELATION_KEYS, required=("type",))
        kind = check.choice(rel["type"], (*loc, "type"), TYPES)
        if "group" in rel:
            if "source" in rel or "target" in rel:
                raise check.fail(loc, "has both group and source/target: give one or the other")
            group = rel["group"]
            if not isinstance(group, list) or len(group) < 2:
                raise check.fail((*loc, "group"), "must be a list of at least two actors")
            if len(set(map(str, group))) != len(group):
                raise check.fail((*loc, "group"), "names an actor twice")
            ends: list[Any] = group
            pairs: Iterable[tuple[Any, Any]] = itertools.permutations(group, 2)
        else:
            for end in ("source", "target"):
                if end not in rel:
                    raise check.fail((*loc, end), "field required (or give a group)")
            ends = [rel["source"], rel["target"]]
            if rel["source"] == rel["target"]:
                raise check.fail(loc, "source and target are the same actor")
            pairs = [(rel["source"], rel["target"])]
        for end in ends:
            if not isinstance(end, Hashable) or end not in actors:
                raise check.fail(loc, f"{end!r} is not in actors")
        cue = rel.get("cue", "")
        for src, tgt in pairs:
            t = key(src, kind, tgt)
            triples.add(t)
            cues.setdefault(t, cue if isinstance(cue, str) else str(cue))
    return GoldDoc(doc_id, path, forms, triples, cues)


def gold_files(folder: Path | str) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a directory")
    files = sorted(folder.glob(f"*{GOLD_SUFFIX}"))
    if not files:
        raise InputError(f"{folder}: no *{GOLD_SUFFIX} files")
    return files


def load_gold(folder: Path | str) -> dict[str, GoldDoc]:
    """Every NAME.gold.yaml of `folder`, by document id, in file-name order."""
    docs: dict[str, GoldDoc] = {}
    for path in gold_files(folder):
        doc = parse_gold(load_yaml(path), path)
        if doc.id in docs:
            raise InputError(f"{path}: doc {doc.id!r} is also the id of {docs[doc.id].path}")
        docs[doc.id] = doc
    return docs


def text_path(doc: GoldDoc) -> Path:
    """NAME.txt beside NAME.gold.yaml: the article the gold annotates."""
    return doc.path.with_name(doc.path.name[: -len(GOLD_SUFFIX)] + ".txt")


# ------------------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"f1": self.f1, "precision": self.precision, "recall": self.recall,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


Unresolved = tuple[Any, str, Any]  # (source as predicted, type, target as predicted)


@dataclass(slots=True)
class DocScore:
    """One gold document: which gold triples were found, missed, and what was wrongly predicted."""

    doc: str
    hits: list[Triple]
    misses: list[Triple]
    false_positives: list[Triple]
    unresolved: list[Unresolved]
    cues: dict[Triple, str] = field(repr=False)

    def counts(self, kind: str | None = None) -> Counts:
        """All types, or one type; unresolved predictions are false positives of their type."""
        def n(items: Iterable[tuple[Any, str, Any]]) -> int:
            return sum(1 for x in items if kind is None or x[1] == kind)

        return Counts(n(self.hits), n(self.false_positives) + n(self.unresolved), n(self.misses))

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = self.counts().to_dict()
        if details:
            data["hits"] = [list(x) for x in self.hits]
            data["misses"] = [{"triple": list(x), "cue": self.cues.get(x, "")} for x in self.misses]
            data["false_positives"] = [list(x) for x in self.false_positives]
            data["unresolved"] = [list(x) for x in self.unresolved]
        return data


@dataclass(slots=True)
class Scores:
    """The result of `score`: per-document rows, from which all totals derive."""

    docs: list[DocScore]
    ignored: int = 0  # negated or non-asserted predictions, left out by the rules
    unknown_docs: dict[str, int] = field(default_factory=dict)  # doc id -> predictions

    def per_type(self) -> dict[str, Counts]:
        return {t: sum((d.counts(t) for d in self.docs), Counts()) for t in TYPES}

    def overall(self) -> Counts:
        return sum(self.per_type().values(), Counts())

    @property
    def macro_f1(self) -> float:
        """Mean of the per-document F1 (a document with no gold and no prediction scores 0)."""
        return sum(d.counts().f1 for d in self.docs) / len(self.docs) if self.docs else 0.0

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """Overall keys as the reference scorer's --json, then macro-F1, types and documents."""
        data: dict[str, Any] = self.overall().to_dict()
        data["macro_f1"] = self.macro_f1
        data["types"] = {t: c.to_dict() for t, c in self.per_type().items()}
        data["documents"] = {d.doc: d.to_dict(details) for d in self.docs}
        data["ignored"] = self.ignored
        data["unknown_docs"] = dict(self.unknown_docs)
        return data


def _hashable(value: Any) -> Hashable:
    return value if isinstance(value, str | int | float | bool | None) else json.dumps(value)


def score(gold: Mapping[str, GoldDoc], predictions: Iterable[Any]) -> Scores:
    """Score prediction records (dicts as written by `relx extract -f jsonl`) against `gold`."""
    predicted: dict[str, set[Triple]] = defaultdict(set)
    unresolved: dict[str, set[Unresolved]] = defaultdict(set)
    ignored = 0
    unknown: dict[str, int] = defaultdict(int)
    for rec in predictions:
        if not isinstance(rec, dict) or rec.get("type") not in TYPES:
            continue
        if rec.get("negated") is True or rec.get("modality", "asserted") != "asserted":
            ignored += 1
            continue
        doc = gold.get(str(rec.get("doc")))
        if doc is None:
            unknown[str(rec.get("doc"))] += 1
            continue
        kind = rec["type"]
        src = doc.resolve(str(rec.get("source", "")))
        tgt = doc.resolve(str(rec.get("target", "")))
        if src is None or tgt is None:
            unresolved[doc.id].add((_hashable(rec.get("source")), kind,
                                    _hashable(rec.get("target"))))
            continue
        if src == tgt:
            continue
        predicted[doc.id].add(key(src, kind, tgt))
    rows = []
    for doc_id, doc in gold.items():
        pred = predicted[doc_id]
        rows.append(DocScore(
            doc=doc_id, hits=sorted(pred & doc.triples), misses=sorted(doc.triples - pred),
            false_positives=sorted(pred - doc.triples),
            unresolved=sorted(unresolved[doc_id], key=str), cues=doc.cues))
    return Scores(rows, ignored, dict(unknown))


@dataclass(frozen=True, slots=True)
class BadLine:
    where: str
    message: str
    warning: bool = False  # read, but with a caveat (not a failure)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def read_predictions(lines: Iterable[str], source: str, problems: list[BadLine]
                     ) -> Iterator[Any]:
    """Relation records of a JSON Lines stream; a line that is not JSON, or not a relation
    record (an object with string doc, source and target and a relation type), goes to
    `problems` (file:line) and the rest is still read. Lines read with errors="surrogateescape"
    keep their undecodable bytes, so one bad byte rejects its line only."""
    for n, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        where = f"{source}:{n}"
        if any("\udc80" <= ch <= "\udcff" for ch in line):
            problems.append(BadLine(where, "not UTF-8 text"))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(BadLine(where, f"not valid JSON ({exc.msg})"))
            continue
        except RecursionError:
            problems.append(BadLine(where, "not valid JSON here: nested too deeply"))
            continue
        except ValueError as exc:  # an integer of more than 4,300 digits
            problems.append(BadLine(where, f"not valid JSON here: {str(exc).split(';')[0]}"))
            continue
        wrong = _not_a_record(record)
        if wrong:
            problems.append(BadLine(where, f"not a relation record: {wrong}"))
            continue
        if record.get("type") not in TYPES:  # well formed, but a relation relx does not score
            problems.append(BadLine(where, f"type {shown(record.get('type'))} is not scored (only"
                                    f" {', '.join(TYPES)})", warning=True))
        yield record


def _not_a_record(record: Any) -> str | None:
    """What makes `record` unlike a `relx extract -f jsonl` line, or None."""
    if not isinstance(record, dict):
        return f"a JSON {_json_type(record)}, not an object"
    for name in ("doc", "source", "target"):
        if not isinstance(record.get(name), str) or not record[name]:
            got = "missing" if name not in record else _json_type(record[name])
            return f"{name!r} must be a non-empty string ({got})"
    if not isinstance(record.get("type"), str):
        got = "missing" if "type" not in record else _json_type(record["type"])
        return f"'type' must be a string ({got})"
    return None


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


# ------------------------------------------------------------------------- extraction and output


def gold_documents(gold: Mapping[str, GoldDoc], problems: list[BadLine]) -> Iterator[Document]:
    """The article beside each gold file, read as `relx extract` reads it, under the gold doc id."""
    from .reading import Problem, iter_documents

    for doc in gold.values():
        path = text_path(doc)
        for item in iter_documents([str(path)]):
            if isinstance(item, Problem):
                if item.skipped:
                    problems.append(BadLine(str(path), f"{item.message} (scored as nothing found)"))
                continue
            item.id = doc.id
            yield item


def predict(gold: Mapping[str, GoldDoc], extractor: Any, problems: list[BadLine],
            *, batch_size: int = 64) -> Iterator[dict[str, Any]]:
    """Prediction records (the JSONL contract) of `extractor` (a core.Extractor) on the gold."""
    for result in extractor.pipe(gold_documents(gold, problems), batch_size=batch_size):
        for rel in result.relations:
            yield rel.to_dict()


DETAIL_TAGS = {"hit": "green", "miss": "red", "false": "yellow"}


def detail_lines(scores: Scores) -> Iterator[tuple[str, str, str]]:
    """(doc, tag, text) for every hit, miss (with its gold cue) and false positive."""
    for d in scores.docs:
        for x in d.hits:
            yield d.doc, "hit", " | ".join(x)
        for x in d.misses:
            cue = d.cues.get(x, "")
            yield d.doc, "miss", " | ".join(x) + (f"    <- {cue}" if cue else "")
        for x in d.false_positives:
            yield d.doc, "false", " | ".join(x)
        for u in d.unresolved:
            yield d.doc, "false", " | ".join(map(str, u)) + "   (unresolved actor)"


def _rows(scores: Scores) -> tuple[list[tuple[str, Counts]], list[tuple[str, Counts]]]:
    docs = [(d.doc, d.counts()) for d in scores.docs]
    types = [*scores.per_type().items(), ("all (micro)", scores.overall())]
    return docs, types


def format_text(scores: Scores, *, details: bool = False) -> str:
    """Plain-text report (for pipes and files): details, documents, types, macro-F1."""
    out: list[str] = []
    if details:
        current = None
        for doc, tag, text in detail_lines(scores):
            if doc != current:
                out.append(f"== {doc}")
                current = doc
            out.append(f"  {tag:6} {text}")
    docs, types = _rows(scores)
    width = max([len("document"), *(len(name) for name, _ in docs + types)])

    def table(title: str, rows: list[tuple[str, Counts]]) -> None:
        out.append(f"{title:{width}} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
        for name, c in rows:
            out.append(f"{name:{width}} {c.tp:4} {c.fp:4} {c.fn:4} {c.precision:6.3f}"
                       f" {c.recall:6.3f} {c.f1:6.3f}")

    table("document", docs)
    out.append("")
    table("type", types)
    out.append("")
    out.append(f"macro-F1 over {len(scores.docs)} documents {scores.macro_f1:.3f}")
    return "\n".join(out) + "\n"


def render_rich(console: Any, scores: Scores, *, details: bool = False) -> None:
    """The same report as rich tables, for a terminal."""
    from rich.table import Table
    from rich.text import Text

    if details:
        current = None
        for doc, tag, text in detail_lines(scores):
            if doc != current:
                console.print(Text(doc, style="bold"))
                current = doc
            console.print(Text.assemble("  ", (f"{tag:6}", DETAIL_TAGS[tag]), text))
    docs, types = _rows(scores)
    for title, rows in (("document", docs), ("type", types)):
        table = Table(title_justify="left")
        table.add_column(title, overflow="fold")
        for name in ("tp", "fp", "fn", "P", "R", "F1"):
            table.add_column(name, justify="right")
        for i, (name, c) in enumerate(rows):
            style = "bold" if title == "type" and i == len(rows) - 1 else None
            table.add_row(name, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}",
                          f"{c.recall:.3f}", f"{c.f1:.3f}", style=style)
        console.print(table)
    console.print(f"macro-F1 over {len(scores.docs)} documents [bold]{scores.macro_f1:.3f}[/]")
