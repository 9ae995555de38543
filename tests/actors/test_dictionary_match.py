"""Dictionary matching (`relx.actors.dictionary_match`) on the real spaCy pipeline.

Dictionary forms (names, capitals, demonyms, aliases) win over the NER and carry the actor id;
names that merely contain a country keep their own; user actor files add entries; a line break
ends a sentence. Sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .helpers import actor, ids, triples

# ------------------------------------------------------------------ dictionary: countries


@pytest.mark.parametrize(("text", "expected"), [
    ("Egypt condemned Israel on Sunday.", {("Egypt", "opposes", "Israel")}),
    ("Kazakhstan praised Mongolia.", {("Kazakhstan", "supports", "Mongolia")}),
])
def test_country_by_name(extractor: Extractor, text: str, expected: set) -> None:
    result = extractor.extract(text)
    assert triples(result) == expected
    assert all(a.kind == "country" and a.id.startswith("country:") for a in result.actors)


@pytest.mark.parametrize(("text", "expected"), [
    # a capital that acts stands for its government
    ("Ankara criticized Tehran on Monday.", {("Turkey", "opposes", "Iran")}),
    # "a visit to CAPITAL" is a visit to the country
    ("The Iraqi president paid a visit to Ankara last week.", {("Iraq", "meets", "Turkey")}),
    ("Washington imposed sanctions on Caracas.", {("United States", "opposes", "Venezuela")}),
])
def test_capital_as_metonym(extractor: Extractor, text: str, expected: set) -> None:
    assert triples(extractor.extract(text)) == expected


def test_plural_demonym_names_the_people_not_the_state(extractor: Extractor) -> None:
    result = extractor.extract("Thousands of Iraqis protested in Basra.")
    assert "country:IRQ" not in ids(result)


def test_plural_demonym_is_a_group_tied_to_its_country(extractor: Extractor) -> None:
    result = extractor.extract("Norway praised Chile. The Norwegians later criticized Peru.")
    people = actor(result, "Norwegians")
    assert (people.id, people.kind, people.country) == ("group:norwegians", "group", "Norway")
    assert triples(result) == {("Norway", "supports", "Chile"), ("Norwegians", "opposes", "Peru")}


# ------------------------------------------------------------- organisations and armed groups


@pytest.mark.parametrize(("text", "source_id", "source_name"), [
    ("The UN condemned Israel.", "org:united-nations", "United Nations"),
    ("NATO criticized Russia.", "org:nato", "NATO"),
    ("ISIS attacked Iraq.", "group:islamic-state", "Islamic State"),
    ("ISIL threatened Iraq.", "group:islamic-state", "Islamic State"),
    ("Daesh attacked Iraq.", "group:islamic-state", "Islamic State"),
    ("Hezbollah attacked Israel.", "group:hezbollah", "Hezbollah"),
])
def test_organisation_and_group_aliases(extractor: Extractor, text: str, source_id: str,
                                        source_name: str) -> None:
    result = extractor.extract(text)
    assert len(result.relations) == 1, [r.to_dict() for r in result.relations]
    rel = result.relations[0]
    assert (rel.source_id, rel.source, rel.type) == (source_id, source_name, "opposes")


def test_group_affiliation_country_comes_from_the_dictionary(extractor: Extractor) -> None:
    result = extractor.extract("Hezbollah fired rockets at Israel.")
    assert actor(result, "Hezbollah").country == "Lebanon"


# ------------------------------------------------------------- the component and the NER


def test_matches_carry_the_actor_id(extractor: Extractor) -> None:
    doc = extractor.nlp("Peruvian envoys met officials in Lima.")
    assert {(e.text, e.label_, e.kb_id_) for e in doc.ents} >= {
        ("Peruvian", "NORP", "country:PER"), ("Lima", "GPE", "country:PER")}


def test_a_person_named_like_a_country_keeps_the_name(extractor: Extractor) -> None:
    doc = extractor.nlp("Michael Jordan praised Chile.")
    assert ("Michael Jordan", "PERSON", "") in {(e.text, e.label_, e.kb_id_) for e in doc.ents}
    result = extractor.extract("Michael Jordan praised Chile.")
    assert "country:JOR" not in ids(result)
    assert triples(result) == {("Michael Jordan", "supports", "Chile")}


def test_a_place_that_contains_a_country_is_not_the_country(extractor: Extractor) -> None:
    doc = extractor.nlp("Ships entered the Gulf of Mexico. Cuba criticized Mexico.")
    gulf = [e for e in doc.ents if "Gulf" in e.text]
    assert [(e.label_, e.kb_id_) for e in gulf] == [("LOC", "")]
    mexico = [e for e in doc.ents if e.kb_id_ == "country:MEX"]
    assert [e.start for e in mexico] == [doc[-2].i]  # only the second sentence's Mexico


def test_a_line_break_ends_a_sentence(extractor: Extractor) -> None:
    text = "Border talks\nMorocco welcomed Algeria on Friday."
    doc = extractor.nlp(text)
    assert [s.text.strip() for s in doc.sents] == ["Border talks",
                                                   "Morocco welcomed Algeria on Friday."]
    assert triples(extractor.extract(text)) == {("Morocco", "supports", "Algeria")}


# ------------------------------------------------------------------------ user actor files


@pytest.fixture(scope="module")
def user_extractor(tmp_path_factory: pytest.TempPathFactory) -> Extractor:
    path = tmp_path_factory.mktemp("actors") / "extra.yaml"
    path.write_text(
        "actors:\n"
        "  - name: Free Valley Brigade\n"
        "    kind: group\n"
        "    country: SYR\n"
        "    aliases: [Free Valley Brigade, FVB, Valley Brigade]\n",
        encoding="utf-8")
    return Extractor(actors=[path])


def test_user_actor_file_adds_a_group_and_its_aliases(user_extractor: Extractor) -> None:
    result = user_extractor.extract("The FVB attacked Jordan on Friday.")
    assert len(result.relations) == 1, [r.to_dict() for r in result.relations]
    rel = result.relations[0]
    assert (rel.source, rel.source_id, rel.source_kind) == (
        "Free Valley Brigade", "group:free-valley-brigade", "group")
    assert (rel.type, rel.target) == ("opposes", "Jordan")
    assert rel.source_country == "Syria"


def test_user_actor_file_keeps_the_packaged_dictionary(user_extractor: Extractor) -> None:
    assert triples(user_extractor.extract("Daesh attacked Iraq.")) == {
        ("Islamic State", "opposes", "Iraq")}


def test_default_extractor_does_not_know_the_user_group(extractor: Extractor) -> None:
    assert "group:free-valley-brigade" not in ids(extractor.extract("The FVB attacked Jordan."))
