"""The actor dictionary (countries, organisations, groups) and word lists that resolve actors.

Both are packaged YAML; users add or override dictionary entries with `--actors FILE`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import RulesError
from .yamlfile import Checker, load_yaml, shown

ENTRY_KEYS = ("id", "name", "kind", "aliases", "iso3", "demonyms", "capitals", "country")
DICT_KINDS = ("country", "organization", "group", "person")
LEXICON_KEYS = ("government_nouns", "force_nouns", "member_nouns", "bare_collectives",
                "title_heads", "title_words", "honorifics", "name_particles", "speech_verbs",
                "event_collectives", "personal_rule_nouns", "group_anaphors", "speech_nouns",
                "owner_state_nouns")


@dataclass(frozen=True, slots=True)
class Entry:
    """A dictionary actor: one canonical name, its surface forms, (countries) demonyms/capitals."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    iso3: str | None = None
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    country: str | None = None  # ISO3 of affiliation for organisations and groups


@dataclass(slots=True)
class ActorDictionary:
    """Entries by id, and every surface form -> (entry id, form type) for the matcher."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def forms(self) -> dict[str, tuple[str, str]]:
        """Surface form -> (id, 'alias'|'demonym'|'capital'); later entries win a clash."""
        out: dict[str, tuple[str, str]] = {}
        for entry in self.entries.values():
            for form in entry.capitals:
                out[form] = (entry.id, "capital")
            for form in entry.demonyms:
                out[form] = (entry.id, "demonym")
            for form in entry.aliases:
                out[form] = (entry.id, "alias")
        return out

    def by_iso3(self, iso3: str | None) -> Entry | None:
        return self.entries.get(f"country:{iso3}") if iso3 else None

    def demonym_of(self, entry_id: str) -> str | None:
        entry = self.entries.get(entry_id)
        return entry.demonyms[0] if entry and entry.demonyms else None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Plain English word lists (lower case) that drive collective, title and name resolution."""

    government_nouns: frozenset[str]
    force_nouns: frozenset[str]
    member_nouns: frozenset[str]
    bare_collectives: frozenset[str]
    title_heads: frozenset[str]
    title_words: frozenset[str]
    honorifics: frozenset[str]
    name_particles: frozenset[str]
    speech_verbs: frozenset[str]
    event_collectives: frozenset[str]
    personal_rule_nouns: frozenset[str]
    group_anaphors: frozenset[str]
    speech_nouns: frozenset[str]
    owner_state_nouns: frozenset[str]


def parse_entries(data: Any, source: str) -> list[Entry]:
    """Validate an actor file; errors name `file: actors -> i -> field`."""
    check = Checker(source)
    top = check.mapping(data, (), allowed=("version", "actors"), required=("actors",))
    items = top["actors"]
    if not isinstance(items, list):
        raise check.fail(("actors",), "must be a list of actors")
    entries: list[Entry] = []
    for i, raw in enumerate(items):
        loc: tuple[str | int, ...] = ("actors", i)
        item = check.mapping(raw, loc, allowed=ENTRY_KEYS, required=("name", "kind"))
        name = check.string(item["name"], (*loc, "name"))
        loc = ("actors", name)
        kind = check.choice(item["kind"], (*loc, "kind"), DICT_KINDS)
        aliases = check.strings(item.get("aliases", [name]), (*loc, "aliases"))
        if name not in aliases:
            aliases.insert(0, name)
        iso3 = item.get("iso3")
        if iso3 is not None:
            iso3 = check.string(iso3, (*loc, "iso3"))
            if not re.fullmatch(r"[A-Z]{3}", iso3):
                raise check.fail((*loc, "iso3"),
                                 "must be three capital letters (ISO 3166-1 alpha-3)")
        if kind == "country" and iso3 is None:
            raise check.fail((*loc, "iso3"), "field required for a country")
        entry_id = item.get("id")
        if entry_id is None:
            entry_id = (f"country:{iso3}" if kind == "country"
                        else f"{_ID_PREFIX[kind]}:{slug(name)}")
        entry_id = check.string(entry_id, (*loc, "id"))
        demonyms = check.strings(item.get("demonyms", []), (*loc, "demonyms"), empty_ok=True)
        capitals = check.strings(item.get("capitals", []), (*loc, "capitals"), empty_ok=True)
        if kind != "country" and (demonyms or capitals):
            raise check.fail((*loc, "demonyms" if demonyms else "capitals"),
                             "only countries have demonyms and capitals")
        country = item.get("country")
        if country is not None:
            country = check.string(country, (*loc, "country"))
        entries.append(Entry(entry_id, name, kind, tuple(aliases), iso3, tuple(demonyms),
                             tuple(capitals), country))
    return entries


_ID_PREFIX = {"country": "country", "organization": "org", "group": "group", "person": "person"}


def slug(text: str) -> str:
    """ASCII id part: 'Ahmed al-Sharaa' -> 'ahmed-al-sharaa'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _data(name: str) -> Path:
    return Path(str(resources.files("relx") / "data" / name))


@lru_cache(maxsize=8)
def load_dictionary(extra: tuple[str, ...] = ()) -> ActorDictionary:
    """The packaged dictionary plus user files; an entry with an existing id replaces it."""
    dictionary = ActorDictionary()
    origin: dict[str, str] = {}
    sources = [(_data("actors.yaml"), "relx/data/actors.yaml")] + [(Path(p), p) for p in extra]
    for path, label in sources:
        for entry in parse_entries(load_yaml(path, name=label), label):
            dictionary.entries[entry.id] = entry
            origin[entry.id] = label
    for entry in dictionary.entries.values():
        if entry.country and dictionary.by_iso3(entry.country) is None:
            raise RulesError(origin[entry.id], ["actors", entry.name, "country"],
                             f"no country with iso3 {shown(entry.country)} (in the packaged"
                             " dictionary or the --actors files)")
    return dictionary


def check_actor_files(files: Sequence[Path | str]) -> int:
    """Validate actor files without a model, country references included; the number of actors."""
    n = 0
    for f in files:
        n += len(parse_entries(load_yaml(f), str(f)))
        load_dictionary((str(f),))
    return n


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    label = "relx/data/lexicon.yaml"
    data = load_yaml(_data("lexicon.yaml"), name=label)
    check = Checker(label)
    top = check.mapping(data, (), allowed=LEXICON_KEYS, required=LEXICON_KEYS)
    return Lexicon(**{k: frozenset(w.lower() for w in check.strings(top[k], (k,)))
                      for k in LEXICON_KEYS})
