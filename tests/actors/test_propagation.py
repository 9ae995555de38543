"""One sense per discourse: a name the NER found once is a name wherever its words recur, and a
shorter name that ends an organisation's name is that organisation. Sentences are invented."""

from __future__ import annotations

from spacy.tokens import Span

from relx.actors import COMPONENT
from relx.core import Extractor


def _ents(extractor: Extractor, text: str, found: list[tuple[int, int, str]]
          ) -> list[tuple[str, str]]:
    """Run the propagation on `text` as if the NER had found only `found`."""
    nlp = extractor.nlp
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in found]
    doc = nlp.get_pipe(COMPONENT)._propagate(doc)
    return [(e.text, e.label_) for e in doc.ents]


def test_a_name_found_once_is_found_everywhere(extractor: Extractor) -> None:
    text = "Green Horizon Alliance met today. Later Green Horizon Alliance left."
    assert _ents(extractor, text, [(0, 3, "ORG")]) == [
        ("Green Horizon Alliance", "ORG"), ("Green Horizon Alliance", "ORG")]


def test_an_organisation_after_its_country_is_found_without_it(extractor: Extractor) -> None:
    text = "Kenyan Fisheries Board said so. The Fisheries Board was angry."
    assert ("Fisheries Board", "ORG") in _ents(extractor, text, [(0, 3, "ORG")])


def test_single_words_and_lower_case_are_not_propagated(extractor: Extractor) -> None:
    text = "Horizon spoke. Horizon left. the board spoke. the board left."
    assert _ents(extractor, text, [(0, 1, "ORG"), (6, 8, "ORG")]) == [
        ("Horizon", "ORG"), ("the board", "ORG")]


def test_the_end_of_an_organisations_name_is_that_organisation(extractor: Extractor) -> None:
    result = extractor.extract(
        "The Kenyan Wildlife Service sued Peter Okello on Monday. On Tuesday, the Wildlife Service "
        "criticised Mary Brook.")
    names = {(r.source, r.target) for r in result.relations}
    assert len({s for s, _ in names}) == 1, names
