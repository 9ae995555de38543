"""Labels: "A called B a dictator" (oprd), "A described B as a hero" (as + pobj), "A called B's
plan reckless" (an adjective; the object's owner is the one labelled), with the verbs each label
rule names."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import DocActors
from ..rules import Rule
from .args import prep_objects
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
        if tok.pos_ == "ADJ" and tok.dep_ in {"oprd", "ccomp", "xcomp", "amod", "pobj"}:
            return self.rules.lookup("label", tok.lower_)  # "called the deal 'lousy'"
        return []

    def read(self, label: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        verb = label.head
        if label.dep_ == "attr" and verb.lemma_ == "be":
            yield from self._reported(label, verb, rule, actors)
            return
        if label.dep_ == "pobj" and verb.lower_ == "as":
            verb = verb.head
        if label.dep_ in {"ccomp", "xcomp", "amod"} and verb.pos_ != "VERB":
            verb = verb.head  # parses that hang the adjective on the object
            if verb.lower_ == "as" and verb.dep_ == "prep":
                verb = verb.head  # "designated X as a terrorist organisation"
        if verb.lemma_.lower() not in rule.verbs:
            return
        # "called B a liar"; "referred to B as a stunt"
        targets = [c for c in verb.children if c.dep_ == "dobj"] or \
            prep_objects(verb, frozenset({"to"}))
        sources = self.args.subjects(verb, actors)
        if sources and targets:
            yield Match(rule, label, sources, targets, [verb, label])

    def _reported(self, label: Token, copula: Token, rule: Rule, actors: DocActors
                  ) -> Iterator[Match]:
        """'"X is a threat," Y said': the one who says it gives the label (a reporting verb among
        the rule's verbs governs the copular clause)."""
        reporter = copula.head
        if copula.dep_ not in {"ccomp", "parataxis"} or \
                reporter.lemma_.lower() not in self.rules.words("reporting_verbs"):
            return
        targets = [c for c in copula.children if c.dep_ == "nsubj"]
        sources = self.args.subjects(reporter, actors)
        if sources and targets:
            yield Match(rule, label, sources, targets, [reporter, label])
