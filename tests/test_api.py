"""The library API on the real spaCy pipeline: what relations come out, and the record contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import relx
from relx.core import Extractor
from relx.graph import build_graph
from relx.reading import iter_documents
from relx.records import ACTOR_KINDS, MODALITIES, RELATION_TYPES, Document, Relation, Result


def triples(result: Result) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in result.relations}


def only(result: Result) -> Relation:
    assert len(result.relations) == 1, [r.to_dict() for r in result.relations]
    return result.relations[0]


def test_active_verb_relation(extractor: Extractor) -> None:
    rel = only(extractor.extract("Egypt criticized Israel on Monday."))
    assert (rel.source, rel.type, rel.target) == ("Egypt", "opposes", "Israel")
    assert (rel.source_id, rel.target_id) == ("country:EGY", "country:ISR")
    assert rel.trigger == "criticized"
    assert rel.asserted


def test_passive_with_by_puts_the_agent_first(extractor: Extractor) -> None:
    rel = only(extractor.extract("Sudan was supported by Saudi Arabia."))
    assert (rel.source, rel.type, rel.target) == ("Saudi Arabia", "supports", "Sudan")


def test_meets_is_symmetric_in_the_graph(extractor: Extractor) -> None:
    one = extractor.extract("Turkish Foreign Minister Kemal Arslan met Iraqi Foreign Minister"
                            " Omar Haddad in Baghdad.", doc_id="a")
    two = extractor.extract("Iraqi Foreign Minister Omar Haddad met Turkish Foreign Minister"
                            " Kemal Arslan in Ankara.", doc_id="b")
    assert triples(one) == {("Kemal Arslan", "meets", "Omar Haddad")}
    assert triples(two) == {("Omar Haddad", "meets", "Kemal Arslan")}
    g = build_graph([one, two])
    edges = list(g.edges(keys=True, data=True))
    assert len(edges) == 1  # one meeting edge per pair, whichever side the text names first
    *_, data = edges[0]
    assert data["symmetric"] is True and data["weight"] == 2 and data["docs"] == ["a", "b"]


def test_person_with_title_gets_role_and_country(extractor: Extractor) -> None:
    rel = only(extractor.extract(
        "Turkish Foreign Minister Kemal Arslan met Iraqi Foreign Minister Omar Haddad."))
    assert rel.source_kind == rel.target_kind == "person"
    assert (rel.source_country, rel.target_country) == ("Turkey", "Iraq")
    assert rel.source_role == "Foreign Minister"


@pytest.mark.parametrize(("text", "negated"), [
    ("Iran did not meet Saudi officials.", True),
    ("Iran met Saudi officials.", False),
])
def test_negation_flag(extractor: Extractor, text: str, negated: bool) -> None:
    rel = only(extractor.extract(text))
    assert (rel.source, rel.type, rel.target) == ("Iran", "meets", "Saudi Arabia")
    assert rel.negated is negated
    assert rel.asserted is (not negated)


@pytest.mark.parametrize(("text", "modality"), [
    ("Iraq will visit Iran.", "planned"),
    ("Iraq visited Iran.", "asserted"),
])
def test_modality_flag(extractor: Extractor, text: str, modality: str) -> None:
    rel = only(extractor.extract(text))
    assert (rel.source, rel.type, rel.target) == ("Iraq", "meets", "Iran")
    assert rel.modality == modality
    assert not rel.negated


def test_unasserted_relations_stay_out_of_the_graph_by_default(extractor: Extractor) -> None:
    result = extractor.extract("Iran did not meet Saudi officials. Iraq will visit Iran.")
    assert len(result.relations) == 2
    assert build_graph([result]).number_of_edges() == 0
    assert build_graph([result], include_unasserted=True).number_of_edges() == 2


def _check_contract(text: str, result: Result, rule_ids: set[str]) -> None:
    for rel in result.relations:
        assert text[rel.start:rel.end] == rel.sentence
        assert rel.trigger and rel.trigger.split()[0] in rel.sentence
        assert rel.type in RELATION_TYPES
        assert rel.source_kind in ACTOR_KINDS and rel.target_kind in ACTOR_KINDS
        assert rel.modality in MODALITIES
        assert 0.0 <= rel.confidence <= 1.0
        assert rel.rule in rule_ids
        assert rel.source_id != rel.target_id
        assert rel.doc == result.doc


def test_record_contract_on_the_samples(extractor: Extractor, samples: Path) -> None:
    rule_ids = {r.id for r in extractor.ruleset.rules}
    docs = [d for d in iter_documents([str(samples)]) if isinstance(d, Document)]
    assert len(docs) == 6  # three articles + three JSONL lines
    for doc, result in zip(docs, extractor.pipe(docs), strict=True):
        assert result.doc == doc.id
        _check_contract(doc.text, result, rule_ids)
        asserted = [r for r in result.relations if r.asserted]
        assert len(asserted) >= 2, f"{doc.id}: {len(asserted)} asserted relations"


def test_offsets_survive_chunking(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    import relx.core

    monkeypatch.setattr(relx.core, "CHUNK_CHARS", 60)
    text = "Egypt criticized Israel.\n\nJapan praised South Korea.\n\nRussia attacked Ukraine.\n"
    result = extractor.extract(text)
    assert len(result.relations) == 3
    _check_contract(text, result, {r.id for r in extractor.ruleset.rules})


def test_result_to_dict_is_the_json_contract(extractor: Extractor) -> None:
    result = extractor.extract("Germany and France backed Ukraine.", doc_id="d1",
                               date="2024-03-01")
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) == {"doc", "actors", "relations"}
    assert data["doc"] == "d1"
    assert {a["name"] for a in data["actors"]} >= {"Germany", "France", "Ukraine"}
    assert all(set(a) >= {"id", "name", "kind", "mentions"} for a in data["actors"])
    assert [r["source"] for r in data["relations"]] == ["Germany", "France"]
    for rel in data["relations"]:
        assert rel["date"] == "2024-03-01"
        assert None not in rel.values()


def test_pipe_keeps_order_ids_and_dates(extractor: Extractor) -> None:
    docs = [Document("n1", "NATO condemned Russia.", date="2024-01-01"),
            Document("n2", "Nothing happened here today."),
            Document("n3", "Canada supported Ukraine.", date="2024-01-03")]
    results = list(extractor.pipe(docs, batch_size=2))
    assert [r.doc for r in results] == ["n1", "n2", "n3"]
    assert [r.date for r in results] == ["2024-01-01", None, "2024-01-03"]
    assert results[1].relations == []
    assert triples(results[0]) == {("NATO", "opposes", "Russia")}
    assert [(r.doc, r.date) for r in results[2].relations] == [("n3", "2024-01-03")]


def test_top_level_extract() -> None:
    result = relx.extract("Japan praised South Korea.", doc_id="x")
    assert result.doc == "x"
    assert triples(result) == {("Japan", "supports", "South Korea")}
