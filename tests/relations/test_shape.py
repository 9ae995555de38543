"""Constructions written as data: `pattern: shape` rules (DependencyMatcher nodes) run on the real
pipeline, and malformed shapes are refused with the field named. Sentences are invented."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from relx.core import Extractor
from relx.errors import RulesError
from relx.rules import check_rule_files

from .triples import asserted, expect

BLACKLIST = {
    "id": "blacklist", "type": "opposes", "pattern": "shape", "lemmas": ["put", "place", "add"],
    "shape": [
        {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "target",
         "RIGHT_ATTRS": {"DEP": "dobj"}},
        {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "cue_prep",
         "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["on", "to"]}}},
        {"LEFT_ID": "cue_prep", "REL_OP": ">", "RIGHT_ID": "cue_list",
         "RIGHT_ATTRS": {"DEP": "pobj", "LEMMA": {"IN": ["list", "blacklist"]}}},
    ],
}


def write(tmp_path: Path, *rules: dict) -> Path:
    path = tmp_path / "shapes.yaml"
    path.write_text(yaml.safe_dump({"rules": list(rules)}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def with_shape(tmp_path_factory: pytest.TempPathFactory) -> Extractor:
    return Extractor(rules=[write(tmp_path_factory.mktemp("shape"), BLACKLIST)])


@pytest.mark.parametrize(("text", "expected"), [
    ("Canada added the Crimson Brotherhood to its terrorism blacklist.",
     expect(("Canada", "opposes", "Crimson Brotherhood"))),
    ("Japan put Hamas on a watch list.", expect(("Japan", "opposes", "Hamas"))),
    # the shape needs the list: adding something elsewhere is no relation
    ("Japan added Hamas to the agenda.", set()),
])
def test_shape_rule_from_yaml(with_shape: Extractor, text: str, expected: set) -> None:
    assert asserted(with_shape.extract(text)) == expected


def test_shape_record_names_rule_and_cue_words(with_shape: Extractor) -> None:
    [rel] = with_shape.extract("Japan put Hamas on a watch list.").relations
    assert (rel.rule, rel.trigger) == ("blacklist", "put on list")


def test_shape_relation_is_negated_like_any_other(with_shape: Extractor) -> None:
    [rel] = with_shape.extract("Japan did not put Hamas on a watch list.").relations
    assert rel.negated and not rel.asserted


def test_without_the_rule_there_is_no_relation(extractor: Extractor) -> None:
    assert asserted(extractor.extract("Japan put Hamas on a watch list.")) == set()


@pytest.mark.parametrize(("change", "message"), [
    ({"shape": None}, "needs 'shape'"),
    ({"shape": [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {}}]}, "named 'trigger'"),
    ({"shape": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {}}]}, "named 'target'"),
    ({"shape": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {}},
                {"LEFT_ID": "trigger", "REL_OP": "%%", "RIGHT_ID": "target",
                 "RIGHT_ATTRS": {}}]}, "not a valid DependencyMatcher pattern"),
    ({"shape": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {}},
                {"LEFT_ID": "nowhere", "REL_OP": ">", "RIGHT_ID": "target",
                 "RIGHT_ATTRS": {}}]}, "not a valid DependencyMatcher pattern"),
    ({"pattern": "verb"}, "only shape rules take 'shape'"),
])
def test_bad_shapes_are_refused_with_the_field(tmp_path: Path, change: dict, message: str
                                               ) -> None:
    rule = {**BLACKLIST, **change}
    if rule["shape"] is None:
        del rule["shape"]
    with pytest.raises(RulesError) as err:
        check_rule_files([write(tmp_path, rule)])
    assert message in str(err.value) and "blacklist" in str(err.value)


def test_shapes_skip_the_sentences_selective_parsing_left_unparsed(extractor: Extractor
                                                                   ) -> None:
    # the first sentence holds every word of a shape but no two actors, so it is not parsed
    result = extractor.extract("Heavy rain fell at the request of the farmers. Kenya praised "
                               "Uganda.")
    assert result.error is None
    assert asserted(result) == expect(("Kenya", "supports", "Uganda"))
