"""The engine: runs every registered construction over the sentences that hold two or more
actors, and turns their matches into relation records with negation and modality."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import permutations

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..actors import DocActors
from ..records import Actor, Relation
from ..rules import RuleSet
from .anaphora import Event, event_words, is_anaphor
from .args import Arguments
from .base import REGISTRY, Construction, Match
from .groups import PLURAL_NOUNS, unique
from .status import Status

PLURAL_ANAPHORS = PLURAL_NOUNS | {"they", "them", "their"}


class RelationEngine:
    """Applies a RuleSet to a parsed Doc whose actors are resolved."""

    def __init__(self, rules: RuleSet, vocab: Vocab | None = None):
        self.rules = rules
        self.args = Arguments(rules)
        self.status = Status(rules)
        self.withdrawal = rules.words("withdrawal_verbs")
        self.lifting = rules.words("lifting_verbs")
        self.travel = rules.words("travel_verbs")
        # words that may relate a sentence's one actor to one named elsewhere: event anaphors
        # ("welcomed the decision") and protest nouns (the article's protesters)
        self.pointers = self.args.anaphors | frozenset(
            w for r in rules.rules if r.pattern == "protest" for w in r.lemmas)
        self.constructions: list[Construction] = [
            cls(rules, self.args) for cls in sorted(REGISTRY.values(), key=lambda c: c.order)]
        if vocab is not None:
            for c in self.constructions:
                c.bind(vocab)

    def __call__(self, doc: Doc, actors: DocActors, *, doc_id: str, date: str | None = None
                 ) -> list[Relation]:
        out: list[Relation] = []
        seen: set[tuple[str, str, str, int]] = set()
        memory = self.args.memory
        memory.clear()
        for match in self.matches(doc, actors):
            for rel in self.relations(match, actors, doc_id, date):
                if rel.asserted:
                    memory.events.append(Event(rel.type, actors.actors[rel.source_id],
                                               actors.actors[rel.target_id], rel.end,
                                               event_words(match.trigger)))
                a, b = rel.source_id, rel.target_id
                if rel.type == "meets":
                    a, b = sorted((a, b))
                key = (a, rel.type, b, rel.start)
                if key in seen:
                    continue
                seen.add(key)
                out.append(rel)
        return out

    def matches(self, doc: Doc, actors: DocActors) -> Iterator[Match]:
        for c in self.constructions:
            c.start(doc, actors)
        for sent in candidate_sentences(doc, actors, self.pointers):
            yield from self.sentence_matches(sent, actors)

    def sentence_matches(self, sent: Span, actors: DocActors) -> list[Match]:
        """Every construction's matches, in token order (per token, by construction order)."""
        tokens = list(sent)
        found = [m for c in self.constructions for m in c.find(tokens, actors)]
        found.sort(key=lambda m: m.trigger.i)  # stable: per token, construction order
        return found

    def relations(self, m: Match, actors: DocActors, doc_id: str, date: str | None
                  ) -> Iterator[Relation]:
        """The records of one match: each source-target pair, or every pair of a group."""
        pairs = self.pairs(m, actors)
        if not pairs:
            return
        rtype, skip = polarity(m, self.withdrawal, self.lifting)
        shape = frozenset(t.i for t in m.words) if m.construction == "shape" else frozenset()
        negated, modality = self.status(m.trigger, rtype, skip, label=m.construction == "label",
                                        pattern=shape)
        sent = m.trigger.sent
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        text = text.strip()
        trigger = " ".join(t.text for t in sorted(set(m.words), key=lambda t: t.i))
        cameo = m.rule.code(m.trigger.lemma_.lower(), self.rules.cameo_codes)
        if m.construction == "shape" and m.rule.cameo.get("*"):
            cameo = m.rule.cameo["*"]  # the shape is the act ("urged X to resign" is a demand)
        for src, tgt in pairs:
            if src.id == tgt.id:
                continue
            yield Relation(
                doc=doc_id, source=src.name, type=rtype, target=tgt.name,
                source_id=src.id, target_id=tgt.id, source_kind=src.kind, target_kind=tgt.kind,
                trigger=trigger, sentence=text, start=start, end=start + len(text),
                negated=negated, modality=modality, confidence=m.rule.confidence,
                rule=m.rule.id, cameo=cameo, source_role=src.role, source_country=src.country,
                target_role=tgt.role, target_country=tgt.country, date=date)

    def pairs(self, m: Match, actors: DocActors) -> list[tuple[Actor, Actor]]:
        if m.resolved is not None:
            return m.resolved
        if m.group is not None:
            members = unique(a for t in m.group for a in self.args.actors(t, actors))
            if m.rule.symmetric:
                pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]
            else:
                pairs = list(permutations(members, 2))
            # two officials of one country in a list of attendees are one delegation
            return [(a, b) for a, b in pairs if not (
                a.kind == b.kind == "person" and a.country and a.country == b.country)]
        sources = unique(a for t in m.sources for a in self.args.actors(t, actors))
        targets = unique(a for t in m.targets for a in self.args.actors(t, actors))
        if not targets and m.rule.type != "meets":
            targets = self._antecedents(m, actors)  # "welcomed the decision": its maker
        pairs = [(s, t) for s in sources for t in targets]
        if m.rule.type == "meets" and m.trigger.lemma_.lower() in self.travel:
            pairs = [(s, t) for s, t in pairs if is_visit(s, t, m.targets)]
        if m.rule.reciprocal and not m.rule.symmetric:
            pairs += [(t, s) for s, t in pairs]
        return pairs


    def _antecedents(self, m: Match, actors: DocActors) -> list[Actor]:
        nouns = self.args.anaphors
        found = [t for t in m.targets if is_anaphor(t, nouns, actors)]
        if not found:
            return []
        event = self.args.memory.last(m.trigger.sent.start_char, self.event_type(found[0]),
                                      event_words(found[0]))
        return [event.source] if event is not None else []

    def event_type(self, noun: Token) -> str | None:
        """The type of event an anaphor can point to: 'the criticism' an opposing one, 'the
        support' a supporting one (the types of the noun rules it triggers); 'the decision' any."""
        types = {r.type for c in self.constructions if c.name == "noun"
                 for r in c.triggers(noun) if "*" not in r.lemmas}
        return types.pop() if len(types) == 1 else None


def polarity(m: Match, withdrawal: frozenset[str], lifting: frozenset[str]) -> tuple[str, int]:
    """The relation's type, and the governing word that decided it (CAMEO 16 and its reverse):
    withdrawing what supports an actor opposes it ("froze its aid to X"), lifting what opposes an
    actor supports it ("lifted sanctions on X")."""
    trig = m.trigger
    if trig.pos_ in {"NOUN", "PROPN"} and trig.dep_ in {"dobj", "nsubjpass"}:
        head = trig.head.lemma_.lower()
        if m.rule.type == "supports" and head in withdrawal:
            return "opposes", trig.head.i
        if m.rule.type == "opposes" and head in lifting:
            return "supports", trig.head.i
    return m.rule.type, -1


def is_visit(source: Actor, target: Actor, places: list[Token]) -> bool:
    """Travel is a visit to a host: not troops deployed, not a return to one's own country."""
    if source.kind == "group" or target.kind == "person":
        return False
    if source.country and source.country in {target.id, target.name}:
        return False
    return not any(c.dep_ == "appos" and any(m.lemma_.lower() in {"home", "native"}
                                             for m in c.subtree) for p in places
                   for c in p.children)


def candidate_sentences(doc: Doc, actors: DocActors, anaphors: frozenset[str] = frozenset()
                        ) -> Iterator[Span]:
    """Sentences with two or more actors (every argument is a token of the sentence), or with
    one actor and an event noun or plural anaphor that may point back ("welcomed the move",
    "the pair condemned X")."""
    at = actors.token_actor
    for sent in doc.sents:
        n = len({at[i] for i in range(sent.start, sent.end) if i in at})
        if n >= 2 or (n == 1 and any(t.i not in at and (t.lemma_.lower() in anaphors
                                                          or t.lower_ in PLURAL_ANAPHORS)
                                      for t in sent)):
            yield sent
