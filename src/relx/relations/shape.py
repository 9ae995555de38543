"""Dependency shapes written as data: rules with `pattern: shape` carry a spaCy
DependencyMatcher pattern whose nodes named `trigger`, `source` and `target` give the relation.

The trigger node is the pattern's anchor and gets the rule's `lemmas` as its LEMMA constraint; a
shape without a `source` node takes the subject of its last `cue...` verb, else the trigger's
(through control chains, as the verb construction does); nodes named `cue...` join the trigger
words shown in records.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..actors import DocActors
from ..rules import Rule
from .base import Construction, Match, construction


def compile_shape(rule: Rule) -> list[dict[str, Any]]:
    """The rule's shape as a DependencyMatcher pattern, the lemmas put on the trigger node."""
    pattern = [dict(node) for node in rule.shape]
    anchor = dict(pattern[0])
    attrs = dict(anchor.get("RIGHT_ATTRS") or {})
    if "*" not in rule.lemmas:
        attrs["LEMMA"] = {"IN": sorted(rule.lemmas)}
    anchor["RIGHT_ATTRS"] = attrs
    pattern[0] = anchor
    return pattern


def required_words(rule: Rule) -> list[frozenset[str]]:
    """For each node of the rule's shape that names its words (LEMMA or LOWER, one word or an
    IN list; the trigger's are the rule's lemmas), the words one of which must occur."""
    out: list[frozenset[str]] = []
    if "*" not in rule.lemmas:
        out.append(frozenset(rule.lemmas))
    for node in rule.shape[1:]:
        attrs = node.get("RIGHT_ATTRS") or {}
        for name in ("LEMMA", "LOWER"):
            value = attrs.get(name)
            if isinstance(value, str):
                out.append(frozenset({value.lower()}))
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                out.append(frozenset(str(v).lower() for v in value["IN"]))
    return out


def shape_matcher(vocab: Vocab, rules: list[Rule]) -> DependencyMatcher:
    """One matcher for all shape rules (raises spaCy's own error for a malformed shape)."""
    matcher = DependencyMatcher(vocab)
    for rule in rules:
        matcher.add(rule.id, [compile_shape(rule)])
    return matcher


@construction
class Shape(Construction):
    name = "shape"
    order = 60
    pattern = "shape"
    description = "a dependency shape given as data (spaCy DependencyMatcher nodes)"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shape_rules = [r for r in self.rules.rules if r.pattern == "shape"]
        self.by_key = {get_string_id(r.id): r for r in self.shape_rules}
        # per shape, the words its nodes require (each node with a LEMMA or LOWER list must
        # find one of them): a sentence without them cannot match, and is not searched
        self.needs = [required_words(r) for r in self.shape_rules]
        self.matcher: DependencyMatcher | None = None
        self.vocab: Vocab | None = None
        # this document's matches, by trigger token: (rule, {node name: token index})
        self.found: dict[int, list[tuple[Rule, dict[str, int]]]] = {}

    def bind(self, vocab: Vocab) -> None:
        if self.shape_rules and vocab is not self.vocab:
            self.matcher = shape_matcher(vocab, self.shape_rules)
            self.vocab = vocab

    def start(self, doc: Doc, actors: DocActors) -> None:
        self.found = {}
        if not self.shape_rules or not doc.has_annotation("DEP") or \
                not doc.has_annotation("TAG"):
            return  # nothing parsed (selective parsing found no sentence to parse): no shape
        self.bind(doc.vocab)
        assert self.matcher is not None
        # the matcher walks every token of what it is given: give it only the sentences that
        # hold every word some shape requires
        for sent in doc.sents:
            if not sent[0].tag_:
                continue  # a sentence selective parsing left unparsed
            words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
            if not any(all(need & words for need in needs) for needs in self.needs):
                continue
            for key, token_ids in self.matcher(sent):
                rule = self.by_key[key]
                names = {node["RIGHT_ID"]: sent.start + i
                         for node, i in zip(rule.shape, token_ids, strict=True)}
                self.found.setdefault(names["trigger"], []).append((rule, names))

    def triggers(self, tok: Token) -> list[Rule]:
        return list(dict.fromkeys(rule for rule, _ in self.found.get(tok.i, ())))

    def read(self, tok: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        doc = tok.doc
        for found, names in self.found.get(tok.i, ()):
            if found is not rule:
                continue
            targets = [doc[i] for n, i in names.items() if n.startswith("target")]
            sources = [doc[i] for n, i in names.items() if n.startswith("source")]
            verbs: list[Token] = []
            if not sources:  # the subject of the shape's verb ("called for X's resignation")
                verbs = [doc[i] for n, i in names.items() if n.startswith("cue")
                         and doc[i].pos_ in {"VERB", "AUX"}]
                if not verbs:  # the verb the shape hangs on ("sent troops at X's request")
                    verbs = [a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}][:1]
                sources = self.args.subjects(verbs[-1] if verbs else tok, actors)
            words = [tok] + [doc[i] for n, i in names.items() if n.startswith("cue")] + verbs
            if sources and targets:
                yield Match(rule, tok, sources, targets, words)
