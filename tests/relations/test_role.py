"""Relational adjectives and role nouns. Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, asserted, case, check


@pytest.mark.parametrize(("text", "expected"), [
    case("Iran, a close ally of Syria, sent troops.", ("Iran", "supports", "Syria")),
    case("Hungary is a fierce critic of the European Union.",
         ("Hungary", "opposes", "European Union")),
    case("NATO ally Turkey bought new aircraft.", ("Turkey", "supports", "NATO")),
    # a role that names no owner is no relation
    case("Turkey, a regional power, bought new aircraft."),
])
def test_role_nouns(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("The Houthis are close to Iran.", ("Houthis", "supports", "Iran")),
    case("Kataib Hezbollah, allied with Iran, attacked the base.",
         ("Kataib Hezbollah", "supports", "Iran")),
    case("Iran-backed Houthis attacked Saudi Arabia.", ("Iran", "supports", "Houthis"),
         ("Houthis", "opposes", "Saudi Arabia")),
    case("Kataib Hezbollah is allied with Iran.", ("Kataib Hezbollah", "supports", "Iran")),
    case("Hamas is linked to Iran.", ("Hamas", "supports", "Iran")),
])
def test_relational_adjectives(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


def test_backed_compound_with_unresolved_head_yields_nothing(extractor: Extractor) -> None:
    """'Iran-backed militias': the militias are no actor, so there is no one to support."""
    result = extractor.extract("Iran-backed militias fired rockets at the port.")
    assert asserted(result) == set()
