"""Hostile rule and actor files from the 0.1 reliability audit (issue 15): each is one RulesError
naming the file, found fast, and names from YAML are cleaned like article text."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from relx.dictionary import check_actor_files, load_dictionary
from relx.errors import RulesError
from relx.rules import check_rule_files
from relx.yamlfile import load_yaml, shown

RULE = "{id: a, type: supports, pattern: verb, lemmas: [cheer]}"


def bomb(section: str) -> str:
    """Billion laughs: 9^9 list items behind one alias, put where a scalar belongs."""
    lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for c in "bcdefghi":
        lol += f"{c}: &{c} [" + ",".join([f"*{prev}"] * 9) + "]\n"
        prev = c
    return "version:\n  " + lol.strip().replace("\n", "\n  ") + "\n" + section


def test_duplicate_keys_are_an_error(tmp_path: Path) -> None:  # Y05
    f = tmp_path / "r.yaml"
    f.write_text(f"rules:\n  - {RULE}\nrules:\n  - {RULE.replace('a,', 'b,')}\n")
    with pytest.raises(RulesError) as info:
        check_rule_files([f])
    assert str(info.value) == (f"{f}: line 3, column 1: invalid YAML: duplicate key 'rules'"
                               " (each key once per mapping)")
    f.write_text("rules:\n  - {id: a, type: supports, pattern: verb, lemmas: [x], lemmas: [y]}\n")
    with pytest.raises(RulesError, match="duplicate key 'lemmas'"):
        check_rule_files([f])


def test_merge_keys_may_still_override(tmp_path: Path) -> None:
    f = tmp_path / "r.yaml"
    f.write_text("base: &b {type: supports, pattern: verb}\n"
                 "x: {<<: *b, type: opposes}\n")
    assert load_yaml(f)["x"] == {"type": "opposes", "pattern": "verb"}


def test_yaml_nested_20k_deep_is_a_file_error(tmp_path: Path) -> None:  # Y10
    f = tmp_path / "deep.yaml"
    f.write_text("rules: " + "[" * 20000 + "]" * 20000 + "\n")
    with pytest.raises(RulesError) as info:
        check_rule_files([f])
    assert str(info.value) == f"{f}: invalid YAML: nested too deeply"


@pytest.mark.parametrize(("section", "check"), [
    ("rules:\n  - {id: x, type: *i, pattern: verb, lemmas: [cheer]}\n", check_rule_files),
    ("actors:\n  - {name: Foo, kind: *i}\n", check_actor_files),
])
def test_an_alias_bomb_where_a_choice_belongs_fails_at_once(tmp_path: Path, section: str,
                                                            check: object) -> None:  # Y12
    f = tmp_path / "bomb.yaml"
    f.write_text(bomb(section))
    start = time.monotonic()
    with pytest.raises(RulesError) as info:
        check([f])  # type: ignore[operator]
    assert time.monotonic() - start < 10  # it used to build a repr of 387 million items
    assert str(info.value).endswith(", not a list")
    assert len(str(info.value)) < 300


def test_values_in_messages_are_bounded() -> None:
    assert len(shown("x" * 100_000)) < 100
    assert shown("ok") == "'ok'"


def test_surrogates_and_controls_in_actor_names_are_cleaned(tmp_path: Path) -> None:
    # J05, R23: JSON is YAML, and json.dumps writes an emoji as a surrogate-pair escape
    f = tmp_path / "a.yaml"
    f.write_text(json.dumps({"actors": [
        {"name": "Smile \U0001F600 Org", "kind": "organization", "aliases": ["Zorblat"]},
        {"name": "Surr \ud800 Org", "kind": "organization"},
        {"name": "Ctl\x01Org \x1b[31mred", "kind": "organization"},
    ]}))
    assert check_actor_files([f]) == 3
    names = {e.name for e in load_dictionary((str(f),)).entries.values()}
    assert {"Smile \U0001F600 Org", "Surr \ufffd Org", "Ctl Org  [31mred"} <= names
    for name in names:
        name.encode("utf-8")  # no surrogate left
