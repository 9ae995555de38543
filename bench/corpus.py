"""A benchmark corpus: N news-like documents as JSON Lines, from data/samples/*.txt or synthetic.

The synthetic articles are made from our own sentence templates (no third-party text): varied
lengths, actors (countries, capitals, leaders, organisations), relation verbs and plain filler,
so that both spaCy and relx's rules do realistic work.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"

COUNTRIES = ["Turkey", "Iraq", "Iran", "Syria", "Egypt", "Sudan", "Ukraine", "Russia", "France",
             "Germany", "Japan", "Brazil", "Kenya", "Ethiopia", "Canada", "Mexico", "India",
             "Pakistan", "Qatar", "Jordan", "Poland", "Greece", "Cyprus", "Israel", "Lebanon"]
DEMONYMS = ["Turkish", "Iraqi", "Iranian", "Syrian", "Egyptian", "Sudanese", "Ukrainian",
            "Russian", "French", "German", "Japanese", "Brazilian", "Kenyan", "Canadian"]
FIRST = ["Amina", "Karim", "Elena", "Tomas", "Leila", "Viktor", "Nadia", "Omar", "Ingrid",
         "Rafael", "Sofia", "Yusuf", "Mariam", "Pavel", "Hana", "Daniel", "Aylin", "Jonas"]
LAST = ["Haddad", "Petrenko", "Okafor", "Lindqvist", "Moreau", "Kaya", "Rahimi", "Novak",
        "Tanaka", "Silva", "Mwangi", "Kowalski", "Demir", "Farouk", "Castillo", "Berger"]
ROLES = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "envoy"]
ORGS = ["the United Nations", "NATO", "the European Union", "the African Union",
        "the World Bank", "the Arab League", "the International Monetary Fund"]
SUPPORT = ["supports", "backed", "welcomed", "praised", "endorsed", "pledged aid to"]
OPPOSE = ["condemned", "criticised", "sanctioned", "accused", "rejected", "warned"]
MEET = ["met", "held talks with", "hosted", "received"]
TOPICS = ["the pipeline", "the ceasefire", "grain exports", "the border crossing", "the dam",
          "water rights", "the trade agreement", "refugee returns", "the election", "oil prices"]
FILLER = [
    "Officials said the discussions covered {topic} and regional security.",
    "The statement came after weeks of tension over {topic}.",
    "Analysts expect further negotiations on {topic} later this month.",
    "Markets reacted calmly, with shares in the region ending the day slightly higher.",
    "Local residents told reporters that prices had risen sharply since the spring.",
    "A spokesperson declined to comment on the details of {topic}.",
    "The ministry published a short summary of the meeting on its website on {day}.",
    "Heavy rain delayed several flights, and the delegation arrived two hours late.",
    "Critics argue that the plan does little to address {topic}, while supporters call it a"
    " necessary first step.",
    "According to the latest figures, more than {num} people have been affected.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(DEMONYMS)} {rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"


def _actor(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.45:
        return rng.choice(COUNTRIES)
    if pick < 0.75:
        return _person(rng)
    return rng.choice(ORGS)


def _sentence(rng: random.Random) -> str:
    roll = rng.random()
    topic, day = rng.choice(TOPICS), rng.choice(DAYS)
    if roll < 0.45:
        return rng.choice(FILLER).format(topic=topic, day=day, num=rng.randint(2, 900) * 100)
    a, b = _actor(rng), _actor(rng)
    if roll < 0.6:
        return f"{a} {rng.choice(SUPPORT)} {b} on {day} over {topic}."
    if roll < 0.75:
        return f"{a} {rng.choice(OPPOSE)} {b} for its role in {topic}."
    if roll < 0.85:
        return f"{a} {rng.choice(MEET)} {b} in {rng.choice(COUNTRIES)} on {day} to discuss {topic}."
    if roll < 0.93:
        return f"{a} said it would not {rng.choice(['support', 'oppose'])} {b} on {topic}."
    return f"{a} and {b} signed an agreement on {topic} on {day}."


def synthetic_article(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(2, 6)):
        sentences = (_sentence(rng) for _ in range(rng.randint(1, 4)))
        paragraphs.append(" ".join(s[:1].upper() + s[1:] for s in sentences))
    return "\n\n".join(paragraphs)


def sample_texts() -> list[str]:
    """The project's sample articles, if any."""
    if not SAMPLES.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def folder_texts(folders: list[Path]) -> list[str]:
    """The *.txt files of `folders` (e.g. the real news of ../shared/eval/dev: read at run
    time, never copied into the project)."""
    return [p.read_text(encoding="utf-8") for d in folders for p in sorted(d.glob("*.txt"))]


def write_corpus(path: Path, n: int, *, seed: int = 5, synthetic: bool | None = None,
                 texts: list[str] | None = None) -> str:
    """Write `n` documents to `path` (JSONL); returns where the texts came from."""
    rng = random.Random(seed)
    samples = [] if synthetic else (texts or sample_texts())
    kind = "articles from --texts" if texts else "data/samples articles"
    origin = f"{len(samples)} {kind} (cycled)" if samples else "synthetic"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = samples[i % len(samples)] if samples else synthetic_article(rng)
            fh.write(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n")
    return origin


def iter_corpus(path: Path):  # -> Iterator[tuple[str, str]]
    """(id, text) pairs, read one line at a time."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                yield record["id"], record["text"]
