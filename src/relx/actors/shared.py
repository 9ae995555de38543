"""What every resolution step reads and writes: the document's actors and the word lists.

`DocActors` is the one structure the steps build up in turn (and that relations read); `Context` is
the dictionary and lexicon with the lookups derived from them, built once per pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..dictionary import ActorDictionary, Entry, Lexicon
from ..records import Actor


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    actor: str  # actor id


@dataclass(slots=True)
class DocActors:
    """A document's actors and, for each token that names one, the actor id."""

    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def add(self, actor: Actor, start: int, end: int, *, count: bool = True) -> None:
        """Record that tokens start..end name `actor` (`count`: a new mention of it)."""
        known = self.actors.setdefault(actor.id, actor)
        if actor.role and not known.role:
            known.role = actor.role
        if actor.country and not known.country:
            known.country = actor.country
        known.mentions += int(count)
        self.mentions.append(Mention(start, end, actor.id))
        for i in range(start, end):
            self.token_actor[i] = actor.id

    def of(self, token: Token) -> Actor | None:
        key = self.token_actor.get(token.i)
        return self.actors[key] if key else None

    def used(self, ids: Iterable[str]) -> list[Actor]:
        wanted = set(ids)
        return [a for a in self.actors.values() if a.id in wanted]


@dataclass(frozen=True, slots=True)
class Context:
    """The dictionary and word lists the steps read; `anaphors` is tested on every token."""

    dictionary: ActorDictionary
    lex: Lexicon
    countries: dict[str, Entry]  # country name -> its dictionary entry
    anaphors: frozenset[str]


def copy_actor(actor: Actor) -> Actor:
    """A fresh record of the same actor: another mention must not share the counted one."""
    return Actor(actor.id, actor.name, actor.kind, actor.role, actor.country)


def np_start(tok: Token) -> int:
    """First token of the noun phrase headed by `tok` (its determiners and modifiers)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in {"amod", "compound", "poss", "nmod", "det"}:
            start = min(start, child.left_edge.i)
    return start


def clean_name(text: str) -> str:
    """Display form: 'Hamid Al -Shatri' -> 'Hamid Al-Shatri', no leading 'the', no possessive."""
    text = re.sub(r"\s*([-\u2010-\u2015])\s*", r"\1", text.strip())
    text = re.sub(r"^(the|The)\s+", "", text)
    text = re.sub(r"\s*['’]s$", "", text)
    text = re.sub(r"\s+(['’]s)\b", r"\1", text)  # "Kenya 's parliament" -> "Kenya's parliament"
    # an entity span that swallowed the next word ("the Ministry of Agriculture in")
    text = re.sub(r"\s+(in|of|at|on|for|and|to|from|with|by)$", "", text)
    return re.sub(r"\s+", " ", text)
