"""Sub-national units (states, provinces, regions) from pycountry's ISO 3166-2 subdivisions, a
maintained gazetteer, rather than a hand list: "Idaho and Wyoming sued the agency", "the state
of Montana". A place the NER tags as GPE (or a "state of X" phrase) whose name is a first-level
political subdivision is an actor of kind group, tied to its country."""

from __future__ import annotations

import re
from functools import lru_cache

from ..dictionary import ActorDictionary, slug
from ..records import Actor

# first-level units that govern themselves; districts, municipalities and counties are left out
# (too many, and their names collide with common words and towns)
POLITICAL_TYPES = {
    "State", "Province", "Region", "Land", "Canton", "Governorate", "Prefecture", "Oblast",
    "Emirate", "Republic", "Territory", "Union territory", "Autonomous region",
    "Autonomous community", "Autonomous republic", "Regional state", "Voivodship",
    "Autonomous province", "Federal district", "Federal territory", "Country", "Nation",
    "Special administrative region", "Autonomous city", "Capital territory", "Krai",
}
REGION_ID = re.compile(r"^group:[a-z]{2}-[a-z0-9]{1,3}$")
# unit names that are ordinary words (Cameroon's "North", Ghana's "Central")
GENERIC = {"north", "south", "east", "west", "centre", "center", "central", "capital", "coast",
           "littoral", "northern", "southern", "eastern", "western", "north-west", "north-east",
           "south-west", "south-east", "far north", "upper", "lower", "middle", "interior",
           "islands", "lakes", "plateau", "mountains", "highlands", "lowlands", "valley"}
# words that name the unit's type in a phrase ("the state of Montana", "Ontario province")
UNIT_NOUNS = {"state", "province", "region", "canton", "governorate", "prefecture", "oblast",
              "territory", "emirate", "land"}


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, tuple[str, str, str]]:
    """Lower-cased name -> (code, name, country alpha-3); a name shared by two countries' units
    is left out, since the text alone cannot say which."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    found: dict[str, tuple[str, str, str]] = {}
    clash: set[str] = set()
    for sub in pycountry.subdivisions:
        if sub.type not in POLITICAL_TYPES or getattr(sub, "parent_code", None):
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        for name in {sub.name, sub.name.split(" (")[0]}:
            key = name.lower()
            if key in found and found[key][0] != sub.code:
                clash.add(key)
            found[key] = (sub.code, name, country.alpha_3)
    return {k: v for k, v in found.items() if k not in clash and k not in GENERIC}


def region_actor(name: str, dictionary: ActorDictionary) -> Actor | None:
    """The actor for a subdivision called `name`, or None; it carries its country's name (from
    the dictionary), so that `--level country` rolls it up."""
    hit = _subdivisions().get(name.lower().removeprefix("the "))
    if hit is None:
        return territory_actor(name, dictionary)
    code, canonical, alpha3 = hit
    country = dictionary.by_iso3(alpha3)
    return Actor(f"group:{slug(code)}", canonical, "group",
                 country=country.name if country else None)


def territory_actor(name: str, dictionary: ActorDictionary) -> Actor | None:
    """An ISO 3166-1 country or territory the actor dictionary does not list (Hong Kong, Puerto
    Rico, Greenland): an actor of kind country under its ISO code."""
    found = _territories().get(name.lower().removeprefix("the "))
    if found is None or dictionary.by_iso3(found[0]) is not None:
        return None
    return Actor(f"country:{found[0]}", found[1], "country")


@lru_cache(maxsize=1)
def _territories() -> dict[str, tuple[str, str]]:
    """pycountry's countries by every lower-case name: (alpha-3, display name); built once."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    out: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        shown = getattr(c, "common_name", c.name)
        for form in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")):
            if form:
                out.setdefault(form.lower(), (c.alpha_3, shown))
    return out


def is_region(actor: Actor) -> bool:
    return actor.kind == "group" and REGION_ID.match(actor.id) is not None
