"""How big and how slow the HTML view gets: file size, write time, and time until the page is laid
out in headless Chromium, for synthetic networks of growing size.

    python bench/html_view.py --actors 100 500 2000

Needs chromium, chromium-driver and the test extra (selenium). Invented names and sentences only.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, missing, open_page  # noqa: E402

from relx.export_html import write_html  # noqa: E402
from relx.graph import build_graph  # noqa: E402
from relx.records import Actor, Relation, Result  # noqa: E402

KINDS = ("country", "organization", "person", "group")


def synthetic(actors: int, seed: int = 7) -> list[Result]:
    """`actors` actors, about 2 relations per actor, 3 sentences per relation, 30 dated docs."""
    rng = random.Random(seed)
    people = [Actor(f"a:{i}", f"Actor {i}", KINDS[i % 4], mentions=rng.randint(1, 40))
              for i in range(actors)]
    results = []
    for d in range(30):
        rels = []
        for _ in range(actors * 2 // 10):
            s, t = rng.sample(people, 2)
            rtype = rng.choice(("supports", "opposes", "meets"))
            sentence = f"{s.name} {rtype} {t.name} in an invented sentence number {d}."
            rels.append(Relation(doc=f"doc-{d}", source=s.name, type=rtype, target=t.name,
                                 source_id=s.id, target_id=t.id, source_kind=s.kind,
                                 target_kind=t.kind, trigger=rtype, sentence=sentence, start=0,
                                 end=len(sentence), confidence=0.7, rule="synthetic",
                                 date=f"2024-01-{d + 1:02d}"))
        results.append(Result(f"doc-{d}", people, rels, f"2024-01-{d + 1:02d}"))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, nargs="+", default=[100, 500, 2000])
    args = parser.parse_args()
    why_not = missing()
    if why_not:
        sys.exit(f"html_view: {why_not}")
    print("| actors | edges | sentences | file | write | ready in Chromium |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp, chromium() as driver:
        for n in args.actors:
            results = synthetic(n)
            graph = build_graph(results)
            relations = [r for res in results for r in res.relations]
            path = Path(tmp) / f"n{n}.html"
            start = time.perf_counter()
            with path.open("w", encoding="utf-8") as fh:
                write_html(graph, relations, fh)
            written = time.perf_counter() - start
            start = time.perf_counter()
            open_page(driver, path, timeout=600)
            ready = time.perf_counter() - start
            print(f"| {graph.number_of_nodes():,} | {graph.number_of_edges():,} |"
                  f" {len(relations):,} | {path.stat().st_size / 1e6:.1f} MB |"
                  f" {written:.2f} s | {ready:.1f} s |", flush=True)


if __name__ == "__main__":
    main()
