"""What every construction shares: the `Match` it yields, its interface and the registry.

A construction reads one family of shapes off the dependency parse ("A backs B", "A's visit to
B", "A, an ally of B"). The engine asks each registered construction, sentence by sentence, for
its matches; rules (in YAML) name the construction they feed through their `pattern` field.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..actors import DocActors
from ..records import Actor
from ..rules import Rule, RuleSet
from .args import Arguments


@dataclass(slots=True)
class Match:
    """One rule firing: argument tokens plus the tokens that carried it."""

    rule: Rule
    trigger: Token
    sources: list[Token]
    targets: list[Token]
    words: list[Token]
    group: list[Token] | None = None  # "talks between A, B and C": every pair
    construction: str = ""
    resolved: list[tuple[Actor, Actor]] | None = None  # pairs already known (event anaphora)


class Construction:
    """A family of dependency shapes. Subclasses say which rules feed them (`pattern`), which
    tokens can trigger them (`triggers`) and how to read the arguments (`read`)."""

    name: ClassVar[str] = ""
    order: ClassVar[int] = 100  # within a token, constructions run in this order
    pattern: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(self, rules: RuleSet, args: Arguments):
        self.rules = rules
        self.args = args

    def bind(self, vocab: Vocab) -> None:
        """Called with the pipeline's vocabulary, for constructions that compile matchers."""

    def start(self, doc: Doc, actors: DocActors) -> None:
        """Called once per document before `find` (for constructions that match whole docs)."""

    def triggers(self, tok: Token) -> list[Rule]:
        """The rules whose trigger `tok` is, for this construction."""
        return []

    def read(self, tok: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        """The matches of one rule at one trigger token."""
        return iter(())

    def find(self, sent: Sequence[Token], actors: DocActors) -> Iterator[Match]:
        """The matches in one sentence, given as its list of tokens (made once for every
        construction: a Token is a new Python object at each `for tok in span`)."""
        for tok in sent:
            for rule in self.triggers(tok):
                for match in self.read(tok, rule, actors):
                    match.construction = self.name
                    yield match


REGISTRY: dict[str, type[Construction]] = {}


def construction(cls: type[Construction]) -> type[Construction]:
    """Register a construction under its `name`; the engine runs them by `order`."""
    if not cls.name or cls.name in REGISTRY:
        raise ValueError(f"construction needs a unique name, not {cls.name!r}")
    REGISTRY[cls.name] = cls
    return cls

