"""Relational adjectives and role nouns: "A, close to B", "A is allied with B", "Iran-backed A",
"backed by A" (the agent is the source); "A, an ally of B", "A is a critic of B", "NATO ally A"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import DocActors
from ..rules import Rule
from .args import prep_objects
from .base import Construction, Match, construction

# participles whose 'by' names the source ("backed by A"), not the target ("appalled by A")
REVERSE_PARTICIPLES = {"backed", "supported", "sponsored", "funded", "armed", "financed",
                       "trained", "equipped", "led"}


def _adjective_rules(self: Construction, tok: Token) -> list[Rule]:
    return self.rules.lookup("adjective", tok.lower_) or \
        self.rules.lookup("adjective", tok.lemma_.lower())


@construction
class Adjective(Construction):
    name = "adjective"
    order = 40
    pattern = "adjective"
    description = "a relational adjective or participle and the one it describes"

    def triggers(self, tok: Token) -> list[Rule]:
        if not (tok.pos_ == "ADJ" or tok.tag_ == "VBN") or tok.pos_ == "NOUN":
            return []  # (a finite verb is no adjective: "closed the border to X")
        return _adjective_rules(self, tok)

    def read(self, adj: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        words = [adj]
        low = adj.lower_
        # "Iran-backed militias"
        if low in REVERSE_PARTICIPLES and adj.dep_ in {"amod", "acl"}:
            for c in adj.children:
                if c.dep_ in {"npadvmod", "compound", "nmod", "advmod"} and actors.of(c):
                    yield Match(rule, adj, [c], [adj.head], words)
                    return
        # "backed by A": A is the source; "appalled by A": A is the target
        targets = prep_objects(adj, rule.preps - ({"by"} if low in REVERSE_PARTICIPLES
                                                  else set()))
        by = prep_objects(adj, frozenset({"by"}) & rule.preps)
        if adj.dep_ in {"amod", "acl", "appos", "relcl"} and adj.head.pos_ in {"NOUN", "PROPN"}:
            holders = [adj.head]
            if adj.head.dep_ == "appos" and actors.of(adj.head) is None:
                holders = [adj.head.head]  # "X, a movement loyal to Y": X is loyal
        else:  # "Hamas is linked to Iran" parses as a passive
            holders = [c for c in adj.children if c.dep_ == "nsubjpass"] or \
                self.args.subjects(adj, actors)
        if by and low in REVERSE_PARTICIPLES:
            yield Match(rule, adj, by, holders, words)
        elif targets and holders:
            yield Match(rule, adj, holders, targets, words)


@construction
class RoleNoun(Construction):
    name = "role"
    order = 50
    pattern = "adjective"
    description = "a role noun from an adjective rule: 'A, an ally of B', 'NATO ally A'"

    def triggers(self, tok: Token) -> list[Rule]:
        return _adjective_rules(self, tok) if tok.pos_ == "NOUN" else []

    def read(self, noun: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        """The one described holds the relation to the owner of the role."""
        if noun.i in actors.token_actor:
            return
        owners = prep_objects(noun, rule.preps) + [
            c for c in noun.children if c.dep_ in {"poss", "compound"} and actors.of(c)]
        if noun.dep_ in {"appos", "compound"} and noun.head.pos_ in {"NOUN", "PROPN"}:
            holders = [noun.head]
        elif noun.dep_ == "attr":
            holders = self.args.subjects(noun.head, actors)
        else:
            holders = [c for c in noun.children if c.dep_ == "appos"]
        if owners and holders:
            yield Match(rule, noun, holders, owners, [noun])
