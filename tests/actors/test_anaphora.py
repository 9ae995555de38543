"""Pronouns and anaphora (`relx.actors.anaphora`) on the real spaCy pipeline.

Personal pronouns, 'it', 'the latter'/'the former', group anaphors ('these terrorists') and the
first person in a quotation each point back to an actor named before. Sentences are invented.
"""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .helpers import triples


@pytest.mark.parametrize(("text", "expected"), [
    ("German Chancellor Olaf Scholz landed in Kyiv on Monday. He praised Ukraine.",
     {("Olaf Scholz", "meets", "Ukraine"), ("Olaf Scholz", "supports", "Ukraine")}),
    ("New Zealand Prime Minister Jacinda Ardern spoke in Wellington. She condemned China.",
     {("Jacinda Ardern", "opposes", "China")}),
])
def test_pronoun_subject_is_the_most_recent_person(extractor: Extractor, text: str,
                                                   expected: set) -> None:
    assert triples(extractor.extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile did not sign the accord, but it praised Peru.", ("Chile", "supports", "Peru")),
    # 'it' prefers the subject of the clause before over a later object
    ("Sudan did not meet Chad, but it criticized Libya.", ("Sudan", "opposes", "Libya")),
])
def test_it_is_a_recent_country(extractor: Extractor, text: str, expected: tuple) -> None:
    assert expected in triples(extractor.extract(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Brazilian President Luiz Inacio Lula da Silva met Argentine President Javier Milei."
     " The latter criticized Venezuela.", ("Javier Milei", "opposes", "Venezuela")),
    ("Mali welcomed Niger and Burkina Faso. The latter criticized France.",
     ("Burkina Faso", "opposes", "France")),
])
def test_the_latter_is_the_last_actor_named(extractor: Extractor, text: str,
                                            expected: tuple) -> None:
    found = triples(extractor.extract(text))
    assert expected in found
    assert not any(t[1] == "opposes" and t[2] == "France" and t[0] != expected[0] for t in found)


def test_the_former_is_the_actor_before_the_last(extractor: Extractor) -> None:
    found = triples(extractor.extract("Peru praised Chile, but the former criticized Bolivia."))
    assert found == {("Peru", "supports", "Chile"), ("Peru", "opposes", "Bolivia")}


def test_group_anaphor_is_the_armed_group_named_before(extractor: Extractor) -> None:
    found = triples(extractor.extract("Hezbollah attacked Israel on Monday. These terrorists"
                                      " also threatened Cyprus."))
    assert ("Hezbollah", "opposes", "Cyprus") in found


def test_group_anaphor_is_not_a_collective_of_troops(extractor: Extractor) -> None:
    found = triples(extractor.extract("Iraqi troops attacked Syria on Monday. These terrorists"
                                      " also threatened Jordan."))
    assert found == {("Iraqi troops", "opposes", "Syria")}


# ------------------------------------------------------------------- speakers of quotations


def test_first_person_in_a_quotation_is_the_speaker_and_their_country(
        extractor: Extractor) -> None:
    found = triples(extractor.extract("Foreign Minister Lars Holm of Denmark said: I condemn"
                                      " Russia. We support Ukraine."))
    assert found == {("Lars Holm", "opposes", "Russia"), ("Denmark", "supports", "Ukraine")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Lars Holm said: I support Ukraine.", {("Lars Holm", "supports", "Ukraine")}),
    # "we" of a speaker without a known country is the speaker (CASES class 9)
    ("Lars Holm said: We support Ukraine.", {("Lars Holm", "supports", "Ukraine")}),
])
def test_we_is_the_speakers_country_or_the_speaker(extractor: Extractor, text: str,
                                                    expected: set) -> None:
    assert triples(extractor.extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 'its' is the office's: an unnamed subject binds the possessive in its clause
    ("Kenya praised Uganda. The district attorney's office began its probe into Sudan.", {
        ("Kenya", "supports", "Uganda")}),
    # a named subject still gives the possessive its actor
    ("Kenya praised Uganda. Later Kenya began its probe into Sudan.", {
        ("Kenya", "supports", "Uganda"), ("Kenya", "opposes", "Sudan")}),
])
def test_a_possessive_belongs_to_its_clauses_subject(extractor: Extractor, text: str,
                                                     expected: set) -> None:
    assert triples(extractor.extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an object pronoun is never its own clause's subject
    ("Peter Okello resigned after John Abel criticised him.",
     {("John Abel", "opposes", "Peter Okello")}),
    ("John Abel met Peter Okello and praised him.",
     {("John Abel", "meets", "Peter Okello"), ("John Abel", "supports", "Peter Okello")}),
])
def test_an_object_pronoun_is_not_its_clauses_subject(extractor: Extractor, text: str,
                                                      expected: set) -> None:
    assert triples(extractor.extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 'him' in a participle clause is not the one who accuses (its subject is the clause's)
    ("Mary Brook spoke in Nairobi. Later Mary Brook called on John Abel to resign, accusing him "
     "of corruption.", {("Mary Brook", "opposes", "John Abel")}),
])
def test_pronouns_skip_their_controller(extractor: Extractor, text: str,
                                                  expected: set) -> None:
    assert triples(extractor.extract(text)) == expected


def test_a_medium_is_no_referent_for_a_pronoun(extractor: Extractor) -> None:
    from spacy.tokens import Span

    # the small model's NER may take "Twitter" for a person; said "on" it, it is a medium
    doc = extractor.nlp("John Abel lashed out at Mary Brook on Twitter, accusing her of lying.")
    twitter = next(t.i for t in doc if t.text == "Twitter")
    doc.ents = [e for e in doc.ents if e.start != twitter] + [
        Span(doc, twitter, twitter + 1, label="PERSON")]
    actors = extractor.resolve(doc)
    her = next(t for t in doc if t.lower_ == "her")
    assert actors.of(her) is not None and actors.of(her).name == "Mary Brook"
