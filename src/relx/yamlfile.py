"""Loading and validating the YAML data files (rules, actor dictionaries).

Errors point at the field: `file: path -> to -> field: what is wrong`.
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from .errors import RulesError
from .reading import clean_text

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


def clean_string(text: str) -> str:
    """A YAML string cleaned like article text, so that names match it and print safely.

    YAML's "\\ud83d\\ude00" escapes (JSON written by json.dumps is YAML) give two lone surrogates:
    a pair is joined into its character, a lone one becomes U+FFFD; control characters (ESC
    sequences that would reach the terminal, characters XML cannot hold) become spaces.
    """
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return clean_text(text)


class _Loader(yaml.SafeLoader):
    """safe_load, plus: duplicate keys are an error, strings are cleaned (see clean_string)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # unhashable: the constructor below says so
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {shown(key)} (each key once per mapping)",
                    key_node.start_mark)
        return super().construct_mapping(node, deep=deep)


_Loader.add_constructor("tag:yaml.org,2002:str",
                        lambda loader, node: clean_string(loader.construct_scalar(node)))


def parse_yaml(text: str, label: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader: no Python tags
    except RecursionError:
        raise RulesError(label, [], "invalid YAML: nested too deeply") from None
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
                raise self.fail((*loc, shown(key) if not isinstance(key, str) or len(key) > 80
                                 else key), f"unknown key (allowed: {', '.join(allowed)})")
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
        # a list or mapping is refused before any formatting: the repr of an alias bomb never ends
        if not isinstance(value, str | int | float | bool):
            raise self.fail(loc, f"must be one of {', '.join(choices)}, not {_typename(value)}")
        if value not in choices:
            raise self.fail(loc, f"must be one of {', '.join(choices)}, not {shown(value)}")
        return str(value)


_repr = reprlib.Repr()
_repr.maxstring = 80
_repr.maxother = 80


def shown(value: Any) -> str:
    """A value for an error message: a bounded repr (a YAML value can be huge or an alias bomb)."""
    return _repr.repr(value)


def _typename(value: Any) -> str:
    if value is None:
        return "nothing"
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)
