"""Property tests: no text makes the extractor raise or break the output contract, and no rule or
actor data makes the validators raise anything but RulesError."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relx.core import Extractor
from relx.dictionary import parse_entries
from relx.errors import RulesError
from relx.records import MODALITIES, RELATION_TYPES
from relx.rules import PATTERNS, RULE_KEYS, parse_rules

WORDS = ["Turkey", "Iran", "Russia", "Syria", "France", "Germany", "the", "United", "Nations",
         "President", "Erdogan", "condemned", "backed", "met", "with", "not", "will", "talks",
         "between", "and", "support", "for", "attack", "on", "by", "said", "Hamas", "Israel",
         "\u0623\u062d\u0645\u062f", "\u4e60\u8fd1\u5e73", "(", ")", '"', "'", "\u201c", "\u201d",
         ".", ",", ";", "!", "?", "\n", "\n\n", "\t", "\x00", "\x07", "\u200b", "\u202e", "-",
         "\u2014", "...", "Mr.", "U.S.", "E.U.", "'s"]
nested = st.recursive(st.sampled_from(WORDS), lambda inner: st.tuples(
    st.sampled_from(["(", '"', "'", "\u201c", "["]), st.lists(inner, max_size=6),
    st.sampled_from([")", '"', "'", "\u201d", "]"])).map(lambda t: t[0] + " ".join(t[1]) + t[2]),
    max_leaves=20)
texts = st.one_of(
    st.text(max_size=300),
    st.text(st.characters(codec="utf-8"), max_size=300),
    st.lists(nested, max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=80).map("".join),
    st.tuples(st.sampled_from(WORDS), st.integers(1, 3000)).map(lambda t: t[0] * t[1]),
    st.lists(st.sampled_from([".", " .", ". .", "\n", "?!"]), max_size=50).map("".join),
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=texts)
def test_extract_never_raises_and_keeps_the_contract(ex: Extractor, text: str) -> None:
    result = ex.extract(text)
    for actor in result.actors:
        assert actor.id and actor.name
    for r in result.relations:
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start:r.end] == r.sentence
        assert r.type in RELATION_TYPES
        assert r.modality in MODALITIES
        assert isinstance(r.negated, bool)
        assert 0.0 <= r.confidence <= 1.0
        assert r.source and r.target and r.source_id and r.target_id
        assert r.source_id != r.target_id
        d = r.to_dict()
        assert d["type"] == r.type and d["start"] == r.start


# -------------------------------------------------------------------------- validators

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
                    st.sampled_from(["supports", "opposes", "meets", "verb", "noun",
                                     "adjective", "subject", "object", "back", "with", "to",
                                     "*", "country", "group", "person", "organization", "IRN",
                                     "TUR", "stand by"]))
anything = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
string_lists = st.one_of(st.lists(scalars, max_size=4), scalars)


def _optional(keys: dict[str, Any]) -> Any:
    return st.fixed_dictionaries({}, optional=keys)


words = st.lists(st.sampled_from(["back", "praise", "meet", "with", "to", "on", "against"]),
                 min_size=1, max_size=3)
valid_rules = st.fixed_dictionaries(
    {"id": st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=6),
     "type": st.sampled_from(RELATION_TYPES), "pattern": st.sampled_from(["verb", "noun"]),
     "lemmas": words},
    optional={"preps": words, "symmetric": st.booleans(), "source": st.sampled_from(
        ["subject", "object"]), "confidence": st.floats(0, 1), "description": st.text(max_size=9)})
# a valid rule with one field replaced by anything: the near misses a user writes
near_misses = st.tuples(valid_rules, st.sampled_from([*RULE_KEYS, "typo"]), anything).map(
    lambda t: {**t[0], t[1]: t[2]})
rule_items = st.one_of(valid_rules, near_misses, anything, _optional({
    "id": st.one_of(st.text(max_size=6), scalars),
    "type": st.one_of(st.sampled_from(RELATION_TYPES), scalars),
    "pattern": st.one_of(st.sampled_from(list(PATTERNS)), scalars),
    "lemmas": string_lists, "preps": string_lists, "object": scalars, "symmetric": scalars,
    "source": scalars, "confidence": st.one_of(st.floats(-1, 2), scalars),
    "description": scalars, "bogus": scalars,
}))
rule_files = st.one_of(anything, st.fixed_dictionaries(
    {"rules": st.lists(st.one_of(valid_rules, valid_rules, near_misses), max_size=3)}),
    _optional({
    "version": scalars, "rules": st.one_of(st.lists(rule_items, max_size=4),
                                           st.lists(valid_rules, max_size=3), anything),
    "lexicons": st.one_of(st.dictionaries(st.sampled_from(["light_verbs", "negating_verbs",
                                                            "nope"]), string_lists), anything),
    "extra": scalars,
}))
valid_actors = st.fixed_dictionaries(
    {"name": st.text(st.characters(categories=["L"]), min_size=1, max_size=8),
     "kind": st.sampled_from(["group", "person", "organization"])},
    optional={"aliases": st.lists(st.text(st.characters(categories=["L"]), min_size=1,
                                          max_size=5), min_size=1, max_size=3),
              "country": st.sampled_from(["IRN", "TUR"])})
actor_near_misses = st.tuples(valid_actors, st.sampled_from(
    ["id", "name", "kind", "aliases", "iso3", "demonyms", "capitals", "country", "typo"]),
    anything).map(lambda t: {**t[0], t[1]: t[2]})
actor_items = st.one_of(valid_actors, actor_near_misses, anything, _optional({
    "id": scalars, "name": st.one_of(st.text(max_size=8), scalars),
    "kind": st.one_of(st.sampled_from(["country", "group", "person", "organization"]), scalars),
    "aliases": string_lists, "iso3": st.one_of(st.sampled_from(["IRN", "ab", "ABC"]), scalars),
    "demonyms": string_lists, "capitals": string_lists, "country": scalars, "bad": scalars,
}))
actor_files = st.one_of(anything, _optional({
    "version": scalars, "actors": st.one_of(st.lists(actor_items, max_size=4),
                                            st.lists(valid_actors, max_size=3), anything)}))


@settings(max_examples=300, deadline=None)
@given(data=rule_files)
def test_parse_rules_accepts_or_raises_rules_error(data: Any) -> None:
    try:
        rules = parse_rules(data, "fuzz.yaml")
    except RulesError as exc:
        assert str(exc).startswith("fuzz.yaml: ")
        return
    for rule in rules:
        assert rule.type in RELATION_TYPES and rule.pattern in PATTERNS and rule.lemmas
        assert 0.0 <= rule.confidence <= 1.0
        assert set(rule.to_dict()) == set(RULE_KEYS)


@settings(max_examples=300, deadline=None)
@given(data=actor_files)
def test_parse_entries_accepts_or_raises_rules_error(data: Any) -> None:
    try:
        entries = parse_entries(data, "fuzz.yaml")
    except RulesError as exc:
        assert str(exc).startswith("fuzz.yaml: ")
        return
    for entry in entries:
        assert entry.id and entry.name and entry.name in entry.aliases
