"""The runtime choices behind relx's speed: numpy's BLAS at one thread, words kept tokenized."""

from __future__ import annotations

import spacy
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from relx.core import Extractor
from relx.pipeline import WarmWords, one_blas_thread


def _blas_threads() -> list[int]:
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


def test_the_models_multiply_with_numpy_s_blas(extractor: Extractor) -> None:
    for name in ("tok2vec", "ner", "parser"):
        model = extractor.nlp.get_pipe(name).model  # type: ignore[attr-defined]
        ops = {type(node.ops) for node in model.walk()}
        assert ops == {NumpyOps}, name
        assert not any(node.ops.use_blis for node in model.walk()), name


def test_blas_runs_on_one_thread_while_relx_runs_and_is_given_back_after() -> None:
    before = _blas_threads()
    with one_blas_thread():
        assert set(_blas_threads()) <= {1}
    assert _blas_threads() == before


def test_warm_words_outlive_memory_zones_up_to_the_limit() -> None:
    nlp = spacy.blank("en")
    with nlp.memory_zone():
        nlp("quuxish florb")
    assert "quuxish" not in nlp.vocab  # a zone's lexemes go with it
    warm = WarmWords(nlp, limit=3)
    warm.add(["quuxish florb zandle", "quuxish wibblet"])
    assert "quuxish" in nlp.vocab and "zandle" in nlp.vocab
    assert "wibblet" not in nlp.vocab  # over the limit: memory stays bounded
    assert warm.seen is None  # full: nothing more is counted
    with nlp.memory_zone():
        nlp("wibblet")
    assert "wibblet" not in nlp.vocab


def test_warm_words_do_nothing_inside_a_callers_memory_zone() -> None:
    nlp = spacy.blank("en")
    warm = WarmWords(nlp, limit=10)
    with nlp.memory_zone():
        warm.add(["snorkelbay"])
    assert "snorkelbay" not in nlp.vocab and warm.seen == set()
