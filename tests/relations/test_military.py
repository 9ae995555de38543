"""Constructions of military and government press releases: fighting alongside, taking back
from, designating as, welcoming an actor's victory, support that continues. Real pipeline;
sentences are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import case, check


@pytest.mark.parametrize(("text", "expected"), [
    case("Hezbollah fighters fought alongside Syrian government troops.",
         ("Hezbollah", "supports", "Syrian government troops")),
    # the parser may hang the verb's 'from' on its object
    case("Kenyan troops retook the port from al-Shabaab.",
         ("Kenyan troops", "opposes", "al-Shabaab")),
    case("The United States designated al-Shabaab as a terrorist organisation.",
         ("United States", "opposes", "al-Shabaab")),
    # a victory stands for whoever won it
    case("Kenya welcomed the liberation of Kismayo by Somali forces.",
         ("Kenya", "supports", "Somali forces")),
    # what goes on is asserted, though 'will' says it goes on
    case("The UK will continue to support the Iraqi government in its fight against Daesh.",
         ("United Kingdom", "supports", "Iraq"), ("United Kingdom", "opposes", "Islamic State")),
    # what is only to come is not
    case("The UK will support the Iraqi government.", *()),
])
def test_press_release_constructions(extractor: Extractor, text: str, expected: set) -> None:
    check(extractor, text, expected)
