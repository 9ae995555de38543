"""Plain records that leave the pipeline: no spaCy objects, so they pickle and outlive a Doc."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

RelationType = Literal["supports", "opposes", "meets"]
RELATION_TYPES: tuple[str, ...] = ("supports", "opposes", "meets")
MODALITIES: tuple[str, ...] = ("asserted", "hypothetical", "planned", "uncertain")
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "country", "group")


@dataclass(slots=True)
class Actor:
    """One canonical actor of a document; `id` is stable across documents so graphs merge."""

    id: str
    name: str
    kind: str
    role: str | None = None
    country: str | None = None
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Relation:
    """One relation asserted (or negated, or only planned) by one sentence."""

    doc: str
    source: str
    type: str
    target: str
    source_id: str
    target_id: str
    source_kind: str
    target_kind: str
    trigger: str
    sentence: str
    start: int
    end: int
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    rule: str = ""
    cameo: str | None = None  # the CAMEO event code of the trigger that fired
    source_role: str | None = None
    source_country: str | None = None
    target_role: str | None = None
    target_country: str | None = None
    date: str | None = None
    # how often each side is mentioned in the whole document: lets records alone rebuild the graph
    source_mentions: int | None = None
    target_mentions: int | None = None

    @property
    def asserted(self) -> bool:
        """True when the text says it happened: what the graph keeps by default."""
        return not self.negated and self.modality == "asserted"

    def to_dict(self) -> dict[str, Any]:
        """The output contract: one JSON object per relation; None-valued optional keys dropped."""
        data = asdict(self)
        return {k: v for k, v in data.items() if v is not None}


@dataclass(slots=True)
class Document:
    """An input article: text plus the metadata that travels into every relation."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str = ""  # where it came from, for error messages: "a.txt", "corpus.jsonl:12"


@dataclass(slots=True)
class Result:
    """What `relx.extract` returns for one document."""

    doc: str
    actors: list[Actor] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    date: str | None = None
    error: str | None = None  # set when extraction failed on this document (and only then)

    def stamp_mentions(self) -> None:
        """Copy each actor's mention count onto the relations that name it, so that a stream of
        relation records (`relx graph`) rebuilds the very graph `relx extract` builds."""
        mentions = {a.id: a.mentions for a in self.actors}
        for rel in self.relations:
            rel.source_mentions = mentions.get(rel.source_id, rel.source_mentions)
            rel.target_mentions = mentions.get(rel.target_id, rel.target_mentions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "actors": [a.to_dict() for a in self.actors],
            "relations": [r.to_dict() for r in self.relations],
            **({"error": self.error} if self.error else {}),
        }
