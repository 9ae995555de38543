"""relx: who supports, opposes and meets whom in news articles.

>>> import relx
>>> result = relx.extract("Turkish Foreign Minister Hakan Fidan met Iraqi officials in Baghdad.")
>>> [(r.source, r.type, r.target) for r in result.relations]
[('Hakan Fidan', 'meets', 'Iraq')]

Heavy modules (spaCy) load on first use, so `relx --help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import InputError, ModelError, OutputError, RelxError, RulesError
from .records import Actor, Document, Relation, Result

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .core import Extractor, extract
    from .graph import build_graph

__all__ = ["Actor", "Document", "Extractor", "InputError", "ModelError", "OutputError", "Relation",
           "RelxError", "Result", "RulesError", "__version__", "build_graph", "extract"]


def __getattr__(name: str) -> Any:
    if name in {"extract", "Extractor"}:
        from . import core as module

        return getattr(module, name)
    if name == "build_graph":
        from .graph import build_graph

        return build_graph
    raise AttributeError(f"module 'relx' has no attribute {name!r}")
