"""Negation and modality. Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, asserted, expect, one


@pytest.mark.parametrize(("text", "triple"), [
    ("Sudan did not meet Chad.", ("Sudan", "meets", "Chad")),
    ("Kenya never criticized Uganda.", ("Kenya", "opposes", "Uganda")),
    ("Serbia refused to meet Kosovo.", ("Serbia", "meets", "Kosovo")),
    ("Ethiopia and Eritrea did not meet.", ("Ethiopia", "meets", "Eritrea")),
])
def test_negated(extractor: Extractor, text: str, triple: Triple) -> None:
    rel = one(extractor, text, triple)
    assert rel.negated is True
    assert not rel.asserted


@pytest.mark.parametrize(("text", "triple", "modality"), [
    ("Mexico will visit Cuba next week.", ("Mexico", "meets", "Cuba"), "planned"),
    ("Peru is expected to meet Chile on Friday.", ("Peru", "meets", "Chile"), "planned"),
    ("If Israel attacks Iran, oil prices will rise.", ("Israel", "opposes", "Iran"),
     "hypothetical"),
    ("In the event that Russia attacks Finland, oil prices will rise.",
     ("Russia", "opposes", "Finland"), "hypothetical"),
])
def test_modality(extractor: Extractor, text: str, triple: Triple, modality: str) -> None:
    rel = one(extractor, text, triple)
    assert rel.modality == modality
    assert rel.negated is False
    assert not rel.asserted


def test_negation_does_not_leak_to_a_later_asserted_clause(extractor: Extractor) -> None:
    result = extractor.extract("Sudan did not meet Chad but criticized Libya.")
    assert asserted(result) == expect(("Sudan", "opposes", "Libya"))


def test_scare_quotes_make_an_event_uncertain(extractor: Extractor) -> None:
    rels = extractor.extract('Critics say Iran\'s "war" on ISIS is a sham.').relations
    assert rels and all(r.modality == "uncertain" for r in rels)


def test_hedged_event_is_uncertain(extractor: Extractor) -> None:
    rels = extractor.extract("Iraq allegedly met Syria in secret.").relations
    assert [(r.type, r.modality) for r in rels] == [("meets", "uncertain")]


def test_what_one_is_accused_of_is_alleged(extractor: Extractor) -> None:
    rels = extractor.extract("Egypt accused Turkey of backing the Muslim Brotherhood.").relations
    backing = [r for r in rels if r.type == "supports"]
    assert [(r.source, r.target, r.modality) for r in backing] == [
        ("Turkey", "Muslim Brotherhood", "uncertain")]


@pytest.mark.parametrize("text", [
    "Kenya condemned the alleged Ugandan attack on Sudan.",
    "Students protested the alleged police violence against Kenyan farmers.",
])
def test_an_alleged_event_noun_is_uncertain(extractor: Extractor, text: str) -> None:
    rels = [r for r in extractor.extract(text).relations if r.rule.startswith("oppose-noun")
            or r.rule == "oppose-any-noun-against"]
    assert rels and all(r.modality == "uncertain" for r in rels)


def test_an_unhedged_event_noun_is_asserted(extractor: Extractor) -> None:
    rels = extractor.extract("Kenya condemned the Ugandan attack on Sudan.").relations
    assert ("Uganda", "opposes", "Sudan", "asserted") in {
        (r.source, r.type, r.target, r.modality) for r in rels}


@pytest.mark.parametrize("text", [
    "The charge stemmed from allegations that Kenya pressured Uganda.",
    "The charge stemmed from allegations Kenya tried to pressure the Ugandan government.",
])
def test_an_event_in_an_allegation_is_uncertain(extractor: Extractor, text: str) -> None:
    rels = extractor.extract(text).relations
    assert rels and all(r.modality == "uncertain" for r in rels)


def test_a_clause_right_after_an_allegation_is_its_content(extractor: Extractor) -> None:
    # however the parser attaches "Kenya tried ...", it is what the allegations say
    rels = extractor.extract("The charge stemmed from allegations Kenya tried to pressure the "
                             "Ugandan government.").relations
    assert rels and all(r.modality == "uncertain" for r in rels)


@pytest.mark.parametrize("text", ["Kenya hopes to improve relations with Uganda.",
                                  "Kenya hoped to meet Uganda."])
def test_hopes_are_plans_whatever_the_lemmatizer_says(extractor: Extractor, text: str) -> None:
    rels = extractor.extract(text).relations
    assert rels and all(r.modality == "planned" for r in rels)
