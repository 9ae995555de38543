"""Sub-national units from pycountry's ISO 3166-2 subdivisions, and descriptive collectives with
a demonym (CASES class 2). Sentences are invented."""

from __future__ import annotations

import pytest

from relx.actors.regions import is_region, region_actor
from relx.core import Extractor
from relx.dictionary import load_dictionary


@pytest.mark.parametrize(("name", "country"), [
    ("Idaho", "United States"), ("Ontario", "Canada"), ("Queensland", "Australia"),
])
def test_first_level_units_are_actors_of_their_country(name: str, country: str) -> None:
    actor = region_actor(name, load_dictionary())
    assert actor is not None and actor.name == name and actor.country == country
    assert is_region(actor) and actor.kind == "group"


@pytest.mark.parametrize("name", ["Paris", "Springfield", "the weather", "North"])
def test_other_names_are_not_regions(name: str) -> None:
    assert region_actor(name, load_dictionary()) is None


def pairs(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in extractor.extract(text).relations if r.asserted}


def test_states_sue_an_agency(extractor: Extractor) -> None:
    assert pairs(extractor, "Idaho and Wyoming sued the Bureau of Land Management.") == {
        ("Idaho", "opposes", "Bureau of Land Management"),
        ("Wyoming", "opposes", "Bureau of Land Management")}


def test_the_state_of_x_is_x(extractor: Extractor) -> None:
    assert pairs(extractor, "The state of Montana was sued by Texas.") == {
        ("Texas", "opposes", "Montana")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Georgian farmers protested against the Georgian Ministry of Agriculture in Tbilisi.",
     ("Georgian farmers", "opposes", "Georgian Ministry of Agriculture")),
    ("Bavarian police detained two Austrian climate activists at the border.",
     ("Bavarian police", "opposes", "Austrian climate activists")),
])
def test_descriptive_collectives(extractor: Extractor, text: str,
                                 expected: tuple[str, str, str]) -> None:
    assert expected in pairs(extractor, text)


def test_the_protesters_and_the_police(extractor: Extractor) -> None:
    assert ("police", "opposes", "protesters") in pairs(
        extractor, "The police arrested the protesters near the square.")


def test_we_in_a_quotation_is_the_speaker(extractor: Extractor) -> None:
    assert ("Ioana Stan", "opposes", "Iron Guard Militia") in pairs(
        extractor, '"We strongly condemn the Iron Guard Militia," President Ioana Stan said.')


def test_territories_the_dictionary_lacks_come_from_iso_3166_1(extractor: Extractor) -> None:
    text = "Thousands of Hong Kong protesters marched. Protesters clashed with police."
    result = extractor.extract(text)
    assert {"Hong Kong", "Hong Kong protesters", "police"} <= {a.name for a in result.actors}
    assert ("Hong Kong protesters", "opposes", "police") in pairs(extractor, text)
