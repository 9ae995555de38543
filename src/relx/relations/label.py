"""Labels: "A called B a dictator" (oprd), "A described B as a hero" (as + pobj), with the verbs
each label rule names."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import DocActors
from ..rules import Rule
from .base import Construction, Match, construction


@construction
class Label(Construction):
    name = "label"
    order = 30
    pattern = "label"
    description = "a label given with one of the rule's verbs"

    def triggers(self, tok: Token) -> list[Rule]:
        if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"oprd", "pobj", "attr"}:
            return self.rules.lookup("label", tok.lemma_.lower())
        return []

    def read(self, label: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        verb = label.head
        if label.dep_ == "pobj" and verb.lower_ == "as":
            verb = verb.head
        if verb.lemma_.lower() not in rule.verbs:
            return
        targets = [c for c in verb.children if c.dep_ == "dobj"]
        sources = self.args.subjects(verb, actors)
        if sources and targets:
            yield Match(rule, label, sources, targets, [verb, label])
