"""`relx show` for a person: the data of `analysis.summary` as rich tables and short lists."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

STYLE = {"supports": "green", "opposes": "red", "meets": "cyan"}
EVIDENCE = 80
DATES_SHOWN = 4
PARTS_SHOWN = 5


def _e(text: Any) -> str:
    """Names and sentences are data, not rich markup: '[Reuters]' must print as itself."""
    return escape(str(text))


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _cut(text: str, width: int = EVIDENCE) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return ""
    return first if first == last else f"{first} – {last}"


def _dates(dates: list[str]) -> str:
    if len(dates) <= DATES_SHOWN:
        return ", ".join(dates)
    return f"{dates[0]} … {dates[-1]} ({len(dates)} days)"


def render_summary(console: Console, data: dict[str, Any]) -> None:
    """Print the whole-network summary, or the ego network when `data` has an `actor`."""
    _overview(console, data["overview"])
    if not data["overview"]["actors"]:
        return
    if "actor" in data:
        _ego(console, data["actor"])
        return
    _central(console, data["central"])
    _ties(console, data["ties"])
    _camps(console, data["camps"])
    _balance(console, data["balance"])


def _overview(console: Console, o: dict[str, Any]) -> None:
    parts = [f"[{STYLE[r]}]{r}[/] {n} ({_n(o['reports'][r], 'report')})"
             for r, n in o["ties"].items()]
    line = f"[bold]Network[/]: {_n(o['actors'], 'actor')}; ties: " + ", ".join(parts)
    if o.get("first"):
        line += f"; dated {_span(o['first'], o['last'])}"
    console.print(line)
    if o["unasserted_ties"]:
        console.print(f"[dim]{o['unasserted_ties']} negated or unasserted ties are in the graph"
                      " but not in the analysis.[/]")


def _central(console: Console, c: dict[str, Any]) -> None:
    table = Table(title="Most central actors (weighted degree)", title_justify="left")
    for name, justify in (("#", "right"), ("actor", "left"), ("kind", "left"),
                          ("degree", "right"), ("betweenness", "right"), ("supports", "right"),
                          ("opposes", "right"), ("meets", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for n, row in enumerate(c["by_degree"], start=1):
        table.add_row(str(n), f"[bold]{_e(row['name'])}[/]", row.get("kind") or "",
                      str(row["weighted_degree"]), f"{row['betweenness']:.3f}",
                      str(row["supports"]), str(row["opposes"]), str(row["meets"]))
    console.print(table)
    if c["by_betweenness"]:
        brokers = ", ".join(f"{_e(r['name'])} ({r['betweenness']:.3f})"
                            for r in c["by_betweenness"][:5])
        note = "" if c["betweenness"] == "exact" else f" [dim]({c['betweenness']})[/]"
        console.print(f"Brokers (betweenness): {brokers}{note}")


def _ties(console: Console, ties: dict[str, list[dict[str, Any]]]) -> None:
    console.print("[bold]Strongest ties[/] (reports; dates; the first evidence sentence):")
    for relation, rows in ties.items():
        if not rows:
            continue
        console.print(f"  [{STYLE[relation]}]{relation}[/]")
        for row in rows:
            arrow = "—" if relation == "meets" else "→"
            when = _span(row.get("first"), row.get("last"))
            console.print(f"    {_e(row['source'])} {arrow} {_e(row['target'])}"
                          f" ({_n(row['weight'], 'report')}{'; ' + when if when else ''})")
            console.print(Padding(Text(_cut(row["evidence"], 160), style="dim"), (0, 0, 0, 6),
                                  expand=False))


def _camps(console: Console, c: dict[str, Any]) -> None:
    if not c["camps"]:
        console.print("[bold]Camps[/]: no supports ties.")
        return
    console.print(f"[bold]Camps[/] of the supports network ({c['method']},"
                  f" modularity {c['modularity']}):")
    for n, camp in enumerate(c["camps"], start=1):
        console.print(f"  {n}. ({camp['size']}) " + _e(", ".join(camp["members"])))


def _balance(console: Console, b: dict[str, Any]) -> None:
    console.print(f"[bold]Balance[/]: {_n(b['signed_ties'], 'signed tie')} ({b['positive']} +,"
                  f" {b['negative']} -), {_n(b['triangles'], 'triangle')},"
                  f" {b['unbalanced_count']} unbalanced")
    for tri in b["unbalanced"]:
        console.print(f"  [yellow]![/] {_e(tri['text'])}")
    if b["mixed_pairs"]:
        console.print("  [dim]mixed (as many supports as opposes, left out): "
                      + _e("; ".join(" / ".join(p) for p in b["mixed_pairs"])) + "[/]")
    if not b["signed_ties"]:
        return
    console.print(f"Two camps with the fewest frustrated ties ({b['method']}):"
                  f" {b['frustrated_count']} frustrated, {b['balanced_share']:.0%} of signed ties"
                  " balanced")
    shown = [p for p in b["parts"] if p["size"] >= 3][:PARTS_SHOWN]
    for n, part in enumerate(shown, start=1):
        console.print(f"  part {n} ({part['size']} actors, {part['ties']} ties,"
                      f" {part['frustrated_count']} frustrated)")
        for label, camp in zip("AB", part["camps"], strict=True):
            console.print(f"    {label}: " + (_e(", ".join(camp)) if camp else "—"))
        for tie in part["frustrated"]:
            console.print(f"    [yellow]frustrated[/] ({tie['sign']}): {_e(tie['tie'])}")
    rest = len(b["parts"]) - len(shown)
    if rest:
        console.print(f"  [dim]{rest} more parts (pairs and small groups not linked to these)"
                      " are in the JSON (-f json).[/]")


def _ego(console: Console, e: dict[str, Any]) -> None:
    extra = "".join(f", {_e(e[k])}" for k in ("role", "country") if e.get(k))
    name = _e(e["name"])
    console.print(f"[bold]{name}[/] ({e.get('kind') or 'actor'}{extra};"
                  f" {e.get('mentions', 0)} mentions)")
    sections = [("Supported by", e["by"]["supports"], "supports"),
                ("Opposed by", e["by"]["opposes"], "opposes"),
                (f"{name} supports", e["of"]["supports"], "supports"),
                (f"{name} opposes", e["of"]["opposes"], "opposes"),
                (f"{name} meets", e["meets"], "meets")]
    for title, rows, relation in sections:
        if not rows:
            console.print(f"[{STYLE[relation]}]{title}[/]: nobody")
            continue
        table = Table(title=f"[{STYLE[relation]}]{title}[/]", title_justify="left")
        table.add_column("actor")
        table.add_column("reports", justify="right")
        table.add_column("dates")
        table.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=60)
        for row in rows:
            table.add_row(_e(row["actor"]), str(row["count"]), _dates(row["dates"]),
                          _e(_cut(row["evidence"], 60)))
        console.print(table)
