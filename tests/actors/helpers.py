"""Small readers of a Result shared by the actor tests."""

from __future__ import annotations

from relx.records import Actor, Result


def triples(result: Result) -> set[tuple[str, str, str]]:
    """Asserted relations as (source, type, target) names; `meets` (symmetric) in name order."""
    out = set()
    for r in result.relations:
        if not r.asserted:
            continue
        a, b = r.source, r.target
        if r.type == "meets":
            a, b = sorted((a, b))
        out.add((a, r.type, b))
    return out


def ids(result: Result) -> set[str]:
    return {a.id for a in result.actors}


def actor(result: Result, name: str) -> Actor:
    found = [a for a in result.actors if a.name == name]
    assert len(found) == 1, [a.to_dict() for a in result.actors]
    return found[0]
