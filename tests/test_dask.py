"""`relx extract --dask` and relx.dask (issue 14), on a real LocalCluster of two worker processes.

The cluster is started once for the module (each worker loads spaCy once, then keeps it); every
comparison is against the local `-j 1` run of the same inputs: records equal as sets (and as
lists once sorted: no duplicates), graph files byte for byte.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed", reason="needs the extra: pip install 'relx[dask]'")

from distributed import Client, LocalCluster, WorkerPlugin  # noqa: E402

import relx.dask as rd  # noqa: E402
from relx.cli import app  # noqa: E402
from relx.errors import InputError  # noqa: E402
from relx.records import Document, Result  # noqa: E402

runner = CliRunner()

# Invented sentences (no third-party news), templated into a few hundred different articles.
ACTORS = ["Norway", "Chile", "Ghana", "Vietnam", "Portugal", "Morocco", "the United Nations",
          "Finnish President Lena Aalto", "Peruvian Foreign Minister Diego Ramos", "NATO"]
VERBS = ["condemned", "praised", "met", "supports", "criticised", "welcomed", "held talks with"]
FILLER = ["The talks covered fishing quotas and port fees.",
          "Officials expect a second round of meetings in the autumn.",
          "The ministry gave no further details."]


def generated_article(n: int) -> str:
    a, b = ACTORS[n % len(ACTORS)], ACTORS[(n * 7 + 3) % len(ACTORS)]
    c = ACTORS[(n * 3 + 1) % len(ACTORS)]
    if a == b:
        b = ACTORS[(n + 1) % len(ACTORS)]
    first = f"{a} {VERBS[n % len(VERBS)]} {b} on day {n}."
    second = f"{c} {VERBS[(n // 3) % len(VERBS)]} {a}." if c != a else FILLER[n % 3]
    return f"{first} {FILLER[n % 3]}\n\n{second}"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One LocalCluster of two single-threaded worker processes for the whole module."""
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """300 JSONL articles (one bad line, one duplicate id) and a directory of 12 .txt files."""
    root = tmp_path_factory.mktemp("generated")
    corpus = root / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(300):
            fh.write(json.dumps({"id": f"g{i}", "date": f"2025-01-{1 + i % 28:02d}",
                                 "text": generated_article(i)}) + "\n")
            if i == 150:
                fh.write("{not json\n")
        fh.write(json.dumps({"id": "g7", "text": generated_article(1007)}) + "\n")
    folder = root / "texts"
    folder.mkdir()
    for i in range(12):
        (folder / f"note{i:02d}.txt").write_text(generated_article(500 + i), encoding="utf-8")
    return [str(corpus), str(folder)]


@pytest.fixture(scope="module")
def local_generated(generated: list[str]) -> tuple[int, str, str]:
    """The local -j 1 run of the generated corpus (exit code, JSON Lines, stderr)."""
    return extract(*generated, "-f", "jsonl")


def extract(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["extract", "-q", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def errors(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line.startswith("relx: error"))


def test_samples_equal_the_local_run(scheduler: str, samples: Path, tmp_path: Path) -> None:
    code, local, _ = extract(str(samples), "-f", "jsonl")
    assert code == 0 and local
    code, remote, err = extract(str(samples), "-f", "jsonl", "--dask", scheduler)
    assert code == 0, err
    assert sorted(remote.splitlines()) == sorted(local.splitlines())
    # --ordered: the same lines in the same order
    code, ordered, _ = extract(str(samples), "-f", "jsonl", "--dask", scheduler, "--ordered")
    assert ordered == local
    extract(str(samples), "-o", str(tmp_path / "local.graphml"))
    extract(str(samples), "-o", str(tmp_path / "dask.graphml"), "--dask", scheduler)
    local_graph = (tmp_path / "local.graphml").read_bytes()
    assert b"<edge" in local_graph
    assert (tmp_path / "dask.graphml").read_bytes() == local_graph
    # four runs, and each worker process built its extractor once
    with Client(scheduler) as client:
        loads = client.run(eval, "__import__('relx.dask').dask._extractor.cache_info().misses")
    assert list(loads.values()) == [1, 1]


def test_generated_corpus_equals_the_local_run(scheduler: str, generated: list[str],
                                               local_generated: tuple[int, str, str],
                                               tmp_path: Path) -> None:
    code, local, local_err = local_generated
    assert code == 1  # the bad line
    code, remote, remote_err = extract(*generated, "-f", "jsonl", "--dask", scheduler,
                                       "--batch-size", "16")
    assert code == 1
    lines = remote.splitlines()
    assert len(lines) > 300
    assert sorted(lines) == sorted(local.splitlines())  # as sets, and no record twice
    docs = {json.loads(line)["doc"] for line in lines}
    assert {"g0", "g299", "g7~2", "note11"} <= docs
    # the same error line, naming the file and line
    assert errors(remote_err) == errors(local_err) == [
        f"relx: error: {generated[0]}:152: not valid JSON (Expecting property name enclosed in"
        " double quotes, column 2)"]
    for name, dask in (("local", []), ("dask", ["--dask", scheduler, "--batch-size", "16"])):
        extract(*generated, "-o", str(tmp_path / f"{name}.graphml"), *dask)
    assert (tmp_path / "dask.graphml").read_bytes() == (tmp_path / "local.graphml").read_bytes()


def test_a_failing_document_is_reported_and_its_partition_kept(scheduler: str) -> None:
    # bytes instead of text make spaCy raise (it reads bytes as a serialised Doc): a stand-in
    # for any document the pipeline cannot process (such a Document cannot come from the readers)
    bad = Document("bad", b"not a Doc", source="x.jsonl:2")  # type: ignore[arg-type]
    docs = [Document("ok1", "Chile praised Ghana."), bad,
            Document("ok2", "Norway condemned Vietnam.")]
    failures: list[rd.Failed] = []
    settings = rd.Settings.of()
    with Client(scheduler) as client:
        results = list(rd._pipe(client, settings, iter([docs[0], docs[1], docs[2]]),
                                batch_size=8, ordered=True, on_failure=failures.append))
    assert [r.doc for r in results] == ["ok1", "ok2"]
    assert [r.relations[0].type for r in results] == ["supports", "opposes"]
    assert [f.where for f in failures] == ["x.jsonl:2"]
    assert failures[0].message.startswith("extraction failed: ")


def test_extract_bag_and_the_parquet_example(scheduler: str, samples: Path, tmp_path: Path,
                                             extractor) -> None:
    import dask.bag as db
    import pandas as pd

    lines = (samples / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    with Client(scheduler):
        # the README's example, as written there
        articles = db.read_text(str(samples / "corpus.jsonl")).map(json.loads)
        results = rd.extract_bag(articles)
        rd.relations_frame(results).to_parquet(tmp_path / "relations.parquet")

        both = db.from_sequence([json.loads(line) for line in lines] + texts, npartitions=3)
        computed = rd.extract_bag(both).compute()
    assert all(isinstance(r, Result) for r in computed)
    expected = [extractor.extract(json.loads(line)["text"], doc_id=json.loads(line)["id"],
                                  date=json.loads(line).get("date")) for line in lines]
    expected += [extractor.extract(t, doc_id=rd._text_id(t)) for t in texts]
    assert sorted(map(_key, computed)) == sorted(map(_key, expected))
    frame = pd.read_parquet(tmp_path / "relations.parquet")
    local = [r.to_dict() for res in expected[:len(lines)] for r in res.relations]
    assert len(frame) == len(local) > 0
    assert list(frame.columns) == list(rd.RELATION_COLUMNS)
    assert sorted(frame["doc"]) == sorted(r["doc"] for r in local)


def _key(result: Result) -> str:
    return json.dumps(result.to_dict(), sort_keys=True)


def test_extract_bag_bad_items(scheduler: str) -> None:
    import dask.bag as db

    items = [{"id": "a", "text": "Chile praised Ghana."}, {"id": "b", "body": "no text"}, 42]
    bag = db.from_sequence(items, npartitions=1)
    with Client(scheduler):
        with pytest.raises(InputError, match="item 'b': 'text' is missing"):
            rd.extract_bag(bag).compute()
        kept = rd.extract_bag(bag, errors="skip").compute()
    assert [r.doc for r in kept] == ["a"]
    assert isinstance(rd.as_document(42), rd.Failed)


@pytest.mark.parametrize("spec, message", [
    ("local:0", "whole number of workers"), ("local:two", "whole number of workers"),
    ("", "is empty")])
def test_bad_dask_values_are_usage_errors(samples: Path, spec: str, message: str) -> None:
    proc = run_relx("extract", str(samples), "-f", "jsonl", "--dask", spec)
    assert proc.returncode == 2
    assert message in proc.stderr and "--dask" in proc.stderr
    assert proc.stdout == ""


def test_dask_with_jobs_is_a_usage_error(samples: Path) -> None:
    proc = run_relx("extract", str(samples), "-f", "jsonl", "--dask", "local", "-j", "2")
    assert proc.returncode == 2
    assert "--dask local:N instead of -j N" in proc.stderr


def run_relx(*args: str, env: dict[str, str] | None = None, prelude: str = "",
             cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    code = f"import sys\n{prelude}\nfrom relx.cli import main\nmain(sys.argv[1:])\n"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})}, cwd=cwd,
                          stdin=subprocess.DEVNULL)


BLOCK_DASK = """
import importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.partition('.')[0] in ('dask', 'distributed'):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Block())
"""


def test_without_dask_one_clear_error(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = run_relx("extract", str(samples), "-o", str(out), "--dask", "local:2",
                    prelude=BLOCK_DASK)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "relx: error: Dask is not installed (needed for --dask and relx.dask): pip install"
        " 'relx[dask]' (missing module 'dask')"]
    assert not out.exists()
    # the local run does not need it
    proc = run_relx("extract", str(samples / "turkey_iraq.txt"), "-f", "jsonl",
                    prelude=BLOCK_DASK)
    assert proc.returncode == 0 and proc.stdout


def test_unreachable_scheduler(samples: Path) -> None:
    proc = run_relx("extract", str(samples), "-f", "jsonl", "--dask", "tcp://127.0.0.1:9",
                    env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"})
    assert proc.returncode == 1
    assert proc.stderr.startswith("relx: error: cannot reach the Dask scheduler at"
                                  " tcp://127.0.0.1:9")
    assert len(proc.stderr.splitlines()) == 1
    assert proc.stdout == ""


def test_local_cluster_from_the_environment(samples: Path, tmp_path: Path) -> None:
    """RELX_DASK=local:2 in a real process: starts, extracts, stops, and exits cleanly."""
    proc = run_relx("extract", str(samples), "-o", str(tmp_path / "dask.graphml"),
                    env={"RELX_DASK": "local:2"}, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    run_relx("extract", str(samples), "-o", str(tmp_path / "local.graphml"))
    assert (tmp_path / "dask.graphml").read_bytes() == (tmp_path / "local.graphml").read_bytes()
    assert not list(tmp_path.glob("dask-scratch-space*"))  # no droppings in the user's folder


class KillOnce(WorkerPlugin):
    """Kills the worker process 0.1 s into its fourth relx partition (8 documents or more: the
    first partitions are 1, 2, 4, ... documents), once per marker file."""

    def __init__(self, marker: str):
        self.marker = marker
        self.seen = 0

    def transition(self, key, start, finish, **kwargs) -> None:  # noqa: ANN001
        if finish != "executing" or "run_partition" not in str(key):
            return
        self.seen += 1
        if self.seen < 4:
            return
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            return
        os.close(fd)
        threading.Timer(0.1, os._exit, (1,)).start()


@pytest.mark.slow
def test_a_worker_dying_mid_partition_is_retried_without_duplicates(
        scheduler: str, generated: list[str], local_generated: tuple[int, str, str],
        tmp_path: Path) -> None:
    marker = tmp_path / "killed"
    with Client(scheduler) as client:  # the scheduler keeps the plugin for the restarted worker
        client.register_plugin(KillOnce(str(marker)), name="relx-kill-once")
    try:
        code, remote, _ = extract(*generated, "-f", "jsonl", "--dask", scheduler,
                                  "--batch-size", "64")
    finally:
        with Client(scheduler) as client:
            client.unregister_worker_plugin("relx-kill-once")
    assert marker.exists()  # a worker was killed
    assert code == 1  # the bad line, as locally
    assert sorted(remote.splitlines()) == sorted(local_generated[1].splitlines())


BLOCK_RELX = """
import importlib.abc
import sys


class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.partition('.')[0] == 'relx':
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


sys.meta_path.insert(0, Block())
"""


@pytest.mark.slow
def test_workers_without_relx(samples: Path, tmp_path: Path) -> None:
    """A cluster whose workers cannot import relx: one error line that says so."""
    preload = tmp_path / "no_relx.py"
    preload.write_text(BLOCK_RELX, encoding="utf-8")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR, preload=[str(preload)]) as cluster:
        proc = run_relx("extract", str(samples), "-f", "jsonl", "--dask",
                        cluster.scheduler_address)
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("relx: error: the Dask workers cannot run relx (")
    assert "No module named 'relx" in lines[0]
