"""`--jobs N`: documents spread over worker processes, each with its own pipeline.

Work goes out in batches with a bounded number in flight, so memory stays flat however long the
input is. With `ordered` results come back in input order; without it each batch is yielded as soon
as it is done, so one slow (long) document does not hold up the others.

Workers are silent: they ignore Ctrl-C (the main process gets it and terminates the pool), write
nothing to stdout/stderr, and hand every failure back to the main process as an exception, which
reports it there. A worker that cannot even load the model raises in its first task instead of
dying in the pool initializer (where multiprocessing would restart it forever).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .core import batches
from .records import Document, Result

_worker: Any = None
_failure: BaseException | None = None


def _load(config: dict[str, Any]) -> Any:
    from .core import Extractor

    return Extractor(config["model"], rules=config["rules"], replace_rules=config["replace_rules"],
                     actors=config["actors"], full_parse=config.get("full_parse", False))


def _init(config: dict[str, Any] | None) -> None:
    global _worker, _failure
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):  # C-level writes too: fds 1 and 2
        stream.flush()
        os.dup2(devnull, stream.fileno())
    os.close(devnull)
    if config is None:  # forked with the extractor already loaded
        return
    try:
        _worker = _load(config)
    except Exception as exc:  # reported by the main process with the first batch
        _failure = exc


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


def parallel_pipe(config: dict[str, Any], documents: Iterable[Document], *, jobs: int,
                  batch_size: int, ordered: bool = True, extractor: Any = None
                  ) -> Iterator[Result]:
    """Results of `documents` from `jobs` processes (0: one per core).

    At most 2 * jobs batches are queued or running at once; documents are read from the
    iterator only as the window frees up. `extractor`: an already loaded `Extractor` for the
    workers to inherit (where processes fork), instead of loading one from `config`.
    """
    jobs = jobs_for(jobs)
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    # small first batches (1, 2, 4, ...) so that the first results come back quickly
    work = batches(documents, batch_size, first=1)
    window = 2 * jobs
    global _worker
    if method == "fork":
        # load once here: the workers inherit it (copy-on-write) and start at once, and a model
        # or rule error is raised right here, in the main process
        _worker = extractor or _load(config)
        pool = ctx.Pool(jobs, initializer=_init, initargs=(None,))
    else:
        pool = ctx.Pool(jobs, initializer=_init, initargs=(config,))
    try:
        if ordered:
            yield from _ordered(pool, work, window)
        else:
            yield from _unordered(pool, work, window)
    except BaseException:
        # an error, Ctrl-C, or the consumer stopped early (`| head`): stop the workers now
        pool.terminate()
        pool.join()
        raise
    finally:
        _worker = None  # kept while the pool runs: a replaced worker forks with it too
    pool.close()
    pool.join()


def _ordered(pool: Any, docs: Iterator[list[Document]], window: int) -> Iterator[Result]:
    pending: deque[Any] = deque()
    while True:
        while len(pending) < window:
            batch = next(docs, None)
            if batch is None:
                break
            pending.append(pool.apply_async(_work, (batch,)))
        if not pending:
            return
        yield from _get(pending.popleft())


def _unordered(pool: Any, docs: Iterator[list[Document]], window: int) -> Iterator[Result]:
    done: queue.SimpleQueue[tuple[list[Result] | None, BaseException | None]] = \
        queue.SimpleQueue()
    in_flight = 0
    exhausted = False
    while True:
        while not exhausted and in_flight < window:
            batch = next(docs, None)
            if batch is None:
                exhausted = True
                break
            pool.apply_async(_work, (batch,), callback=lambda r: done.put((r, None)),
                             error_callback=lambda e: done.put((None, e)))
            in_flight += 1
        if not in_flight:
            return
        results, error = _wait(done)
        in_flight -= 1
        if error is not None:
            raise error
        yield from results or []


def _wait(done: queue.SimpleQueue[Any]) -> Any:
    # a timeout keeps the main thread responsive to Ctrl-C while it waits
    while True:
        try:
            return done.get(timeout=0.2)
        except queue.Empty:
            continue


def _get(result: Any) -> list[Result]:
    # AsyncResult.get() without a timeout cannot be interrupted by Ctrl-C on some Pythons
    while True:
        try:
            return result.get(timeout=0.2)
        except mp.TimeoutError:
            continue
