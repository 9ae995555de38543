"""Joining: "A joined the mission led by B" (A supports B), "A joined NATO" (supports), "A joined
B at the talks" (meets), "B was joined by A" (the same, passive). Joining someone *in* doing
something ("A joined B in condemning C") is no relation between A and B: the argument helpers
make both the actors of the act instead."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import DocActors
from ..rules import Rule
from .args import agents
from .base import Construction, Match, construction


@construction
class Join(Construction):
    name = "join"
    order = 35
    pattern = "join"
    description = "joining an actor, or what an actor leads, or an actor at a meeting"

    def triggers(self, tok: Token) -> list[Rule]:
        if tok.pos_ not in {"VERB", "AUX"}:
            return []
        return self.rules.lookup("join", tok.lemma_.lower())

    def read(self, verb: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        kids = list(verb.children)
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(
                p.dep_ == "pcomp" or p.pos_ == "VERB" for p in c.children) for c in kids):
            return  # "joined B in condemning C": companions, not a relation
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in kids)
        if passive:
            members = agents(verb)
            joined = [c for c in kids if c.dep_ == "nsubjpass"]
        else:
            members = self.args.subjects(verb, actors)
            joined = [c for c in kids if c.dep_ == "dobj"]
        if not members or not joined:
            return
        meeting = self.rules.words("meeting_nouns")
        at_meeting = any(c.dep_ == "prep" and c.lower_ in {"at", "for", "in", "during"} and any(
            p.lemma_.lower() in meeting for p in c.children)
            for c in kids + [k for j in joined for k in j.children])
        if at_meeting != (rule.type == "meets"):
            return
        if rule.type != "meets" and all(actors.of(j) is not None and actors.of(j).kind == "person"
                                        for j in joined):
            return  # joining a person is keeping them company, not support
        if rule.type != "meets" and all(
                (a := actors.of(j)) is not None and a.name.lower().rsplit(" ", 1)[-1] in SEATS
                for j in joined):
            return  # taking a seat in a parliament or court is no support of it
        yield Match(rule, verb, members, joined, [verb])


# bodies one joins as a member without taking their side ("rejoined Parliament")
SEATS = {"parliament", "congress", "senate", "assembly", "house", "representatives", "commons",
         "lords", "court", "council", "cabinet", "legislature", "bundestag", "duma", "knesset"}
