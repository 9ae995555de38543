"""`--jobs N`: documents spread over worker processes, each with its own pipeline.

Work goes out in batches with a bounded number in flight, so memory stays flat however long the
input is. With `ordered` results come back in input order; without it each batch is yielded as soon
as it is done, so one slow (long) document does not hold up the others.

Workers are silent: they ignore Ctrl-C (the main process gets it and stops them), write nothing to
stdout/stderr, and hand every failure back to the main process as an exception, which reports it
there. A worker that cannot even load the model raises in its first task instead of dying in the
pool initializer.

A worker can also die outright (the OOM killer, `kill -9`). `multiprocessing.Pool` then loses the
dead worker's task and waits for it for ever; `concurrent.futures.ProcessPoolExecutor` fails every
pending task with `BrokenProcessPool` instead. The batches that were in flight are then done again,
once, in a new pool; if the pool breaks again on them, `WorkerDied` is raised after every result
already finished has been yielded, so that the caller can write what it has and stop.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from .core import batches
from .errors import WorkerDied
from .records import Document, Result

_worker: Any = None
_failure: BaseException | None = None
WORKER_BATCH = 16  # documents sent to a worker at once, at most
WORKER_BATCH_CHARS = 40_000  # and characters (about 16 news articles)


def _load(config: dict[str, Any]) -> Any:
    from .core import Extractor

    return Extractor(config["model"], rules=config["rules"], replace_rules=config["replace_rules"],
                     actors=config["actors"], full_parse=config.get("full_parse", False))


def _init(config: dict[str, Any] | None) -> None:
    global _worker, _failure
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the main process turns SIGTERM into KeyboardInterrupt; a worker must simply die of it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream, fd in ((sys.stdout, 1), (sys.stderr, 2)):  # C-level writes too
        if stream is not None:
            stream.flush()
        os.dup2(devnull, fd)
    os.close(devnull)
    # a main process killed with SIGKILL cannot stop its workers: they notice and leave
    threading.Thread(target=_leave_with_parent, args=(os.getppid(),), daemon=True).start()
    if config is None:  # forked with the extractor already loaded
        return
    try:
        _worker = _load(config)
    except Exception as exc:  # reported by the main process with the first batch
        _failure = exc


def _leave_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _work(batch: list[Document]) -> list[Result]:
    if _failure is not None:
        raise _failure
    return list(_worker.pipe(batch, batch_size=len(batch), first_batch=len(batch)))


def jobs_for(jobs: int) -> int:
    """0 means one worker per core (of those this process may use)."""
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class _Recording:
    """A multiprocessing context that remembers its processes, to tell how a dead worker died
    (the executor only says that one did) and to stop them all at once."""

    def __init__(self, ctx: Any):
        self._ctx = ctx
        self.processes: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ctx, name)

    def Process(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 (multiprocessing's name)
        process = self._ctx.Process(*args, **kwargs)
        self.processes.append(process)
        return process


class _Pool:
    """A ProcessPoolExecutor that can be replaced after it breaks."""

    def __init__(self, jobs: int, method: str, config: dict[str, Any] | None):
        self.jobs = jobs
        self.method = method
        self.config = config
        self.ctx = _Recording(mp.get_context(method))
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self.ctx,  # type: ignore[arg-type]
                                   initializer=_init, initargs=(self.config,))

    def submit(self, batch: list[Document]) -> Future[list[Result]]:
        """The batch's future; a pool that broke since the last look (a worker killed between
        two submissions) gives a future that failed the same way, to be done again with the
        batches in flight, rather than raising here."""
        try:
            return self.executor.submit(_work, batch)
        except BrokenProcessPool as exc:
            failed: Future[list[Result]] = Future()
            failed.set_exception(exc)
            return failed

    def why(self) -> str:
        """How the first dead worker died: 'signal 9', 'exit status 1'."""
        deadline = time.monotonic() + 1.0
        for process in self.ctx.processes:
            process.join(timeout=0.5 if process.exitcode is None else 0)
            # the executor's own thread may be reaping the same process: its waitpid can win
            # the race and set the exit code a moment after ours came back empty
            while process.exitcode is None and time.monotonic() < deadline:
                time.sleep(0.01)
        codes = [p.exitcode for p in self.ctx.processes if p.exitcode not in (None, 0)]
        # the executor terminates the survivors (SIGTERM) once one has died
        codes.sort(key=lambda c: c == -signal.SIGTERM)
        if not codes:
            return "worker died"
        code = codes[0]
        return f"worker died (signal {-code})" if code < 0 else f"worker died (exit status {code})"

    def restart(self) -> None:
        self.stop()
        self.ctx.processes.clear()
        self.executor = self._start()

    def stop(self, *, wait_for: bool = False) -> None:
        if wait_for:
            self.executor.shutdown(wait=True)
            return
        for process in self.ctx.processes:
            if process.exitcode is None:
                process.terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)


@dataclass
class _Task:
    batch: list[Document]
    future: Future[list[Result]]
    tries: int = 1


def parallel_pipe(config: dict[str, Any], documents: Iterable[Document], *, jobs: int,
                  batch_size: int, ordered: bool = True, extractor: Any = None,
                  notify: Callable[[str], None] | None = None) -> Iterator[Result]:
    """Results of `documents` from `jobs` processes (0: one per core).

    At most 2 * jobs batches are queued or running at once; documents are read from the
    iterator only as the window frees up. `extractor`: an already loaded `Extractor` for the
    workers to inherit (where processes fork), instead of loading one from `config`.
    `notify` is told when a dead worker's batches are being done again. Raises `WorkerDied`
    when a new pool breaks again on the same batches.
    """
    jobs = jobs_for(jobs)
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    # small first batches (1, 2, 4, ...) so that the first results come back quickly, and
    # small batches after them: the run ends when its last batch does, and a worker left
    # without one meanwhile is a core lost (with 64-document batches, 8% of a 1,000-document
    # run on two workers; bench/RESULTS.md)
    work = batches(documents, min(batch_size, WORKER_BATCH), WORKER_BATCH_CHARS, first=1)
    global _worker
    if method == "fork":
        # load once here: the workers inherit it (copy-on-write) and start at once, and a model
        # or rule error is raised right here, in the main process
        _worker = extractor or _load(config)
        pool = _Pool(jobs, method, None)
    else:
        pool = _Pool(jobs, method, config)
    finished = False
    try:
        yield from _run(pool, work, 2 * jobs, ordered, notify)
        finished = True
    finally:
        # an error, Ctrl-C, SIGTERM or the consumer stopped early (`| head`): stop workers now
        pool.stop(wait_for=finished)
        _worker = None  # kept while the pool runs: a new worker forks with it too


def _run(pool: _Pool, work: Iterator[list[Document]], window: int, ordered: bool,
         notify: Callable[[str], None] | None) -> Iterator[Result]:
    pending: deque[_Task] = deque()
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            batch = next(work, None)
            if batch is None:
                exhausted = True
                break
            pending.append(_Task(batch, pool.submit(batch)))
        if not pending:
            return
        _wait_any(pending if not ordered else [pending[0]])
        if any(_broken(t) for t in pending):
            _wait_all(pending)  # every task in flight fails with the pool: let it settle
            broken = [t for t in pending if _broken(t)]
            why = pool.why()
            if any(t.tries > 1 for t in broken):
                yield from (r for t in pending if not _broken(t) for r in t.future.result())
                first = broken[0].batch[0]
                raise WorkerDied(f"{why} again on the documents from"
                                 f" {first.source or first.id}: stopped")
            if notify is not None:
                n = sum(len(t.batch) for t in broken)
                notify(f"{why}: its {n} document(s) in progress are done again")
            pool.restart()
            for task in broken:
                task.tries += 1
                task.future = pool.submit(task.batch)
            continue
        if ordered:
            while pending and pending[0].future.done():
                yield from pending.popleft().future.result()
        else:
            for task in [t for t in pending if t.future.done()]:
                pending.remove(task)
                yield from task.future.result()


def _broken(task: _Task) -> bool:
    return (task.future.done() and not task.future.cancelled()
            and isinstance(task.future.exception(), BrokenProcessPool))


def _wait_any(tasks: Iterable[_Task]) -> None:
    # a timeout keeps the main thread responsive to Ctrl-C and SIGTERM while it waits
    futures = [t.future for t in tasks]
    while not wait(futures, timeout=0.2, return_when=FIRST_COMPLETED).done:
        pass


def _wait_all(tasks: Iterable[_Task]) -> None:
    futures = [t.future for t in tasks]
    while wait(futures, timeout=0.2).not_done:
        pass
