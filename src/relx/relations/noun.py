"""The event-noun construction: "A's visit to B", "an attack on B by A", "Turkish pressure on B",
"A launched an attack on B" (light verbs), "talks between A and B", "in support of B", "under
sanctions", and nouns that count only under certain verbs ("developed relations with B")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import DocActors
from ..rules import Rule
from .args import PLURAL_PRONOUNS, agents, count, prep_objects
from .base import Construction, Match, construction

BETWEEN = frozenset({"between", "among"})
# prepositions whose event is set against the clause's actor ("despite protests from X")
CONCESSIVE = frozenset({"despite", "amid", "notwithstanding"})
# "claimed responsibility for the attack": the one who claims it did it
RESPONSIBILITY = frozenset({"responsibility", "credit"})
OF = frozenset({"of"})


@construction
class Noun(Construction):
    name = "noun"
    order = 20
    pattern = "noun"
    description = "an event noun with its owner, agent and prepositional target"

    def triggers(self, tok: Token) -> list[Rule]:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return []
        lemma = tok.lemma_.lower()
        return self.rules.lookup("noun", tok.lower_) or self.rules.lookup("noun", lemma) or (
            [] if lemma in self.rules.words("neutral_nouns") else self.rules.lookup("noun", "*"))

    def read(self, noun: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        if rule.verbs:
            yield from self._under_verb(noun, rule, actors)
            return
        if "*" in rule.lemmas and not prep_objects(noun, rule.preps):
            return  # an any-noun rule is about its preposition ("a lawsuit against X")
        args = self.args
        # withdrawing and lifting verbs govern their nouns as light verbs do ("froze its aid to X")
        light = self.rules.words("light_verbs") | self.rules.words("withdrawal_verbs") | \
            self.rules.words("lifting_verbs")
        kids = list(noun.children)
        preps_here = {c.lower_ for c in kids if c.dep_ == "prep"}
        target_preps = set(rule.preps)
        of_is_source = "of" in preps_here and bool((preps_here - {"of"}) & target_preps)
        if of_is_source:
            target_preps.discard("of")
        targets = prep_objects(noun, frozenset(target_preps))
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "in" and \
                noun.lemma_.lower() in self.rules.words("circumstance_nouns"):
            # "struck targets in support of the government of Iraq": the clause's actor
            targets = prep_objects(noun, rule.preps | {"of", "with"})
            sources = self._clause_actors(head, actors) if targets else []
            if sources:
                yield Match(rule, noun, sources, targets, [head, noun])
            return
        if noun.i in actors.token_actor and not targets:
            return  # "the Syrian opposition" is an actor, not an act of opposing
        own = actors.token_actor.get(noun.i)
        sources = [c for c in kids if c.dep_ in {"poss", "compound", "amod", "nmod"}
                   and actors.of(c) is not None and actors.token_actor.get(c.i) != own]
        if of_is_source:
            sources += prep_objects(noun, OF)
        sources += prep_objects(noun, frozenset({"by", "from"}))
        words = [noun]
        if noun.dep_ == "pobj" and head.lower_ == "of" and \
                head.head.lemma_.lower() in self.rules.words("quantity_nouns"):
            noun_slot = head.head  # "held a first round of talks with X": 'round' is the object
        else:
            noun_slot = noun
        if noun_slot is not noun:
            head = noun_slot.head
        # "called for sanctions on X", "joined in the attack on X": the verb over the preposition
        through = noun_slot.dep_ == "pobj" and head.dep_ == "prep" and (
            head.lower_ in {"for", "in", "into"} or (
                head.lower_ == "to" and head.head.lemma_.lower() in {"expand", "extend"}))
        governor = head.head if through else head
        if through and governor.lemma_.lower() in RESPONSIBILITY and governor.dep_ == "dobj":
            governor = governor.head  # "claimed responsibility for the attack on X"
        if not sources and governor.lemma_.lower() in light and (
                noun_slot.dep_ in {"dobj", "attr", "nsubjpass", "conj"} or through):
            verb = governor
            if any(c.dep_ == "nsubjpass" for c in verb.children) or verb.dep_ == "acl":
                sources = agents(verb)
            else:
                sources = args.subjects(verb, actors)
            words.insert(0, verb)
        if sources and noun_slot.dep_ == "dobj" and head.lemma_.lower() in light and all(
                c.lower_ in PLURAL_PRONOUNS for c in sources):
            # "A and B stepped up their joint campaign": 'their' is all the subjects
            subjects = args.subjects(head, actors)
            if count(subjects, actors) >= 2:
                sources = subjects
        inverse = self.rules.words("inverse_light_verbs")
        if not targets and (noun_slot.dep_ == "dobj" or (
                noun_slot.dep_ == "pobj" and head.lower_ == "with")):
            verb = head if noun_slot.dep_ == "dobj" else head.head
            if verb.lemma_.lower() in inverse:
                # "X's new rules met with protests from Y", "the plan drew criticism from Y"
                givers = [s for s in sources if s not in args.subjects(verb, actors)] or \
                    prep_objects(verb, frozenset({"from", "by"}))
                if givers:
                    sources, targets = givers, args.subjects(verb, actors)
                    words.insert(0, verb)
        if not targets and noun.dep_ == "dobj" and head.lemma_.lower() in light:
            # "imposed sanctions on X", "voiced its opposition to X": the preposition is the verb's
            targets = prep_objects(head, frozenset(target_preps - {"of"}))
            if head not in words:
                words.insert(0, head)
        elif not sources and noun.dep_ == "pobj" and head.lower_ in {"in", "into", "at"} \
                and head.head.lemma_ in {"be", "remain", "engage", "enter", "stay"}:
            # "X, which is in a conflict with Y", "X is at war with Y", "A and B are at odds"
            sources = args.subjects(head.head, actors)
        elif not sources and rule.symmetric and noun.dep_ == "pobj" and \
                head.lower_ in {"in", "during", "at", "after"} and head.head.pos_ == "VERB":
            sources = args.subjects(head.head, actors)  # "In talks with Iraq, Turkey agreed"
        yield from self._groups_and_pairs(noun, rule, actors, head, sources, targets, words)

    def _groups_and_pairs(self, noun: Token, rule: Rule, actors: DocActors, head: Token,
                          sources: list[Token], targets: list[Token], words: list[Token]
                          ) -> Iterator[Match]:
        members = prep_objects(noun, BETWEEN)
        if rule.reciprocal and count(members, actors) >= 2 and not targets:
            yield Match(rule, noun, [], [], words, group=members)
            return
        mutual = rule.reciprocal or head.lemma_.lower() in self.rules.words("mutual_light_verbs")
        if mutual and not targets and count(sources, actors) >= 2:
            yield Match(rule, noun, [], [], words, group=sources)  # "A and B held talks"
            return
        if rule.reciprocal and not targets and not sources:
            of_members = prep_objects(noun, OF)
            if count(of_members, actors) >= 2:  # "the trilateral meeting of A, B and C"
                yield Match(rule, noun, [], [], words, group=of_members)
                return
        if not targets and noun.dep_ == "pobj" and (head.lower_ == "under" or (
                head.lower_ == "to" and head.head.lemma_.lower() in {"expose", "subject"})):
            # "Turkey is under EU sanctions", "it is exposed to Turkish pressure",
            # "the army placed Mugabe under arrest"
            verb = head.head
            placed = [c for c in verb.children if c.dep_ == "dobj"]
            if placed:
                targets, sources = placed, sources or self.args.subjects(verb, actors)
            else:
                targets = [c for c in verb.children if c.dep_ == "nsubjpass"] or \
                    self.args.subjects(verb, actors)
                # "came under fire from X": the 'from' hung on the verb
                sources = sources or prep_objects(verb, frozenset({"from", "by"}))
        if not targets and sources and noun.dep_ == "pobj" and head.lower_ in CONCESSIVE and \
                not rule.symmetric:
            # "signed the bill despite opposition from X": X opposes who signed it
            targets = self._clause_actors(head, actors)
        if sources and targets:
            yield Match(rule, noun, sources, targets, words)

    def _clause_actors(self, prep: Token, actors: DocActors) -> list[Token]:
        """Who acts in the clause a prepositional phrase belongs to: up through coordinated
        prepositions and participles to the verb ("strikes coordinated with and in support of")."""
        verb = prep.head
        while verb.pos_ == "ADP" and verb.head is not verb:
            verb = verb.head
        while verb.pos_ == "VERB" and verb.dep_ in {"acl", "conj", "amod"} \
                and verb.head is not verb:
            verb = verb.head
        if verb.pos_ in {"VERB", "AUX"}:
            return self.args.subjects(verb, actors)
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":  # "flew missions in support of X"
            return self.args.subjects(verb.head, actors)
        return []

    def _under_verb(self, noun: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        """'developed relations with B': the noun counts only as the object of one of rule.verbs."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in rule.verbs:
            return
        targets = prep_objects(noun, rule.preps) or prep_objects(verb, rule.preps)
        sources = self.args.subjects(verb, actors)
        if not targets and count(sources, actors) >= 2:
            # "A and B restored ties": ties between coordinated subjects run both ways
            yield Match(rule, noun, [], [], [verb, noun], group=sources)
            return
        if sources and targets:
            yield Match(rule, noun, sources, targets, [verb, noun])
