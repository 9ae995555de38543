"""Rulings, lawsuits, blocking and taking sides in domestic politics: "ruled in favour of X",
"won her lawsuit against X", "blocked X's plan", "came to the defence of X", "threw her support
behind X". Real pipeline; sentences are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import case, check


@pytest.mark.parametrize(("text", "expected"), [
    case("The Supreme Court ruled in favour of John Abel.",
         ("Supreme Court", "supports", "John Abel")),
    case("The Supreme Court ruled against John Abel.",
         ("Supreme Court", "opposes", "John Abel")),
    # the parser hangs 'against X' on 'won': the lawsuit is still against X
    case("Mary Brook won her lawsuit against John Abel.", ("Mary Brook", "opposes", "John Abel")),
    case("Kenya blocked Uganda's bid for membership.", ("Kenya", "opposes", "Uganda")),
    case("Mary Brook came to the defence of John Abel.", ("Mary Brook", "supports", "John Abel")),
    case("Kenya rushed to the aid of Uganda.", ("Kenya", "supports", "Uganda")),
    case("Mary Brook threw her support behind John Abel.",
         ("Mary Brook", "supports", "John Abel")),
    # coming to something else, blocking something that is no one's
    case("Mary Brook came to the aid station near Nairobi.", *()),
    case("Kenyan police blocked the road to Nairobi.", *()),
])
def test_rulings_lawsuits_and_sides(extractor: Extractor, text: str, expected: set) -> None:
    check(extractor, text, expected)
