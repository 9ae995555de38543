"""Protest events: "protests against X", "the anti-X march", "a pro-X rally". Their source is
who protests: an owner or 'by' agent ("farmers' protests against X"), else the protesters the
article is about ("the protests against Chinese encroachment", in an article about Hong Kong
protesters). Opposing or supporting comes from the rule (against, anti- -> opposes; pro- and
'in support of' -> supports)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import DocActors
from ..records import Actor
from ..rules import Rule
from .args import prep_objects
from .base import Construction, Match, construction

# the head nouns of the collective that protests
PROTESTERS = frozenset({"protesters", "protestors", "demonstrators", "marchers", "protester",
                        "protestor", "demonstrator", "strikers", "activists", "supporters"})
PREFIXES = {"anti": "opposes", "pro": "supports"}


def prefixed(noun: Token, actors: DocActors) -> list[tuple[str, Actor]]:
    """The actors named by 'anti-X' / 'pro-X' modifiers of `noun`, with the relation type."""
    doc = noun.doc
    out: list[tuple[str, Actor]] = []
    for c in noun.children:
        low = c.lower_
        if low in PREFIXES and c.i + 2 < len(doc) and doc[c.i + 1].text == "-":
            actor = actors.of(doc[c.i + 2])
            if actor is not None:
                out.append((PREFIXES[low], actor))
    return out


def protesters(actors: DocActors) -> Actor | None:
    """The article's protesters: its most mentioned group headed by a protesting noun."""
    found = [a for a in actors.actors.values() if a.kind == "group"
             and a.name.lower().rsplit(" ", 1)[-1] in PROTESTERS]
    return max(found, key=lambda a: a.mentions) if found else None


@construction
class Protest(Construction):
    name = "protest"
    order = 25
    pattern = "protest"
    description = "a protest event: 'protests against X', 'the anti-X march', 'a pro-X rally'"

    def triggers(self, tok: Token) -> list[Rule]:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return []
        return self.rules.lookup("protest", tok.lemma_.lower())

    def read(self, noun: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        targets = prep_objects(noun, rule.preps)
        named = [a for rtype, a in prefixed(noun, actors) if rtype == rule.type]
        if not targets and not named:
            return
        owners = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                  and (a := actors.of(c)) is not None and a.kind == "group"]
        owners += prep_objects(noun, frozenset({"by", "of"}))
        if owners:
            if targets:
                yield Match(rule, noun, owners, targets, [noun])
            return
        if any(actors.of(c) is not None for c in noun.children if c.dep_ == "poss"):
            return  # "Kenya's protest against X": the event-noun construction reads it
        who = protesters(actors)
        if who is None:
            return
        pairs = [(who, a) for a in named]
        pairs += [(who, a) for t in targets for a in self.args.actors(t, actors)]
        unique = list({(s.id, t.id): (s, t) for s, t in pairs if s.id != t.id}.values())
        if unique:
            yield Match(rule, noun, [], [], [noun], resolved=unique)
