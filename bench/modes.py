#!/usr/bin/env python3
"""Bare spaCy, relx --full-parse and relx (selective parse) interleaved in one process.

    python bench/modes.py --texts ../shared/eval/dev ../shared/eval/dev2 ../shared/eval/dev-re3d

On a shared machine, separate runs see different loads; here the three take turns on the same
chunks of documents (in rotating order) inside one process, and each is charged the CPU time of
its own turns, so the ratios hold under load. Model loading is outside the timed region.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import folder_texts, sample_texts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, nargs="+", metavar="DIR",
                    help="the *.txt articles of these folders (default: data/samples)")
    ap.add_argument("--docs", type=int, default=0, help="cycle the articles to this many")
    ap.add_argument("--chunk", type=int, default=16, help="documents per turn")
    args = ap.parse_args()

    from relx.core import Extractor
    from relx.records import Document

    texts = folder_texts(args.texts) if args.texts else sample_texts()
    n = args.docs or len(texts)
    texts = [texts[i % len(texts)] for i in range(n)]
    words = sum(len(t.split()) for t in texts)
    import spacy

    from relx.pipeline import default_model, one_blas_thread, use_numpy_blas

    selective = Extractor()
    full = Extractor(nlp=selective.nlp, full_parse=True)
    # bare spaCy as it comes (its default BLAS, BLIS), and with relx's BLAS (numpy's, one
    # thread): the second says how much of relx's lead is the BLAS alone
    plain = spacy.load(default_model())
    numpy_blas = spacy.load(default_model())
    use_numpy_blas(numpy_blas)

    def bare(chunk: list[str]) -> None:
        for _ in plain.pipe(chunk, batch_size=64):
            pass

    def bare_numpy(chunk: list[str]) -> None:
        with one_blas_thread():
            for _ in numpy_blas.pipe(chunk, batch_size=64):
                pass

    def run(ex: Extractor) -> object:
        return lambda chunk: list(ex.pipe([Document(str(i), t) for i, t in enumerate(chunk)]))

    modes = {"bare": bare, "bare-np": bare_numpy, "full": run(full),
             "selective": run(selective)}
    for f in modes.values():  # warm up: first-call costs out of the timed turns
        f(texts[:2])
    cpu = dict.fromkeys(modes, 0.0)
    order = list(modes)
    for k in range(0, n, args.chunk):
        chunk = texts[k:k + args.chunk]
        for name in order:
            t = time.process_time()
            modes[name](chunk)
            cpu[name] += time.process_time() - t
        order = order[1:] + order[:1]
    sp = selective.selective
    print(f"{n} documents, {words} words; parsed {sp.parsed_tokens / max(1, sp.seen_tokens):.1%}"
          " of the selective mode's tokens")
    for name, c in cpu.items():
        print(f"  {name:9} {words / c:7.0f} words/CPU-s  ({words / c / (words / cpu['bare']):.3f}x"
              " bare)")
    print(f"  selective / full: {cpu['full'] / cpu['selective']:.3f}")


if __name__ == "__main__":
    main()
