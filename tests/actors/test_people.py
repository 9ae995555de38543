"""People and names (`relx.actors.people`): one actor per person, organisation or people named.

Name keys and display names are pure functions; the rest runs the real spaCy pipeline on
invented sentences: surnames and transliteration variants, roles and countries from titles,
acronyms, ids that are stable across documents.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from relx.actors import clean_name, name_key
from relx.core import Extractor
from relx.dictionary import load_lexicon

from .helpers import actor, ids, triples

# ------------------------------------------------------------------------- name keys (pure)


@pytest.mark.parametrize(("text", "key"), [
    ("Al -Sharaa", ("shara",)),  # stray space, particle, doubled letter
    ("al-Shara", ("shara",)),
    ("Ahmed al-Sharaa", ("ahmed", "shara")),
    ("Putin's", ("putin",)),  # possessive
    ("Dr. Anna Berg", ("ana", "berg")),  # honorific dropped
])
def test_name_key_makes_variants_equal(text: str, key: tuple[str, ...]) -> None:
    assert name_key(text, load_lexicon()) == key


def test_name_key_keeps_different_names_apart() -> None:
    lex = load_lexicon()
    assert name_key("Anna Berg", lex) != name_key("Anna Borg", lex)


@pytest.mark.parametrize(("text", "name"), [
    ("Hamid Al -Shatri", "Hamid Al-Shatri"),
    ("the  Northern   Alliance", "Northern Alliance"),
    ("Putin's", "Putin"),
    ("Anna Berg’s", "Anna Berg"),
])
def test_clean_name_is_the_display_form(text: str, name: str) -> None:
    assert clean_name(text) == name


# ----------------------------------------------------------------------------------- people


def test_surname_later_in_the_document_is_the_same_person(extractor: Extractor) -> None:
    result = extractor.extract("Turkish Foreign Minister Hakan Fidan met Iraqi officials on Monday."
                               " Later, Fidan criticized Iran.")
    fidan = [a for a in result.actors if a.kind == "person"]
    assert [a.id for a in fidan] == ["person:hakan-fidan"]
    assert {r.source_id for r in result.relations} == {"person:hakan-fidan"}
    assert triples(result) == {("Hakan Fidan", "meets", "Iraq"),
                               ("Hakan Fidan", "opposes", "Iran")}


def test_transliteration_variants_are_one_actor(extractor: Extractor) -> None:
    result = extractor.extract("Syrian President Ahmed Al -Sharaa visited Moscow."
                               " Russia praised al-Shara on Tuesday.")
    people = [a for a in result.actors if a.kind == "person"]
    assert len(people) == 1, [a.to_dict() for a in people]
    sharaa = people[0]
    assert "Al -" not in sharaa.name  # the stray space before the hyphen is cleaned up
    by_type = {r.type: r for r in result.relations}
    assert by_type["meets"].source_id == by_type["supports"].target_id == sharaa.id
    assert by_type["supports"].source == "Russia"


@pytest.mark.parametrize(("text", "relations"), [
    # the NER calls the lone surname a place, or an organisation: it is still the person
    ("Foreign Minister Kemal Ozdemir of Turkey met Greece. Later, Ozdemir praised Cyprus.",
     {("meets", "Greece"), ("supports", "Cyprus")}),
    ("Kamal al-Rashidi met Oman on Monday. Al-Rashidi criticized Yemen.",
     {("meets", "Oman"), ("opposes", "Yemen")}),
])
def test_surname_the_ner_mislabels_is_still_the_person(extractor: Extractor, text: str,
                                                        relations: set) -> None:
    result = extractor.extract(text)
    people = [a for a in result.actors if a.kind == "person"]
    assert len(people) == 1, [a.to_dict() for a in result.actors]
    assert people[0].mentions == 2
    assert {(r.type, r.target) for r in result.relations if r.source_id == people[0].id} == \
        relations


@pytest.mark.parametrize(("text", "name", "role", "country"), [
    ("Turkish Foreign Minister Hakan Fidan met Iraqi officials.", "Hakan Fidan",
     "Foreign Minister", "Turkey"),
    ("New Zealand Prime Minister Jacinda Ardern condemned China.", "Jacinda Ardern",
     "Prime Minister", "New Zealand"),
    ("Vladimir Putin, president of Russia, met Chinese leader Xi Jinping.", "Vladimir Putin",
     "president", "Russia"),
])
def test_role_and_country_from_titles(extractor: Extractor, text: str, name: str, role: str,
                                      country: str) -> None:
    person = actor(extractor.extract(text), name)
    assert person.kind == "person"
    assert role.lower() in (person.role or "").lower()
    assert person.country == country


def test_country_from_of_after_the_name(extractor: Extractor) -> None:
    person = actor(extractor.extract("Anna Berg of Sweden condemned Russia."), "Anna Berg")
    assert (person.country, person.role) == ("Sweden", None)


def test_relation_carries_role_and_country_of_both_ends(extractor: Extractor) -> None:
    result = extractor.extract("Vladimir Putin, president of Russia, met Chinese leader"
                               " Xi Jinping.")
    assert triples(result) == {("Vladimir Putin", "meets", "Xi Jinping")}
    rel = result.relations[0]
    assert (rel.source_country, rel.target_country) == ("Russia", "China")
    assert rel.target_role is not None and "leader" in rel.target_role.lower()


# ---------------------------------------------------------------------------- organisations


def test_acronym_in_brackets_is_the_same_organisation(extractor: Extractor) -> None:
    result = extractor.extract("The Coastal Workers Federation (CWF) criticized Chile."
                               " Later the CWF praised Peru.")
    org = actor(result, "Coastal Workers Federation")
    assert (org.id, org.kind, org.mentions) == ("org:coastal-workers-federation",
                                                "organization", 3)
    assert triples(result) == {("Coastal Workers Federation", "opposes", "Chile"),
                               ("Coastal Workers Federation", "supports", "Peru")}


# --------------------------------------------------------------------- ids across documents


def test_ids_are_stable_across_documents(extractor: Extractor) -> None:
    one = extractor.extract("Kenyan President William Ruto met Ethiopian officials in Addis Ababa.",
                            doc_id="one")
    two = extractor.extract("Later that week William Ruto criticized Somalia.", doc_id="two")
    ruto_one = actor(one, "William Ruto")
    ruto_two = actor(two, "William Ruto")
    assert ruto_one.id == ruto_two.id
    assert ruto_one.id.startswith("person:") and "ruto" in ruto_one.id
    assert ids(one) >= {"country:KEN", "country:ETH"}
    assert "country:SOM" in ids(two)


def test_a_one_word_issue_tagged_as_a_person_is_no_actor(extractor: Extractor) -> None:
    """The small model tags some campaign words as people; used as 'anti-X' or 'the X deal' they
    are issues, not actors."""
    text = ("Thousands joined an anti-Grexit march. Prime Minister Ana Lind defended the Grexit"
            " deal and said Grexit would happen.")
    names = {a.name for a in extractor.extract(text).actors}
    assert "Grexit" not in names and "Ana Lind" in names


def test_a_one_word_person_who_leads_a_campaign_stays_a_person(extractor: Extractor) -> None:
    names = {a.name for a in extractor.extract(
        "Navalny thanked his supporters. The Navalny campaign praised Germany.").actors}
    assert "Navalny" in names


def test_a_surname_the_ner_took_for_a_place_is_still_the_person(extractor: Extractor) -> None:
    doc = extractor.nlp("Mary Brook won the vote. The assembly cheered Brook loudly.")
    brook = next(t.i for t in doc if t.text == "Brook" and t.i > 3)
    doc.ents = [e for e in doc.ents if e.start != brook] + [Span(doc, brook, brook + 1, "FAC")]
    actors = extractor.resolve(doc)
    assert actors.of(doc[brook]) is not None and actors.of(doc[brook]).name == "Mary Brook"


def test_a_word_of_a_longer_place_name_is_not_the_person(extractor: Extractor) -> None:
    doc = extractor.nlp("Mary Brook won the vote. Crowds gathered in Brook Park.")
    park = next(t.i for t in doc if t.text == "Park")
    doc.ents = [e for e in doc.ents if e.end <= park - 1] + [Span(doc, park - 1, park + 1, "FAC")]
    actors = extractor.resolve(doc)
    assert actors.of(doc[park - 1]) is None


def test_a_word_used_only_as_an_issue_is_no_actor(extractor: Extractor) -> None:
    text = ("Thousands marched against Grexit on Saturday. The Grexit deal was rejected, and "
            "Kenya criticised Uganda.")
    doc = extractor.nlp(text)
    uses = [t.i for t in doc if t.text == "Grexit"]
    doc.ents = [e for e in doc.ents if e.start not in uses] + [
        Span(doc, i, i + 1, label="ORG") for i in uses]
    actors = extractor.resolve(doc)
    assert all(actors.of(doc[i]) is None for i in uses)


def test_an_organisation_that_acts_is_an_actor(extractor: Extractor) -> None:
    doc = extractor.nlp("Zentro criticised Kenya. Sanctions on Zentro followed.")
    uses = [t.i for t in doc if t.text == "Zentro"]
    doc.ents = [e for e in doc.ents if e.start not in uses] + [
        Span(doc, i, i + 1, label="ORG") for i in uses]
    actors = extractor.resolve(doc)
    assert all(actors.of(doc[i]) is not None for i in uses)
