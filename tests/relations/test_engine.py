"""The engine: records carry their rule and confidence; sentences without a relation give none.
Sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, asserted, case, check


@pytest.mark.parametrize(("text", "rule"), [
    ("Egypt condemned Israel on Sunday.", "oppose-verb"),
    ("Chad backed Niger in the dispute.", "support-verb"),
    ("Senegal met Gambia on Monday.", "meet-verb"),
    ("Turkey held talks with Iraq on water sharing.", "meet-noun"),
    ("Russia launched an attack on Ukraine in February.", "oppose-noun"),
    ("The Houthis are close to Iran.", "support-adjective"),
    ("Morocco and Mauritania signed a trade agreement.", "support-agreement"),
])
def test_rule_and_confidence(extractor: Extractor, text: str, rule: str) -> None:
    rels = extractor.extract(text).relations
    assert rels
    known = {r.id for r in extractor.ruleset.rules}
    for rel in rels:
        assert rel.rule == rule
        assert rel.rule in known
        assert 0 < rel.confidence <= 1
        assert rel.trigger and all(w in rel.sentence for w in rel.trigger.split())


@pytest.mark.parametrize(("text", "expected"), [
    case("The minister met reporters in Ankara."),
    case("Iraq is a member of the Arab League."),
    case("Officials met on Tuesday."),
    case("Several officials met on Tuesday to discuss the budget."),
    # Turkey opposes the attack, not its victim
    case("Turkey condemned the attack on Iraq."),
    case("Thousands of people protested in Cairo on Friday."),
    # hosting a visit is a meeting (CAMEO 04), not support
    case("Mali hosted the president of Niger on Monday.", ("Mali", "meets", "Niger")),
])
def test_no_spurious_relations(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


def test_first_person_is_the_speaker(extractor: Extractor) -> None:
    text = ("Foreign Minister Anna Berg of Sweden said: I am appalled by the attack by Hamas. "
            "We condemn Hamas.")
    found = asserted(extractor.extract(text))
    assert ("Anna Berg", "opposes", "Hamas") in found
    assert ("Sweden", "opposes", "Hamas") in found
