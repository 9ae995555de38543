"""Event anaphora: "the decision", "the move", "the criticism" point back to the last event
the text reported, and through it to its actor. "Poland imposed sanctions on Belarus. Lithuania
welcomed the decision." -> Lithuania supports Poland; "... Bulgaria echoed the criticism" repeats
the criticism's relation with a new source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from ..actors import DocActors
from ..records import Actor
from ..rules import Rule
from .base import Construction, Match, construction

DETERMINERS = {"the", "this", "that", "these", "those", "such"}
REACH = 400  # characters back from the sentence: an anaphor points to a recent event
# ... unless it repeats the event's own word ("launched an impeachment inquiry ... attacked the
# impeachment investigation"): then it may point back across the article
NAMED_REACH = 6000


@dataclass(slots=True)
class Event:
    type: str
    source: Actor
    target: Actor
    end: int  # character offset where its sentence ends
    words: frozenset[str] = frozenset()  # the event noun's lemma and its compounds


def event_words(tok: Token) -> frozenset[str]:
    """The words an event is named by: its trigger's lemma and, for a noun, its compound
    modifiers ("impeachment inquiry"), for matching a later mention of the same event ("the
    accusations" after "accused")."""
    if tok.pos_ not in {"NOUN", "PROPN", "VERB"}:
        return frozenset()
    return frozenset({tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children
                                              if c.dep_ == "compound" and c.pos_ == "NOUN"})


def same_event(words: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two events share a word, a noun and its verb alike ('accusation' ~ 'accuse',
    'criticism' ~ 'criticize'): a common stem of five letters or more."""
    return any(a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])
               for a in words for b in other)


@dataclass(slots=True)
class Memory:
    """The asserted events of the document so far, in text order."""

    events: list[Event] = field(default_factory=list)

    def clear(self) -> None:
        self.events.clear()

    def last(self, before: int, rtype: str | None = None,
             words: frozenset[str] = frozenset()) -> Event | None:
        """The event before `before` (of type `rtype`) that the anaphor points to: the last one
        it names (one of `words`), within the article; else the last recent one."""
        recent: Event | None = None
        for event in reversed(self.events):
            if event.end > before or (rtype is not None and event.type != rtype):
                continue
            distance = before - event.end
            if distance <= NAMED_REACH and same_event(words, event.words):
                return event  # the event the anaphor names, before any more recent one
            if recent is None and distance <= REACH:
                recent = event
        return recent


def is_anaphor(tok: Token, nouns: frozenset[str], actors: DocActors) -> bool:
    """A definite event noun with no owner of its own ("the decision", not "Iran's decision")."""
    kids = list(tok.children)
    return (tok.lemma_.lower() in nouns or tok.lower_ in nouns) and \
        any(c.dep_ == "det" and c.lower_ in DETERMINERS for c in kids) and \
        not any(c.dep_ in {"poss", "compound", "amod", "nmod"} and actors.of(c) is not None
                for c in kids) and \
        not any(c.dep_ == "prep" and (c.lower_ in {"of", "by"} or any(
            actors.of(p) is not None for p in c.children)) for c in kids)


@construction
class Echo(Construction):
    """'Bulgaria echoed the criticism': the subject does what the earlier event did."""

    name = "echo"
    order = 70
    pattern = "echo"
    description = "repeating an earlier event: 'echoed the criticism', 'shared the concern'"

    def triggers(self, tok: Token) -> list[Rule]:
        if tok.pos_ != "VERB":
            return []
        return self.rules.lookup("echo", tok.lemma_.lower())

    def read(self, verb: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        nouns = self.rules.words("event_anaphors")
        objects = [c for c in verb.children if c.dep_ == "dobj" and is_anaphor(c, nouns, actors)]
        if not objects:
            return
        kinds = {r.type for r in self.rules.rules if r.pattern == "noun" and "*" not in r.lemmas
                 and (objects[0].lemma_.lower() in r.lemmas or objects[0].lower_ in r.lemmas)}
        event = self.args.memory.last(verb.sent.start_char,
                                      kinds.pop() if len(kinds) == 1 else None,
                                      event_words(objects[0]))
        subjects = self.args.subjects(verb, actors)
        if event is None or not subjects:
            return
        found = replace(rule, type=event.type)
        sources = [a for s in subjects for a in self.args.actors(s, actors)]
        pairs = [(s, event.target) for s in sources if s.id != event.target.id]
        if pairs:
            yield Match(found, verb, subjects, [], [verb, objects[0]], resolved=pairs)
