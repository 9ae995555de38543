"""Relation rules: packaged YAML lexicons attached to a few syntactic constructions.

A rule names a construction (`pattern`) the engine knows how to read off a dependency parse, and
the words that trigger it. Keeping the words in YAML lets users extend coverage without code;
keeping the constructions in code keeps them few, general and tested.
"""

from __future__ import annotations

import re
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
    "echo": "repeating an earlier event: 'B echoed the criticism' (B does what its maker did)",
    "join": "joining: 'A joined the mission led by B', 'A joined B at the talks'",
    "protest": "a protest event: 'protests against X', 'the anti-X march', 'a pro-X rally'"
               " (source: its owner, else the article's protesters)",
    "shape": "a dependency shape given as data ('shape': spaCy DependencyMatcher nodes named"
             " trigger, source, target)",
}
RULE_KEYS = ("id", "type", "pattern", "lemmas", "preps", "object", "symmetric", "reciprocal",
             "source", "verbs", "shape", "cameo", "confidence", "description")
TOP_KEYS = ("version", "rules", "lexicons", "cameo_codes")
LEXICON_KEYS = ("light_verbs", "negating_verbs", "planning_verbs", "modal_auxiliaries",
                "conditional_markers", "proxy_nouns", "proxy_of_nouns", "object_control_verbs",
                "directive_verbs", "mutual_light_verbs", "neutral_verbs",
                "hedging_adverbs", "hedging_adjectives", "circumstance_nouns", "allegation_verbs",
                "quantity_nouns", "meeting_nouns", "withdrawal_verbs", "lifting_verbs",
                "travel_verbs", "inverse_light_verbs", "event_anaphors", "hypothetical_nouns",
                "neutral_nouns", "envoy_nouns", "allegation_nouns", "reporting_verbs")


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
    # shape rules: DependencyMatcher nodes (the first, the anchor, named 'trigger')
    shape: tuple[dict[str, Any], ...] = field(default=(), compare=False)
    # CAMEO codes: per lemma, and '*' for the rule's default
    cameo: dict[str, str] = field(default_factory=dict, compare=False)

    def code(self, lemma: str, index: dict[str, str]) -> str | None:
        """The CAMEO code of a trigger: the rule's own for the lemma, else the dictionary's,
        else the rule's default."""
        return self.cameo.get(lemma) or index.get(lemma) or self.cameo.get("*")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "pattern": self.pattern,
                "lemmas": sorted(self.lemmas), "preps": sorted(self.preps), "object": self.object,
                "symmetric": self.symmetric, "reciprocal": self.reciprocal, "source": self.source,
                "verbs": sorted(self.verbs), "confidence": self.confidence,
                "description": self.description, "shape": list(self.shape),
                "cameo": dict(self.cameo)}


@dataclass(slots=True)
class RuleSet:
    """Rules indexed by (pattern, lemma) so that the engine looks up a token in O(1)."""

    rules: list[Rule] = field(default_factory=list)
    lexicons: dict[str, frozenset[str]] = field(default_factory=dict)
    index: dict[tuple[str, str], list[Rule]] = field(default_factory=dict)
    cameo_codes: dict[str, str] = field(default_factory=dict)  # lemma -> CAMEO code

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


def default_rule_paths() -> list[Path]:
    """The packaged rule files: the hand-written rules, then those imported from CAMEO."""
    folder = default_rules_path().parent
    return [default_rules_path()] + [p for p in [folder / "cameo.yaml"] if p.exists()]


def parse_lexicons(data: Any, source: str) -> dict[str, frozenset[str]]:
    """The optional `lexicons:` section of a rule file (word lists the engine consults)."""
    check = Checker(source)
    top = check.mapping(data, (), allowed=TOP_KEYS)
    raw = top.get("lexicons") or {}
    lex = check.mapping(raw, ("lexicons",), allowed=LEXICON_KEYS)
    return {k: frozenset(w.lower() for w in check.strings(v, ("lexicons", k), empty_ok=True))
            for k, v in lex.items()}


def parse_rules(data: Any, source: str) -> list[Rule]:
    """Validate a parsed rule file; raise RulesError naming `source -> rules -> i -> field`."""
    check = Checker(source)
    top = check.mapping(data, (), allowed=TOP_KEYS, required=("rules",))
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
            if lemma == "*" and pattern not in {"verb", "noun", "shape"}:
                raise check.fail((*loc, "lemmas", j), "'*' (any word) is only for verb, noun and"
                                 " shape rules")
            if lemma == "*" and not preps and pattern != "shape":
                raise check.fail((*loc, "lemmas", j),
                                 "'*' needs 'preps': it would match every verb")
            if any(ch.isspace() for ch in lemma):
                raise check.fail((*loc, "lemmas", j), f"{shown(lemma)} can never match: a"
                                 " trigger is one word (put the preposition in 'preps')")
        obj = check.boolean(item.get("object", True), (*loc, "object"))
        shape = parse_shape(check, item.get("shape"), (*loc, "shape"), pattern)
        if pattern not in {"noun", "shape"} and not obj and not preps:
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
        cameo = parse_cameo(check, item.get("cameo"), (*loc, "cameo"))
        conf = check.number(item.get("confidence", 0.7), (*loc, "confidence"), 0.0, 1.0)
        desc = item.get("description", "")
        if not isinstance(desc, str):
            raise check.fail((*loc, "description"), "must be a string")
        rules.append(Rule(rid, rtype, pattern, frozenset(x.lower() for x in lemmas),
                          frozenset(p.lower() for p in preps), obj, symmetric, reciprocal,
                          source_role, frozenset(v.lower() for v in verbs), conf, desc, shape,
                          cameo))
    return rules


CAMEO_CODE = re.compile(r"^[0-9]{2,4}$")


def parse_cameo(check: Checker, raw: Any, loc: tuple[str | int, ...]) -> dict[str, str]:
    """A rule's `cameo`: one code for all its lemmas ("111"), or a lemma -> code mapping."""
    if raw is None:
        return {}
    if isinstance(raw, str | int) and not isinstance(raw, bool):
        raw = {"*": raw}
    if not isinstance(raw, dict):
        raise check.fail(loc, "must be a CAMEO code ('111') or a mapping of lemma to code")
    out: dict[str, str] = {}
    for lemma, code in raw.items():
        text = f"{code:03d}" if isinstance(code, int) and not isinstance(code, bool) else code
        if not isinstance(lemma, str) or not isinstance(text, str) or not CAMEO_CODE.match(text):
            raise check.fail((*loc, str(lemma)[:40]), "a CAMEO code is 2 to 4 digits, as a"
                             " string ('0311')")
        out[lemma.lower()] = text
    return out


def parse_cameo_codes(data: Any, source: str) -> dict[str, str]:
    """The optional top-level `cameo_codes:` (lemma -> code) of a rule file."""
    check = Checker(source)
    top = check.mapping(data, (), allowed=TOP_KEYS)
    return parse_cameo(check, top.get("cameo_codes") or {}, ("cameo_codes",))


SHAPE_NODE_KEYS = ("RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP")


def parse_shape(check: Checker, raw: Any, loc: tuple[str | int, ...], pattern: str
                ) -> tuple[dict[str, Any], ...]:
    """A shape rule's DependencyMatcher nodes: checked here for relx's naming contract, then
    compiled by spaCy itself so that its own messages name what is wrong."""
    if pattern != "shape":
        if raw is not None:
            raise check.fail(loc, "only shape rules take 'shape'")
        return ()
    if not isinstance(raw, list) or not raw:
        raise check.fail(loc, "a shape rule needs 'shape': a list of DependencyMatcher nodes")
    nodes: list[dict[str, Any]] = []
    for j, node in enumerate(raw):
        item = check.mapping(node, (*loc, j), allowed=SHAPE_NODE_KEYS,
                             required=("RIGHT_ID", "RIGHT_ATTRS") if j == 0 else SHAPE_NODE_KEYS)
        name = check.string(item["RIGHT_ID"], (*loc, j, "RIGHT_ID"))
        if not isinstance(item["RIGHT_ATTRS"], dict):
            raise check.fail((*loc, j, "RIGHT_ATTRS"), "must be a mapping of token attributes")
        nodes.append(dict(item))
        if j == 0 and name != "trigger":
            raise check.fail((*loc, 0, "RIGHT_ID"), "the first node (the anchor) must be"
                             " named 'trigger': the rule's lemmas go on it")
    names = [n["RIGHT_ID"] for n in nodes]
    if not any(n.startswith("target") for n in names):
        raise check.fail(loc, "a shape needs a node named 'target' (and may name a 'source';"
                         " without one, the trigger's subject is the source)")
    try:
        from spacy.matcher import DependencyMatcher
        from spacy.vocab import Vocab

        DependencyMatcher(Vocab()).add("check", [nodes])
    except Exception as exc:  # spaCy's validation (E-codes) says what is wrong with the nodes
        message = " ".join(str(exc).split())
        raise check.fail(loc, f"not a valid DependencyMatcher pattern: {message[:300]}") from None
    return tuple(nodes)


def load_rules(extra: Sequence[Path | str] = (), *, replace: bool = False) -> RuleSet:
    """The packaged rules plus each file in `extra` (or only those, with `replace`).

    A user rule with the id of a packaged one overrides it, so a lexicon can be edited in place.
    """
    rules: dict[str, Rule] = {}
    lexicons: dict[str, frozenset[str]] = {}
    codes: dict[str, str] = {}
    files: list[tuple[Path | str, str]] = [(f, str(f)) for f in extra]
    # the packaged lexicons (negation, modality) always apply; `replace` swaps only the rules
    packaged = [(path, f"relx/rules/{path.name}") for path in default_rule_paths()]
    files[:0] = packaged
    for n, (file, label) in enumerate(files):
        data = load_yaml(file, name=label)
        for key, words in parse_lexicons(data, label).items():
            lexicons[key] = lexicons.get(key, frozenset()) | words
        codes.update(parse_cameo_codes(data, label))
        if n < len(packaged) and replace:
            continue
        for rule in parse_rules(data, label):
            rules[rule.id] = rule
    return RuleSet(list(rules.values()), lexicons, cameo_codes=codes)


def check_rule_files(files: Iterable[Path | str]) -> int:
    """Validate files without loading a model; returns the number of rules read."""
    return sum(len(parse_rules(load_yaml(f), str(f))) for f in files)
