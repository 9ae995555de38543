"""Corpus scale: streaming, long documents, --jobs, fast start (issue #5).

No timings are asserted: "fast" is checked as "spaCy is not imported", "streams" as "the first
result comes after reading one document", "does not hang" as "exits at all" (with a generous
timeout that only guards the test run).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relx.core import Extractor, batches, split_text
from relx.errors import ModelError
from relx.parallel import parallel_pipe
from relx.records import Document

# Our own sentences (never third-party news): several actors and all three relation types.
SENTENCES = [
    "Turkey condemned Iran over the border clashes.",
    "Germany supports France in the trade talks.",
    "Japanese Prime Minister Aiko Tanabe met Brazilian President Rafael Costa in Tokyo.",
    "Kenya praised Ethiopia for reopening the crossing.",
    "NATO criticised Russia on Tuesday.",
    "Egypt and Sudan signed an agreement on the dam.",
    "The weather in the capital stayed mild all week.",
    "Poland welcomed the decision of the European Union.",
    "Greece rejected the proposal from Turkey.",
    "Canada hosted Mexico for talks on water rights.",
]


def article(n: int) -> str:
    """A short article made of our sentences, different for each n."""
    picks = [SENTENCES[(n * 3 + k) % len(SENTENCES)] for k in range(2 + n % 4)]
    return " ".join(picks[:2]) + "\n\n" + " ".join(picks[2:])


def write_corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": article(i)}) + "\n")
    return path


def relx(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "relx"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


# ------------------------------------------------------------------------------------ split_text


def check_pieces(text: str, limit: int) -> list[tuple[int, str]]:
    pieces = split_text(text, limit)
    assert pieces[0][0] == 0
    position = 0
    for offset, chunk in pieces:
        assert offset == position, "pieces must be contiguous"
        assert text[offset:offset + len(chunk)] == chunk
        assert len(chunk) <= limit
        assert chunk or len(text) == 0
        position = offset + len(chunk)
    assert position == len(text), "pieces must cover the text"
    return pieces


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(1, 60))
def test_split_text_covers_the_text_within_the_limit(text: str, limit: int) -> None:
    check_pieces(text, limit)


def test_split_text_cuts_at_paragraphs() -> None:
    paragraphs = [f"Paragraph {i} says something about topic {i}." for i in range(20)]
    text = "\n\n".join(paragraphs)
    pieces = check_pieces(text, 200)
    assert len(pieces) > 1
    for _offset, chunk in pieces[:-1]:
        assert chunk.endswith("\n\n")


def test_split_text_cuts_hard_without_separators() -> None:
    pieces = check_pieces("x" * 250, 100)
    assert [len(c) for _o, c in pieces] == [100, 100, 50]


def test_short_text_is_one_piece() -> None:
    assert split_text("Turkey condemned Iran.", 100) == [(0, "Turkey condemned Iran.")]


def test_split_text_rejects_a_silly_limit() -> None:
    with pytest.raises(ValueError):
        split_text("abc", 0)


def test_batches_start_small_and_grow() -> None:
    docs = [Document(str(i), "x") for i in range(100)]
    sizes = [len(b) for b in batches(docs, 16)]
    assert sizes == [1, 2, 4, 8, 16, 16, 16, 16, 16, 5]
    assert [len(b) for b in batches(docs[:10], 4, first=4)] == [4, 4, 2]


def test_batches_cut_at_the_character_budget() -> None:
    docs = [Document(str(i), "y" * 40) for i in range(10)]
    assert [len(b) for b in batches(docs, 64, 100, first=64)] == [3, 3, 3, 1]


# ------------------------------------------------------------------------- long documents, zones


def test_relations_of_a_split_document_point_into_the_whole_text(extractor: Extractor) -> None:
    # one sentence a paragraph, so that every cut falls between paragraphs (a cut inside a
    # paragraph may change the parse; people named in one chunk are not linked to another)
    text = "\n\n".join(SENTENCES * 2)
    small = Extractor(nlp=extractor.nlp, chunk_chars=200)
    pieces = split_text(text, 200)
    assert len(pieces) > 4
    assert all(chunk.endswith("\n\n") for _offset, chunk in pieces[:-1])
    whole = extractor.extract(text, doc_id="long")
    split = small.extract(text, doc_id="long")
    assert split.relations, "the test text must have relations"
    for rel in split.relations:
        assert text[rel.start:rel.end] == rel.sentence
        assert rel.doc == "long"
    # paragraphs are parsed alike whether or not the document is cut between them
    triple = lambda r: (r.source_id, r.type, r.target_id, r.start)  # noqa: E731
    assert {triple(r) for r in split.relations} == {triple(r) for r in whole.relations}
    mentions = lambda res: {a.id: a.mentions for a in res.actors}  # noqa: E731
    assert mentions(split) == mentions(whole)


def test_a_long_document_spanning_batches_is_one_result(extractor: Extractor) -> None:
    text = "\n\n".join(article(i) for i in range(6))
    small = Extractor(nlp=extractor.nlp, chunk_chars=120)
    docs = [Document("a", article(1)), Document("long", text), Document("b", article(2))]
    results = list(small.pipe(docs, batch_size=2))
    assert [r.doc for r in results] == ["a", "long", "b"]
    assert results[1].relations == small.extract(text, doc_id="long").relations


def test_pipe_streams_the_first_result_after_one_document(extractor: Extractor) -> None:
    pulled = 0

    def documents() -> Iterator[Document]:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield Document(f"d{i}", article(i))

    results = extractor.pipe(documents(), batch_size=64)
    first = next(results)
    assert first.doc == "d0"
    assert pulled == 1
    results.close()


def test_extractor_can_be_reused_between_streamed_results(extractor: Extractor) -> None:
    """Memory zones never overlap: calling extract() while pipe() is suspended is safe."""
    docs = [Document(f"d{i}", article(i)) for i in range(12)]
    out = []
    for result in extractor.pipe(docs, batch_size=4):
        again = extractor.extract(article(int(result.doc[1:])), doc_id=result.doc)
        assert again.relations == result.relations
        out.append(result.doc)
    assert out == [d.id for d in docs]


# ---------------------------------------------------------------------------------------- --jobs


def test_jobs_2_gives_the_same_lines_as_jobs_1_and_ordered_keeps_order(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 40)
    one = relx("extract", str(corpus), "-f", "jsonl", "-q", "--batch-size", "4")
    two = relx("extract", str(corpus), "-f", "jsonl", "-q", "-j", "2", "--ordered",
               "--batch-size", "4")
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    assert two.stderr == ""
    lines = one.stdout.splitlines()
    assert len(lines) > 40
    assert two.stdout.splitlines() == lines  # --ordered: identical, in input order


def test_unordered_parallel_gives_the_same_results(tmp_path: Path, extractor: Extractor) -> None:
    docs = [Document(f"d{i}", article(i)) for i in range(30)]
    config = {"model": None, "rules": [], "replace_rules": False, "actors": []}
    got = list(parallel_pipe(config, iter(docs), jobs=2, batch_size=3, ordered=False))
    want = list(extractor.pipe(docs))
    assert sorted(r.doc for r in got) == sorted(d.id for d in docs)
    key = lambda r: json.dumps([x.to_dict() for x in r.relations])  # noqa: E731
    assert sorted(map(key, got)) == sorted(map(key, want))


def test_a_model_error_with_jobs_is_reported_by_the_main_process(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3)
    with pytest.raises(ModelError):
        list(parallel_pipe({"model": "no_such_model_xyz", "rules": [], "replace_rules": False,
                            "actors": []}, [Document("a", "text")], jobs=2, batch_size=2))
    out = relx("extract", str(corpus), "-f", "jsonl", "-j", "2", "--model", "no_such_model_xyz")
    assert out.returncode == 1
    assert "no_such_model_xyz" in out.stderr
    assert "Traceback" not in out.stderr
    assert out.stdout == ""


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
def test_ctrl_c_with_jobs_stops_the_workers(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3000)
    exe = Path(sys.executable).parent / "relx"
    proc = subprocess.Popen([str(exe), "extract", str(corpus), "-f", "jsonl", "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, stdin=subprocess.DEVNULL)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # workers are running
        assert first.startswith("{")
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    assert "interrupted" in err
    assert "Traceback" not in err
    # no worker survives: nothing else left in the process group
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)


# ------------------------------------------------------------------------------------ fast start


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_do_not_import_spacy(flag: str) -> None:
    code = ("import sys\nfrom relx.cli import main\ntry:\n    main([" + repr(flag) + "])\n"
            "except SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
            "print('SPACY', 'spacy' in sys.modules, 'thinc' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert "SPACY False False" in out.stdout


def test_the_pipeline_has_only_the_components_the_rules_read(extractor: Extractor) -> None:
    # tagger (tag_), attribute_ruler (pos_), lemmatizer (lemma_), parser (dep_, sentences),
    # ner (entities) and the tok2vec they share; senter would only duplicate the parser's work
    names = extractor.nlp.pipe_names
    spacy_components = [n for n in names if not n.startswith("relx_")]
    assert spacy_components == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                "ner"]
    assert "relx_actors" in names
