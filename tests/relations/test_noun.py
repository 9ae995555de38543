"""The event-noun construction: owners, agents, light verbs, groups, 'in support of', counterparts.
Sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, asserted, case, check, key


@pytest.mark.parametrize(("text", "expected"), [
    case("Pakistan's visit to China ended on Thursday.", ("Pakistan", "meets", "China")),
    case("The visit of Emmanuel Macron to Algeria ended on Thursday.",
         ("Emmanuel Macron", "meets", "Algeria")),
    case("Talks between Iran and Oman resumed in Muscat.", ("Iran", "meets", "Oman")),
    case("Russia's support for Belarus has grown.", ("Russia", "supports", "Belarus")),
    case("Kuwait's aid to Jordan arrived on Friday.", ("Kuwait", "supports", "Jordan")),
    case("Serbia's threats against Kosovo worried its neighbours.",
         ("Serbia", "opposes", "Kosovo")),
    case("Threats against Kuwait by Iraq alarmed the region.", ("Iraq", "opposes", "Kuwait")),
    case("The assault on Hamas by Israel continued.", ("Israel", "opposes", "Hamas")),
    case("Israel's opposition to Iran is well known.", ("Israel", "opposes", "Iran")),
])
def test_event_nouns(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


def test_cooperation_between_three_is_every_ordered_pair(extractor: Extractor) -> None:
    result = extractor.extract("The minister praised cooperation between Iraq, Jordan and Egypt.")
    members = ("Iraq", "Jordan", "Egypt")
    assert asserted(result) == {(a, "supports", b) for a in members for b in members if a != b}
    assert {r.rule for r in result.relations} == {"support-noun-mutual"}


@pytest.mark.parametrize(("text", "expected"), [
    case("In talks with Iraq on Monday, Turkey agreed to reopen the border.",
         ("Iraq", "meets", "Turkey")),
])
def test_meeting_as_setting(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("NATO jets flew missions in support of the Kurdish forces.",
         ("NATO", "supports", "Kurdish forces")),
    case("Egypt recalled its envoy in protest against Israel.", ("Egypt", "opposes", "Israel")),
])
def test_in_support_of(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


def test_round_of_talks_with_ministers_of_several_countries(extractor: Extractor) -> None:
    text = ("Maria Lind proposed the plan last year. She held a first round of talks with the"
            " Foreign Ministers of Iran, Saudi Arabia and Egypt.")
    found = asserted(extractor.extract(text))
    assert {t for t in found if t[1] == "meets"} == {
        key("Maria Lind", "meets", c) for c in ("Iran", "Saudi Arabia", "Egypt")}


def test_statement_by_gives_the_speaker(extractor: Extractor) -> None:
    text = ("Statement by the Foreign Minister Anna Berg on the ceasefire.\n\n"
            "I have spoken today to the Turkish Foreign Minister, Kemal Arslan.")
    found = asserted(extractor.extract(text))
    assert key("Anna Berg", "meets", "Kemal Arslan") in found


@pytest.mark.parametrize(("text", "expected"), [
    case("Iran's foreign minister met his Russian counterpart in Moscow.",
         ("Iran", "meets", "Russia")),
    case("Germany pledged new funds in military aid to Ukraine.",
         ("Germany", "supports", "Ukraine")),
    case("Japan and South Korea agreed to restore ties.", ("Japan", "supports", "South Korea"),
         ("South Korea", "supports", "Japan")),
    # plain "relations between" says nothing about their direction
    case("Relations between India and Pakistan remained tense."),
])
def test_counterparts_aid_and_ties(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # an event set against the clause's actor is aimed at it
    case("Governor John Abel signed the bill into law despite opposition from Senator Mary "
         "Brook.", ("Mary Brook", "opposes", "John Abel")),
    case("Kenya went ahead with the plan amid protests by Ugandan farmers.",
         ("Ugandan farmers", "opposes", "Kenya")),
    # coming under fire from X: the 'from' on the verb
    case("John Abel's government came under fire from Mary Brook.",
         ("Mary Brook", "opposes", "John Abel")),
])
def test_concessive_and_under_events_target_the_clauses_actor(extractor: Extractor, text: str,
                                                            expected: set) -> None:
    check(extractor, text, expected)
