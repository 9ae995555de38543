"""Loading and validating the YAML data files (rules, actor dictionaries).

Errors point at the field: `file: path -> to -> field: what is wrong`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from .errors import RulesError

Loc = tuple[str | int, ...]


def load_yaml(path: Path | str, *, name: str | None = None) -> Any:
    """Parse a YAML file; syntax errors become a RulesError with line and column."""
    label = name or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(label, [], "no such file") from None
    except IsADirectoryError:
        raise RulesError(label, [], "is a directory, not a YAML file") from None
    except UnicodeDecodeError as exc:
        raise RulesError(label, [], f"not UTF-8 text (byte {exc.start}): save it as UTF-8"
                         ) from None
    except OSError as exc:
        raise RulesError(label, [], f"cannot read: {exc.strerror or exc}") from None
    return parse_yaml(text, label)


def parse_yaml(text: str, label: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "syntax"
        raise RulesError(label, [where], f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise RulesError(label, [], f"invalid YAML: {exc}") from None


class Checker:
    """Small typed accessors that raise RulesError naming the file and the path to the field."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, loc: Loc, message: str) -> RulesError:
        return RulesError(self.source, list(loc), message)

    def mapping(self, value: Any, loc: Loc, *, allowed: Sequence[str], required: Sequence[str] = ()
                ) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(loc, f"must be a mapping, not {_typename(value)}")
        for key in value:
            if key not in allowed:
                raise self.fail((*loc, str(key)), f"unknown key (allowed: {', '.join(allowed)})")
        for key in required:
            if key not in value:
                raise self.fail((*loc, key), "field required")
        return value

    def string(self, value: Any, loc: Loc) -> str:
        if isinstance(value, bool):
            raise self.fail(loc, "must be a non-empty string, not a boolean (YAML reads"
                            " on/off/yes/no as booleans: quote them)")
        if not isinstance(value, str) or not value.strip():
            raise self.fail(loc, f"must be a non-empty string, not {_typename(value)}")
        return value.strip()

    def strings(self, value: Any, loc: Loc, *, empty_ok: bool = False) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.fail(loc, f"must be a list of strings, not {_typename(value)}")
        if not value and not empty_ok:
            raise self.fail(loc, "must not be empty")
        return [self.string(item, (*loc, i)) for i, item in enumerate(value)]

    def number(self, value: Any, loc: Loc, lo: float, hi: float) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(loc, f"must be a number, not {_typename(value)}")
        if not lo <= value <= hi:
            raise self.fail(loc, f"must be between {lo} and {hi}")
        return float(value)

    def boolean(self, value: Any, loc: Loc) -> bool:
        if not isinstance(value, bool):
            raise self.fail(loc, f"must be true or false, not {_typename(value)}")
        return value

    def choice(self, value: Any, loc: Loc, choices: Sequence[str]) -> str:
        if value not in choices:
            raise self.fail(loc, f"must be one of {', '.join(choices)}, not {value!r}")
        return str(value)


def _typename(value: Any) -> str:
    if value is None:
        return "nothing"
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)
