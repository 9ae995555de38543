"""The label construction: 'A called B a dictator'. Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, case, check


@pytest.mark.parametrize(("text", "expected"), [
    case("Erdogan called Netanyahu a terrorist.", ("Erdogan", "opposes", "Netanyahu")),
    case("Putin described Mugabe as a hero.", ("Putin", "supports", "Mugabe")),
    # a label with no actor named as its bearer is no relation
    case("Erdogan called the decision a mistake."),
])
def test_labels(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)
