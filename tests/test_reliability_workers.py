"""--jobs under faults (issue 15, audit C03/C04, O11, O12): a worker killed mid-run, SIGTERM, and
temp files a SIGKILL leaves. The pool tests use a stand-in extractor (workers fork with it), so
they need no model; the end-to-end ones run the real CLI and are marked `slow`."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from relx.errors import WorkerDied
from relx.parallel import parallel_pipe
from relx.records import Actor, Document, Relation, Result

pytestmark = pytest.mark.skipif("fork" not in mp.get_all_start_methods(),
                                reason="workers inherit the stand-in extractor by fork")


class Dies:
    """Kills its own worker process (as the OOM killer would) on the document 'boom': every time,
    or only the first time when `once` names a marker file that other processes can see."""

    def __init__(self, once: Path | None = None):
        self.once = once

    def pipe(self, docs: Iterable[Document], **_: object) -> Iterator[Result]:
        for d in docs:
            if d.id == "boom" and (self.once is None or not self.once.exists()):
                if self.once is not None:
                    self.once.touch()
                os.kill(os.getpid(), signal.SIGKILL)
            yield Result(d.id)


def docs(n: int, boom_at: int) -> list[Document]:
    return [Document("boom" if i == boom_at else f"d{i}", "x", source=f"c.jsonl:{i + 1}")
            for i in range(n)]


@pytest.mark.parametrize("ordered", [False, True])
def test_a_killed_worker_s_batches_are_done_again(tmp_path: Path, ordered: bool) -> None:
    told: list[str] = []
    out = list(parallel_pipe({}, docs(40, 17), jobs=2, batch_size=4, ordered=ordered,
                             extractor=Dies(once=tmp_path / "died"), notify=told.append))
    ids = [r.doc for r in out]
    assert sorted(ids) == sorted(d.id for d in docs(40, 17))  # nothing lost, nothing twice
    if ordered:
        assert ids == [d.id for d in docs(40, 17)]
    assert len(told) == 1 and told[0].startswith("worker died (signal 9): its ")


@pytest.mark.parametrize("ordered", [False, True])
def test_a_worker_dying_twice_on_the_same_batch_stops_with_what_is_done(ordered: bool) -> None:
    seen: list[str] = []
    with pytest.raises(WorkerDied) as info:
        for result in parallel_pipe({}, docs(200, 30), jobs=2, batch_size=4, ordered=ordered,
                                    extractor=Dies()):
            seen.append(result.doc)
    assert str(info.value).startswith("worker died (signal 9) again on the documents from"
                                      " c.jsonl:")
    assert "boom" not in seen and "d0" in seen and len(seen) < 200
    assert len(seen) == len(set(seen))


def test_the_cli_writes_what_finished_when_workers_keep_dying(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    import relx.parallel
    from relx.run import ExtractOptions, run_extract

    def dying(config: object, documents: Iterable[Document], **_: object) -> Iterator[Result]:
        for i, d in enumerate(documents):
            if i == 2:
                raise WorkerDied("worker died (signal 9) again on the documents from c.jsonl:3:"
                                 " stopped")
            x = Actor(f"org:x{i}", f"X{i}", "organization", mentions=1)
            y = Actor("org:y", "Y", "organization", mentions=1)
            # graph files hold the actors of relations: each finished document has one
            yield Result(d.id, [x, y], [Relation(d.id, x.name, "opposes", y.name, x.id, y.id,
                                                 x.kind, y.kind, "condemned", "X condemned Y.",
                                                 0, 15)])

    monkeypatch.setattr(relx.parallel, "parallel_pipe", dying)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": "Turkey condemned Iran."})
                              + "\n" for i in range(5)))
    out = tmp_path / "g.json"
    code = run_extract(ExtractOptions(inputs=[str(corpus)], output=str(out), jobs=2, quiet=True))
    assert code == 1
    assert [a["name"] for a in json.loads(out.read_text())["actors"]] == ["X0", "Y", "X1"]
    assert capsys.readouterr().err == (
        "relx: error: worker died (signal 9) again on the documents from c.jsonl:3: stopped; the"
        " 2 document(s) finished are written, the rest is not\n")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


# ------------------------------------------------------------------------------- end to end


ARTICLE = "Turkey condemned Iran. Russia backed Syria. France praised Germany.\n"


def relx_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "relx"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "relx.cli"]


def big_corpus(path: Path, n: int = 3000) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": ARTICLE}) + "\n"
                            for i in range(n)))
    return path


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def wait_for(check: object, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > end:
            pytest.fail("timed out waiting")
        time.sleep(0.1)


def parts(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_kill_9_of_a_worker_is_survived_end_to_end(tmp_path: Path) -> None:  # C03, R01
    corpus = big_corpus(tmp_path / "c.jsonl")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*relx_cmd(), "extract", str(corpus), "-j", "2", "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)
    wait_for(lambda: parts(tmp_path) and len(children(proc.pid)) >= 2)
    time.sleep(1.0)
    os.kill(children(proc.pid)[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert "relx: warning: worker died (signal 9): its " in err
    docs = {json.loads(line)["doc"] for line in out.read_text().splitlines()}
    assert docs == {f"d{i}" for i in range(3000)}
    assert parts(tmp_path) == []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_is_handled_like_ctrl_c(tmp_path: Path, jobs: str) -> None:  # O11, R15
    corpus = big_corpus(tmp_path / "c.jsonl")
    out = tmp_path / "out.jsonl"
    out.write_text("OLD\n")
    proc = subprocess.Popen([*relx_cmd(), "extract", str(corpus), "-j", jobs, "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)
    wait_for(lambda: parts(tmp_path))
    time.sleep(1.0)
    workers = children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143
    assert err == "relx: terminated\n"
    assert out.read_text() == "OLD\n"
    assert parts(tmp_path) == []
    for pid in workers:  # no worker outlives the run
        wait_for(lambda pid=pid: not Path(f"/proc/{pid}").exists()
                 or "zombie" in Path(f"/proc/{pid}/status").read_text(), timeout=20)


@pytest.mark.slow
def test_a_part_file_left_by_sigkill_is_swept_by_the_next_run(tmp_path: Path) -> None:  # O12
    corpus = big_corpus(tmp_path / "c.jsonl")
    out = tmp_path / "out.jsonl"
    out.write_text("OLD\n")
    proc = subprocess.Popen([*relx_cmd(), "extract", str(corpus), "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    wait_for(lambda: parts(tmp_path))
    proc.kill()
    proc.wait(timeout=60)
    left = parts(tmp_path)
    assert len(left) == 1 and out.read_text() == "OLD\n"
    old = time.time() - 60
    os.utime(tmp_path / left[0], (old, old))
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE)
    done = subprocess.run([*relx_cmd(), "extract", str(small), "-o", str(out)],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert parts(tmp_path) == []
    assert json.loads(out.read_text().splitlines()[0])["doc"] == "small"


def test_a_pool_that_broke_between_two_submissions_fails_the_future_not_the_run() -> None:
    from concurrent.futures.process import BrokenProcessPool

    from relx.parallel import _Pool

    pool = _Pool(1, "fork", None)
    try:
        pool.executor._broken = "a worker was killed"  # what the executor sets when one dies
        future = pool.submit([])
        assert future.done() and isinstance(future.exception(), BrokenProcessPool)
    finally:
        pool.executor._broken = False
        pool.stop()


class BatchSizes:
    """Answers each document with the size of the batch it came in."""

    def pipe(self, docs: Iterable[Document], **_: object) -> Iterator[Result]:
        batch = list(docs)
        for d in batch:
            yield Result(f"{d.id}:{len(batch)}")


def test_workers_get_small_batches_so_that_none_idles_long_at_the_end() -> None:
    from relx.parallel import WORKER_BATCH, WORKER_BATCH_CHARS

    short = [Document(f"d{i}", "x") for i in range(100)]
    sizes = [int(r.doc.split(":")[1]) for r in parallel_pipe(
        {}, short, jobs=2, batch_size=64, extractor=BatchSizes())]
    assert len(sizes) == 100 and max(sizes) == WORKER_BATCH  # not the 64 asked for
    long = [Document(f"d{i}", "x" * (WORKER_BATCH_CHARS // 2)) for i in range(20)]
    sizes = [int(r.doc.split(":")[1]) for r in parallel_pipe(
        {}, long, jobs=2, batch_size=64, extractor=BatchSizes())]
    assert max(sizes) == 2  # cut by characters too
