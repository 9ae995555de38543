"""The engine: runs every registered construction over the sentences that hold two or more
actors, and turns their matches into relation records with negation and modality."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import permutations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..actors import DocActors
from ..records import Actor, Relation
from ..rules import RuleSet
from .args import Arguments, unique
from .base import REGISTRY, Construction, Match
from .status import Status


class RelationEngine:
    """Applies a RuleSet to a parsed Doc whose actors are resolved."""

    def __init__(self, rules: RuleSet, vocab: Vocab | None = None):
        self.rules = rules
        self.args = Arguments(rules)
        self.status = Status(rules)
        self.constructions: list[Construction] = [
            cls(rules, self.args) for cls in sorted(REGISTRY.values(), key=lambda c: c.order)]
        if vocab is not None:
            for c in self.constructions:
                c.bind(vocab)

    def __call__(self, doc: Doc, actors: DocActors, *, doc_id: str, date: str | None = None
                 ) -> list[Relation]:
        out: list[Relation] = []
        seen: set[tuple[str, str, str, int]] = set()
        for match in self.matches(doc, actors):
            for rel in self.relations(match, actors, doc_id, date):
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
        for sent in candidate_sentences(doc, actors):
            yield from self.sentence_matches(sent, actors)

    def sentence_matches(self, sent: Span, actors: DocActors) -> list[Match]:
        """Every construction's matches, in token order (per token, by construction order)."""
        found = [m for c in self.constructions for m in c.find(sent, actors)]
        found.sort(key=lambda m: m.trigger.i)  # stable: per token, construction order
        return found

    def relations(self, m: Match, actors: DocActors, doc_id: str, date: str | None
                  ) -> Iterator[Relation]:
        """The records of one match: each source-target pair, or every pair of a group."""
        pairs = self.pairs(m, actors)
        if not pairs:
            return
        negated, modality = self.status(m.trigger, m.rule.type)
        sent = m.trigger.sent
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        text = text.strip()
        trigger = " ".join(t.text for t in sorted(set(m.words), key=lambda t: t.i))
        cameo = m.rule.code(m.trigger.lemma_.lower(), self.rules.cameo_codes)
        for src, tgt in pairs:
            if src.id == tgt.id:
                continue
            yield Relation(
                doc=doc_id, source=src.name, type=m.rule.type, target=tgt.name,
                source_id=src.id, target_id=tgt.id, source_kind=src.kind, target_kind=tgt.kind,
                trigger=trigger, sentence=text, start=start, end=start + len(text),
                negated=negated, modality=modality, confidence=m.rule.confidence,
                rule=m.rule.id, cameo=cameo, source_role=src.role, source_country=src.country,
                target_role=tgt.role, target_country=tgt.country, date=date)

    def pairs(self, m: Match, actors: DocActors) -> list[tuple[Actor, Actor]]:
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
        pairs = [(s, t) for s in sources for t in targets]
        if m.rule.reciprocal and not m.rule.symmetric:
            pairs += [(t, s) for s, t in pairs]
        return pairs


def candidate_sentences(doc: Doc, actors: DocActors) -> Iterator[Span]:
    """Sentences with two or more actors: every argument is a token of the sentence."""
    at = actors.token_actor
    for sent in doc.sents:
        if len({at[i] for i in range(sent.start, sent.end) if i in at}) >= 2:
            yield sent
