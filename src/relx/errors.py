"""Errors a user can act on. The CLI prints `str(error)` as one line; nothing else leaks out."""

from __future__ import annotations


class RelxError(Exception):
    """Base class: anything relx reports to a user as a one-line message."""


class InputError(RelxError):
    """An input (file, JSONL line) cannot be read; other inputs go on."""


class RulesError(RelxError):
    """A rule or actor file is invalid: `file: path -> to -> field: what is wrong`."""

    def __init__(self, source: str, path: list[str | int] | tuple[str | int, ...], message: str):
        self.source = source
        self.path = [str(p) for p in path]
        self.message = message
        where = " -> ".join(self.path)
        super().__init__(f"{source}: {where}: {message}" if where else f"{source}: {message}")


class ModelError(RelxError):
    """The spaCy pipeline is missing or unfit for relx."""


class OutputError(RelxError):
    """The output cannot be written where the user asked."""
