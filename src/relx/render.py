"""Terminal tables: relations first (what a reader came for), then actors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

import networkx as nx
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .records import Relation

STYLE = {"supports": "green", "opposes": "red", "meets": "cyan"}
SNIPPET = 90


def snippet(rel: Relation, width: int = SNIPPET) -> str:
    """The sentence around the trigger, cut to `width` characters."""
    text = " ".join(rel.sentence.split())
    if len(text) <= width:
        return text
    pos = max(text.find(rel.trigger.split()[0]) if rel.trigger else 0, 0)
    start = max(0, min(pos - width // 3, len(text) - width))
    end = start + width
    if start > 0:  # cut on word boundaries, never inside the trigger
        space = text.find(" ", start, pos)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", max(start, pos), end)
        end = space if space > pos else end
    cut = text[start:end].strip()
    return ("…" if start > 0 else "") + cut + ("…" if end < len(text) else "")


class _PipeConsole(Console):
    """A closed pipe (`relx ... -f table | head`) raises BrokenPipeError like every other format,
    for the caller to end quietly with 0; rich's own handler exits with status 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def render_tables(fh: IO[str], relations: Sequence[Relation], graph: nx.MultiDiGraph, *,
                  many_docs: bool, isatty: bool) -> None:
    console = _PipeConsole(file=fh, force_terminal=isatty or None, highlight=False,
                      width=None if isatty else 160, no_color=not isatty)
    rel_table = Table(title=f"Relations ({len(relations)})", title_justify="left", expand=False)
    if many_docs:
        rel_table.add_column("doc", overflow="fold")
    rel_table.add_column("source", style="bold")
    rel_table.add_column("relation")
    rel_table.add_column("target", style="bold")
    rel_table.add_column("evidence", overflow="fold")
    for rel in relations:
        kind = f"[{STYLE[rel.type]}]{rel.type}[/]"
        if rel.negated:
            kind = f"[dim]not {rel.type}[/]"
        elif rel.modality != "asserted":
            kind += f" [dim]({rel.modality})[/]"
        # names and sentences are data, never rich markup: "[/x]" in an article is text
        row = [Text(rel.source), kind, Text(rel.target), Text(snippet(rel))]
        rel_table.add_row(*([Text(rel.doc)] if many_docs else []), *row)
    actor_table = Table(title=f"Actors ({graph.number_of_nodes()})", title_justify="left")
    actor_table.add_column("actor", style="bold")
    actor_table.add_column("kind")
    actor_table.add_column("role / country")
    actor_table.add_column("mentions", justify="right")
    nodes = sorted(graph.nodes(data=True), key=lambda n: (-n[1].get("mentions", 0), n[1]["label"]))
    for _, data in nodes:
        extra = ", ".join(x for x in (data.get("role"), data.get("country")) if x)
        actor_table.add_row(Text(data["label"]), Text(data.get("kind", "")), Text(extra),
                            str(data.get("mentions", 0)))
    console.print(rel_table)
    console.print(actor_table)


def render_explain(fh: IO[str], reports: Sequence[Any]) -> None:
    """`relx explain`: each sentence, its actors, what fired and what did not (and why)."""
    isatty = fh.isatty()
    console = Console(file=fh, force_terminal=isatty or None, highlight=False,
                      width=None if isatty else 120, no_color=not isatty)
    for n, rep in enumerate(reports, start=1):
        console.print(f"[bold]{n}.[/bold] ", Text(rep.text), sep="")
        console.print("   actors: ", Text("; ".join(rep.actors) or "none"), style="dim", sep="")
        for f in rep.fired:
            for rel in f.relations:
                style = STYLE.get(f.type, "")
                console.print("   ", Text(rel, style=style), sep="")
            console.print("      ", Text(f"{f.construction} / {f.rule}: trigger '{f.trigger}',"
                                           f" source {f.sources}, target {f.targets}"),
                          style="dim", sep="")
        for m in rep.missed:
            console.print("   ", Text(f"no relation from '{m.trigger}' ({m.construction} /"
                                      f" {m.rule}): {m.reason}"), style="yellow", sep="")
        if rep.skipped:
            console.print("   ", Text(f"skipped: {rep.skipped}"), style="dim", sep="")
