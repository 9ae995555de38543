"""Arguments naming several actors (groups.py): plural and group anaphora (CASES class 3) and
coordinated heads rolled up to their owners (class 7). Sentences are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, asserted, case, check, key


@pytest.mark.parametrize(("text", "expected"), [
    case("Iceland and Ireland signed a fisheries accord on Monday, and both governments later"
         " criticised the Atlantic Trawler Consortium.",
         ("Iceland", "supports", "Ireland"), ("Ireland", "supports", "Iceland"),
         ("Iceland", "opposes", "Atlantic Trawler Consortium"),
         ("Ireland", "opposes", "Atlantic Trawler Consortium")),
    case("Chile and Peru met in Lima. The pair condemned Bolivia.",
         ("Chile", "meets", "Peru"), ("Chile", "opposes", "Bolivia"),
         ("Peru", "opposes", "Bolivia")),
    case("Kenya and Somalia stepped up their joint campaign against al-Shabaab.",
         ("Kenya", "opposes", "al-Shabaab"), ("Somalia", "opposes", "al-Shabaab")),
])
def test_plural_anaphora(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("President Clara Ruiz praised the coast guards of Uruguay and Paraguay.",
         ("Clara Ruiz", "supports", "Uruguay"), ("Clara Ruiz", "supports", "Paraguay")),
    case("Minister Jonas Ek praised the Danish and Dutch governments for their help.",
         ("Jonas Ek", "supports", "Denmark"), ("Jonas Ek", "supports", "Netherlands")),
    case("Foreign Minister Ana Duarte and her Latvian and Slovak counterparts, Juris Kalns and"
         " Marek Horvath, met in Vilnius.", ("Ana Duarte", "meets", "Juris Kalns"),
         ("Ana Duarte", "meets", "Marek Horvath"), ("Juris Kalns", "meets", "Marek Horvath")),
])
def test_coordinated_heads(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # 'them' is the collective named before, never its own clause's subject
    ("Protesters marched through Nairobi on Saturday, and police fired tear gas at them.",
     {("police", "opposes", "protesters")}),
    ("Kenyan protesters gathered outside parliament. Police arrested them on Sunday.",
     {("police", "opposes", "Kenyan protesters")}),
    # a nearer plural that is no actor is what 'them' stands for
    ("Kenyan protesters wrote letters to the court, and the Kenyan police praised them.",
     set()),
])
def test_they_and_them_stand_for_the_collective_named_before(extractor: Extractor, text: str,
                                                             expected: set) -> None:
    assert asserted(extractor.extract(text)) == {key(*t) for t in expected}
