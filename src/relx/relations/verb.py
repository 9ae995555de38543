"""The verb construction: "A backs B", "B was backed by A", "B, backed by A", "A met with B",
"A and B met", "signed between A and B", control chains ("agreed to support B")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import DocActors
from ..rules import Rule
from .args import agents, count, prep_objects, wh
from .base import Construction, Match, construction

BETWEEN = frozenset({"between", "among"})


# verbs that commit their subjects to what follows ("A and B agreed to cooperate")
COMMITTING = frozenset({"agree", "decide", "pledge", "vow", "promise", "continue", "begin",
                        "start", "resolve", "commit", "undertake"})
# what one asks of an actor that says nothing for it ("voted for X to resign")
REMOVALS = frozenset({"resign", "quit", "step", "leave", "go", "abdicate", "stand"})


def for_to_subjects(verb: Token, preps: frozenset[str]) -> list[Token]:
    """'voted for X to serve': X, the subject of a for-to clause, is the prepositional object."""
    if "for" not in preps:
        return []
    return [s for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() not in REMOVALS
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            for s in c.children if s.dep_ == "nsubj"]


@construction
class Verb(Construction):
    name = "verb"
    order = 10
    pattern = "verb"
    description = "a verb with subject and object, active or passive, with its prepositions"

    def triggers(self, tok: Token) -> list[Rule]:
        if not (tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB"))):
            return []
        lemma = tok.lemma_.lower()
        # a verb with rules of its own still takes any-verb rules ("deployed troops against X")
        return self.rules.lookup("verb", lemma) + (
            [] if lemma in self.rules.words("neutral_verbs") else self.rules.lookup("verb", "*"))

    def read(self, verb: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        kids = list(verb.children)
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in kids)
        by = agents(verb)
        preps = prep_objects(verb, rule.preps) + for_to_subjects(verb, rule.preps)
        if not preps and not rule.object and "*" not in rule.lemmas:
            # "retook the town from ISIS": the parser hung the verb's 'from' on its object
            preps = [p for c in kids if c.dep_ == "dobj" and actors.of(c) is None
                     for p in prep_objects(c, rule.preps)]
        if "*" in rule.lemmas and not preps:
            return  # an any-verb rule is about its preposition ("used weapons against X")
        words = [verb] + [c for c in kids if c.dep_ == "prt"]
        members = prep_objects(verb, BETWEEN)
        if rule.reciprocal and count(members, actors) >= 2:
            yield Match(rule, verb, [], [], words, group=members)  # "signed between A, B and C"
            return
        if passive or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            yield from self._passive(verb, rule, actors, by, preps, words)
            return
        subjects = self.args.subjects(verb, actors)
        objects = [c for c in kids if c.dep_ in {"dobj", "dative"}] if rule.object else []
        if rule.object and verb.dep_ == "relcl" and not objects and any(
                c.dep_ == "nsubj" and c.lower_ not in {"which", "who", "that", "whom", "whose"}
                for c in kids):
            objects = [verb.head]  # "the man whom Turkey arrested"
        if rule.source == "object":  # the one sent must be an actor, not a thing it sends
            envoys = self.rules.words("envoy_nouns")
            sent = [c for c in kids if c.dep_ == "dobj" and (
                actors.of(c) is not None or c.lemma_.lower() in envoys)]
            # "sent a delegation to X": an envoy of no one named goes for the sender
            subjects = [c for c in sent if self.args.actors(c, actors)] or (
                self.args.subjects(verb, actors) if sent else [])
            objects = []
        targets = [wh(t) for t in objects] + preps
        if objects and not any(self.args.actors(t, actors) for t in objects):
            # "rejected the proposal from Turkey", the 'from' hung on the verb
            targets += [p for p in prep_objects(verb, frozenset({"from"}))
                        if objects[0].lemma_.lower() in self.args.proxies]
        # (or the subjects of a controlling verb: "A and B agreed to cooperate")
        direct = [c for c in kids if c.dep_ == "nsubj"] or (
            subjects if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in COMMITTING else [])
        if rule.reciprocal and count(direct, actors) >= 2 and not count(targets, actors) \
                and not any(c.dep_ == "dobj" and count([c], actors) for c in kids):
            yield Match(rule, verb, [], [], words, group=subjects)  # "A and B met"
            return
        if subjects and targets:
            yield Match(rule, verb, subjects, targets, words)

    def _passive(self, verb: Token, rule: Rule, actors: DocActors, by: list[Token],
                 preps: list[Token], words: list[Token]) -> Iterator[Match]:
        """'B was backed by A', 'B, backed by A', 'attended by A, B and C'."""
        if not by:
            by = self.args.instrument_agents(verb, actors)
        if not by or rule.source == "object":
            return
        targets = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not targets and verb.dep_ in {"acl", "relcl"}:
            targets = [verb.head]
        # a passive 'by' agent is the source, never also a target ("was joined by A, B and C")
        targets = [wh(t) for t in targets] + [p for p in preps if p not in by]
        if rule.reciprocal and count(by, actors) >= 2 and not count(targets, actors):
            yield Match(rule, verb, [], [], words, group=by)  # "attended by A, B and C"
            return
        yield Match(rule, verb, by, targets, words)
