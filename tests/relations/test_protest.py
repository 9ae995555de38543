"""Protest events: their owner, else the article's protesters, opposes what they are against;
'anti-X' and 'pro-X' are stances, never actors. Real pipeline; sentences are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import asserted, case, check


@pytest.mark.parametrize(("text", "expected"), [
    # the article's protesters are the ones protesting, named in another sentence
    case("Kenyan protesters gathered in Nairobi. The protests against the Ugandan government "
         "continued for a week.", ("Kenyan protesters", "opposes", "Uganda")),
    case("Thousands of demonstrators filled the square. The demonstration against Kenya was "
         "peaceful.", ("demonstrators", "opposes", "Kenya")),
    # an owner of the protest is its source, not the article's protesters
    case("Kenyan protesters gathered. Farmers' protests against Uganda continued.",
         ("Farmers", "opposes", "Uganda")),
    case("Kenya's protest against Uganda was ignored.", ("Kenya", "opposes", "Uganda")),
    # without protesters in the article, a protest has no known source
    case("Uganda is a neighbour of Kenya. The protests against Kenya continued.", *()),
])
def test_protests_against_an_actor(extractor: Extractor, text: str, expected: set) -> None:
    check(extractor, text, expected)


def test_anti_and_pro_are_stances_not_actors(extractor: Extractor) -> None:
    result = extractor.extract("Protesters marched in London during an anti-Brexit rally. "
                               "Pro-Democracy groups joined them.")
    names = {a.name.lower() for a in result.actors}
    assert not any(n.startswith(("anti", "pro-")) for n in names), names
    assert asserted(result) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # what one's demands include is what one demands
    case("Kenyan protesters gathered. Their demands include an investigation into police "
         "brutality.", ("Kenyan protesters", "opposes", "police")),
    case("The protesters' demands have expanded to an investigation of police misconduct.",
         ("protesters", "opposes", "police")),
    # what a plan includes is only planned
    case("Kenya's plan includes sanctions on Uganda.", *()),
])
def test_what_demands_and_plans_include(extractor: Extractor, text: str, expected: set) -> None:
    check(extractor, text, expected)
