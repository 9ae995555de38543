"""`relx explain`: what fired, with construction, rule and tokens, and why a trigger gave
nothing. Sentences are invented."""

from __future__ import annotations

import json
import subprocess

from typer.testing import CliRunner

from relx.cli import app
from relx.core import Extractor
from relx.relations import REGISTRY, constructions_table


def test_a_firing_names_construction_rule_and_tokens(extractor: Extractor) -> None:
    [report] = extractor.explain("Chile condemned Peru on Monday.")
    [fired] = report.fired
    assert (fired.construction, fired.rule, fired.trigger) == ("verb", "oppose-verb", "condemned")
    assert (fired.sources, fired.targets, fired.relations) == (["Chile"], ["Peru"],
                                                               ["Chile opposes Peru"])


def test_a_trigger_without_arguments_says_what_hangs_on_it(extractor: Extractor) -> None:
    [report] = extractor.explain("Chile discussed the plan in Peru.")
    assert not report.fired
    [miss] = [m for m in report.missed if m.trigger == "discussed"]
    assert miss.rule == "meet-verb-with"
    assert "nsubj 'Chile' (Chile)" in miss.reason and "dobj 'plan'" in miss.reason


def test_a_target_that_is_no_actor_is_named(extractor: Extractor) -> None:
    [report] = extractor.explain("Chile condemned the weather in Peru.")
    assert not report.fired
    assert any("target 'weather' is no actor" in m.reason for m in report.missed)


def test_negation_is_shown_on_the_relation(extractor: Extractor) -> None:
    [report] = extractor.explain("Chile did not meet Peru.")
    assert report.fired[0].relations == ["Chile meets Peru [negated]"]


def test_sentences_with_fewer_than_two_actors_are_skipped(extractor: Extractor) -> None:
    reports = extractor.explain("The weather was fine. Chile praised the weather.")
    assert [r.skipped.split(" and ")[0] for r in reports] == ["0 actors", "1 actor"]


def test_an_anaphor_that_points_back_is_explained(extractor: Extractor) -> None:
    reports = extractor.explain("Poland imposed sanctions on Belarus. Lithuania welcomed the"
                                " decision.")
    assert not reports[1].skipped
    assert reports[1].fired[0].relations == ["Lithuania supports Poland"]


def test_constructions_table_lists_every_construction_with_its_rules(extractor: Extractor
                                                                      ) -> None:
    table = constructions_table(extractor.ruleset)
    assert [c["name"] for c in table] == ["verb", "noun", "protest", "label", "join", "adjective",
                                         "role", "shape", "echo"]
    assert set(REGISTRY) == {c["name"] for c in table}
    verb = next(c for c in table if c["name"] == "verb")
    assert "oppose-verb" in verb["rules"]
    every = {r for c in table for r in c["rules"]}
    assert every == {r.id for r in extractor.ruleset.rules}


def test_explain_cli_json(relx_exe: str) -> None:
    proc = subprocess.run([relx_exe, "explain", "--json", "Chile condemned Peru. It rained."],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert first["fired"][0]["relations"] == ["Chile opposes Peru"]
    assert second["skipped"]


def test_explain_cli_text() -> None:
    result = CliRunner().invoke(app, ["explain", "Chile condemned Peru."])
    assert result.exit_code == 0, result.output
    assert "Chile opposes Peru" in result.stdout and "verb / oppose-verb" in result.stdout
