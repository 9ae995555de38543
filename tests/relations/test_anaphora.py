"""Event-noun anaphora (CASES class 4): "the decision", "the move", "the criticism" point back to
the last event and its actor. Sentences are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import Triple, asserted, case, check


@pytest.mark.parametrize(("text", "expected"), [
    case("Poland imposed sanctions on Belarus on Monday. Lithuania welcomed the decision.",
         ("Poland", "opposes", "Belarus"), ("Lithuania", "supports", "Poland")),
    case("Denmark banned the Faroe Fishing Cooperative on Sunday. Norway criticised the move the"
         " next day.", ("Denmark", "opposes", "Faroe Fishing Cooperative"),
         ("Norway", "opposes", "Denmark")),
    case("Romania condemned Moldova on Tuesday. Bulgaria echoed the criticism a day later.",
         ("Romania", "opposes", "Moldova"), ("Bulgaria", "opposes", "Moldova")),
    case("Kenya imposed sanctions on Somalia. Uganda praised this step.",
         ("Kenya", "opposes", "Somalia"), ("Uganda", "supports", "Kenya")),
    # an owned decision is its owner's, not the last event's
    case("Poland imposed sanctions on Belarus. Lithuania welcomed Latvia's decision.",
         ("Poland", "opposes", "Belarus"), ("Lithuania", "supports", "Latvia")),
    # with no earlier event there is nothing to point back to
    case("Lithuania welcomed the decision."),
])
def test_event_anaphora(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    check(extractor, text, expected)


def test_an_anaphor_far_from_its_event_is_left_alone(extractor: Extractor) -> None:
    filler = " ".join(["The weather in the region stayed mild for the whole of the week."] * 8)
    check(extractor, f"Poland imposed sanctions on Belarus. {filler} Lithuania welcomed the"
          " decision.", {("Poland", "opposes", "Belarus")})


FILLER = ("The weather in the capital was mild for the season, and markets opened late. "
          "Traffic on the coastal road was heavy all morning, officials in the port said. ") * 4


def test_an_anaphor_naming_the_event_reaches_back_across_the_article(extractor: Extractor
                                                                      ) -> None:
    text = ("Kenya launched a corruption investigation into Uganda's port authority. " + FILLER
            + "Uganda attacked the corruption investigation as a sham.")
    assert ("Uganda", "opposes", "Kenya") in asserted(extractor.extract(text))


def test_a_bare_anaphor_points_only_to_recent_events(extractor: Extractor) -> None:
    text = ("Kenya launched a corruption investigation into Uganda's port authority. " + FILLER
            + "Uganda attacked the decision as a sham.")
    assert ("Uganda", "opposes", "Kenya") not in asserted(extractor.extract(text))


def test_an_anaphor_prefers_the_event_it_names_to_a_later_one(extractor: Extractor) -> None:
    # "the accusations" are Brook's accusing, not Abel's later betrayal claim
    text = ("Mary Brook accused John Abel of corruption. John Abel said Kenya had betrayed "
            "Uganda. Abel rejected the accusations.")
    assert ("John Abel", "opposes", "Mary Brook") in asserted(extractor.extract(text))
