"""Arguments that name several actors at once: plural anaphors ("both governments", "the pair",
"they" after "A and B"), listed examples ("leaders including A and B"), coordinated modifiers and
owners ("the Danish and Dutch governments", "coast guards of A and B")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..actors import DocActors
from ..records import Actor


def unique(items: Iterable[Actor]) -> list[Actor]:
    """Actors in first-seen order, once each."""
    seen: dict[str, Actor] = {}
    for a in items:
        seen.setdefault(a.id, a)
    return list(seen.values())


PLURAL_PRONOUNS = {"their", "they", "them", "both"}
PLURAL_NOUNS = {"pair", "duo", "two", "both", "governments", "countries", "nations", "sides",
                "leaders", "ministers", "states", "parties", "neighbours", "neighbors", "allies"}


def plural_antecedents(tok: Token, actors: DocActors) -> list[Actor]:
    """The actors a plural anaphor points back to: "both governments", "the pair", "the two
    countries", "they" after "A and B" (the last coordination of two or more actors, in this
    sentence or the one before)."""
    low = tok.lower_
    kids = {c.lower_ for c in tok.children}
    plural_noun = low in PLURAL_NOUNS and tok.pos_ in {"NOUN", "NUM", "PRON", "DET"} and (
        low in {"pair", "duo", "both"} or bool(kids & {"both", "two"})) and not any(
        c.dep_ in {"amod", "compound", "poss", "prep"} and actors.of(c) is not None
        for c in tok.children)
    if low not in {"they", "them", "their"} and not plural_noun:
        return []
    doc = tok.doc
    start = tok.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for i in range(tok.i - 1, start - 1, -1):
        head = doc[i]
        if head.dep_ == "conj" or not head.conjuncts or actors.of(head) is None:
            continue
        members = unique(a for t in (head, *head.conjuncts) if (a := actors.of(t)) is not None)
        if len(members) >= 2 and all(actors.of(t) is not None for t in head.conjuncts):
            return members
    if low in {"they", "them"}:
        return _last_group(tok, start, actors)
    return []


def _last_group(tok: Token, start: int, actors: DocActors) -> list[Actor]:
    """'they'/'them' with no coordination before it: the last collective (a group, not a
    country, organisation or person) named in this sentence or the one before ("Protesters
    marched, and police fired tear gas at them"); for an object 'them', unless a nearer plural
    noun that is no actor is what it stands for; never the subject of the pronoun's own
    clause."""
    doc = tok.doc
    own: set[int] = set()
    if tok.dep_ in {"dobj", "pobj", "dative"}:
        verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        for _ in range(3):  # "X marched, and police fired at them": the conjunct's own subject
            if verb is None:
                break
            own = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                   for t in c.subtree}
            if own or verb.dep_ != "conj":
                break
            verb = verb.head
    for i in range(tok.i - 1, start - 1, -1):
        t = doc[i]
        actor = actors.of(t)
        subject = tok.dep_ in {"nsubj", "nsubjpass"}
        if actor is not None and i not in own and actor.kind == "group":
            return [actor]
        if actor is None and t.tag_ == "NNS" and i not in own and not subject:
            return []  # a nearer plural that is no actor: "obtained the messages and released
            # them"


def examples(t: Token, actors: DocActors) -> list[Actor]:
    """The actors a plural noun lists: "leaders including A and B", "states such as A"."""
    for c in t.children:
        if c.dep_ == "prep" and (c.lower_ in {"including", "like"} or (
                c.lower_ == "as" and c.i > 0 and c.doc[c.i - 1].lower_ == "such")):
            for p in c.children:
                if p.dep_ == "pobj":
                    found = [a for q in (p, *p.conjuncts) if (a := actors.of(q)) is not None]
                    if found:
                        return unique(found)
    return []


def coordinated_owners(t: Token, actor: Actor, actors: DocActors) -> list[Actor]:
    """A noun that stands for a country named by coordinated modifiers stands for each."""
    for c in t.children:
        if c.dep_ in {"amod", "compound"} and actors.of(c) is actor and c.conjuncts:
            more = [a for q in c.conjuncts if (a := actors.of(q)) is not None]
            if more:
                return [actor, *more]
        if c.dep_ == "prep" and c.lower_ == "of" and actor.kind == "group" and actor.country:
            for p in c.children:
                owner = actors.of(p)
                if p.dep_ == "pobj" and owner is not None and owner.name == actor.country and \
                        p.conjuncts:
                    return [owner] + [a for q in p.conjuncts if (a := actors.of(q)) is not None]
    return []
