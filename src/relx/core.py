"""The library entry points: text in, actors and relations out, as plain records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .actors import resolver_for
from .records import Document, Result
from .relations import RelationEngine
from .rules import RuleSet, load_rules

# spaCy refuses longer texts; longer documents are cut on paragraph boundaries into chunks this size.
CHUNK_CHARS = 200_000


class Extractor:
    """A loaded pipeline plus rules: build once, call on many documents.

    >>> ex = Extractor()
    >>> [r.type for r in ex.extract("Turkey condemned Iran.").relations]
    ['opposes']
    """

    def __init__(self, model: str | None = None, *, rules: Sequence[Path | str] = (),
                 replace_rules: bool = False, actors: Sequence[Path | str] = (),
                 nlp: Language | None = None):
        from .pipeline import load_pipeline

        self.ruleset: RuleSet = load_rules(rules, replace=replace_rules)
        self.nlp = nlp or load_pipeline(model, [str(a) for a in actors])
        self.model = model
        self.resolve = resolver_for(self.nlp)
        self.engine = RelationEngine(self.ruleset)

    def extract(self, text: str, *, doc_id: str = "text", date: str | None = None) -> Result:
        """Actors and relations of one text."""
        return next(self.pipe([Document(doc_id, text, date)]))

    def pipe(self, documents: Iterable[Document], *, batch_size: int = 64) -> Iterator[Result]:
        """Results in input order; spaCy objects never leave a memory zone."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch: list[Document]) -> list[Result]:
        results: list[Result] = []
        with self.nlp.memory_zone():
            pieces = [(chunk, (n, offset)) for n, d in enumerate(batch)
                      for offset, chunk in split_text(d.text)]
            merged: dict[int, Result] = {}
            for doc, (n, offset) in self.nlp.pipe(pieces, as_tuples=True):
                document = batch[n]
                result = self.from_doc(doc, doc_id=document.id, date=document.date, offset=offset)
                if n in merged:
                    merge_into(merged[n], result)
                else:
                    merged[n] = result
            results = [merged.get(n) or Result(d.id, date=d.date) for n, d in enumerate(batch)]
        return results

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


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of at most `limit` characters, cut at paragraph or line breaks."""
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
