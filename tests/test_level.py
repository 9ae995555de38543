"""`--level country` (`relx.level`): people and groups rolled up to their countries."""

from __future__ import annotations

from relx.core import Extractor
from relx.level import country_level
from relx.records import Result


def triples(result: Result) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in result.relations if r.asserted}


def test_country_level_rolls_people_up_to_their_countries(extractor: Extractor) -> None:
    result = extractor.extract("Turkish Foreign Minister Hakan Fidan criticized Iraqi Prime"
                               " Minister Mohammed Shia al-Sudani on Sunday.")
    assert triples(result) == {("Hakan Fidan", "opposes", "Mohammed Shia al-Sudani")}
    [rolled] = list(country_level([result], []))
    assert triples(rolled) == {("Turkey", "opposes", "Iraq")}
    rel = rolled.relations[0]
    assert (rel.source_id, rel.target_id) == ("country:TUR", "country:IRQ")
    assert rel.source_kind == rel.target_kind == "country"
    assert rel.source_role is None
    assert {a.id for a in rolled.actors} == {"country:TUR", "country:IRQ"}


def test_country_level_drops_relations_within_one_country(extractor: Extractor) -> None:
    result = extractor.extract("Turkish Foreign Minister Hakan Fidan praised Turkey.")
    [rolled] = list(country_level([result], []))
    assert rolled.relations == []
