"""Rule and actor files: every mistake is rejected on load as `file: path -> field: message`."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from relx.dictionary import check_actor_files, parse_entries
from relx.errors import RulesError
from relx.rules import check_rule_files, load_rules, parse_rules

GOOD_RULE = {"id": "x-verb", "type": "supports", "pattern": "verb", "lemmas": ["cheer"]}


def rule_error(**changes: object) -> str:
    rule = {**GOOD_RULE, **changes}
    rule = {k: v for k, v in rule.items() if v is not DROP}
    with pytest.raises(RulesError) as info:
        parse_rules({"rules": [rule]}, "my.yaml")
    return str(info.value)


DROP = object()


def relx(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "relx"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "relx.cli"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          stdin=subprocess.DEVNULL)


def test_a_good_rule_loads() -> None:
    [rule] = parse_rules({"rules": [GOOD_RULE]}, "my.yaml")
    assert rule.lemmas == frozenset({"cheer"}) and rule.confidence == 0.7


@pytest.mark.parametrize(("changes", "expected"), [
    ({"colour": "red"}, "my.yaml: rules -> 0 -> colour: unknown key"),
    ({"type": "likes"}, "my.yaml: rules -> x-verb -> type: must be one of supports, opposes,"
                        " meets, not 'likes'"),
    ({"pattern": ""}, "my.yaml: rules -> x-verb -> pattern: must be one of verb, noun"),
    ({"lemmas": []}, "my.yaml: rules -> x-verb -> lemmas: must not be empty"),
    ({"lemmas": DROP}, "my.yaml: rules -> 0 -> lemmas: field required"),
    ({"lemmas": [3]}, "my.yaml: rules -> x-verb -> lemmas -> 0: must be a non-empty string"),
    ({"lemmas": ["stand by"]}, "lemmas -> 0: 'stand by' can never match"),
    ({"preps": ["on behalf of"]}, "preps -> 0: 'on behalf of' can never match"),
    ({"object": False}, "preps: can never match: with 'object: false'"),
    ({"object": "no"}, "object: must be true or false, not a string"),
    ({"confidence": 2}, "confidence: must be between 0.0 and 1.0"),
    ({"confidence": "high"}, "confidence: must be a number, not a string"),
    ({"id": True}, "rules -> 0 -> id: must be a non-empty string, not a boolean"),
    ({"pattern": "adjective"}, "preps: an adjective rule needs prepositions"),
])
def test_bad_rules_are_rejected_with_the_field(changes: dict[str, object], expected: str
                                               ) -> None:
    assert expected in rule_error(**changes)


@pytest.mark.parametrize(("data", "expected"), [
    (None, "my.yaml: must be a mapping, not nothing"),
    ({"rule": []}, "my.yaml: rule: unknown key"),
    ({"rules": {"a": 1}}, "my.yaml: rules: must be a list of rules"),
    ({"rules": [GOOD_RULE, GOOD_RULE]}, "rules -> x-verb -> id: duplicate rule id"),
    ({"rules": [], "lexicons": {"light_verb": ["make"]}}, "lexicons -> light_verb: unknown key"),
])
def test_bad_rule_files_are_rejected(data: object, expected: str) -> None:
    with pytest.raises(RulesError) as info:
        parse_rules(data, "my.yaml")
    assert expected in str(info.value)


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    f = tmp_path / "broken.yaml"
    f.write_text("rules:\n  - id: a\n    lemmas: [back, support\n    type: supports\n")
    with pytest.raises(RulesError) as info:
        load_rules([f])
    message = str(info.value)
    assert message.startswith(f"{f}: line ") and ", column " in message
    assert "invalid YAML" in message


def test_missing_and_non_utf8_rule_files(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="nope.yaml: no such file"):
        check_rule_files([tmp_path / "nope.yaml"])
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"rules: [] # caf\xe9\n")
    with pytest.raises(RulesError, match="not UTF-8"):
        check_rule_files([latin])


@pytest.mark.parametrize(("entry", "expected"), [
    ({"name": "X", "kind": "planet"}, "actors -> X -> kind: must be one of"),
    ({"name": "Xland", "kind": "country"}, "actors -> Xland -> iso3: field required"),
    ({"name": "Xland", "kind": "country", "iso3": "xl"}, "iso3: must be three capital letters"),
    ({"name": "X", "kind": "group", "demonyms": ["Xish"]}, "only countries have demonyms"),
    ({"name": "X", "kind": "group", "alias": ["Y"]}, "actors -> 0 -> alias: unknown key"),
    ({"name": "", "kind": "group"}, "actors -> 0 -> name: must be a non-empty string"),
    ({"name": "X", "kind": "group", "aliases": []}, "aliases: must not be empty"),
])
def test_bad_actor_entries(entry: dict[str, object], expected: str) -> None:
    with pytest.raises(RulesError) as info:
        parse_entries({"actors": [entry]}, "mine.yaml")
    assert str(info.value).startswith("mine.yaml: ")
    assert expected in str(info.value)


def test_actor_country_reference_is_checked_and_blamed_on_its_file(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(yaml.safe_dump({"actors": [{"name": "Blue Front", "kind": "group",
                                             "country": "QQQ"}]}))
    with pytest.raises(RulesError) as info:
        check_actor_files([f])
    assert str(info.value).startswith(f"{f}: actors -> Blue Front -> country: no country")


# --------------------------------------------------------------------------------------- CLI


def test_rules_check_cli(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump({"rules": [GOOD_RULE]}))
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"rules": [{**GOOD_RULE, "type": "likes"}]}))
    ok = relx("rules", "check", str(good))
    assert (ok.returncode, ok.stdout.strip()) == (0, f"{good}: ok, 1 rules")
    out = relx("rules", "check", str(bad), str(good))
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        f"relx: error: {bad}: rules -> x-verb -> type: must be one of supports, opposes, meets,"
        " not 'likes'"]
    assert f"{good}: ok" in out.stdout  # every file is checked
    actors = tmp_path / "actors.yaml"
    actors.write_text(yaml.safe_dump({"actors": [{"name": "Blue Front", "kind": "group"}]}))
    assert relx("rules", "check", "--actors", str(actors)).returncode == 0
    wrong = relx("rules", "check", "--actors", str(good))
    assert wrong.returncode == 1 and f"{good}: rules: unknown key" in wrong.stderr


def test_rules_show_prints_the_active_rules(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(yaml.safe_dump({"rules": [GOOD_RULE]}))
    out = relx("rules", "show", "--rules", str(extra))
    assert out.returncode == 0, out.stderr
    shown = yaml.safe_load(out.stdout)["rules"]
    assert {r["id"] for r in shown} >= {"x-verb", *(r.id for r in load_rules().rules)}
    only = yaml.safe_load(relx("rules", "show", "--rules", str(extra), "--replace-rules")
                          .stdout)["rules"]
    assert [r["id"] for r in only] == ["x-verb"]


def test_extract_with_a_bad_rule_file_fails_before_the_model_loads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Turkey condemned Iran.\n")
    (tmp_path / "bad.yaml").write_text("rules:\n  - id: a\n    type: [\n")
    (tmp_path / "actors.yaml").write_text("actors:\n  - name: X\n    kind: planet\n")
    for args in (["--rules", "bad.yaml"], ["--actors", "actors.yaml"]):
        t0 = time.monotonic()
        out = relx("extract", *args, "a.txt", "-f", "jsonl", "--model", "no_such_model",
                   cwd=tmp_path)
        took = time.monotonic() - t0
        assert out.returncode == 1
        # the rule error, not the model error: the model was never asked for
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"relx: error: {args[1]}: "), lines
        assert "no_such_model" not in out.stderr and out.stdout == ""
        assert took < 15
