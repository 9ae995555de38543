"""`--level country`: people and groups rolled up to their countries, for country-dyad analysis."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from .dictionary import ActorDictionary, load_dictionary
from .records import Actor, Relation, Result


def country_level(results: Iterable[Result], actor_files: list[str]) -> Iterator[Result]:
    """Each result with actors replaced by their country; relations within one country dropped."""
    dictionary = load_dictionary(tuple(actor_files))
    by_name = {e.name: e for e in dictionary.entries.values() if e.kind == "country"}
    for result in results:
        yield roll_up(result, by_name, dictionary)


def _country(actor_id: str, kind: str, country: str | None, by_name: dict,
             dictionary: ActorDictionary) -> Actor | None:
    if kind == "country":
        entry = dictionary.entries.get(actor_id)
        return Actor(actor_id, entry.name if entry else actor_id, "country")
    entry = by_name.get(country or "")
    return Actor(entry.id, entry.name, "country") if entry else None


def roll_up(result: Result, by_name: dict, dictionary: ActorDictionary) -> Result:
    actors: dict[str, Actor] = {}
    for a in result.actors:
        c = _country(a.id, a.kind, a.country, by_name, dictionary)
        if c is not None:
            actors.setdefault(c.id, c).mentions += a.mentions
    relations: list[Relation] = []
    for r in result.relations:
        s = _country(r.source_id, r.source_kind, r.source_country, by_name, dictionary)
        t = _country(r.target_id, r.target_kind, r.target_country, by_name, dictionary)
        if s is None or t is None or s.id == t.id:
            continue
        relations.append(replace(r, source=s.name, target=t.name, source_id=s.id, target_id=t.id,
                                 source_kind="country", target_kind="country", source_role=None,
                                 target_role=None, source_country=None, target_country=None))
    rolled = Result(result.doc, list(actors.values()), relations, result.date)
    rolled.stamp_mentions()
    return rolled
