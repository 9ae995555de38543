#!/usr/bin/env python3
"""Throughput and memory of relx against bare spaCy, side by side on the same texts.

    .venv/bin/python bench/throughput.py                 # 1k and 10k synthetic/sample documents
    .venv/bin/python bench/throughput.py --docs 300      # a quick look
    .venv/bin/python bench/throughput.py --jsonl corpus.jsonl --docs 5000
    .venv/bin/python bench/throughput.py --texts ../shared/eval/dev ../shared/eval/dev2 \
        ../shared/eval/dev-re3d --configs bare,full,j1,j2     # real news, both parse modes

Each configuration runs in its own subprocess (so that peak RSS is its own), reads the corpus
lazily from a JSONL file, and reports words/s over the processing only (model loading excluded;
for --jobs 2 the model is loaded before timing and the workers fork with it, so their start-up,
a fork each, is inside the timed region):

- bare:  `nlp.pipe(texts, batch_size=B)` with the same model, loaded by `spacy.load` as it
         comes (spaCy's default BLAS, BLIS);
- bare-np: the same with relx's BLAS (numpy's OpenBLAS, one thread), to tell how much of relx's
         lead is the BLAS alone;
- j1:    the library, `Extractor.pipe` (what `relx extract --jobs 1` runs: only the sentences
         that can hold a relation are parsed);
- full:  the same with `Extractor(full_parse=True)` (`relx extract --full-parse`);
- j2:    the library, `parallel_pipe(..., jobs=2)` (what `relx extract --jobs 2` runs).

Peak RSS is ru_maxrss of the process (and of its pool workers, reaped before it reports).
Nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import folder_texts, iter_corpus, write_corpus  # noqa: E402

CONFIGS = ("bare", "bare-np", "full", "j1", "j2")


def _measure(config: str, path: Path, batch_size: int) -> dict[str, float]:
    """Runs inside the subprocess: process the corpus once, report numbers as JSON."""
    from relx.records import Document

    words = 0

    def texts():
        nonlocal words
        for _id, text in iter_corpus(path):
            words += len(text.split())
            yield text

    def documents():
        for text in texts():
            yield Document(f"d{words}", text)

    relations = 0
    docs = 0
    load = time.perf_counter()
    if config in ("bare", "bare-np"):
        import spacy

        from relx.pipeline import default_model, one_blas_thread, use_numpy_blas

        nlp = spacy.load(default_model())  # as it comes: BLIS, its own enabled components
        if config == "bare-np":  # with relx's BLAS (numpy's, one thread), for comparison
            use_numpy_blas(nlp)
            one_blas_thread().__enter__()
    else:
        from relx.core import Extractor

        extractor = Extractor(full_parse=config == "full")
    load = time.perf_counter() - load
    start, cpu = time.perf_counter(), time.process_time()
    first = None
    if config in ("bare", "bare-np"):
        for _doc in nlp.pipe(texts(), batch_size=batch_size):
            docs += 1
            first = first or time.perf_counter()
    else:
        if config in ("j1", "full"):
            results = extractor.pipe(documents(), batch_size=batch_size)
        else:
            from relx.parallel import parallel_pipe

            config_ = {"model": None, "rules": [], "replace_rules": False, "actors": []}
            results = parallel_pipe(config_, documents(), jobs=2, batch_size=batch_size,
                                    extractor=extractor)
        for result in results:
            docs += 1
            relations += len(result.relations)
            first = first or time.perf_counter()
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"config": config, "docs": docs, "words": words, "relations": relations, "wall": wall,
            "cpu": cpu, "load": load, "first": (first or start) - start, "rss_mb": own,
            "children_rss_mb": kids}


def _run(config: str, path: Path, batch_size: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--measure", config, "--corpus", str(path),
                          "--batch-size", str(batch_size)], capture_output=True, text=True,
                         check=False)
    if out.returncode != 0:
        sys.exit(f"{config} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _head(src: Path, dst: Path, n: int) -> int:
    count = 0
    with src.open(encoding="utf-8") as fh, dst.open("w", encoding="utf-8") as out:
        for line in fh:
            if count >= n:
                break
            if line.strip():
                out.write(line)
                count += 1
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jsonl", type=Path, help="take documents from this corpus instead")
    ap.add_argument("--configs", default=",".join(CONFIGS))
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--synthetic", action="store_true", help="ignore data/samples")
    ap.add_argument("--texts", type=Path, nargs="+", metavar="DIR",
                    help="cycle the *.txt articles of these folders (e.g. ../shared/eval/dev)")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure, args.corpus, args.batch_size)))
        return

    import spacy

    from relx.pipeline import default_model

    configs = args.configs.split(",")
    print(f"machine: {platform.machine()}, nproc {os.cpu_count()}, Python "
          f"{platform.python_version()}, spaCy {spacy.__version__}, model {default_model()}, "
          f"batch size {args.batch_size}, load average {os.getloadavg()[0]:.2f}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.docs:
            path = Path(tmp) / f"corpus-{n}.jsonl"
            if args.jsonl:
                got = _head(args.jsonl, path, n)
                origin = f"{args.jsonl} (first {got})"
            else:
                texts = folder_texts(args.texts) if args.texts else None
                origin = write_corpus(path, n, synthetic=args.synthetic, texts=texts)
            print(f"\n{n} documents ({origin}):")
            by = {}
            for config in configs:
                r = _run(config, path, args.batch_size)
                by[config] = r
                rows.append(r)
                print(f"  {config:5} {r['words'] / r['wall']:8.0f} words/s  "
                      f"{r['words'] / r['cpu']:8.0f} words/CPU-s (main process)  "
                      f"{r['wall']:7.1f} s  first result {r['first']:5.2f} s  "
                      f"peak RSS {r['rss_mb']:6.0f} MB (workers {r['children_rss_mb']:.0f} MB)  "
                      f"{r['docs']} docs {r['relations']} relations", flush=True)
            for mode in ("bare-np", "full", "j1"):
                if "bare" in by and mode in by:
                    print(f"  {mode}/bare words/s: {by['bare']['wall'] / by[mode]['wall']:.3f}"
                          f" (wall), {by['bare']['cpu'] / by[mode]['cpu']:.3f} (CPU)")
            if "j1" in by and "j2" in by:
                print(f"  j2/j1 words/s: {by['j1']['wall'] / by['j2']['wall']:.3f}")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    for config in configs:
        rss = [r for r in rows if r["config"] == config]
        if len(rss) > 1:
            a, b = rss[0], rss[-1]
            peak_a = max(a["rss_mb"], a["children_rss_mb"])
            peak_b = max(b["rss_mb"], b["children_rss_mb"])
            print(f"peak RSS {config}: {a['docs']} docs {peak_a:.0f} MB -> {b['docs']} docs "
                  f"{peak_b:.0f} MB ({(peak_b / peak_a - 1) * 100:+.1f}%)")


if __name__ == "__main__":
    main()
