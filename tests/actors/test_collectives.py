"""Collectives and titles (`relx.actors.collectives`): noun phrases that stand for an actor.

Governments and officials are their country, forces are a collective tied to it, members are their
group, a title is the person introduced with it (or else the country), a regime is its ruler.
Sentences are invented for these tests and run through the real spaCy pipeline.
"""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .helpers import actor, ids, triples

# ------------------------------------------------------------------ governments and forces


@pytest.mark.parametrize("text", [
    "The Iraqi government condemned Israel.",
    "Iraqi officials condemned Israel.",
    "The Government of Iraq condemned Israel.",
    "Baghdad condemned Israel.",
])
def test_government_of_a_country_is_the_country(extractor: Extractor, text: str) -> None:
    result = extractor.extract(text)
    assert triples(result) == {("Iraq", "opposes", "Israel")}
    assert ids(result) == {"country:IRQ", "country:ISR"}


def test_rulers_of_a_country_are_the_country(extractor: Extractor) -> None:
    assert triples(extractor.extract("The rulers of Syria condemned Turkey.")) == {
        ("Syria", "opposes", "Turkey")}


def test_demonym_with_force_noun_is_a_collective_tied_to_its_country(extractor: Extractor) -> None:
    result = extractor.extract("Turkish troops shelled Kurdish fighters near the border.")
    troops = actor(result, "Turkish troops")
    assert (troops.kind, troops.country) == ("group", "Turkey")
    assert troops.id == "group:turkish-troops"
    assert ("Turkish troops", "opposes", "Kurdish fighters") in triples(result)


def test_one_collective_per_country_and_force_noun(extractor: Extractor) -> None:
    """'Iraqi armed factions' and later 'Iraqi factions' are one actor, named as first written."""
    result = extractor.extract("Iraqi armed factions attacked Syria. Later, Iraqi factions"
                               " threatened Jordan.")
    factions = actor(result, "Iraqi armed factions")
    assert (factions.id, factions.country, factions.mentions) == ("group:iraqi-factions", "Iraq",
                                                                  2)
    assert triples(result) == {("Iraqi armed factions", "opposes", "Syria"),
                               ("Iraqi armed factions", "opposes", "Jordan")}


def test_member_noun_stands_for_its_group(extractor: Extractor) -> None:
    """'ISIL fighters' are Islamic State, not a separate collective."""
    result = extractor.extract("ISIL fighters attacked Iraq.")
    assert triples(result) == {("Islamic State", "opposes", "Iraq")}


# ---------------------------------------------------------------- collectives named by a noun


@pytest.mark.parametrize("text", ["The international coalition struck Syria.",
                                  "Coalition forces struck Syria."])
def test_bare_collective_is_a_group(extractor: Extractor, text: str) -> None:
    result = extractor.extract(text)
    assert triples(result) == {("coalition", "opposes", "Syria")}
    assert actor(result, "coalition").id == "group:coalition"


def test_an_act_of_opposition_is_not_the_opposition(extractor: Extractor) -> None:
    result = extractor.extract("Israel's opposition to Iran grew. The opposition criticized"
                               " Egypt.")
    assert actor(result, "opposition").mentions == 1  # the second sentence's only
    assert triples(result) == {("Israel", "opposes", "Iran"), ("opposition", "opposes", "Egypt")}


# ----------------------------------------------------------------------------------- titles


def test_title_without_name_is_the_person_introduced_with_it(extractor: Extractor) -> None:
    result = extractor.extract("Syrian President Ahmed al-Sharaa arrived in Riyadh on Monday."
                               " The Syrian President met Saudi officials.")
    assert triples(result) == {("Ahmed al-Sharaa", "meets", "Saudi Arabia")}
    assert result.relations[0].source_kind == "person"
    assert [a.kind for a in result.actors].count("person") == 1


def test_title_without_any_named_holder_speaks_for_the_country(extractor: Extractor) -> None:
    result = extractor.extract("The Syrian President met Saudi officials.")
    assert triples(result) == {("Saudi Arabia", "meets", "Syria")}


def test_unnamed_ambassador_speaks_for_the_country(extractor: Extractor) -> None:
    assert triples(extractor.extract("The Libyan ambassador criticized Tunisia.")) == {
        ("Libya", "opposes", "Tunisia")}


def test_title_with_a_name_in_apposition_is_that_person(extractor: Extractor) -> None:
    result = extractor.extract("The Iraqi Foreign Minister, Selim Tarawi, met Kuwait.")
    assert triples(result) == {("Kuwait", "meets", "Selim Tarawi")}
    assert actor(result, "Selim Tarawi").kind == "person"


# ------------------------------------------------------------------ a ruler's administration


def test_administration_of_a_leader_with_a_country_is_the_country(extractor: Extractor) -> None:
    result = extractor.extract("President Dana Whitfield of the United States met Japan."
                               " The Whitfield administration condemned Iran.")
    assert triples(result) == {("Dana Whitfield", "meets", "Japan"),
                               ("United States", "opposes", "Iran")}


def test_administration_of_an_unplaced_leader_is_the_leader(extractor: Extractor) -> None:
    result = extractor.extract("The Whitfield administration condemned Iran.")
    assert triples(result) == {("Whitfield", "opposes", "Iran")}
    assert actor(result, "Whitfield").kind == "person"


@pytest.mark.parametrize(("text", "expected"), [
    ("President John Abel of Kenya spoke on Monday. The president criticised Uganda.",
     {("John Abel", "opposes", "Uganda")}),
    ("Prime Minister Mary Brook spoke. Later the prime minister criticised Sudan.",
     {("Mary Brook", "opposes", "Sudan")}),
    # two ministers: 'the minister' is neither
    ("Prime Minister Mary Brook and Foreign Minister Peter Okello spoke. The minister "
     "criticised Uganda.", {("Mary Brook", "meets", "Peter Okello")}),
    # a vice president is no president
    ("Vice President Mary Brook spoke on Monday. The president criticised Uganda.", set()),
    # a title with its own country is not the person of another country
    ("President John Abel of Kenya spoke. The Ugandan president criticised Sudan.",
     {("Uganda", "opposes", "Sudan")}),
])
def test_a_bare_title_is_the_one_person_introduced_with_it(extractor: Extractor, text: str,
                                                          expected: set) -> None:
    assert triples(extractor.extract(text)) == expected


def test_a_collective_of_a_country_is_named_with_its_demonym(extractor: Extractor) -> None:
    result = extractor.extract("The farmers of Uganda protested against Kenya.")
    assert "Ugandan farmers" in {a.name for a in result.actors}


@pytest.mark.parametrize(("text", "expected"), [
    # a party's adjective before its members or leadership is the party
    ("President Donald Trump blamed Democratic leadership for the violence.",
     {("Donald Trump", "opposes", "Democratic Party")}),
    ("Republican senators criticised Donald Trump.",
     {("Republican Party", "opposes", "Donald Trump")}),
    # a name that only contains the word keeps its own actor
    ("The Democratic Republic of the Congo accused Rwanda.",
     {("Democratic Republic of the Congo", "opposes", "Rwanda")}),
])
def test_party_adjectives_stand_for_the_party(extractor: Extractor, text: str,
                                              expected: set) -> None:
    assert triples(extractor.extract(text)) == expected


def test_the_president_is_the_one_the_article_is_about(extractor: Extractor) -> None:
    # two presidents named, one of them five times: "the president" is that one
    text = ("President John Abel spoke on Monday. President Abel met farmers. Abel left. Abel "
            "returned. Abel slept. President Mary Brook was absent. The president criticised "
            "Sudan.")
    assert ("John Abel", "opposes", "Sudan") in triples(extractor.extract(text))


@pytest.mark.parametrize(("text", "expected"), [
    # an opposition leader or a former president does not speak for the state
    ("The Kenyan opposition leader criticised Uganda.", set()),
    ("The former Kenyan president criticised Uganda.", set()),
    # a serving ambassador and the leadership do
    ("The Kenyan ambassador criticised Uganda.", {("Kenya", "opposes", "Uganda")}),
    ("The Kenyan leadership criticised Uganda.", {("Kenya", "opposes", "Uganda")}),
    # named, the person acts
    ("Kenyan opposition leader Mary Brook criticised Uganda.",
     {("Mary Brook", "opposes", "Uganda")}),
])
def test_office_holders_who_do_not_speak_for_the_state(extractor: Extractor, text: str,
                                                       expected: set) -> None:
    assert triples(extractor.extract(text)) == expected
