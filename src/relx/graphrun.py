"""`relx graph` as a function: relation records in, one network out, through the same graph sink
(and so the same writers) as `relx extract -o net.gexf`.

Memory is bounded by the network, not the stream: records are read a line at a time, grouped by
document, added to the graph and dropped.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import click

from .export import GRAPH_FORMATS, atomic_file, check_writable, format_for_path
from .graph import RecordFilter, graph_results
from .reading import Problem
from .records import Relation
from .run import BINARY_FORMATS, LEVELS, GraphSink, StrictStop, _console, _quiet_stdout

# Bad lines shown per input before the rest are only counted (a wrong file is one line per line).
SHOWN_PER_INPUT = 20


@dataclass
class GraphOptions:
    inputs: list[str]
    fmt: str | None = None
    output: str | None = None
    include_unasserted: bool = False
    level: str = "actor"
    actors: list[Path] = field(default_factory=list)
    min_weight: int = 1
    since: str | None = None
    until: str | None = None
    types: str | None = None
    strict: bool = False
    quiet: bool = False


@dataclass
class GraphStats:
    records: int = 0
    bad: int = 0
    actors: int = 0
    ties: int = 0


def choose_graph_format(fmt: str | None, output: str | None, stdout_isatty: bool) -> str:
    """Explicit -f, else -o's extension, else JSON; XML needs -o on a terminal."""
    if fmt is not None:
        fmt = fmt.lower()
        if fmt not in GRAPH_FORMATS:
            raise click.BadParameter(f"{fmt!r} is not one of {', '.join(GRAPH_FORMATS)}",
                                     param_hint="'-f' / '--format'")
    elif output is not None:
        fmt = format_for_path(output)
        if fmt not in GRAPH_FORMATS:
            raise click.BadParameter(
                f"cannot tell a graph format from {output!r}: use -f"
                f" ({', '.join(GRAPH_FORMATS)})", param_hint="'-o' / '--output'")
    else:
        fmt = "json"
    if fmt in BINARY_FORMATS and output is None and stdout_isatty:
        raise click.UsageError(f"{fmt} is XML for Gephi, not for a terminal: add -o FILE.{fmt}")
    return fmt


def record_filter(o: GraphOptions) -> RecordFilter:
    """The --type/--since/--until filter, or a usage error naming the option."""
    try:
        return RecordFilter.parse(o.types, o.since, o.until)
    except ValueError as exc:
        hint = "'--type'" if o.types and "types" in str(exc) else "'--since' / '--until'"
        raise click.BadParameter(str(exc), param_hint=hint) from None


def check_level(level: str) -> None:
    if level not in LEVELS:
        raise click.BadParameter(f"{level!r} is not one of {', '.join(LEVELS)}",
                                 param_hint="'--level'")


def read_relations(inputs: list[str], *, strict: bool, console: Any, stats: GraphStats,
                   stdin: IO[bytes] | None = None) -> Iterator[Relation]:
    """Valid records of `inputs`; each bad one is an error line on stderr (file:line)."""
    from .recordio import iter_relations

    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    try:
        for item in iter_relations(inputs, stdin=stdin):
            if isinstance(item, Problem):
                stats.bad += 1
                if strict:
                    raise StrictStop(f"{item} (stopped: --strict)")
                source = item.where.rsplit(":", 1)[0] if ":" in item.where else item.where
                if shown[source] < SHOWN_PER_INPUT:
                    shown[source] += 1
                    console.print(f"relx: error: {item}", markup=False)
                else:
                    hidden[source] += 1
                continue
            stats.records += 1
            yield item
    finally:
        for source, n in hidden.items():
            console.print(f"relx: error: {source}: {n} more bad lines not shown", markup=False)


def run_graph(o: GraphOptions, stdout: IO[str] | None = None, stdin: IO[bytes] | None = None
              ) -> int:
    """Build and write the network of `o.inputs`; 0 if every record was good, else 1."""
    out = stdout or sys.stdout
    fmt = choose_graph_format(o.fmt, o.output, out.isatty())
    check_level(o.level)
    keep = record_filter(o)
    if o.min_weight < 1:
        raise click.BadParameter("must be at least 1", param_hint="'--min-weight'")
    if o.output:
        check_writable(o.output)
    if o.actors:
        from .dictionary import check_actor_files

        check_actor_files(o.actors)
    console = _console()
    stats = GraphStats()
    relations = read_relations(o.inputs, strict=o.strict, console=console, stats=stats,
                               stdin=stdin)
    results = graph_results(relations, level=o.level, actor_files=[str(a) for a in o.actors],
                            keep=keep)
    try:
        with ExitStack() as stack:
            if o.output:
                fh = stack.enter_context(atomic_file(o.output, "wb" if fmt in BINARY_FORMATS
                                                     else "w"))
            else:
                fh = out.buffer if fmt in BINARY_FORMATS else out  # type: ignore[attr-defined]
            sink = GraphSink(fmt, fh, o.include_unasserted, min_weight=o.min_weight)
            for result in results:
                sink.add(result)
            sink.close()
            stats.actors = sink.builder.graph.number_of_nodes()
            stats.ties = sink.builder.graph.number_of_edges()
    except BrokenPipeError:
        if o.output:
            raise
        _quiet_stdout(out)
    if not o.quiet and console.is_terminal:
        where = f" in {o.output}" if o.output else ""
        bad = f" ({stats.bad} bad, left out)" if stats.bad else ""
        console.print(f"relx: {stats.records:,} records{bad} -> {stats.actors:,} actors,"
                      f" {stats.ties:,} ties{where}", markup=False)
    return 1 if stats.bad else 0


# ------------------------------------------------------------------------------------ relx show


@dataclass
class ShowOptions(GraphOptions):
    top: int = 10
    actor: str | None = None
    seed: int = 42


def load_network(o: GraphOptions, stdin: IO[bytes] | None = None) -> tuple[Any, GraphStats]:
    """The network of `o.inputs`: relation records (files or '-'), or one GraphML file relx
    wrote (filters that need records are refused for it)."""
    from .graph import GraphBuilder, prune, read_graphml

    check_level(o.level)
    keep = record_filter(o)
    stats = GraphStats()
    graphml = [i for i in o.inputs if format_for_path(i) == "graphml"]
    if graphml:
        if len(o.inputs) > 1:
            raise click.UsageError("give one .graphml file, or relation records (.jsonl)")
        if keep.active or o.level != "actor":
            raise click.UsageError("--type, --since, --until and --level need relation records"
                                   " (.jsonl), not a finished graph")
        try:
            g = read_graphml(graphml[0])
        except FileNotFoundError:
            from .errors import InputError

            raise InputError(f"{graphml[0]}: no such file") from None
        except Exception as exc:  # a damaged or foreign file: one line, not a traceback
            from .errors import InputError

            raise InputError(f"{graphml[0]}: not a GraphML network ({exc})") from None
        g = prune(g, o.min_weight)
        stats.actors, stats.ties = g.number_of_nodes(), g.number_of_edges()
        return g, stats
    if o.actors:
        from .dictionary import check_actor_files

        check_actor_files(o.actors)
    console = _console()
    relations = read_relations(o.inputs, strict=o.strict, console=console, stats=stats,
                               stdin=stdin)
    builder = GraphBuilder(include_unasserted=o.include_unasserted)
    for result in graph_results(relations, level=o.level, actor_files=[str(a) for a in o.actors],
                                keep=keep):
        builder.add(result)
    g = prune(builder.graph, o.min_weight)
    stats.actors, stats.ties = g.number_of_nodes(), g.number_of_edges()
    return g, stats


def run_show(o: ShowOptions, fmt: str | None = None, stdout: IO[str] | None = None,
             stdin: IO[bytes] | None = None) -> int:
    """Print the summary of the network (`-f json`: as JSON); 1 if some record was bad."""
    import json

    from .analysis import summary

    out = stdout or sys.stdout
    fmt = (fmt or "table").lower()
    if fmt not in ("table", "json"):
        raise click.BadParameter(f"{fmt!r} is not one of table, json",
                                 param_hint="'-f' / '--format'")
    if o.top < 1:
        raise click.BadParameter("must be at least 1", param_hint="'--top'")
    g, stats = load_network(o, stdin=stdin)
    try:
        data = summary(g, top=o.top, seed=o.seed, actor=o.actor)
    except LookupError as exc:
        raise click.BadParameter(str(exc.args[0]), param_hint="'--actor'") from None
    if fmt == "json":
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        import os

        from rich.console import Console

        from .report import render_summary

        isatty = out.isatty()
        columns = os.environ.get("COLUMNS", "")
        width = None if isatty else int(columns) if columns.isdigit() else 120
        console = Console(file=out, highlight=False, force_terminal=isatty or None,
                          no_color=not isatty, width=width)
        render_summary(console, data)
    return 1 if stats.bad else 0
