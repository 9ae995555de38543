"""CAMEO: the event-data field's verb dictionary (PETRARCH2's CAMEO.2.0.txt, MIT) as relx rules.

`parse_dictionary` reads the synsets (`---  VERB  [code]  ---`, one verb per line with an
optional code of its own); `derive_rules` keeps the one-word verbs whose CAMEO root maps to a relx
type (the map of the annotation guidelines: 03/05/06/07/08 supports, 04 meets, 11/12/13/16/17/18/
19/20 opposes), drops the curated lemmas and those the hand-written rules already cover, and
groups the rest by root into verb rules that keep each lemma's code. `relx rules import-cameo`
writes them as a packaged rule file; `cameo_codes` gives every lemma's code so that records of
hand-written rules carry one too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT_TYPES: dict[str, str] = {
    "03": "supports", "05": "supports", "06": "supports", "07": "supports", "08": "supports",
    "04": "meets",
    "11": "opposes", "12": "opposes", "13": "opposes", "16": "opposes", "17": "opposes",
    "18": "opposes", "19": "opposes", "20": "opposes",
}
ROOT_NAMES: dict[str, str] = {
    "03": "intent to cooperate", "04": "consult", "05": "diplomatic cooperation",
    "06": "material cooperation", "07": "provide aid", "08": "yield", "11": "disapprove",
    "12": "reject", "13": "threaten", "16": "reduce relations", "17": "coerce", "18": "assault",
    "19": "fight", "20": "mass violence",
}
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9-]*)?\]")
WORD = re.compile(r"^[A-Z][A-Z'-]*$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One verb of the dictionary with the CAMEO code it codes by default."""

    lemma: str
    code: str
    synset: str


def parse_dictionary(lines: Iterable[str]) -> Iterator[Entry]:
    """Verb entries of CAMEO.2.0.txt: a verb's own code, else its synset's; multi-word forms
    ('+CALL_OFF') and patterns ('- * OBJECT [code]') are skipped."""
    synset, default = "", ""
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        head = BLOCK.match(line)
        if head:
            synset = head.group(1)
            m = CODE.match(f"[{head.group(2)}]")
            default = m.group(1) if m else ""
            continue
        if not synset or not line or line[0] in "-+&{ \t":
            continue
        word = line.split()[0]
        if not WORD.match(word):
            continue
        own = CODE.search(line)
        code = own.group(1) if own else default
        if code:
            yield Entry(word.lower(), code, synset.lower())


def cameo_type(code: str) -> str | None:
    return ROOT_TYPES.get(code[:2])


def derive_rules(entries: Iterable[Entry], *, drop: Iterable[str] = (),
                 covered: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Verb rules, one per CAMEO root, as rule-file mappings (with a `cameo` lemma -> code map).

    A lemma listed twice keeps its first code; `drop` (curation) and `covered` (lemmas of the
    hand-written verb rules) are left out.
    """
    skip = set(drop) | set(covered)
    by_root: dict[str, dict[str, str]] = {}
    seen: set[str] = set()
    for e in entries:
        if e.lemma in seen or cameo_type(e.code) is None:
            continue
        seen.add(e.lemma)
        if e.lemma not in skip:
            by_root.setdefault(e.code[:2], {})[e.lemma] = e.code
    rules = []
    for root in sorted(by_root):
        codes = dict(sorted(by_root[root].items()))
        rules.append({
            "id": f"cameo-{root}", "type": ROOT_TYPES[root], "pattern": "verb",
            "description": f"CAMEO {root} ({ROOT_NAMES[root]}), imported from CAMEO.2.0.txt",
            "lemmas": list(codes), "cameo": codes, "confidence": 0.6,
        })
    return rules


def cameo_codes(entries: Iterable[Entry]) -> dict[str, str]:
    """Every lemma's first CAMEO code whose root relx maps to a type."""
    out: dict[str, str] = {}
    for e in entries:
        if cameo_type(e.code) is not None:
            out.setdefault(e.lemma, e.code)
    return out


HEADER = """\
# relx verb rules derived from the CAMEO verb dictionary of PETRARCH2 (CAMEO.2.0.txt),
# by `relx rules import-cameo` (src/relx/cameo.py). Do not edit by hand: change the curation
# (src/relx/data/cameo_curation.yaml) and import again.
#
# Source: Open Event Data Alliance, petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt.
# The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright notice
# and this permission notice shall be included in all copies or substantial portions of the
# Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
# INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
# PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR
# ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE,
# ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.
"""


def import_cameo(dictionary: Path | str, curation: dict[str, Any], covered: Iterable[str]
                 ) -> tuple[str, dict[str, Any]]:
    """The text of a rule file derived from `dictionary`, and a summary of what was kept."""
    import yaml

    with open(dictionary, encoding="utf-8", errors="replace") as fh:
        entries = list(parse_dictionary(fh))
    roots = set(curation.get("roots") or ROOT_TYPES)
    drop = {str(w).lower() for w in curation.get("drop") or ()}
    kept = [e for e in entries if e.code[:2] in roots]
    rules = derive_rules(kept, drop=drop, covered=covered)
    codes = cameo_codes(entries)
    body = yaml.safe_dump({"version": 1, "rules": rules,
                           "cameo_codes": dict(sorted(codes.items()))},
                          sort_keys=False, allow_unicode=True, width=100)
    summary = {"entries": len(entries), "rules": len(rules),
               "lemmas": sum(len(r["lemmas"]) for r in rules), "codes": len(codes)}
    return HEADER + body, summary


def load_curation(path: Path | str | None = None) -> dict[str, Any]:
    """The curation file (roots, drop); the packaged one by default."""
    from importlib import resources

    from .yamlfile import load_yaml

    if path is None:
        path = Path(str(resources.files("relx") / "data" / "cameo_curation.yaml"))
    data = load_yaml(path)
    return data if isinstance(data, dict) else {}
