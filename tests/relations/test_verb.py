"""The verb construction: active, passive and participle agents, light verbs, arrivals, reciprocal
verbs. Sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, case, check


@pytest.mark.parametrize(("text", "expected"), [
    case("Egypt condemned Israel on Sunday.", ("Egypt", "opposes", "Israel")),
    case("Canada accused India of interference.", ("Canada", "opposes", "India")),
    case("Chad backed Niger in the dispute.", ("Chad", "supports", "Niger")),
    case("Senegal met Gambia on Monday.", ("Senegal", "meets", "Gambia")),
    case("The prime minister of Spain visited Morocco.", ("Spain", "meets", "Morocco")),
])
def test_transitive_verbs(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Lebanon was criticized by France on Friday.", ("France", "opposes", "Lebanon")),
    case("Yemen was backed by Iran throughout the war.", ("Iran", "supports", "Yemen")),
    # a past participle modifying the target, with its agent
    case("Hamas militants detained by Egypt were released.", ("Egypt", "opposes", "Hamas")),
    case("The Kenyan army, backed by the United States, attacked al-Shabaab.",
         ("United States", "supports", "Kenyan army"), ("Kenyan army", "opposes", "al-Shabaab")),
])
def test_passive_and_participle_agents(extractor: Extractor, text: str,
                                       expected: set[Triple]) -> None:
    check(extractor, text, expected)


def test_passive_without_agent_names_no_source(extractor: Extractor) -> None:
    check(extractor, "Lebanon was criticized on Friday.", set())


@pytest.mark.parametrize(("text", "expected"), [
    case("Russia launched an attack on Ukraine in February.", ("Russia", "opposes", "Ukraine")),
    case("Turkey held talks with Iraq on water sharing.", ("Turkey", "meets", "Iraq")),
    case("Germany expressed support for Moldova.", ("Germany", "supports", "Moldova")),
    case("Canada imposed sanctions on Myanmar.", ("Canada", "opposes", "Myanmar")),
    case("Greece voiced opposition to Turkey's plan.", ("Greece", "opposes", "Turkey")),
    case("The EU imposed new sanctions on Belarus.", ("European Union", "opposes", "Belarus")),
    # the parser attaches 'on Caracas' to the light verb, not to the event noun
    case("Washington imposed new sanctions on Caracas.", ("United States", "opposes", "Venezuela")),
    case("Greece voiced its opposition to Turkey.", ("Greece", "opposes", "Turkey")),
])
def test_light_verbs(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Vladimir Putin arrived in Beijing on Tuesday.", ("Vladimir Putin", "meets", "China")),
    case("Iraq declared war on Kuwait.", ("Iraq", "opposes", "Kuwait"),
         ("Kuwait", "opposes", "Iraq")),
])
def test_arrivals_and_wars(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Morocco and Mauritania signed a trade agreement.",
         ("Morocco", "supports", "Mauritania"), ("Mauritania", "supports", "Morocco")),
    case("Iraq signed an agreement with Turkey on water.", ("Iraq", "supports", "Turkey"),
         ("Turkey", "supports", "Iraq")),
    case("Iran and Saudi Arabia met in Beijing.", ("Iran", "meets", "Saudi Arabia")),
    case("Turkey and Iraq held talks in Baghdad.", ("Turkey", "meets", "Iraq")),
    case("Ethiopia and Eritrea clashed along the border.", ("Ethiopia", "opposes", "Eritrea"),
         ("Eritrea", "opposes", "Ethiopia")),
    case("Clashes between Sudan and South Sudan erupted last month.",
         ("Sudan", "opposes", "South Sudan"), ("South Sudan", "opposes", "Sudan")),
])
def test_reciprocal(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)
