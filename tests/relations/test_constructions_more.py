"""Argument constructions of CASES classes 1, 5 and the bonus class: lexicon breadth, owned
event and asset nouns, agentless bans, inverse light verbs, appositions, arrivals without a host.
Sentences are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, case, check


@pytest.mark.parametrize(("text", "expected"), [
    case("On Tuesday, Chancellor Mira Valdez apologized to Portugal for the remarks.",
         ("Mira Valdez", "supports", "Portugal")),
    case("Mayor Tomas Lindqvist vetoed the budget proposal of the Harbour Workers Federation.",
         ("Tomas Lindqvist", "opposes", "Harbour Workers Federation")),
    case("Norwegian envoy Lars Berg mediated between Nepal and Bhutan.",
         ("Lars Berg", "meets", "Nepal"), ("Lars Berg", "meets", "Bhutan")),
    case("Chile massacred no one; Peru ostracized Bolivia.", ("Peru", "opposes", "Bolivia")),
])
def test_lexicon_breadth(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Senator Carla Ferro condemned the Nordic Mining Company's expansion into the reserve.",
         ("Carla Ferro", "opposes", "Nordic Mining Company")),
    case("Bolivian troops raided Paraguayan fuel depots in the valley.",
         ("Bolivian troops", "opposes", "Paraguay")),
    case("Kenya and Somalia stepped up their joint campaign against al-Shabaab.",
         ("Kenya", "opposes", "al-Shabaab"), ("Somalia", "opposes", "al-Shabaab")),
])
def test_owned_nouns(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("The Crimson Brotherhood is outlawed in Jordan.", ("Jordan", "opposes",
                                                           "Crimson Brotherhood")),
    case("Tunisia's new visa rules met with strong protests from Algeria.",
         ("Algeria", "opposes", "Tunisia")),
    case("The Kenyan plan drew sharp criticism from Ethiopia.", ("Ethiopia", "opposes", "Kenya")),
    case("The Baltic Farmers League, a movement loyal to President Arvid Lind, won two seats.",
         ("Baltic Farmers League", "supports", "Arvid Lind")),
])
def test_other_argument_constructions(extractor: Extractor, text: str,
                                      expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Rwandan troops arrived in Mozambique last week."),
    case("The exiled writer Omar Haddou arrived in Morocco, his home country, after ten years."),
    case("Vladimir Putin arrived in Beijing on Tuesday.", ("Vladimir Putin", "meets", "China")),
])
def test_travel_needs_a_host(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Senator Tom Hale demanded the resignation of Minister Eva Lind.",
         ("Tom Hale", "opposes", "Eva Lind")),
    case("Chile called for the ouster of President Luis Arce.", ("Chile", "opposes", "Luis Arce")),
    # calling for something that is no one's removal is nothing
    case("Chile called for the release of the report on Peru."),
])
def test_calls_for_removal_are_opposition(extractor: Extractor, text: str,
                                          expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Several countries, such as Chile and Peru, condemned Bolivia.",
         ("Chile", "opposes", "Bolivia"), ("Peru", "opposes", "Bolivia")),
    case("Neighbours including Chile and Peru condemned Bolivia.",
         ("Chile", "opposes", "Bolivia"), ("Peru", "opposes", "Bolivia")),
    case("Chile appointed Pedro Soto as ambassador.", ("Chile", "supports", "Pedro Soto")),
])
def test_listed_examples_and_appointments(extractor: Extractor, text: str,
                                          expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("The Senate voted to hold Minister Ola Berg in contempt.",
         ("Senate", "opposes", "Ola Berg")),
    case("Congress held two cabinet officers, Minister Ola Berg and Minister Ivo Sand, in"
         " contempt.", ("Congress", "opposes", "Ola Berg"), ("Congress", "opposes", "Ivo Sand")),
])
def test_contempt_and_named_appositions(extractor: Extractor, text: str,
                                        expected: set[Triple]) -> None:
    check(extractor, text, expected)
