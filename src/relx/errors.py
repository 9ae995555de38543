"""Errors a user can act on. The CLI prints `str(error)` as one line; nothing else leaks out."""

from __future__ import annotations

import re

# Characters that would break a one-line message or drive the terminal: C0/C1 controls (a newline
# in a file name, ESC sequences), line and paragraph separators, lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(message: str) -> str:
    """`message` on one line, safe for a terminal: control characters shown as escapes."""
    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\x{ord(ch):02x}"
                                                          if ord(ch) < 0x100 else
                                                          f"\\u{ord(ch):04x}")

    return _UNPRINTABLE.sub(escape, message)


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


class WorkerDied(RelxError):
    """A --jobs worker process died (killed, out of memory) twice on the same documents."""
