"""Helpers for the relation tests: triples, expected sets and strict known gaps.

Expectations follow the annotation guidelines: only asserted relations count (negated, planned and
hypothetical ones are flagged, not dropped), `meets` is symmetric, and a group ("talks between A
and B", "A and B signed a deal") stands for every pair. Cases marked with `gap` are known gaps:
they are strict xfails, so fixing one turns it into a failure that asks for the mark to be
removed. Sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from relx.core import Extractor
from relx.records import Relation, Result

Triple = tuple[str, str, str]

def key(source: str, rtype: str, target: str) -> Triple:
    """`meets` is symmetric: compare it in name order."""
    if rtype == "meets":
        source, target = sorted((source, target))
    return (source, rtype, target)

def asserted(result: Result) -> set[Triple]:
    return {key(r.source, r.type, r.target) for r in result.relations if r.asserted}

def expect(*items: Triple) -> set[Triple]:
    return {key(*t) for t in items}

def gap(text: str, *items: Triple, reason: str) -> pytest.ParameterSet:
    """A case the engine gets wrong today; strict, so a fix shows up."""
    return pytest.param(text, expect(*items), marks=pytest.mark.xfail(reason=reason, strict=True),
                        id=text)

def case(text: str, *items: Triple) -> pytest.ParameterSet:
    return pytest.param(text, expect(*items), id=text)

def check(extractor: Extractor, text: str, expected: set[Triple]) -> None:
    result = extractor.extract(text)
    assert asserted(result) == expected, [r.to_dict() for r in result.relations]

def one(extractor: Extractor, text: str, triple: Triple) -> Relation:
    """The single relation of `text`, which must be `triple`."""
    rels = extractor.extract(text).relations
    assert len(rels) == 1, [r.to_dict() for r in rels]
    assert key(rels[0].source, rels[0].type, rels[0].target) == key(*triple)
    return rels[0]
