"""Why a relation was found, and why none was: the tool a rule writer needs.

For each sentence: the actor mentions; each rule that fired with its construction, trigger and
argument tokens and the records it gave; and each trigger word seen that gave nothing, with the
reason (no arguments in the construction's shape, arguments that name no actor, or a relation of
an actor with itself).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..actors import DocActors
from .base import Match
from .engine import RelationEngine, candidate_sentences


@dataclass(slots=True)
class Firing:
    construction: str
    rule: str
    type: str
    trigger: str
    sources: list[str]
    targets: list[str]
    relations: list[str]  # "A opposes B [negated, planned]"


@dataclass(slots=True)
class Miss:
    construction: str
    rule: str
    trigger: str
    reason: str


@dataclass(slots=True)
class SentenceReport:
    text: str
    actors: list[str]  # "mention -> actor name"
    skipped: str = ""  # why the engine does not read this sentence at all
    fired: list[Firing] = field(default_factory=list)
    missed: list[Miss] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def explain(engine: RelationEngine, doc: Doc, actors: DocActors) -> list[SentenceReport]:
    """A report for every sentence of `doc`."""
    engine(doc, actors, doc_id="explain")  # the document's events, for anaphors that point back
    for c in engine.constructions:
        c.start(doc, actors)
    read = {sent.start for sent in candidate_sentences(doc, actors, engine.args.anaphors)}
    return [_sentence(engine, sent, actors, sent.start in read) for sent in doc.sents]


def _sentence(engine: RelationEngine, sent: Span, actors: DocActors, read: bool
              ) -> SentenceReport:
    mentions = [f"{sent.doc[m.start:m.end].text} -> {actors.actors[m.actor].name}"
                for m in actors.mentions if sent.start <= m.start < sent.end]
    ids = {actors.token_actor[i] for i in range(sent.start, sent.end) if i in actors.token_actor}
    report = SentenceReport(sent.text.strip(), mentions)
    if not read:
        report.skipped = (f"{len(ids)} actor{'' if len(ids) == 1 else 's'} and no anaphor that"
                          " points back: a relation needs two")
    for tok in sent:
        for c in engine.constructions:
            for rule in c.triggers(tok):
                if "*" in rule.lemmas and not matches_prep(tok, rule.preps):
                    continue  # an any-verb rule says nothing about verbs without its preposition
                matches = list(c.read(tok, rule, actors))
                if not matches:
                    report.missed.append(Miss(c.name, rule.id, tok.text, _no_shape(tok, actors)))
                for m in matches:
                    _record(engine, c.name, m, actors, report)
    if not report.skipped and not report.fired and not report.missed:
        report.skipped = "no trigger word of any rule in this sentence"
    return report


def _record(engine: RelationEngine, name: str, m: Match, actors: DocActors,
            report: SentenceReport) -> None:
    words = " ".join(t.text for t in sorted(set(m.words), key=lambda t: t.i))
    rels = list(engine.relations(m, actors, "explain", None))
    if not rels:
        report.missed.append(Miss(name, m.rule.id, words, _no_actors(engine, m, actors)))
        return
    shown = []
    for r in rels:
        flags = [f for f in ("negated" if r.negated else "",
                             "" if r.modality == "asserted" else r.modality) if f]
        shown.append(f"{r.source} {r.type} {r.target}" + (f" [{', '.join(flags)}]" if flags
                                                          else ""))
    group = [t.text for t in m.group or []]
    report.fired.append(Firing(name, m.rule.id, m.rule.type, words,
                               group or [t.text for t in m.sources],
                               group or [t.text for t in m.targets], shown))


def matches_prep(tok: Token, preps: frozenset[str]) -> bool:
    return any(c.dep_ in {"prep", "agent"} and c.lower_ in preps for c in tok.children)


def _no_shape(tok: Token, actors: DocActors) -> str:
    """A trigger whose construction found no arguments: show what hangs on it."""
    deps = [f"{c.dep_} '{c.text}'" + ("" if actors.of(c) is None else f" ({actors.of(c).name})")
            for c in tok.children if c.dep_ not in {"punct", "det", "aux", "cc"}]
    where = f"'{tok.text}' is {tok.dep_} of '{tok.head.text}'" if tok.head.i != tok.i else \
        f"'{tok.text}' is the root"
    return (f"no source and target in the construction's shape; {where}; dependents: "
            f"{', '.join(deps) or 'none'}")


def _no_actors(engine: RelationEngine, m: Match, actors: DocActors) -> str:
    if m.group is not None:
        return (f"group {', '.join(repr(t.text) for t in m.group)} names fewer than two"
                " actors of different delegations")
    src = [a.name for t in m.sources for a in engine.args.actors(t, actors)]
    tgt = [a.name for t in m.targets for a in engine.args.actors(t, actors)]
    parts = []
    if not src:
        parts.append(f"source {', '.join(repr(t.text) for t in m.sources)} is no actor")
    if not tgt:
        parts.append(f"target {', '.join(repr(t.text) for t in m.targets)} is no actor")
    return "; ".join(parts) or f"source and target are the same actor ({src[0]})"
