"""Polarity of withdrawals and lifts (CASES class 10, CAMEO 12/16), modality of scenarios and
readiness, and negation that stays out of relative clauses. Sentences are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, case, check, one


@pytest.mark.parametrize(("text", "expected"), [
    case("Norway froze its development assistance to Madagascar after the coup.",
         ("Norway", "opposes", "Madagascar")),
    case("Japan suspended its aid to Myanmar.", ("Japan", "opposes", "Myanmar")),
    case("Canada lifted sanctions on Cuba.", ("Canada", "supports", "Cuba")),
    case("Argentina rejected a Uruguayan request for new fishing quotas.",
         ("Argentina", "opposes", "Uruguay")),
    # refusing to back something that is no actor is nothing
    case("Austria refused to back the sanctions."),
])
def test_withdrawing_and_lifting(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


def test_negation_stays_out_of_a_relative_clause(extractor: Extractor) -> None:
    check(extractor, "Estonia will not extradite the businessman Oleg Petrov, who financed the"
          " Narva Separatist Movement.", {("Oleg Petrov", "supports", "Narva Separatist Movement")})


@pytest.mark.parametrize(("text", "triple", "modality"), [
    ("A war between Latvia and Lithuania is the worst-case scenario.",
     ("Latvia", "opposes", "Lithuania"), "hypothetical"),
    ("Ghana is ready to hold talks with Togo.", ("Ghana", "meets", "Togo"), "planned"),
])
def test_scenarios_and_readiness_are_not_asserted(extractor: Extractor, text: str,
                                                  triple: Triple, modality: str) -> None:
    rels = extractor.extract(text).relations
    assert rels and all(r.modality == modality for r in rels), [r.to_dict() for r in rels]
    assert (rels[0].source, rels[0].target) in {(triple[0], triple[2]), (triple[2], triple[0])}


def test_one_helper_still_works(extractor: Extractor) -> None:
    assert one(extractor, "Japan suspended its aid to Myanmar.",
               ("Japan", "opposes", "Myanmar")).cameo
