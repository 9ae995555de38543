"""The library entry points: text in, actors and relations out, as plain records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .actors import resolver_for
from .pipeline import WarmWords, one_blas_thread
from .records import Document, Result
from .relations import RelationEngine
from .rules import RuleSet, load_rules

# Longer documents are cut on paragraph boundaries into chunks of at most this many characters:
# far below spaCy's max_length, because a long Doc costs more memory and time per character than
# short ones (measured on a 1 MB text: peak RSS 1.37 GB with 200k-character chunks, 0.60 GB with
# 50k; see bench/RESULTS.md). People named in one chunk are not linked to surnames in another.
CHUNK_CHARS = 50_000
# At most this many characters go through the pipeline in one memory zone, so that a batch of long
# documents (or the chunks of one huge document) is parsed in bounded memory.
BATCH_CHARS = 100_000


class _HasText(Protocol):
    text: str


T = TypeVar("T", bound=_HasText)


@dataclass(slots=True)
class Piece:
    """A document, or one chunk of a long one: `last` marks the chunk that completes it."""

    document: Document
    offset: int
    text: str
    last: bool


class Extractor:
    """A loaded pipeline plus rules: build once, call on many documents.

    By default only the sentences that can hold a relation are parsed (selective.py);
    `full_parse=True` parses every sentence, as `nlp(text)` does (slower, the reference).

    >>> ex = Extractor()
    >>> [r.type for r in ex.extract("Turkey condemned Iran.").relations]
    ['opposes']
    """

    def __init__(self, model: str | None = None, *, rules: Sequence[Path | str] = (),
                 replace_rules: bool = False, actors: Sequence[Path | str] = (),
                 nlp: Language | None = None, chunk_chars: int = CHUNK_CHARS,
                 full_parse: bool = False):
        from .pipeline import load_pipeline
        from .selective import SelectiveParser, selective_reason

        self.ruleset: RuleSet = load_rules(rules, replace=replace_rules)
        self.nlp = nlp or load_pipeline(model, [str(a) for a in actors])
        self.model = model
        self.resolve = resolver_for(self.nlp)
        self.engine = RelationEngine(self.ruleset, self.nlp.vocab)
        self.chunk_chars = min(chunk_chars, self.nlp.max_length)
        self.warm = WarmWords(self.nlp)
        # parse only the sentences that can hold a relation, unless asked to parse everything
        # or the model cannot (no senter, or an NER sharing the parser's tok2vec)
        self.full_parse = full_parse or selective_reason(self.nlp) is not None
        self.selective = None if self.full_parse else SelectiveParser(self.nlp, self.resolve,
                                                                   self.ruleset)

    def extract(self, text: str, *, doc_id: str = "text", date: str | None = None) -> Result:
        """Actors and relations of one text."""
        return next(self.pipe([Document(doc_id, text, date)]))

    def pipe(self, documents: Iterable[Document], *, batch_size: int = 64, first_batch: int = 1
             ) -> Iterator[Result]:
        """Results in input order, each yielded as soon as its batch is done.

        Documents are read lazily. Batches start at `first_batch` documents and double up to
        `batch_size`, so the first result comes after one document, not after a full batch.
        Each batch runs in its own memory zone and leaves it as plain records: spaCy objects
        never escape a zone, and zones never overlap, even if the caller runs this extractor
        again between results.
        """
        current: Result | None = None  # a long document whose chunks span several batches
        pieces = _pieces(documents, self.chunk_chars)
        limit = max(BATCH_CHARS, self.chunk_chars)
        for batch in batches(pieces, batch_size, limit, first=first_batch):
            for piece, result in self._batch(batch):
                if current is None:
                    current = result
                else:
                    merge_into(current, result)
                if piece.last:
                    current.stamp_mentions()
                    yield current
                    current = None

    def _batch(self, batch: list[Piece]) -> list[tuple[Piece, Result]]:
        """One batch; if it fails, each piece alone, so that one bad document fails alone: its
        Result carries `error` (and nothing else) and the other documents go on."""
        try:
            return self._parse(batch)
        except MemoryError:
            raise
        except Exception as exc:
            if len(batch) > 1:
                return [pair for piece in batch for pair in self._batch([piece])]
            d = batch[0].document
            return [(batch[0], Result(d.id, date=d.date, error=f"{d.source or d.id}: extraction"
                                      f" failed ({type(exc).__name__}: {exc})"))]

    def _parse(self, batch: list[Piece]) -> list[tuple[Piece, Result]]:
        out: list[tuple[Piece, Result]] = []
        with one_blas_thread(), self.nlp.memory_zone():
            if self.selective is not None:
                parsed = zip(self.selective.pipe([p.text for p in batch]), batch, strict=True)
            else:
                parsed = self.nlp.pipe(((p.text, p) for p in batch), as_tuples=True,
                                       batch_size=len(batch))
            for doc, piece in parsed:
                d = piece.document
                out.append((piece, self.from_doc(doc, doc_id=d.id, date=d.date,
                                                 offset=piece.offset)))
        self.warm.add([p.text for p in batch])
        return out

    def explain(self, text: str) -> list[Any]:
        """Per sentence: what fired, with construction, rule and tokens, and why nothing did
        (see `relx explain`)."""
        from .relations.explain import explain

        with one_blas_thread(), self.nlp.memory_zone():
            doc = self.nlp(text)
            return explain(self.engine, doc, self.resolve(doc))

    def from_doc(self, doc: Doc, *, doc_id: str, date: str | None = None, offset: int = 0
                 ) -> Result:
        """Read a parsed Doc (from this extractor's pipeline) into plain records."""
        actors = self.resolve(doc)
        relations = self.engine(doc, actors, doc_id=doc_id, date=date)
        for rel in relations:
            rel.start += offset
            rel.end += offset
        listed = [a for a in actors.actors.values() if a.mentions > 0]
        return Result(doc_id, listed, relations, date)


def merge_into(result: Result, more: Result) -> None:
    """Join the results of two chunks of one document."""
    known = {a.id: a for a in result.actors}
    for actor in more.actors:
        if actor.id in known:
            known[actor.id].mentions += actor.mentions
        else:
            result.actors.append(actor)
            known[actor.id] = actor
    result.relations.extend(more.relations)
    result.error = result.error or more.error


def _pieces(documents: Iterable[Document], limit: int) -> Iterator[Piece]:
    for document in documents:
        chunks = split_text(document.text, limit)
        for n, (offset, chunk) in enumerate(chunks, start=1):
            yield Piece(document, offset, chunk, n == len(chunks))


def batches(items: Iterable[T], batch_size: int, max_chars: int = 0, *, first: int = 1
            ) -> Iterator[list[T]]:
    """Lists of `first`, 2 * `first`, ... up to `batch_size` items (pieces or documents), cut
    early once their texts reach `max_chars` characters (0: no limit)."""
    size = max(1, min(first, batch_size))
    batch: list[T] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item.text)
        if len(batch) >= size or 0 < max_chars <= chars:
            yield batch
            batch, chars = [], 0
            size = min(size * 2, max(batch_size, 1))
    if batch:
        yield batch


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of at most `limit` characters, cut at paragraph or line breaks.

    Each cut falls at the last paragraph break in the second half of the window, else the last
    line break, sentence end or space; a text without any is cut hard at `limit`.
    `text[offset:offset + len(chunk)] == chunk` for every piece, and the pieces cover the text.
    """
    if limit < 1:
        raise ValueError(f"chunk limit must be positive, not {limit}")
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, start + limit // 2, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        pieces.append((start, text[start:end]))
        start = end
    return pieces


@lru_cache(maxsize=4)
def _default_extractor(model: str | None) -> Extractor:
    return Extractor(model)


def extract(text: str, *, doc_id: str = "text", date: str | None = None,
            model: str | None = None) -> Result:
    """Actors and relations of `text`, with the default pipeline and rules (loaded once)."""
    return _default_extractor(model).extract(text, doc_id=doc_id, date=date)
