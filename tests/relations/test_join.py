"""Joining (CASES class 6) and the passive 'by' agent that must never also be a target (class 8).
Sentences are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, asserted, case, check


@pytest.mark.parametrize(("text", "expected"), [
    case("Finland joined the air-policing mission led by Germany.",
         ("Finland", "supports", "Germany")),
    case("Chile joined the monitoring mission that Brazil set up last year.",
         ("Chile", "supports", "Brazil")),
    case("Sweden and Norway joined the fight against the Arctic Liberation Army.",
         ("Sweden", "opposes", "Arctic Liberation Army"),
         ("Norway", "opposes", "Arctic Liberation Army")),
    case("Foreign Minister Sara Holm joined her Danish counterpart Erik Lund at the talks in"
         " Copenhagen.", ("Sara Holm", "meets", "Erik Lund")),
    case("Montenegro joined NATO in 2017.", ("Montenegro", "supports", "NATO")),
    # joining a person is company, not support
    case("Minister Ivo Petrov joined President Ana Lisec on the flight."),
])
def test_joining(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("The naval task force, which Denmark set up in May, was joined by Estonia, Latvia and"
         " Finland.", ("Estonia", "supports", "Denmark"), ("Latvia", "supports", "Denmark"),
         ("Finland", "supports", "Denmark")),
    case("The naval task force was joined by Estonia, Latvia and Finland."),
    case("Norway was joined by Finland and Iceland in condemning Belarus.",
         ("Norway", "opposes", "Belarus"), ("Finland", "opposes", "Belarus"),
         ("Iceland", "opposes", "Belarus")),
    case("Peru joined Chile in criticising Bolivia.", ("Peru", "opposes", "Bolivia"),
         ("Chile", "opposes", "Bolivia")),
    case("Kenya was backed by Uganda and Rwanda.", ("Uganda", "supports", "Kenya"),
         ("Rwanda", "supports", "Kenya")),
])
def test_passive_agents_are_never_targets(extractor: Extractor, text: str,
                                          expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize("text", [
    "Mary Brook served as mayor before rejoining the Kenyan Parliament.",
    "John Abel joined the Ugandan Senate in 2010.",
])
def test_taking_a_seat_is_no_support(extractor: Extractor, text: str) -> None:
    assert asserted(extractor.extract(text)) == set()
