"""`relx eval` and relx.evaluate: gold loading, the scoring rules, and the command end to end.

tests/gold holds three short documents written for these tests, their gold, and hand-written
predictions that exercise every scoring rule. The expected numbers below were worked out by hand
and checked against the reference scorer (shared/eval/score.py, which the tests never read):
`score.py --gold tests/gold tests/gold/predictions.jsonl --json` prints exactly REFERENCE_JSON.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relx.cli import app
from relx.errors import InputError, RulesError
from relx.evaluate import (
    Counts,
    load_gold,
    normalise,
    parse_gold,
    predict,
    read_predictions,
    score,
)

GOLD = Path(__file__).resolve().parent / "gold"
PREDICTIONS = GOLD / "predictions.jsonl"
REFERENCE_JSON = {"f1": 0.6470588235294118, "precision": 0.6111111111111112, "recall": 0.6875,
                  "tp": 11, "fp": 7, "fn": 5}
PER_DOC = {"alpha": (7, 4, 4), "beta": (4, 2, 1), "gamma": (0, 1, 0)}
PER_TYPE = {"supports": (5, 1, 3), "opposes": (4, 6, 2), "meets": (2, 0, 0)}
MACRO_F1 = (14 / 22 + 8 / 11 + 0.0) / 3  # alpha P=R=7/11; beta P 4/6, R 4/5; gamma 0

runner = CliRunner()


def records(path: Path = PREDICTIONS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def tiny_gold(relations: list[dict] | None = None, **actors: list[str]) -> dict:
    """One in-memory gold document 'd' (default actors: Iraq, Turkey, Jordan, Recep Erdogan)."""
    actors = actors or {"Iraq": ["Iraqi", "Baghdad"], "Turkey": ["Turkish", "Ankara"],
                        "Jordan": ["Amman"], "Recep Erdogan": ["Erdogan", "President Erdogan"]}
    data = {"doc": "d", "actors": actors, "relations": relations or []}
    return {"d": parse_gold(data, Path("d.gold.yaml"))}


def counts(gold: dict, *preds: tuple[str, str, str], **extra: object) -> Counts:
    return score(gold, [{"doc": "d", "source": s, "type": t, "target": o, **extra}
                        for s, t, o in preds]).overall()


# ---------------------------------------------------------------------------- names and gold


@pytest.mark.parametrize(("name", "expected"), [
    ("The Kurdistan Workers\u2019 Party's", "kurdistan workers' party"),
    ("al - Sudani", "al-sudani"),
    ("Iraq\u2013Turkey", "iraq-turkey"),
    ("U.S.  Army", "u s army"),
    ("the", "the"),
    ("", ""),
])
def test_normalise(name: str, expected: str) -> None:
    assert normalise(name) == expected


def test_resolve_exact_longest_form_tie_and_whole_words() -> None:
    doc = load_gold(GOLD)["alpha"]
    assert doc.resolve("President Erdogan") == "Recep Tayyip Erdogan"
    assert doc.resolve("the Kurdistan Workers\u2019 Party") == "Kurdistan Workers' Party"
    # longest contained form wins: "mohammed shia al-sudani" is longer than "iraqi"
    assert doc.resolve("Iraqi Prime Minister Mohammed Shia al-Sudani") == "Mohammed Shia al-Sudani"
    assert doc.resolve("Jordanian government") == "Jordan"
    assert doc.resolve("Turkey and Jordan") is None  # two forms of six letters: a tie
    assert doc.resolve("Iraqis") is None  # forms match whole words only
    assert doc.resolve("protesters") is None
    assert doc.resolve("") is None


def test_load_gold_expands_groups_and_orders_meets() -> None:
    gold = load_gold(GOLD)
    assert list(gold) == ["alpha", "beta", "gamma"]
    alpha = gold["alpha"]
    assert len(alpha.triples) == 11  # 1 meets + 1 opposes + a 3-member group (6 pairs) + 3 opposes
    assert {("Iraq", "supports", "Jordan"), ("Jordan", "supports", "Iraq")} <= alpha.triples
    assert ("Mohammed Shia al-Sudani", "meets", "Recep Tayyip Erdogan") in alpha.triples
    assert alpha.cues[("Turkey", "supports", "Jordan")] == "closer cooperation"
    assert gold["gamma"].triples == set()


def test_group_meets_gives_unordered_pairs() -> None:
    gold = tiny_gold([{"group": ["Iraq", "Turkey", "Jordan"], "type": "meets"}])
    assert gold["d"].triples == {("Iraq", "meets", "Turkey"), ("Iraq", "meets", "Jordan"),
                                 ("Jordan", "meets", "Turkey")}


BAD_GOLD = [
    ("doc: [", "line"),
    ("", "must be a mapping"),
    ("actors: {A: []}\n", "doc: field required"),
    ("doc: d\nactors: {A: [], B: []}\nrelation: []\n", "relation: unknown key"),
    ("doc: d\nactors: [A, B]\n", "actors: must be a mapping"),
    ("doc: d\nactors: {A: }\n", "actors -> A: must be a list"),
    ("doc: d\nactors: {Norway: [NO]}\n", "boolean"),
    ("doc: d\nactors: {A: [], B: []}\nrelations:\n  - {source: A, type: likes, target: B}\n",
     "must be one of supports, opposes, meets"),
    ("doc: d\nactors: {A: [], B: []}\nrelations:\n  - {source: A, type: meets, target: C}\n",
     "'C' is not in actors"),
    ("doc: d\nactors: {A: [], B: []}\nrelations:\n  - {source: A, type: meets}\n",
     "target: field required"),
    ("doc: d\nactors: {A: [], B: []}\nrelations:\n  - {group: [A], type: meets}\n",
     "at least two actors"),
    ("doc: d\nactors: {A: [], B: []}\nrelations:\n  - {source: A, type: supports, target: A}\n",
     "same actor"),
]


@pytest.mark.parametrize(("text", "message"), BAD_GOLD)
def test_malformed_gold_is_one_error_naming_the_file(tmp_path: Path, text: str, message: str
                                                     ) -> None:
    path = tmp_path / "x.gold.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_gold(tmp_path)
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_duplicate_doc_ids_and_empty_folders_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no \\*.gold.yaml"):
        load_gold(tmp_path)
    with pytest.raises(InputError, match="not a directory"):
        load_gold(tmp_path / "missing")
    for name in ("a", "b"):
        (tmp_path / f"{name}.gold.yaml").write_text("doc: same\nactors: {A: []}\n", "utf-8")
    with pytest.raises(InputError, match="b.gold.yaml: doc 'same' is also the id of .*a.gold.yaml"):
        load_gold(tmp_path)


# ------------------------------------------------------------------------------------ scoring


def test_score_matches_reference_on_test_gold() -> None:
    scores = score(load_gold(GOLD), records())
    assert {k: v for k, v in scores.to_dict().items() if k in REFERENCE_JSON} == REFERENCE_JSON
    assert {d.doc: tuple(vars_(d.counts())) for d in scores.docs} == PER_DOC
    assert {t: tuple(vars_(c)) for t, c in scores.per_type().items()} == PER_TYPE
    assert scores.macro_f1 == pytest.approx(MACRO_F1)
    assert scores.ignored == 2  # the negated line and the planned one
    assert scores.unknown_docs == {"zeta": 1}


def vars_(c: Counts) -> tuple[int, int, int]:
    return (c.tp, c.fp, c.fn)


def test_score_details_on_test_gold() -> None:
    alpha, beta, gamma = score(load_gold(GOLD), records()).docs
    # exact form + longest-form containment, and a meets given the other way round
    assert ("Mohammed Shia al-Sudani", "meets", "Recep Tayyip Erdogan") in alpha.hits
    # the negated prediction does not count: its gold relation stays missed
    assert ("Turkey", "opposes", "Islamic State") in alpha.misses
    assert ("Kurdistan Workers' Party", "opposes", "Turkey") in alpha.false_positives  # direction
    assert alpha.unresolved == [("Ankara police", "opposes", "protesters"),
                                ("Turkey and Jordan", "opposes", "Islamic State")]
    assert beta.misses == [("China", "supports", "Russia")]
    assert beta.unresolved == [("Western capitals", "opposes", "Moscow")]  # twice, counted once
    assert gamma.false_positives == []  # Italy -> Italian civil protection agency: same actor
    assert gamma.unresolved == [("Italy", "opposes", "the rain")]
    assert alpha.to_dict(details=True)["misses"][0] == {
        "triple": ["Iraq", "supports", "Jordan"], "cue": "closer cooperation"}


@pytest.mark.parametrize(("gold_rel", "pred", "extra", "expected"), [
    ({"source": "Iraq", "type": "meets", "target": "Turkey"}, ("Ankara", "meets", "Iraqi"), {},
     (1, 0, 0)),
    ({"source": "Iraq", "type": "supports", "target": "Turkey"}, ("Turkey", "supports", "Iraq"),
     {}, (0, 1, 1)),
    ({"source": "Iraq", "type": "opposes", "target": "Turkey"}, ("Iraq", "opposes", "Turkey"),
     {"negated": True}, (0, 0, 1)),
    ({"source": "Iraq", "type": "opposes", "target": "Turkey"}, ("Iraq", "opposes", "Turkey"),
     {"modality": "planned"}, (0, 0, 1)),
    ({"source": "Iraq", "type": "opposes", "target": "Turkey"}, ("Iraq", "opposes", "Turkey"),
     {"negated": False, "modality": "asserted"}, (1, 0, 0)),
    ({"source": "Iraq", "type": "opposes", "target": "Turkey"}, ("Ankara", "opposes", "Turkish"),
     {}, (0, 0, 1)),  # same actor: dropped, not a false positive
    ({"source": "Iraq", "type": "opposes", "target": "Turkey"}, ("Iraq", "opposes", "Kurds"),
     {}, (0, 1, 1)),  # unresolved end: a false positive
    ({"source": "Iraq", "type": "opposes", "target": "Turkey"},
     ("Iraqi President Recep Erdogan", "opposes", "Iraq"), {}, (0, 1, 1)),  # Erdogan, not Iraq
])
def test_scoring_rules(gold_rel: dict, pred: tuple[str, str, str], extra: dict,
                       expected: tuple[int, int, int]) -> None:
    assert vars_(counts(tiny_gold([gold_rel]), pred, **extra)) == expected


def test_unresolved_false_positives_count_per_type_and_unknown_docs_are_ignored() -> None:
    gold = tiny_gold([{"source": "Iraq", "type": "meets", "target": "Turkey"}])
    scores = score(gold, [
        {"doc": "d", "source": "Kurds", "type": "supports", "target": "Iraq"},
        {"doc": "d", "source": "Kurds", "type": "supports", "target": "Iraq"},
        {"doc": "d", "source": "Turkey and Jordan", "type": "opposes", "target": "Iraq"},
        {"doc": "other", "source": "Iraq", "type": "meets", "target": "Turkey"},
        {"doc": "d", "source": "Iraq", "type": "likes", "target": "Turkey"},
        ["not", "a", "record"],
    ])
    assert {t: vars_(c) for t, c in scores.per_type().items()} == {
        "supports": (0, 1, 0), "opposes": (0, 1, 0), "meets": (0, 0, 1)}
    assert scores.unknown_docs == {"other": 1}


def test_counts_and_macro_f1_arithmetic() -> None:
    c = Counts(tp=2, fp=1, fn=2)
    assert (c.precision, c.recall) == (2 / 3, 0.5)
    assert c.f1 == pytest.approx(4 / 7)
    assert Counts().f1 == 0.0
    empty = score(tiny_gold(), [])
    assert empty.macro_f1 == 0.0 and vars_(empty.overall()) == (0, 0, 0)


def test_read_predictions_reports_bad_lines() -> None:
    problems: list = []
    good = {"doc": "a", "source": "X", "type": "meets", "target": "Y"}
    got = list(read_predictions([json.dumps(good), "", "{oops", "[1]"], "p.jsonl", problems))
    assert got == [good]
    assert [str(p) for p in problems] == [
        "p.jsonl:3: not valid JSON (Expecting property name enclosed in double quotes)",
        "p.jsonl:4: not a relation record: a JSON array, not an object"]


def test_evaluate_imports_without_spacy() -> None:
    code = ("import sys; sys.modules['spacy'] = None; import relx.evaluate as ev;"
            f" print(ev.score(ev.load_gold({str(GOLD)!r}), []).overall().fn)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "16"


# -------------------------------------------------------------------------------------- CLI


def test_cli_predictions_json_equals_reference() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--predictions", str(PREDICTIONS), "--json",
                                 "--model", "no-such-model"])  # no model is loaded
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {k: data[k] for k in REFERENCE_JSON} == REFERENCE_JSON
    assert {d: (v["tp"], v["fp"], v["fn"]) for d, v in data["documents"].items()} == PER_DOC
    assert {t: (v["tp"], v["fp"], v["fn"]) for t, v in data["types"].items()} == PER_TYPE
    assert data["macro_f1"] == pytest.approx(MACRO_F1)
    assert "zeta" in result.stderr


def test_cli_plain_tables_and_details() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--predictions", str(PREDICTIONS)])
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line}
    assert rows["alpha"] == ["7", "4", "4", "0.636", "0.636", "0.636"]
    assert rows["opposes"] == ["4", "6", "2", "0.400", "0.667", "0.500"]
    assert "all (micro)   11    7    5  0.611  0.688  0.647" in result.stdout
    assert result.stdout.rstrip().endswith("macro-F1 over 3 documents 0.455")
    assert "hit" not in result.stdout
    details = runner.invoke(app, ["eval", str(GOLD), "--predictions", str(PREDICTIONS),
                                  "--details"]).stdout
    assert "  miss   China | supports | Russia    <- its support of Russia" in details
    assert "  false  Western capitals | opposes | Moscow   (unresolved actor)" in details
    assert "  hit    Sergei Lavrov | meets | Wang Yi" in details


def test_cli_predictions_from_stdin_and_bad_lines(tmp_path: Path) -> None:
    lines = PREDICTIONS.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "p.jsonl"
    bad.write_text("\n".join([lines[0], "not json", *lines[1:]]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(GOLD), "--predictions", str(bad), "--json"])
    assert result.exit_code == 1  # a bad line is an error, but the rest is still scored
    assert f"{bad}:2: not valid JSON" in result.stderr
    assert json.loads(result.stdout)["tp"] == 11
    piped = runner.invoke(app, ["eval", str(GOLD), "--predictions", "-", "--json"],
                          input=PREDICTIONS.read_text(encoding="utf-8"))
    assert piped.exit_code == 0
    assert json.loads(piped.stdout)["f1"] == REFERENCE_JSON["f1"]


def test_cli_errors_are_one_line(relx_exe: str, tmp_path: Path) -> None:
    (tmp_path / "x.gold.yaml").write_text("doc: x\nactors: {A: [], B: []}\nrelations:\n"
                                          "  - {source: A, type: hates, target: B}\n", "utf-8")
    done = subprocess.run([relx_exe, "eval", str(tmp_path), "--predictions", str(PREDICTIONS)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert f"{tmp_path / 'x.gold.yaml'}: relations -> 0 -> type" in done.stderr
    missing = subprocess.run([relx_exe, "eval", str(GOLD), "--predictions",
                              str(tmp_path / "none.jsonl")], capture_output=True, text=True,
                             timeout=60)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert "none.jsonl: cannot read" in missing.stderr


# ------------------------------------------------------------------------ with the real model


def test_predict_uses_gold_ids_and_the_extract_contract(extractor) -> None:  # noqa: ANN001
    gold = load_gold(GOLD)
    problems: list = []
    preds = list(predict(gold, extractor, problems))
    assert problems == []
    assert {p["doc"] for p in preds} <= set(gold)
    assert any(p["doc"] == "beta" and p["type"] == "meets" for p in preds)


def test_cli_eval_runs_extraction_like_extract(tmp_path: Path) -> None:
    """Scoring while extracting equals scoring `relx extract` output on the same articles."""
    texts = sorted(str(p) for p in GOLD.glob("*.txt"))
    extracted = runner.invoke(app, ["extract", *texts, "-f", "jsonl", "-q"])
    assert extracted.exit_code == 0, extracted.stderr
    (tmp_path / "p.jsonl").write_text(extracted.stdout, encoding="utf-8")
    run = runner.invoke(app, ["eval", str(GOLD), "--json", "--details"])
    assert run.exit_code == 0, run.stderr
    scored = runner.invoke(app, ["eval", str(GOLD), "--predictions", str(tmp_path / "p.jsonl"),
                                 "--json", "--details"])
    assert json.loads(run.stdout) == json.loads(scored.stdout)
    data = json.loads(run.stdout)
    assert data["tp"] > 0  # plain sentences such as "Lavrov held talks with ... Wang Yi"
    assert data["tp"] + data["fn"] == 16


def test_cli_eval_missing_article_is_an_error_but_scored(tmp_path: Path) -> None:
    shutil.copy(GOLD / "beta.gold.yaml", tmp_path)
    result = runner.invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'beta.txt'}: no such file" in result.stderr
    assert json.loads(result.stdout)["fn"] == 5
