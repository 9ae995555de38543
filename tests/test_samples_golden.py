"""Golden files: `relx extract SAMPLE -f json` on every file of data/samples/ is byte-for-byte the
committed tests/expected/SAMPLE.json.

The samples hold every kind of actor and relation the engine knows, so any change to actor
resolution or to the relation constructions that alters real output shows up here as a diff, to be
reviewed and then accepted by regenerating the expected files:

    RELX_UPDATE_EXPECTED=1 pytest tests/test_samples_golden.py

(the same bytes as `relx extract data/samples/NAME -f json -q > tests/expected/NAME.json`), then
`git diff tests/expected/` shows what changed.
"""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from relx.core import Extractor
from relx.reading import Problem, iter_documents
from relx.run import make_sink

EXPECTED = Path(__file__).resolve().parent / "expected"
SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
UPDATE = os.environ.get("RELX_UPDATE_EXPECTED", "") not in ("", "0")
NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".txt", ".jsonl"})


def graph_json(extractor: Extractor, path: Path) -> str:
    """What `relx extract PATH -f json` writes, from the session's already loaded pipeline."""
    docs = [d for d in iter_documents([str(path)]) if not isinstance(d, Problem)]
    out = io.StringIO()
    sink = make_sink("json", out, include_unasserted=False, stdout_isatty=False)
    for result in extractor.pipe(docs):
        sink.add(result)
    sink.close()
    return out.getvalue()


def test_every_sample_has_an_expected_file() -> None:
    assert len(NAMES) >= 4, NAMES
    if UPDATE:
        pytest.skip("regenerating the expected files")
    assert sorted(p.name[: -len(".json")] for p in EXPECTED.glob("*.json")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_sample_output_is_unchanged(extractor: Extractor, name: str) -> None:
    got = graph_json(extractor, SAMPLES / name)
    expected = EXPECTED / f"{name}.json"
    if UPDATE:
        expected.write_text(got, encoding="utf-8")
    assert expected.exists(), f"no {expected}: run RELX_UPDATE_EXPECTED=1 pytest {__file__}"
    want = expected.read_text(encoding="utf-8")
    if got != want:  # say which lines differ, not only that two long strings do
        diff = [f"line {n}: expected {a!r}, got {b!r}" for n, (a, b) in
                enumerate(zip(want.splitlines(), got.splitlines(), strict=False), start=1)
                if a != b][:5]
        pytest.fail(f"{name}: output differs from {expected.name} ({len(want.splitlines())} vs"
                    f" {len(got.splitlines())} lines); first differences: {diff}. If the change"
                    " is intended, regenerate with RELX_UPDATE_EXPECTED=1 (see module docstring).")


def test_cli_writes_the_same_bytes(relx_exe: str) -> None:
    """The in-process rendering above is what the command really prints."""
    name = "sudan_egypt.txt"
    proc = subprocess.run([relx_exe, "extract", str(SAMPLES / name), "-f", "json", "-q"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (EXPECTED / f"{name}.json").read_text(encoding="utf-8")
