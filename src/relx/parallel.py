"""`--jobs N`: documents spread over worker processes, each with its own pipeline.

Work goes out in batches with a bounded number in flight, so memory stays flat however long the
input is; results come back in input order.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .records import Document, Result

_worker: Any = None


def _init(config: dict[str, Any]) -> None:
    global _worker
    from .core import Extractor

    _worker = Extractor(config["model"], rules=config["rules"],
                        replace_rules=config["replace_rules"], actors=config["actors"])


def _work(batch: list[Document]) -> list[Result]:
    return list(_worker.pipe(batch, batch_size=len(batch)))


def parallel_pipe(config: dict[str, Any], documents: Iterable[Document], *, jobs: int,
                  batch_size: int, ordered: bool = True) -> Iterator[Result]:
    """Results of `documents` from `jobs` processes (0: one per core)."""
    jobs = jobs or os.cpu_count() or 1
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    docs = iter(documents)
    with ctx.Pool(jobs, initializer=_init, initargs=(config,)) as pool:
        pending: deque[Any] = deque()
        while True:
            while len(pending) < 2 * jobs:
                batch = list(islice(docs, batch_size))
                if not batch:
                    break
                pending.append(pool.apply_async(_work, (batch,)))
            if not pending:
                break
            yield from pending.popleft().get()
