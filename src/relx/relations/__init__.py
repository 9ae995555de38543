"""Relations read off a dependency parse, one module per construction.

- `args`: argument helpers every construction shares (subjects, prepositions, agents, actors)
- `status`: negation and modality
- `verb`, `noun`, `role` (adjectives and role nouns), `label`, `join`, `protest`: constructions
  in Python
- `anaphora`: events pointed back to ('welcomed the decision', 'echoed the criticism')
- `shape`: constructions written as data (DependencyMatcher patterns in the rules YAML)
- `engine`: runs the registered constructions and builds the records
- `explain`: what fired in a sentence, and why nothing did

A construction registers itself with `@construction`; rules name the construction they feed
through their `pattern` field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import anaphora, join, label, noun, protest, role, shape, verb  # noqa: F401  (importing registers them)
from .base import REGISTRY, Construction, Match, construction
from .engine import RelationEngine

if TYPE_CHECKING:
    from ..rules import RuleSet

__all__ = ["REGISTRY", "Construction", "Match", "RelationEngine", "construction",
           "constructions_table"]


def constructions_table(rules: RuleSet) -> list[dict[str, Any]]:
    """Each construction, in the order it runs, with the ids of the rules it reads."""
    ordered = sorted(REGISTRY.values(), key=lambda c: c.order)
    return [{"name": c.name, "reads": f"pattern: {c.pattern}", "description": c.description,
             "rules": [r.id for r in rules.rules if r.pattern == c.pattern]} for c in ordered]
