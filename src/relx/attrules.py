"""The model's attribute ruler and lemmatizer, the same rules applied faster.

The attribute ruler, by dictionary look-up instead of spaCy's Matcher:

en_core_web_sm's `attribute_ruler` maps fine tags to POS and morphology and fixes a few words'
lemmas: 179 patterns, almost all of one token testing TAG, LOWER, DEP or IS_SPACE for
equality or membership.
spaCy runs them through its general Matcher, which costs more than the tagger and parser
together's share of the rest (about 14% of the full pipeline, see bench/RESULTS.md). Here the
one-token equality patterns are looked up in dictionaries, the others still go through a Matcher,
and the matches are applied in the ruler's own order (later patterns win), through spaCy's own
`set_token_attrs`: the result is the same, token for token (checked in tests/test_selective.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import product
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
ARRAY_ATTRS = [POS, MORPH, LEMMA]
Entry = tuple[int, tuple[tuple[str, frozenset[Any]], ...]]
MEMO_MAX = 100_000  # lemma look-ups kept (a few MB)


class FastAttributeRuler:
    """Callable like the AttributeRuler it wraps, with `pipe` for batches."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        # signature (attribute names) -> values -> attribute-rule ids, for one-token patterns
        # (each id with the values its NOT_IN tests exclude)
        self.lookup: dict[tuple[str, ...], dict[tuple[Any, ...], list[Entry]]] = defaultdict(
            lambda: defaultdict(list))
        self.matcher = Matcher(ruler.vocab, validate=False)
        self.rest = 0
        # per attribute rule: what it sets, as (column, value) of ARRAY_ATTRS, and the rest
        self.split = [_split(attrs) for attrs in ruler.attrs]
        self.memo: dict[tuple[int, ...], list[int]] = {}  # (tag, lower, dep, space) -> rules
        for attr_id, pattern in self._patterns():
            if len(pattern) == 1 and _simple(pattern[0]):
                tests = pattern[0]
                sig = tuple(k for k in KEYS if k in tests and not _excluding(tests[k]))
                excluded = tuple((k, frozenset(tests[k]["NOT_IN"])) for k in KEYS
                                 if k in tests and _excluding(tests[k]))
                choices = [_choices(tests[k]) for k in sig]
                for values in product(*choices):  # {"IN": [a, b]}: one entry per value
                    self.lookup[sig][tuple(self._id(v) for v in values)].append(
                        (attr_id, tuple((k, frozenset(self._id(v) for v in out))
                                        for k, out in excluded)))
            else:
                self.matcher.add(str(attr_id), [pattern])
                self.rest += 1

    def _patterns(self) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        for key in self.ruler.matcher._patterns:  # noqa: SLF001 - the ruler keeps no other copy
            attr_id = int(self.ruler.vocab.strings[key])
            for pattern in self.ruler.matcher.get(key)[1]:
                yield attr_id, pattern

    def _id(self, value: str | bool) -> int:
        """Values as `Doc.to_array` gives them: string ids, 0/1 for flags."""
        return int(value) if isinstance(value, bool) else self.ruler.vocab.strings.add(value)

    def __call__(self, doc: Doc) -> Doc:
        hits: list[tuple[int, int]] = []  # (attribute-rule id, token)
        columns = {k: n for n, k in enumerate(KEYS)}
        sigs = [(tuple(columns[k] for k in sig), table) for sig, table in self.lookup.items()]
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist() if len(doc) else []
        memo = self.memo
        for i, row in enumerate(rows):
            key = tuple(row)  # the same word, tag and label: the same rules
            found = memo.get(key)
            if found is None:
                found = []
                for cols, table in sigs:
                    entries = table.get(tuple([row[c] for c in cols]))
                    if entries:
                        found += [a for a, excluded in entries
                                  if not any(row[columns[k]] in out for k, out in excluded)]
                if len(memo) >= MEMO_MAX:  # bounded memory on an endless stream
                    memo.clear()
                memo[key] = found
            hits += [(a, i) for a in found]
        if self.rest:
            for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                attr_id = int(doc.vocab.strings[match_id])
                span = doc[start:end]
                hits.append((attr_id, span[self.ruler.indices[attr_id]].i))
        hits.sort()  # by rule: later rules win, as in AttributeRuler.match
        if not hits:
            return doc
        # POS, MORPH and LEMMA (what nearly every rule sets) go in as one array; any other
        # attribute after it, token by token, in the same order
        arr = doc.to_array(ARRAY_ATTRS)
        later: list[tuple[int, dict[int, Any]]] = []
        for attr_id, i in hits:
            part, rest = self.split[attr_id]
            for col, value in part:
                arr[i, col] = value
            if rest:
                later.append((i, rest))
        doc.from_array(ARRAY_ATTRS, arr)
        for i, rest in later:
            set_token_attrs(doc[i], rest)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _split(attrs: dict[Any, Any]) -> tuple[tuple[tuple[int, int], ...], dict[Any, Any]]:
    part = tuple((ARRAY_ATTRS.index(k), int(v)) for k, v in attrs.items()
                 if k in ARRAY_ATTRS and isinstance(v, int))
    rest = {k: v for k, v in attrs.items() if not (k in ARRAY_ATTRS and isinstance(v, int))}
    return part, rest


def _simple(token_pattern: dict[str, Any]) -> bool:
    """A one-token pattern of equality, IN or NOT_IN tests on the attributes looked up here,
    with at least one equality or IN test to look it up by."""
    return any(not _excluding(v) for v in token_pattern.values()) and all(
        k in KEYS and (isinstance(v, str | bool) or (
            isinstance(v, dict) and len(v) == 1 and list(v)[0] in ("IN", "NOT_IN")
            and isinstance(list(v.values())[0], list)))
        for k, v in token_pattern.items())


def _excluding(value: Any) -> bool:
    return isinstance(value, dict) and "NOT_IN" in value


def _choices(value: Any) -> list[Any]:
    return list(value["IN"]) if isinstance(value, dict) else [value]


class FastLemmatizer:
    """The model's rule lemmatizer, with its look-ups memoised per (word, POS, morphology).

    spaCy's `Lemmatizer` caches its rule look-up under that same key, but still makes a Token
    and sets its lemma one by one in Python; here the words come as one array, a known key costs
    a dict look-up, and the lemmas go back in one `from_array`. Lemmas already set (by the
    attribute ruler) are kept, as spaCy does when `overwrite` is off.
    """

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], str] = {}  # strings: ids may die with a zone

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if lem.mode != "rule" or lem.overwrite or not len(doc):
            return lem(doc)  # only the configuration en_core_web_* ships is rewritten here
        if not lem._validated:  # noqa: SLF001 - as Lemmatizer.__call__ does
            lem._validate_tables(Errors.E1004)  # noqa: SLF001
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        memo = self.memo
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            text = memo.get(key)
            if text is None:
                if len(memo) >= MEMO_MAX:  # bounded memory on an endless stream
                    memo.clear()
                text = memo[key] = lem.lemmatize(doc[i])[0]
            lemmas[i] = strings.add(text)
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
