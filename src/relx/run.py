"""`relx extract` as a function: inputs -> extractor -> a sink that writes one format.

Kept apart from the Typer layer so that it can be called and tested without a command line; it
writes data to stdout or an atomically replaced file and human messages to stderr.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import click

from .errors import OutputError, RelxError, WorkerDied, one_line
from .export import (
    FORMATS,
    CsvWriter,
    atomic_file,
    check_writable,
    format_for_path,
    jsonl_line,
    write_graph,
)
from .reading import Problem, iter_documents
from .records import Document, Result

BINARY_FORMATS = ("graphml", "gexf")
LEVELS = ("actor", "country")


@dataclass
class ExtractOptions:
    inputs: list[str]
    fmt: str | None = None
    output: str | None = None
    model: str | None = None
    rules: list[Path] = field(default_factory=list)
    replace_rules: bool = False
    actors: list[Path] = field(default_factory=list)
    text_field: str = "text"
    id_field: str = "id"
    include_unasserted: bool = False
    level: str = "actor"
    batch_size: int = 64
    jobs: int = 1
    ordered: bool = False
    strict: bool = False
    quiet: bool = False
    full_parse: bool = False  # parse every sentence (selective.py: the default parses fewer)
    dask: str | None = None  # a scheduler address or local[:N]: run on Dask (relx.dask)


class StrictStop(RelxError):
    """--strict: the first bad input ends the run."""


def choose_format(fmt: str | None, output: str | None, stdout_isatty: bool) -> str:
    """Explicit -f, else -o's extension, else a table on a terminal and JSON Lines in a pipe."""
    if fmt is not None:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise click.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}",
                                     param_hint="'-f' / '--format'")
    elif output is not None:
        fmt = format_for_path(output)
        if fmt is None:
            raise click.BadParameter(
                f"cannot tell the format from {output!r}: use -f ({', '.join(FORMATS)})",
                param_hint="'-o' / '--output'")
    else:
        fmt = "table" if stdout_isatty else "jsonl"
    if fmt in BINARY_FORMATS and output is None and stdout_isatty:
        raise click.UsageError(f"{fmt} is XML for Gephi, not for a terminal: add -o FILE.{fmt}")
    if fmt == "html" and output is None and stdout_isatty:
        raise click.UsageError("html is a web page, not for a terminal: add -o FILE.html")
    return fmt


def run_extract(o: ExtractOptions, stdout: IO[str] | None = None) -> int:
    """Run one extraction; returns the exit code (0 all good, 1 some input failed)."""
    out = stdout or sys.stdout
    if out is None:  # started with stdout closed (`>&-`): fine when writing to -o FILE
        if not o.output:
            raise OutputError("standard output is closed: nothing to write to (add -o FILE)")
        out = io.StringIO()
    fmt = choose_format(o.fmt, o.output, out.isatty())
    if o.level not in LEVELS:
        raise click.BadParameter(f"{o.level!r} is not one of {', '.join(LEVELS)}",
                                 param_hint="'--level'")
    if o.dask is not None and o.jobs != 1:
        raise click.UsageError("--dask runs on the cluster's workers: use --dask local:N instead"
                               " of -j N")
    if o.output:
        check_writable(o.output)
    from .rules import load_rules

    # bad rule and actor files fail here, before the model loads
    load_rules(o.rules, replace=o.replace_rules)
    if o.actors:
        from .dictionary import check_actor_files

        check_actor_files(o.actors)
    console = _console()
    failed = 0

    def report(item: Problem) -> None:
        nonlocal failed
        if item.skipped:
            failed += 1
            if o.strict:
                raise StrictStop(f"{item} (stopped: --strict)")
        if not o.quiet or item.skipped:
            console.print(f"relx: {'error' if item.skipped else 'warning'}:"
                          f" {one_line(str(item))}", markup=False)

    def documents() -> Iterator[Document]:
        for item in iter_documents(o.inputs, text_field=o.text_field, id_field=o.id_field):
            if isinstance(item, Problem):
                report(item)
                continue
            yield item

    def notify(message: str) -> None:
        if not o.quiet:
            console.print(f"relx: warning: {one_line(message)}", markup=False)

    def checked(results: Iterator[Result]) -> Iterator[Result]:
        """A document whose extraction failed is an error line; the others go on."""
        nonlocal failed
        for result in results:
            if result.error is None:
                yield result
                continue
            failed += 1
            if o.strict:
                raise StrictStop(f"{result.error} (stopped: --strict)")
            console.print(f"relx: error: {one_line(result.error)}", markup=False)

    died: list[WorkerDied] = []
    done = 0

    def until_worker_death(results: Iterator[Result]) -> Iterator[Result]:
        """Stop at a dead worker with what is finished, so that it is still written."""
        nonlocal done
        try:
            for result in results:
                done += 1
                yield result
        except WorkerDied as exc:
            died.append(exc)

    ordered = o.ordered or fmt not in ("jsonl", "csv")
    if o.dask is not None:
        results = checked(_dask_results(o, documents(), ordered=ordered, report=report))
    else:
        results = checked(_results(o, documents(), ordered=ordered, notify=notify))
    if o.level == "country":
        from .level import country_level

        results = country_level(results, [str(a) for a in o.actors])
    results = until_worker_death(results)
    try:
        with ExitStack() as stack:
            if o.output:
                binary = fmt in BINARY_FORMATS
                fh = stack.enter_context(atomic_file(o.output, "wb" if binary else "w"))
            else:
                fh = out.buffer if fmt in BINARY_FORMATS else out  # type: ignore[attr-defined]
            sink = make_sink(fmt, fh, include_unasserted=o.include_unasserted,
                             stdout_isatty=o.output is None and out.isatty())
            if isinstance(sink, GraphSink):
                sink.title = page_title(o.inputs)
            for result in _progress(results, console, enabled=not o.quiet, inputs=o.inputs):
                sink.add(result)
            sink.close()
    except BrokenPipeError:
        # `relx extract ... | head`: the reader has all it wanted. Handled here, not left to
        # click, which would turn EPIPE into exit status 1 ("some input failed").
        if o.output:
            raise
        _quiet_stdout(out)
    except OSError as exc:
        if not o.output or exc.filename:
            raise
        # a write into -o failed (a full disk, /dev/full): say which file
        raise OutputError(f"{o.output}: cannot write: {exc.strerror or exc}") from None
    if died:
        console.print(f"relx: error: {one_line(str(died[0]))}; the {done} document(s) finished"
                      " are written, the rest is not", markup=False)
        return 1
    return 1 if failed else 0


def page_title(inputs: list[str]) -> str:
    """`relx: a.txt, corpus/`, for the HTML page's title and heading."""
    names = ", ".join("stdin" if i == "-" else i for i in inputs[:3])
    return f"relx: {names}{f' and {len(inputs) - 3} more' if len(inputs) > 3 else ''}"


def _quiet_stdout(out: IO[str]) -> None:
    """Point a closed stdout at /dev/null so that later flushes (at exit) do not fail again."""
    import os

    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _results(o: ExtractOptions, docs: Iterator[Document], *, ordered: bool,
             notify: Any = None) -> Iterator[Result]:
    """Results of `docs`; with --jobs, record formats may come in completion order, but a graph
    or table is always built in input order so that the same input gives the same file."""
    if o.jobs == 1:
        from .core import Extractor

        extractor = Extractor(o.model, rules=o.rules, replace_rules=o.replace_rules,
                              actors=o.actors, full_parse=o.full_parse)
        return extractor.pipe(docs, batch_size=o.batch_size)
    from .parallel import parallel_pipe

    config = {"model": o.model, "rules": [str(r) for r in o.rules],
              "replace_rules": o.replace_rules, "actors": [str(a) for a in o.actors],
              "full_parse": o.full_parse}
    return parallel_pipe(config, docs, jobs=o.jobs, batch_size=o.batch_size, ordered=ordered,
                         notify=notify)


def _dask_results(o: ExtractOptions, docs: Iterator[Document], *, ordered: bool,
                  report: Any) -> Iterator[Result]:
    """--dask: the same documents and error lines, the work done on a Dask cluster."""
    from .dask import Settings, dask_pipe, parse_target

    try:
        parse_target(o.dask or "")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--dask'") from None
    settings = Settings.of(o.model, o.rules, o.replace_rules, o.actors)
    return dask_pipe(o.dask or "", settings, docs, batch_size=o.batch_size, ordered=ordered,
                     on_failure=lambda f: report(Problem(f.where, f.message)))


def _console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _progress(results: Iterator[Result], console: Any, *, enabled: bool,
              inputs: list[str] | None = None) -> Iterator[Result]:
    """A progress bar on stderr when it is a terminal (and not --quiet); nothing otherwise.

    Documents, relations and docs/s; with files only (not stdin) the documents are counted
    first, which gives a real bar and an ETA.
    """
    if not enabled or not console.is_terminal:
        yield from results
        return
    from rich.progress import (
        BarColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    total = count_documents(inputs) if inputs else None
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn(
            "{task.completed}{task.fields[of]} docs, {task.fields[rels]} relations,"
            " {task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=console, transient=True) as bar:
        task = bar.add_task("relx", total=total, rels=0, rate="-",
                            of=f"/{total}" if total else "")
        rels = 0
        for result in results:
            rels += len(result.relations)
            elapsed = bar.tasks[0].elapsed or 0.0
            done = bar.tasks[0].completed + 1
            rate = f"{done / elapsed:.1f}" if elapsed > 0 else "-"
            bar.update(task, advance=1, rels=rels, rate=rate)
            yield result


def count_documents(inputs: list[str]) -> int | None:
    """How many articles the inputs hold (non-blank JSONL lines, .txt files); None for stdin.

    An estimate for the progress bar only: bad lines and files are counted too.
    """
    from .reading import walk_articles

    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        files = [p for p in walk_articles(path) if isinstance(p, Path)] if path.is_dir() \
            else [path]
        for file in files:
            if file.suffix.lower() != ".jsonl":
                total += file.exists()
                continue
            try:
                with file.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                continue
    return total


# ---------------------------------------------------------------------------------------- sinks


class Sink:
    def add(self, result: Result) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class JsonlSink(Sink):
    """Streams: each document's relations are written (and flushed) as soon as it is done."""

    def __init__(self, fh: IO[str]):
        self.fh = fh

    def add(self, result: Result) -> None:
        for rel in result.relations:
            self.fh.write(jsonl_line(rel))
        self.fh.flush()


class CsvSink(Sink):
    def __init__(self, fh: IO[str]):
        self.writer = CsvWriter(fh)
        self.fh = fh

    def add(self, result: Result) -> None:
        for rel in result.relations:
            self.writer.write(rel)
        self.fh.flush()


class GraphSink(Sink):
    """Aggregates the graph incrementally; writes it at the end, in any graph format.

    The records that `json` lists go to a temporary spool file, not a list, so that memory stays
    bounded by the network (`relx graph` over millions of records). `min_weight` prunes weak ties
    before writing (`relx graph --min-weight`).
    """

    def __init__(self, fmt: str, fh: IO[Any], include_unasserted: bool, *, min_weight: int = 1):
        from .graph import GraphBuilder

        self.fmt = fmt
        self.fh = fh
        self.min_weight = min_weight
        self.include_unasserted = include_unasserted
        self.builder = GraphBuilder(include_unasserted=include_unasserted)
        self.evidence: Any = None  # export_html.EvidenceIndex, for html
        self.title = "relx network"
        self.spool: IO[str] | None = None
        if fmt == "json":
            import tempfile

            # closed in close(), which every caller reaches (an ExitStack in run_extract)
            self.spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def add(self, result: Result) -> None:
        self.builder.add(result)
        if self.spool is not None:
            for rel in result.relations:
                self.spool.write(jsonl_line(rel))
        elif self.fmt == "html":  # the sentences behind the edges, a bounded number per edge
            if self.evidence is None:
                from .export_html import EvidenceIndex

                self.evidence = EvidenceIndex()
            for r in result.relations:
                if r.asserted or self.include_unasserted:
                    self.evidence.add(r)

    def close(self) -> None:
        from .graph import prune

        g = prune(self.builder.graph, self.min_weight)
        if self.fmt == "html":
            from .export_html import write_html

            write_html(g, self.evidence or [], self.fh, title=self.title)
            return
        try:
            write_graph(self.fmt, g, self.fh, self._spooled(g))
        finally:
            if self.spool is not None:
                self.spool.close()

    def _spooled(self, g: Any) -> Iterator[dict[str, Any]]:
        """The spooled records; after pruning, those of the edges left (and, of relations that
        make no edge, those whose actors are both left)."""
        if self.spool is None:
            return
        import json

        from .graph import edge_of
        from .recordio import relation_from_dict

        self.spool.seek(0)
        for line in self.spool:
            data = json.loads(line)
            if self.min_weight > 1:
                rel = relation_from_dict(data)
                if rel.asserted or self.include_unasserted:
                    if not g.has_edge(*edge_of(rel)):
                        continue
                elif rel.source_id not in g or rel.target_id not in g:
                    continue
            yield data


class TableSink(Sink):
    """Rich tables for a person at a terminal (or plain text in a file)."""

    def __init__(self, fh: IO[str], isatty: bool):
        from .graph import GraphBuilder

        self.fh = fh
        self.isatty = isatty
        self.builder = GraphBuilder(include_unasserted=True, isolated=True)
        self.relations: list[Any] = []
        self.docs: set[str] = set()

    def add(self, result: Result) -> None:
        self.builder.add(result)
        self.docs.add(result.doc)
        self.relations.extend(result.relations)

    def close(self) -> None:
        from .render import render_tables

        render_tables(self.fh, self.relations, self.builder.graph, many_docs=len(self.docs) > 1,
                      isatty=self.isatty)


def make_sink(fmt: str, fh: IO[Any], *, include_unasserted: bool, stdout_isatty: bool) -> Sink:
    if fmt == "jsonl":
        return JsonlSink(fh)
    if fmt == "csv":
        return CsvSink(fh)
    if fmt == "table":
        return TableSink(fh, stdout_isatty)
    return GraphSink(fmt, fh, include_unasserted)
