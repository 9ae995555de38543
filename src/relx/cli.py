"""The `relx` command: parses options, calls the library, prints. Nothing here knows linguistics.

spaCy is imported only inside commands that need it, so `relx --help` and `--version` start fast.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import traceback
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from typer.exceptions import TyperException

from . import __version__
from .errors import RelxError

EXTRACT_HELP = """Extract actors and relations from news articles.

INPUTS are .txt files, .jsonl corpora (one article per line: text, optional id/date/title/url),
directories (searched recursively) or '-' for one article on stdin.

Examples:

  relx extract article.txt

  relx extract corpus/ -o network.gexf

  cat article.txt | relx extract - -f jsonl | jq .source

  relx extract news.jsonl --text-field body -f csv -o relations.csv
"""


class Exit(IntEnum):
    OK = 0
    INPUT_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130
    TERMINATED = 143  # 128 + SIGTERM, what `timeout`, `docker stop` and systemd expect


class Terminated(KeyboardInterrupt):
    """SIGTERM: stop as on Ctrl-C (temporary files removed, workers stopped), then exit 143."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated


def _guard_std_fds() -> None:
    """Started with stdin, stdout or stderr closed (`>&-`): hold that descriptor with /dev/null,
    so that no file relx opens (the output!) gets fd 1 and receives stray prints."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                opened = os.open(os.devnull, os.O_RDWR)
                if opened != fd:
                    os.dup2(opened, fd)
                    os.close(opened)


app = typer.Typer(
    name="relx", add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Map who supports, opposes and meets whom in news articles.",
    context_settings={"help_option_names": ["-h", "--help"]})
rules_app = typer.Typer(help="Validate and show relation rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"relx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks (for bug reports)."
                                        )] = False,
) -> None:
    """Map who supports, opposes and meets whom in news articles."""


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def warn(message: str) -> None:
    from .errors import one_line

    _stderr().print(f"relx: {one_line(message)}", markup=False)


# Options shared by the commands that run extraction (sqlite-utils style: one definition each).
ModelOption = Annotated[str | None, typer.Option(
    "--model", envvar="RELX_MODEL", metavar="NAME_OR_PATH",
    help="spaCy pipeline name or path.")]
RulesOption = Annotated[list[Path] | None, typer.Option(
    "--rules", metavar="FILE", help="Extra rule file (YAML); repeatable.")]
ReplaceRulesOption = Annotated[bool, typer.Option(
    "--replace-rules", help="Use only --rules files, not the packaged rules.")]
ActorsOption = Annotated[list[Path] | None, typer.Option(
    "--actors", metavar="FILE", help="Extra actor dictionary (YAML); repeatable.")]

FullParseOption = Annotated[bool, typer.Option(
    "--full-parse", help="Parse every sentence, not only those that can hold a relation"
    " (slower; the reference that the default is checked against).")]


@app.command("extract", help=EXTRACT_HELP)
def extract_cli(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUTS...", show_default=False,
        help="Files, directories, or '-' for stdin.")],
    fmt: Annotated[str | None, typer.Option(
        "-f", "--format", metavar="FORMAT",
        help="table, jsonl, json, csv, graphml, gexf, dot or html. Default: from -o's extension;"
        " else a table on a terminal, jsonl when piped.")] = None,
    output: Annotated[str | None, typer.Option(
        "-o", "--output", metavar="FILE", help="Write to FILE (atomically).")] = None,
    model: ModelOption = None,
    rules: RulesOption = None,
    replace_rules: ReplaceRulesOption = False,
    actors: ActorsOption = None,
    text_field: Annotated[str, typer.Option(
        "--text-field", metavar="FIELD", help="JSONL field with the text.")] = "text",
    id_field: Annotated[str, typer.Option(
        "--id-field", metavar="FIELD", help="JSONL field with the id.")] = "id",
    include_unasserted: Annotated[bool, typer.Option(
        "--include-unasserted",
        help="Keep negated and planned/hypothetical relations in graph exports.")] = False,
    level: Annotated[str, typer.Option(
        "--level", metavar="LEVEL",
        help="actor, or country: roll people and groups up to their countries.")] = "actor",
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, metavar="N", help="Documents per spaCy batch.")] = 64,
    jobs: Annotated[int, typer.Option(
        "-j", "--jobs", min=0, metavar="N", help="Worker processes (0: all cores).")] = 1,
    ordered: Annotated[bool, typer.Option(
        "--ordered", help="With --jobs or --dask: keep input order.")] = False,
    # --dask: run on a Dask cluster (relx.dask, the optional extra relx[dask])
    dask: Annotated[str | None, typer.Option(
        "--dask", envvar="RELX_DASK", metavar="ADDRESS",
        help="Run on the Dask scheduler at ADDRESS (tcp://host:8786), or 'local[:N]' for a"
        " local cluster of N worker processes (default: one per core). Needs relx[dask].")
        ] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Stop at the first bad input.")] = False,
    quiet: Annotated[bool, typer.Option(
        "-q", "--quiet", help="No progress bar or warnings.")] = False,
    full_parse: FullParseOption = False,
) -> None:
    from .run import ExtractOptions, run_extract

    options = ExtractOptions(
        inputs=inputs, fmt=fmt, output=output, model=model, rules=list(rules or []),
        replace_rules=replace_rules, actors=list(actors or []), text_field=text_field,
        id_field=id_field, include_unasserted=include_unasserted, level=level,
        batch_size=batch_size, jobs=jobs, ordered=ordered, strict=strict, quiet=quiet,
        full_parse=full_parse, dask=dask)
    code = run_extract(options)
    raise typer.Exit(code)


@app.command("eval")
def eval_cli(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.gold.yaml (and NAME.txt).",
                                             metavar="GOLD_DIR", show_default=False)],
    predictions: Annotated[str | None, typer.Option(
        "--predictions", metavar="FILE", help="Score this JSON Lines file (from `relx extract -f"
        " jsonl`; '-' for stdin) instead of running extraction: no model is loaded.")] = None,
    model: ModelOption = None,
    rules: RulesOption = None,
    replace_rules: ReplaceRulesOption = False,
    actors: ActorsOption = None,
    details: Annotated[bool, typer.Option("--details", help="List hits, misses (with the gold"
                                          " cue) and false positives.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object."
                                          )] = False,
    full_parse: FullParseOption = False,
) -> None:
    """Score relations against gold: P/R/F1 per type and per document, and macro-F1.

    Runs extraction on every NAME.txt beside a NAME.gold.yaml in GOLD_DIR (or reads --predictions).
    Names resolve to gold actors by their forms (else the longest form they contain); negated and
    non-asserted relations are left out; an unresolved name is a false positive.
    """
    import json

    from . import evaluate as ev

    gold = ev.load_gold(gold_dir)
    problems: list[ev.BadLine] = []
    if predictions is None:
        from .core import Extractor

        extractor = Extractor(model, rules=list(rules or []), replace_rules=replace_rules,
                              actors=list(actors or []), full_parse=full_parse)
        scores = ev.score(gold, ev.predict(gold, extractor, problems))
    elif predictions == "-":
        scores = ev.score(gold, ev.read_predictions(sys.stdin, "<stdin>", problems))
    else:
        try:
            with open(predictions, encoding="utf-8", errors="surrogateescape") as fh:
                scores = ev.score(gold, ev.read_predictions(fh, predictions, problems))
        except (OSError, UnicodeDecodeError) as exc:
            from .errors import InputError

            raise InputError(f"{predictions}: cannot read: {getattr(exc, 'strerror', 0) or exc}"
                             ) from None
    for problem in problems:
        warn(f"{'warning' if problem.warning else 'error'}: {problem}")
    if scores.unknown_docs:
        ids = ", ".join(sorted(scores.unknown_docs)[:5])
        warn(f"warning: {sum(scores.unknown_docs.values())} predictions name documents not in"
             f" {gold_dir}, not scored: {ids}{', ...' if len(scores.unknown_docs) > 5 else ''}")
    if as_json:
        typer.echo(json.dumps(scores.to_dict(details)))
    elif sys.stdout.isatty():
        from rich.console import Console

        ev.render_rich(Console(highlight=False), scores, details=details)
    else:
        typer.echo(ev.format_text(scores, details=details), nl=False)
    raise typer.Exit(Exit.INPUT_FAILED if any(not p.warning for p in problems) else Exit.OK)


@app.command("explain")
def explain_cli(
    text: Annotated[str, typer.Argument(metavar="TEXT", show_default=False,
                                        help="A sentence or a few; '-' reads stdin.")],
    model: ModelOption = None,
    rules: RulesOption = None,
    replace_rules: ReplaceRulesOption = False,
    actors: ActorsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per sentence."
                                          )] = False,
) -> None:
    """Show, per sentence, which construction and rule fired on which tokens, and for each
    trigger word that gave nothing, why (the tool for writing rules).

    Example: relx explain "Chile condemned the Peruvian proposal."
    """
    import json

    from .core import Extractor

    if text == "-":
        text = sys.stdin.read()
    extractor = Extractor(model, rules=list(rules or []), replace_rules=replace_rules,
                          actors=list(actors or []))
    reports = extractor.explain(text)
    if as_json:
        for report in reports:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    from .render import render_explain

    render_explain(sys.stdout, reports)


# ---------------------------------------------------------------- network: relx graph, relx show
# Options of the commands that read relation records (`relx extract -f jsonl` output).

RecordsArgument = Annotated[list[str], typer.Argument(
    metavar="FILES...", show_default=False,
    help="Relation records from `relx extract -f jsonl` (any number of runs), or '-' for stdin.")]
IncludeUnassertedOption = Annotated[bool, typer.Option(
    "--include-unasserted", help="Keep negated and planned/hypothetical relations as edges.")]
LevelOption = Annotated[str, typer.Option(
    "--level", metavar="LEVEL",
    help="actor, or country: roll people and groups up to their countries.")]
MinWeightOption = Annotated[int, typer.Option(
    "--min-weight", metavar="N", help="Only ties reported at least N times.")]
SinceOption = Annotated[str | None, typer.Option(
    "--since", metavar="DATE", help="Only relations dated DATE or later (YYYY[-MM[-DD]]).")]
UntilOption = Annotated[str | None, typer.Option(
    "--until", metavar="DATE", help="Only relations dated DATE or earlier (YYYY[-MM[-DD]]).")]
TypeOption = Annotated[str | None, typer.Option(
    "--type", metavar="TYPES", help="Only these relations, e.g. supports,opposes.")]
StrictOption = Annotated[bool, typer.Option("--strict", help="Stop at the first bad record.")]

GRAPH_HELP = """Build one network from relation records, as `relx extract -o FILE` would.

Reads the JSON Lines of `relx extract -f jsonl` (files from any number of runs, or '-'), one
record at a time: memory grows with the network, not with the records. A bad record is one error
line (file:line) and the rest is used; the exit status is then 1.

Examples:

  relx extract corpus/ -f jsonl > monday.jsonl

  relx graph monday.jsonl tuesday.jsonl -o week.gexf

  relx extract corpus/ -f jsonl | relx graph - --since 2024-03 --min-weight 2 -o net.graphml
"""


@app.command("graph", help=GRAPH_HELP)
def graph_cli(
    inputs: RecordsArgument,
    output: Annotated[str | None, typer.Option(
        "-o", "--output", metavar="FILE",
        help="Write to FILE (atomically); the format from its extension.")] = None,
    fmt: Annotated[str | None, typer.Option(
        "-f", "--format", metavar="FORMAT",
        help="gexf, graphml, dot, json or html. Default: from -o's extension, else json.")] = None,
    include_unasserted: IncludeUnassertedOption = False,
    level: LevelOption = "actor",
    actors: ActorsOption = None,
    min_weight: MinWeightOption = 1,
    since: SinceOption = None,
    until: UntilOption = None,
    types: TypeOption = None,
    strict: StrictOption = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No summary line.")] = False,
) -> None:
    from .graphrun import GraphOptions, run_graph

    code = run_graph(GraphOptions(
        inputs=inputs, fmt=fmt, output=output, include_unasserted=include_unasserted,
        level=level, actors=list(actors or []), min_weight=min_weight, since=since, until=until,
        types=types, strict=strict, quiet=quiet))
    raise typer.Exit(code)


SHOW_HELP = """Explain a network: central actors, strongest ties, camps, balance.

INPUTS are relation records (.jsonl from `relx extract -f jsonl`, or '-') or one .graphml file
written by relx. With --actor, one actor's ties: who supports, opposes, meets it and whom it
supports, opposes, meets, with counts and dates.

Examples:

  relx show relations.jsonl

  relx show relations.jsonl --actor Qatar

  relx show net.graphml -f json | jq .balance.parts
"""


@app.command("show", help=SHOW_HELP)
def show_cli(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUTS...", show_default=False,
        help="Relation records (.jsonl, '-') or one .graphml network.")],
    top: Annotated[int, typer.Option("--top", metavar="N", help="Rows per list.")] = 10,
    actor: Annotated[str | None, typer.Option(
        "--actor", metavar="NAME", help="One actor's ego network (id, name or part of it).")
    ] = None,
    fmt: Annotated[str | None, typer.Option(
        "-f", "--format", metavar="FORMAT", help="table (default) or json.")] = None,
    include_unasserted: IncludeUnassertedOption = False,
    level: LevelOption = "actor",
    actors: ActorsOption = None,
    min_weight: MinWeightOption = 1,
    since: SinceOption = None,
    until: UntilOption = None,
    types: TypeOption = None,
    seed: Annotated[int, typer.Option(
        "--seed", metavar="N", help="Seed for Louvain camps (and sampled betweenness).")] = 42,
    strict: StrictOption = False,
) -> None:
    from .graphrun import ShowOptions, run_show

    code = run_show(ShowOptions(
        inputs=inputs, include_unasserted=include_unasserted, level=level,
        actors=list(actors or []), min_weight=min_weight, since=since, until=until, types=types,
        strict=strict, top=top, actor=actor, seed=seed), fmt=fmt)
    raise typer.Exit(code)



@rules_app.command("check")
def rules_check_cli(
    files: Annotated[list[Path], typer.Argument(help="Rule files to validate.")],
    actors: Annotated[bool, typer.Option("--actors", help="The files are actor dictionaries."
                                         )] = False,
) -> None:
    """Validate rule (or actor dictionary) files without loading a model."""
    from .dictionary import check_actor_files
    from .errors import RulesError
    from .rules import check_rule_files

    failed = 0
    for file in files:
        try:
            n = check_actor_files([file]) if actors else check_rule_files([file])
        except RulesError as exc:
            warn(f"error: {exc}")
            failed += 1
            continue
        typer.echo(f"{file}: ok, {n} {'actors' if actors else 'rules'}")
    if failed:
        raise typer.Exit(Exit.INPUT_FAILED)


@rules_app.command("show")
def rules_show_cli(
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule file.")] = None,
    replace_rules: Annotated[bool, typer.Option("--replace-rules")] = False,
) -> None:
    """Print the constructions, each with the ids of the rules that feed it, then the active
    rules (packaged plus --rules) in full, as YAML."""
    import yaml

    from .relations import constructions_table
    from .rules import load_rules

    ruleset = load_rules(list(rules or []), replace=replace_rules)
    typer.echo(yaml.safe_dump({"constructions": constructions_table(ruleset),
                               "rules": [r.to_dict() for r in ruleset.rules]}, sort_keys=False,
                              allow_unicode=True, width=100), nl=False)


@rules_app.command("import-cameo")
def rules_import_cameo_cli(
    dictionary: Annotated[Path, typer.Argument(
        metavar="CAMEO_TXT", help="PETRARCH2's CAMEO.2.0.txt verb dictionary.")],
    output: Annotated[str | None, typer.Option(
        "-o", "--output", metavar="FILE", help="Write the rule file here (atomically); default:"
        " stdout. The packaged one is src/relx/rules/cameo.yaml.")] = None,
    curation: Annotated[Path | None, typer.Option(
        "--curation", metavar="FILE", help="Roots to import and verbs to drop (YAML); default:"
        " the packaged data/cameo_curation.yaml.")] = None,
) -> None:
    """Derive verb rules, with each verb's CAMEO code, from the CAMEO verb dictionary."""
    from .cameo import import_cameo, load_curation
    from .errors import InputError
    from .export import atomic_file, check_writable
    from .rules import default_rules_path, load_yaml, parse_rules

    hand = parse_rules(load_yaml(default_rules_path()), "relx/rules/relations.yaml")
    covered = {lemma for r in hand if r.pattern == "verb" for lemma in r.lemmas}
    try:
        text, summary = import_cameo(dictionary, load_curation(curation), covered)
    except OSError as exc:
        raise InputError(f"{dictionary}: cannot read: {exc.strerror or exc}") from None
    if output:
        check_writable(output)
        with atomic_file(output) as fh:
            fh.write(text)
    else:
        typer.echo(text, nl=False)
    warn(f"{summary['rules']} rules, {summary['lemmas']} verbs from {summary['entries']}"
         f" dictionary entries ({summary['codes']} lemma codes)")


def main(argv: list[str] | None = None) -> None:
    """Entry point: the one place where errors become messages and exit codes.

    The command runs in click's non-standalone mode and without Typer's own handlers (which turn
    Ctrl-C and a closed pipe into silent codes of their own), so every outcome is decided here:
    0 all good, 1 some input (or the output, rules or model) failed, 2 usage, 130 interrupted.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or bool(os.environ.get("RELX_DEBUG"))
    _guard_std_fds()
    previous = _install_sigterm()
    try:
        code = _run(args)
    except Terminated:
        code = _interrupted("terminated", Exit.TERMINATED)
    except (KeyboardInterrupt, click.exceptions.Abort, typer.Abort):
        code = _interrupted()
    except BaseException as exc:  # the error boundary: mapped, never a raw traceback
        code = _report(exc, debug)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except Terminated:
        code = Exit.TERMINATED
    except KeyboardInterrupt:
        code = Exit.INTERRUPTED
    except OSError as exc:  # the last output could not be written (a full disk, a closed fd)
        with contextlib.suppress(OSError):
            warn(f"error: {exc.strerror or exc}")
        code = Exit.INPUT_FAILED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    sys.exit(int(code or 0))


def _install_sigterm() -> Any:
    """Handle SIGTERM like Ctrl-C; the previous handler (None where signals cannot be set here)."""
    try:
        return signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        return None


def _run(args: list[str]) -> int:
    command = typer.main.get_command(app)
    try:
        with command.make_context("relx", args) as ctx:
            rv = command.invoke(ctx)
    except (click.exceptions.Exit, typer.Exit) as exc:
        return int(exc.exit_code or 0)
    return rv if isinstance(rv, int) else Exit.OK


def _interrupted(what: str = "interrupted", code: int = Exit.INTERRUPTED) -> int:
    with contextlib.suppress(KeyboardInterrupt, OSError):
        warn(what)
    return code


def _report(exc: BaseException, debug: bool) -> int:
    """One line on stderr for `exc` (the traceback too with --debug); the exit code."""
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    # Typer vendors its own click: its exceptions derive from TyperException, not click's
    if isinstance(exc, click.exceptions.ClickException | TyperException) and hasattr(exc, "show"):
        exc.show()
        return int(getattr(exc, "exit_code", Exit.USAGE))
    if isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE):
        _silence_stdout()  # `relx ... | head`: the reader has all it wants
        return Exit.OK
    if debug:
        traceback.print_exception(exc)
    if isinstance(exc, RelxError):
        warn(f"error: {exc}")
    elif isinstance(exc, MemoryError):
        warn("error: out of memory (try a smaller --batch-size or fewer --jobs)")
    elif isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        warn(f"error: {where}{exc.strerror or exc}")
    elif isinstance(exc, Exception):  # a bug: one line for users, the trace with --debug
        hint = "" if debug else " (run `relx --debug ...` for the traceback)"
        warn(f"internal error: {type(exc).__name__}: {exc}{hint}")
    else:
        raise exc
    return Exit.INPUT_FAILED


def _silence_stdout() -> None:
    """After a closed pipe (`relx ... | head`), stop Python complaining at exit."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    main()
