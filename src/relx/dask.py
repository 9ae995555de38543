"""Extraction on a Dask cluster: `relx extract --dask ADDRESS` and `extract_bag` for Dask users.

`-j N` stops at the cores of one machine; past that relx runs on Dask's scheduler rather than a
home-made one. The CLI reads its inputs exactly as locally (same error lines, duplicate ids,
--strict) and sends them to the cluster in partitions of consecutive documents (a line range of a
JSONL file, a run of .txt files), a bounded number in flight so that memory stays flat on both
sides.

Each worker process loads the pipeline once (a per-process cache keyed by the settings), not once
per partition. A partition's results come back whole, only once the task has finished, so a worker
that dies mid-partition costs a retry (Dask reschedules the task elsewhere) and never a duplicate or
a half partition. A document that fails inside the pipeline is returned as a `Failed` record and
reported as an error line, as a bad input is locally; the rest of its partition is kept.

The name is `relx.dask`; `import dask` inside it is absolute (Python 3), so it finds the `dask`
package, not this module.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import InputError, RelxError
from .records import Document, Relation, Result

INSTALL_HINT = "pip install 'relx[dask]'"


class DaskMissing(RelxError, ImportError):
    """Dask (with distributed) is an optional extra; this names what to install."""


try:
    import dask.bag as db
    from dask import delayed
    from distributed import Client, KilledWorker, LocalCluster, as_completed
except ImportError as exc:  # one clear line, for `--dask` and for `import relx.dask`
    raise DaskMissing(f"Dask is not installed (needed for --dask and relx.dask): {INSTALL_HINT}"
                      f" (missing module {exc.name!r})") from None

if TYPE_CHECKING:
    import dask.dataframe as dd

    from .core import Extractor

log = logging.getLogger(__name__)

# A partition holds at most this many characters of text, whatever --batch-size says: the task
# message stays small (Dask warns about large ones) and one long document cannot make a huge task.
PARTITION_CHARS = 2_000_000
META_FIELDS = ("date", "title", "url")


@dataclass(frozen=True, slots=True)
class Settings:
    """What a worker needs to build its extractor: hashable, so the worker caches one per value.

    Paths are absolute: a `dask worker` started in another directory must find the same files
    (on a shared file system; a multi-machine cluster needs them at the same path everywhere).
    """

    model: str | None = None
    rules: tuple[str, ...] = ()
    replace_rules: bool = False
    actors: tuple[str, ...] = ()

    @classmethod
    def of(cls, model: str | None = None, rules: Sequence[Path | str] = (),
           replace_rules: bool = False, actors: Sequence[Path | str] = ()) -> Settings:
        def absolute(paths: Sequence[Path | str]) -> tuple[str, ...]:
            return tuple(str(Path(p).expanduser().absolute()) for p in paths)

        if model and Path(model).expanduser().exists():  # a model directory, not a package name
            model = str(Path(model).expanduser().absolute())
        return cls(model, absolute(rules), replace_rules, absolute(actors))


@dataclass(frozen=True, slots=True)
class Failed:
    """A document the pipeline could not process: reported, never silently dropped."""

    where: str
    doc: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# ----------------------------------------------------------------------------------- worker side

# One extractor per worker process; a worker with several threads runs one partition at a time
# through it (spaCy pipelines are not thread-safe): start workers with `--nthreads 1` and more
# `--nworkers` instead.
_LOCK = threading.RLock()


@lru_cache(maxsize=2)
def _extractor(settings: Settings) -> Extractor:
    from .core import Extractor

    return Extractor(settings.model, rules=settings.rules, replace_rules=settings.replace_rules,
                     actors=settings.actors)


class WorkerSetupError(RelxError):
    """The extractor could not be built on a worker (model, rule or actor file missing there)."""


def load_extractor(settings: Settings) -> Extractor:
    """This process's extractor for `settings`, loaded on first use and kept."""
    with _LOCK:
        try:
            return _extractor(settings)
        except RelxError as exc:
            # re-raised as a plain one-argument error: it has to pickle back to the client
            raise WorkerSetupError(f"on Dask worker {_worker_name()}: {exc}") from None


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        import socket

        return socket.gethostname()


def run_partition(settings: Settings, documents: list[Document], batch_size: int = 64
                  ) -> list[Result | Failed]:
    """Results of one partition, in its order; a document that raises becomes a `Failed`."""
    extractor = load_extractor(settings)
    with _LOCK:
        try:
            results = list(extractor.pipe(documents, batch_size=batch_size,
                                          first_batch=batch_size))
            # the extractor reports a document that failed as a Result with `error`
            return [_failed(d, r) if r.error is not None else r
                    for d, r in zip(documents, results, strict=True)]
        except Exception:  # find the culprit(s): document by document, the others still count
            log.info("relx: a batch failed; retrying its %d documents one by one",
                        len(documents))
        out: list[Result | Failed] = []
        for document in documents:
            try:
                out.extend(extractor.pipe([document]))
            except Exception as exc:
                out.append(Failed(document.source or document.id, document.id,
                                  f"extraction failed: {type(exc).__name__}: {exc}"))
        return out


def _failed(document: Document, result: Result) -> Failed:
    """A Failed in this module's terms for a Result that carries an extraction error."""
    where = document.source or document.id
    message = str(result.error).removeprefix(f"{where}: ")
    if message.startswith("extraction failed (") and message.endswith(")"):
        message = "extraction failed: " + message[len("extraction failed ("):-1]
    return Failed(where, document.id, message)


def warm_up(settings: Settings) -> str:
    """Load the pipeline now (run on every worker at the start, so a model error shows at once),
    and run it once: spaCy's first call is slow (lazy tables), better here than in a partition."""
    extractor = load_extractor(settings)
    with _LOCK:
        extractor.extract("Norway met Chile.", doc_id="warm-up")
    return "ok"


# ----------------------------------------------------------------------------------- CLI driver


def parse_target(spec: str) -> tuple[str, int | str]:
    """'local' / 'local:N' -> ('local', N, 0 meaning one per core); else ('address', spec)."""
    spec = spec.strip()
    if not spec:
        raise ValueError("is empty: give a scheduler address (tcp://host:8786) or local[:N]")
    if spec == "local" or spec.startswith("local:"):
        _, _, count = spec.partition(":")
        if not count:
            return "local", 0
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"{spec!r}: N in local:N must be a whole number of workers (>= 1)")
        return "local", int(count)
    return "address", spec


@contextmanager
def connect(spec: str) -> Iterator[Client]:
    """A client on the scheduler at `spec`, or on a LocalCluster started (and stopped) here.

    The local cluster has one single-threaded worker process per core (or N), its web server on a
    free port (not 8787, which another cluster may hold) and quiet logs: relx's stderr is for
    relx's own messages.
    """
    kind, value = parse_target(spec)
    cluster = None
    try:
        if kind == "local":
            from .parallel import jobs_for

            cluster = LocalCluster(n_workers=jobs_for(int(value)), threads_per_worker=1,
                                   processes=True, dashboard_address=":0",
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            try:
                client = Client(str(value))
            except (OSError, TimeoutError) as exc:
                raise RelxError(f"cannot reach the Dask scheduler at {value}: {exc}") from None
        try:
            yield client
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()


def dask_pipe(spec: str, settings: Settings, documents: Iterable[Document], *,
              batch_size: int = 64, ordered: bool = False,
              on_failure: Callable[[Failed], None] | None = None) -> Iterator[Result]:
    """Results of `documents` computed on the Dask cluster `spec` (address or 'local[:N]').

    Partitions are `batch_size` consecutive documents (fewer for the first ones, so that the
    first results come quickly); at most two per worker thread are queued or running. Without
    `ordered`, each partition is yielded as soon as it is done. `on_failure` gets each document
    the pipeline failed on (default: raise).
    """
    with connect(spec) as client:
        yield from _pipe(client, settings, documents, batch_size=batch_size, ordered=ordered,
                         on_failure=on_failure)


def _check_workers(client: Client) -> None:
    """Fail clearly when the workers cannot import relx: a task naming relx.dask would not even
    unpickle there, and Dask would wait forever. The probe is a builtin with a string argument,
    which any worker can run; a different relx version on a worker is only warned about."""
    from . import __version__

    try:
        versions = client.run(eval, "__import__('relx.dask').__version__")
    except Exception as exc:
        raise RelxError(f"the Dask workers cannot run relx ({type(exc).__name__}: {exc}): install"
                        " the same relx, with relx[dask] and its model, on every worker"
                        ) from None
    other = {v for v in versions.values() if v != __version__}
    if other:
        log.warning("relx: Dask workers run relx %s, this is relx %s", ", ".join(sorted(other)),
                    __version__)


def _pipe(client: Client, settings: Settings, documents: Iterable[Document], *,
          batch_size: int, ordered: bool, on_failure: Callable[[Failed], None] | None
          ) -> Iterator[Result]:
    from .core import batches

    _check_workers(client)
    # load the model on every worker now: in parallel, and a model error is reported before any
    # document is sent (workers that join later load it with their first partition)
    warming = [client.submit(warm_up, settings, workers=[worker], allow_other_workers=False,
                             pure=False) for worker in client.scheduler_info()["workers"]]
    try:
        client.gather(warming)
    except RelxError:
        raise
    except Exception as exc:  # most often relx (or its model) missing on the workers
        raise RelxError(f"the Dask workers cannot run relx ({type(exc).__name__}: {exc}): install"
                        " the same relx, with its model, on every worker") from None
    threads = sum(client.nthreads().values()) or 1
    window = 2 * threads
    parts = batches(documents, batch_size, PARTITION_CHARS, first=1)
    where: dict[Any, str] = {}

    def submit() -> Any:
        part = next(parts, None)
        if part is None:
            return None
        future = client.submit(run_partition, settings, part, batch_size, pure=False)
        first, last = part[0].source or part[0].id, part[-1].source or part[-1].id
        where[future.key] = first if len(part) == 1 else f"{first} .. {last}"
        return future

    def collect(future: Any) -> Iterator[Result]:
        try:
            items = future.result()
        except KilledWorker as exc:
            raise RelxError(f"Dask workers kept dying on the partition {where[future.key]}"
                            f" (out of memory?): {exc}") from None
        where.pop(future.key, None)
        for item in items:
            if isinstance(item, Failed):
                if on_failure is None:
                    raise InputError(str(item))
                on_failure(item)
            else:
                yield item

    pending: deque[Any] = deque()
    running = as_completed(loop=client.loop)
    try:
        for _ in range(window):
            future = submit()
            if future is None:
                break
            (pending.append if ordered else running.add)(future)
        if ordered:
            while pending:
                future = pending.popleft()
                yield from collect(future)
                more = submit()
                if more is not None:
                    pending.append(more)
        else:
            for future in running:
                more = submit()
                if more is not None:
                    running.add(more)
                yield from collect(future)
    finally:
        # an error, Ctrl-C or `| head`: the cluster must not go on working for nobody
        left = [*pending, *running.futures] if not ordered else list(pending)
        if left:
            client.cancel(left)


# ---------------------------------------------------------------------------------- library API


def extract_bag(items: db.Bag, *, model: str | None = None, rules: Sequence[Path | str] = (),
                replace_rules: bool = False, actors: Sequence[Path | str] = (),
                text_field: str = "text", id_field: str = "id", batch_size: int = 64,
                errors: Literal["raise", "skip"] = "raise") -> db.Bag:
    """A bag of `Result` (one per item, partition by partition) from a bag of articles.

    Items are strings (the text; its id is `text-` and a hash of it, the same however the bag
    is partitioned), dicts like the lines of a JSONL corpus (`text_field`, `id_field`, optional
    date/title/url), or `relx.Document`. Rule and actor files are checked here, before anything
    runs. `errors="raise"` fails the computation on the first bad item or failed document
    (naming it); `"skip"` logs it on the worker (logger `relx.dask`) and goes on.

    >>> import dask.bag as db
    >>> bag = db.from_sequence(["Turkey condemned Iran."], npartitions=1)
    >>> [r.type for res in extract_bag(bag).compute(scheduler="sync") for r in res.relations]
    ['opposes']
    """
    from .rules import load_rules

    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    load_rules(rules, replace=replace_rules)
    if actors:
        from .dictionary import check_actor_files

        check_actor_files(actors)
    settings = Settings.of(model, rules, replace_rules, actors)
    return items.map_partitions(_bag_partition, settings, text_field, id_field, batch_size,
                                errors)


def _bag_partition(items: Iterable[Any], settings: Settings, text_field: str, id_field: str,
                   batch_size: int, errors: str) -> list[Result]:
    documents: list[Document] = []
    problems: list[Failed] = []
    for n, item in enumerate(items):
        document = as_document(item, text_field=text_field, id_field=id_field, n=n)
        if isinstance(document, Failed):
            problems.append(document)
        else:
            documents.append(document)
    out = run_partition(settings, documents, batch_size) if documents else []
    problems.extend(item for item in out if isinstance(item, Failed))
    for problem in problems:
        if errors == "raise":
            raise InputError(str(problem))
        log.warning("relx: skipped %s", problem)
    return [item for item in out if isinstance(item, Result)]


def as_document(item: Any, *, text_field: str = "text", id_field: str = "id", n: int = 0
                ) -> Document | Failed:
    """One bag item as a Document (or a Failed saying why it is not one)."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(_text_id(item), item, source=f"item {n} of its partition")
    if not isinstance(item, dict):
        return Failed(f"item {n} of its partition", "", f"a {type(item).__name__}, not a text,"
                      " dict or relx.Document")
    raw_id = item.get(id_field)
    where = f"item {raw_id!r}" if raw_id not in (None, "") else f"item {n} of its partition"
    body = item.get(text_field)
    if not isinstance(body, str) or not body.strip():
        what = "missing" if body is None else "empty" if isinstance(body, str) else \
            f"a {type(body).__name__}, not a string"
        return Failed(where, str(raw_id or ""), f"{text_field!r} is {what}")
    from .reading import clean_text

    doc_id = str(raw_id) if raw_id not in (None, "") else _text_id(body)
    meta = {k: str(item[k]) for k in META_FIELDS if item.get(k) not in (None, "")}
    return Document(doc_id, clean_text(body), source=where, **meta)


def _text_id(text: str) -> str:
    return "text-" + hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


# Relations as table rows: every key of the output contract, in its order (None where absent), so
# that every partition has the same columns and types (Parquet needs one schema).
RELATION_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Relation))
_DTYPES = {"start": "int64", "end": "int64", "negated": "bool", "confidence": "float64"}


def relation_rows(results: db.Bag) -> db.Bag:
    """A bag of dicts, one per relation, with every column of the output contract."""
    return results.map(lambda r: [_row(rel) for rel in r.relations]).flatten()


def _row(rel: Relation) -> dict[str, Any]:
    return {name: getattr(rel, name) for name in RELATION_COLUMNS}


def relations_frame(results: db.Bag) -> dd.DataFrame:
    """The relations of a bag of results as a dask DataFrame (needs `dask[dataframe]`).

    One row per relation, columns as in the JSON Lines contract with fixed dtypes (text as
    pandas' nullable string), ready for `.to_parquet(...)`.
    """
    import dask.dataframe as dd

    meta = _frame([])
    parts = [delayed(_frame_of_results)(part) for part in results.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _frame_of_results(results: Iterable[Result]) -> Any:
    return _frame([_row(rel) for result in results for rel in result.relations])


def _frame(rows: list[dict[str, Any]]) -> Any:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(RELATION_COLUMNS))
    return frame.astype({c: _DTYPES.get(c, "string") for c in RELATION_COLUMNS})
