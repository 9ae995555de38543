"""Relation rules: packaged YAML lexicons attached to a few syntactic constructions.

A rule names a construction (`pattern`) the engine knows how to read off a dependency parse, and
the words that trigger it. Keeping the words in YAML lets users extend coverage without code;
keeping the constructions in code keeps them few, general and tested.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .records import RELATION_TYPES
from .yamlfile import Checker, load_yaml, shown

PATTERNS: dict[str, str] = {
    "verb": "a verb with subject and object: 'A backs B', 'B was backed by A', 'A met with B'",
    "noun": "an event noun: 'A's visit to B', 'an attack on B by A', 'talks between A and B'",
    "adjective": "a relational adjective or participle: 'A, close to B', 'A is allied with B'",
    "label": "a label given with one of 'verbs': 'A called B a dictator', 'A saw B as a hero'",
}
RULE_KEYS = ("id", "type", "pattern", "lemmas", "preps", "object", "symmetric", "reciprocal",
             "source", "verbs", "confidence", "description")
LEXICON_KEYS = ("light_verbs", "negating_verbs", "planning_verbs", "modal_auxiliaries",
                "conditional_markers", "proxy_nouns", "proxy_of_nouns", "object_control_verbs",
                "directive_verbs", "mutual_light_verbs", "neutral_verbs",
                "hedging_adverbs", "circumstance_nouns", "allegation_verbs",
                "quantity_nouns")


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger lexicon bound to one construction."""

    id: str
    type: str
    pattern: str
    lemmas: frozenset[str]
    preps: frozenset[str] = frozenset()
    object: bool = True
    symmetric: bool = False
    reciprocal: bool = False
    source: str = "subject"
    verbs: frozenset[str] = frozenset()  # noun rules: only under one of these verbs
    confidence: float = 0.7
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "pattern": self.pattern,
                "lemmas": sorted(self.lemmas), "preps": sorted(self.preps), "object": self.object,
                "symmetric": self.symmetric, "reciprocal": self.reciprocal, "source": self.source,
                "verbs": sorted(self.verbs), "confidence": self.confidence,
                "description": self.description}


@dataclass(slots=True)
class RuleSet:
    """Rules indexed by (pattern, lemma) so that the engine looks up a token in O(1)."""

    rules: list[Rule] = field(default_factory=list)
    lexicons: dict[str, frozenset[str]] = field(default_factory=dict)
    index: dict[tuple[str, str], list[Rule]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {}
        for key in LEXICON_KEYS:
            self.lexicons.setdefault(key, frozenset())
        for rule in self.rules:
            for lemma in rule.lemmas:
                self.index.setdefault((rule.pattern, lemma), []).append(rule)

    def words(self, lexicon: str) -> frozenset[str]:
        return self.lexicons[lexicon]

    def lookup(self, pattern: str, lemma: str) -> list[Rule]:
        return self.index.get((pattern, lemma), [])

    def __len__(self) -> int:
        return len(self.rules)


def default_rules_path() -> Path:
    return Path(str(resources.files("relx") / "rules" / "relations.yaml"))


def parse_lexicons(data: Any, source: str) -> dict[str, frozenset[str]]:
    """The optional `lexicons:` section of a rule file (word lists the engine consults)."""
    check = Checker(source)
    top = check.mapping(data, (), allowed=("version", "rules", "lexicons"))
    raw = top.get("lexicons") or {}
    lex = check.mapping(raw, ("lexicons",), allowed=LEXICON_KEYS)
    return {k: frozenset(w.lower() for w in check.strings(v, ("lexicons", k), empty_ok=True))
            for k, v in lex.items()}


def parse_rules(data: Any, source: str) -> list[Rule]:
    """Validate a parsed rule file; raise RulesError naming `source -> rules -> i -> field`."""
    check = Checker(source)
    top = check.mapping(data, (), allowed=("version", "rules", "lexicons"), required=("rules",))
    parse_lexicons(data, source)
    items = top["rules"]
    if not isinstance(items, list):
        raise check.fail(("rules",), "must be a list of rules")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(items):
        loc: tuple[str | int, ...] = ("rules", i)
        item = check.mapping(raw, loc, allowed=RULE_KEYS, required=("id", "type", "pattern",
                                                                    "lemmas"))
        rid = check.string(item["id"], (*loc, "id"))
        loc = ("rules", rid)
        if rid in seen:
            raise check.fail((*loc, "id"), "duplicate rule id")
        seen.add(rid)
        rtype = check.choice(item["type"], (*loc, "type"), RELATION_TYPES)
        pattern = check.choice(item["pattern"], (*loc, "pattern"), tuple(PATTERNS))
        lemmas = check.strings(item["lemmas"], (*loc, "lemmas"))
        preps = check.strings(item.get("preps", []), (*loc, "preps"), empty_ok=True)
        for j, prep in enumerate(preps):
            if any(ch.isspace() for ch in prep):
                raise check.fail((*loc, "preps", j), f"{shown(prep)} can never match: a"
                                 " preposition is one word")
        for j, lemma in enumerate(lemmas):
            if lemma == "*" and pattern != "verb":
                raise check.fail((*loc, "lemmas", j), "'*' (any verb) is only for verb rules")
            if lemma == "*" and not preps:
                raise check.fail((*loc, "lemmas", j),
                                 "'*' needs 'preps': it would match every verb")
            if any(ch.isspace() for ch in lemma):
                raise check.fail((*loc, "lemmas", j), f"{shown(lemma)} can never match: a"
                                 " trigger is one word (put the preposition in 'preps')")
        obj = check.boolean(item.get("object", True), (*loc, "object"))
        if pattern != "noun" and not obj and not preps:
            raise check.fail((*loc, "preps"), "can never match: with 'object: false' the rule"
                             " needs at least one preposition")
        if pattern == "adjective" and not preps:
            raise check.fail((*loc, "preps"), "an adjective rule needs prepositions ('close to')")
        symmetric = check.boolean(item.get("symmetric", rtype == "meets"), (*loc, "symmetric"))
        reciprocal = check.boolean(item.get("reciprocal", symmetric), (*loc, "reciprocal"))
        source_role = check.choice(item.get("source", "subject"), (*loc, "source"),
                                   ("subject", "object"))
        verbs = check.strings(item.get("verbs", []), (*loc, "verbs"), empty_ok=True)
        if verbs and pattern not in {"noun", "label"}:
            raise check.fail((*loc, "verbs"), "only noun and label rules take 'verbs'")
        if pattern == "label" and not verbs:
            raise check.fail((*loc, "verbs"), "a label rule needs the verbs that give the label")
        conf = check.number(item.get("confidence", 0.7), (*loc, "confidence"), 0.0, 1.0)
        desc = item.get("description", "")
        if not isinstance(desc, str):
            raise check.fail((*loc, "description"), "must be a string")
        rules.append(Rule(rid, rtype, pattern, frozenset(x.lower() for x in lemmas),
                          frozenset(p.lower() for p in preps), obj, symmetric, reciprocal,
                          source_role, frozenset(v.lower() for v in verbs), conf, desc))
    return rules


def load_rules(extra: Sequence[Path | str] = (), *, replace: bool = False) -> RuleSet:
    """The packaged rules plus each file in `extra` (or only those, with `replace`).

    A user rule with the id of a packaged one overrides it, so a lexicon can be edited in place.
    """
    rules: dict[str, Rule] = {}
    lexicons: dict[str, frozenset[str]] = {}
    files: list[tuple[Path | str, str]] = [(f, str(f)) for f in extra]
    # the packaged lexicons (negation, modality) always apply; `replace` swaps only the rules
    files.insert(0, (default_rules_path(), "relx/rules/relations.yaml"))
    for n, (file, label) in enumerate(files):
        data = load_yaml(file, name=label)
        for key, words in parse_lexicons(data, label).items():
            lexicons[key] = lexicons.get(key, frozenset()) | words
        if n == 0 and replace:
            continue
        for rule in parse_rules(data, label):
            rules[rule.id] = rule
    return RuleSet(list(rules.values()), lexicons)


def check_rule_files(files: Iterable[Path | str]) -> int:
    """Validate files without loading a model; returns the number of rules read."""
    return sum(len(parse_rules(load_yaml(f), str(f))) for f in files)
