"""The label construction: 'A called B a dictator'. Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, case, check, expect


@pytest.mark.parametrize(("text", "expected"), [
    case("Erdogan called Netanyahu a terrorist.", ("Erdogan", "opposes", "Netanyahu")),
    case("Putin described Mugabe as a hero.", ("Putin", "supports", "Mugabe")),
    # a label with no actor named as its bearer is no relation
    case("Erdogan called the decision a mistake."),
])
def test_labels(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Senator Tom Hale called President Eva Lind's budget plan reckless.",
         ("Tom Hale", "opposes", "Eva Lind")),
    case('Chile described the Peruvian decision as "illegal".', ("Chile", "opposes", "Peru")),
    # a label with no actor behind the thing labelled is nothing
    case("Chile called the weather dreadful and reckless."),
])
def test_adjective_labels(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


def test_a_quoted_label_is_asserted(extractor: Extractor) -> None:
    rels = extractor.extract('Chile described the Peruvian decision as "illegal".').relations
    assert [r.modality for r in rels] == ["asserted"]


@pytest.mark.parametrize(("text", "expected"), [
    case("Chile called the Peruvian plan a disgrace.", ("Chile", "opposes", "Peru")),
    case("Chile called the Peruvian plan a farce.", ("Chile", "opposes", "Peru")),
])
def test_labels_of_what_an_actor_did(extractor: Extractor, text: str,
                                     expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # the one who says "X is a threat" gives X the label
    case('"Uganda is a threat to the region," Kenyan President William Ruto told reporters.',
         ("William Ruto", "opposes", "Uganda")),
    case('Kenyan President William Ruto said Uganda\'s decision was "a betrayal".',
         ("William Ruto", "opposes", "Uganda")),
    case('"Uganda is a true friend," Kenyan President William Ruto said.',
         ("William Ruto", "supports", "Uganda")),
    # denied or only asked about: no label given
    case('"Uganda is not a threat," Kenyan President William Ruto said.', *()),
    case("Kenyan President William Ruto asked whether Uganda was a threat.", *()),
])
def test_a_label_in_reported_speech_is_the_speakers(extractor: Extractor, text: str,
                                                     expected: set) -> None:
    check(extractor, text, expected)


def test_a_resolution_stands_for_who_passed_it(extractor: Extractor) -> None:
    check(extractor, "Kenya's parliament passed a resolution condemning Uganda.",
          expect(("Kenya's parliament", "opposes", "Uganda")))


@pytest.mark.parametrize(("text", "expected"), [
    # an order, a law or a ruling stands for whoever signed, passed or issued it
    case("John Abel signed an executive order banning Ugandan imports.",
         ("John Abel", "opposes", "Uganda")),
    case("Kenya condemned Uganda's new law.", ("Kenya", "opposes", "Uganda")),
    # not for whoever vetoed it
    case("Kenya vetoed a law condemning Uganda.", *()),
])
def test_orders_and_laws_stand_for_their_authors(extractor: Extractor, text: str,
                                                 expected: set) -> None:
    check(extractor, text, expected)
