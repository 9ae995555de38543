#!/usr/bin/env python3
"""`relx graph` over synthetic relation records: records/s and peak RSS as the stream grows.

    python bench/graph_records.py                       # 10k, 100k and 1M records -> .gexf
    python bench/graph_records.py --records 200000 --format json

The records look like `relx extract -f jsonl` output (every field, ~600 bytes a line): a fixed
population of actors (countries, people with a country, organizations) and of ties between them
(skewed popularity, as news repeats the same ties), 2-8 relations per document, dates over one
year, 5% negated or planned. Because the population is fixed, the network stops growing while the
stream goes on: peak RSS that stays flat from 100k to 1M records is the "bounded memory" the issue
asks for (memory follows the network, not the stream).

Each run is the real command (`relx graph FILE -o OUT`) in its own process; peak RSS is that
process's ru_maxrss (os.wait4), time is wall clock including interpreter start-up and the writing
of the output file. Nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TYPES = ("supports", "opposes", "meets")
KINDS = ("country", "person", "organization", "group")


def actors(n: int, rng: random.Random) -> list[dict[str, object]]:
    countries = [{"id": f"country:C{i:03d}", "name": f"Country {i}", "kind": "country",
                  "role": None, "country": None} for i in range(min(200, n // 4))]
    out = list(countries)
    for i in range(n - len(countries)):
        kind = rng.choice(KINDS[1:])
        home = rng.choice(countries)
        out.append({"id": f"{kind}:a{i:05d}", "name": f"Actor {i}", "kind": kind,
                    "role": "Foreign Minister" if kind == "person" else None,
                    "country": home["name"] if kind != "organization" else None})
    return out


def write_records(path: Path, count: int, n_actors: int, n_ties: int, seed: int = 1) -> int:
    """`count` records into `path`; returns the number of bytes written.

    News repeats itself: the same few thousand ties are reported again and again. So relations
    are drawn from a fixed population of `n_ties` (source, relation, target) ties with a skewed
    popularity, 2-8 per document, on one of 365 days.
    """
    rng = random.Random(seed)
    people = actors(n_actors, rng)
    ties = []
    while len(ties) < n_ties:
        src, tgt = rng.sample(people, 2)
        ties.append((src, rng.choices(TYPES, (5, 3, 4))[0], tgt))
    weights = list(itertools.accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(ties))))
    written = 0
    doc = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < count:
            doc += 1
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            mentions: dict[object, int] = {}
            # a few ties are everywhere (cumulative weights: choices() would re-add them each time)
            k = min(rng.randint(2, 8), count - written)
            for src, rtype, tgt in rng.choices(ties, cum_weights=weights, k=k):
                sentence = (f"{src['name']} and {tgt['name']} were reported together in a"
                            f" statement about {rtype} on {day}, officials said on Monday.")
                rec = {"doc": f"doc-{doc:07d}", "source": src["name"], "type": rtype,
                       "target": tgt["name"], "source_id": src["id"], "target_id": tgt["id"],
                       "source_kind": src["kind"], "target_kind": tgt["kind"],
                       "trigger": rtype, "sentence": sentence, "start": 0,
                       "end": len(sentence), "negated": rng.random() < 0.03,
                       "modality": "planned" if rng.random() < 0.02 else "asserted",
                       "confidence": 0.8, "rule": "bench", "date": day,
                       "source_mentions": mentions.setdefault(src["id"], rng.randint(1, 9)),
                       "target_mentions": mentions.setdefault(tgt["id"], rng.randint(1, 9))}
                for side, actor in (("source", src), ("target", tgt)):
                    for key in ("role", "country"):
                        if actor[key]:
                            rec[f"{side}_{key}"] = actor[key]
                fh.write(json.dumps(rec) + "\n")
                written += 1
    return path.stat().st_size


def relx_command() -> list[str]:
    beside = Path(sys.executable).parent / "relx"
    return [str(beside)] if beside.exists() else [shutil.which("relx") or "relx"]


def measure(records: Path, out: Path) -> tuple[float, int, int]:
    """(seconds, peak RSS in KB, exit status) of one `relx graph` run."""
    start = time.perf_counter()
    proc = subprocess.Popen([*relx_command(), "graph", str(records), "-o", str(out), "-q"],
                            stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--actors", type=int, default=2_000)
    parser.add_argument("--ties", type=int, default=20_000)
    parser.add_argument("--format", default="gexf", choices=("gexf", "graphml", "json", "dot"))
    args = parser.parse_args()
    print(f"# python {platform.python_version()}, {os.cpu_count()} cores,"
          f" load average {os.getloadavg()[0]:.1f}; {args.actors} actors, {args.ties} ties,"
          f" -o .{args.format}")
    print("| records | input | seconds | records/s | peak RSS | network (actors, ties) |")
    print("| ---: | ---: | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.records:
            records = Path(tmp) / f"r{count}.jsonl"
            size = write_records(records, count, args.actors, args.ties)
            out = Path(tmp) / f"net.{args.format}"
            seconds, rss_kb, code = measure(records, out)
            if code != 0:
                sys.exit(f"relx graph failed with status {code}")
            network = ""
            if args.format == "gexf":
                text = out.read_text(encoding="utf-8")
                network = f"{text.count('<node ')}, {text.count('<edge ')}"
            print(f"| {count:,} | {size / 1e6:,.0f} MB | {seconds:.1f} | {count / seconds:,.0f} |"
                  f" {rss_kb / 1024:,.0f} MB | {network} |", flush=True)
            records.unlink()


if __name__ == "__main__":
    main()
