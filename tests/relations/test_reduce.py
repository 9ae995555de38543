"""Reducing relations (CAMEO 16) and asking for measures against an actor: recalling envoys,
closing borders, cutting ties, calling for sanctions, imposing tariffs. Real pipeline; sentences
are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import case, check


@pytest.mark.parametrize(("text", "expected"), [
    case("Kenya recalled its ambassador from Uganda.", ("Kenya", "opposes", "Uganda")),
    case("Kenya recalled its ambassador to Uganda.", ("Kenya", "opposes", "Uganda")),
    case("Kenya closed its border with Uganda.", ("Kenya", "opposes", "Uganda")),
    case("Kenya closed the border to Ugandan traders.", ("Kenya", "opposes", "Uganda")),
    case("Kenya cut diplomatic ties with Uganda.", ("Kenya", "opposes", "Uganda")),
    case("Kenya severed relations with Uganda.", ("Kenya", "opposes", "Uganda")),
    case("Kenya restored ties with Uganda.", ("Kenya", "supports", "Uganda")),
    case("Kenya imposed tariffs on Ugandan goods.", ("Kenya", "opposes", "Uganda")),
    # asking for measures against an actor is acting against it
    case("Kenya called for sanctions against Uganda.", ("Kenya", "opposes", "Uganda")),
    case("Kenya called for an investigation into Uganda.", ("Kenya", "opposes", "Uganda")),
    # a meeting asked for has not happened
    case("Kenya called for talks with Uganda.", *()),
    # an event after which one acts is not one's own
    case("Kenya took action after the attack on Uganda.", *()),
    # closing something else, recalling something else
    case("Kenya closed its embassy on Sunday.", *()),
    case("Kenya recalled the faulty vaccines from Uganda.", *()),
])
def test_reducing_relations_and_calling_for_measures(extractor: Extractor, text: str,
                                                     expected: set) -> None:
    check(extractor, text, expected)


def test_claiming_responsibility_for_an_attack_is_owning_it(extractor: Extractor) -> None:
    check(extractor, "Al-Shabaab claimed responsibility for the attack on Kenyan troops.",
          {("al-Shabaab", "opposes", "Kenyan troops")})


def test_a_claim_that_someone_attacked_is_still_only_a_claim(extractor: Extractor) -> None:
    rels = extractor.extract("Kenya claimed that Uganda attacked Sudan.").relations
    assert [(r.source, r.target, r.modality) for r in rels] == [("Uganda", "Sudan", "uncertain")]


@pytest.mark.parametrize(("text", "expected"), [
    case("Kenya and Uganda have been at odds over the border for years.",
         ("Kenya", "opposes", "Uganda"), ("Uganda", "opposes", "Kenya")),
    case("Kenya is at war with Uganda.",
         ("Kenya", "opposes", "Uganda"), ("Uganda", "opposes", "Kenya")),
    # being at a place with someone is no hostility
    case("Kenya was at the summit with Uganda.", ("Kenya", "meets", "Uganda")),
])
def test_being_at_war_or_at_odds(extractor: Extractor, text: str, expected: set) -> None:
    check(extractor, text, expected)
