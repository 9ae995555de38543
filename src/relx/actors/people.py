"""People and names: the named entities of a document become actors, one per real-world actor.

A person named in full ("Turkish Foreign Minister Hakan Fidan") gets an id from the words of the
name, a role and a country read off the title; later surnames and transliteration variants
("al-Shara" for "Al -Sharaa") are the same person, also where the NER missed them. Organisations
are named by their longest form, and an acronym in brackets after it is the same organisation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..dictionary import Lexicon, slug
from ..records import Actor
from .dictionary_match import dictionary_actor
from .regions import region_actor
from .shared import Context, DocActors, clean_name

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}

People = dict[tuple[str, ...], Actor]  # a document's people by the words of their names


def resolve(doc: Doc, ctx: Context, out: DocActors) -> None:
    """Every entity that names an actor, in text order; then surnames the NER missed."""
    people = collect_people(doc, ctx)
    orgs: People = {}
    issues = issue_names(doc, ctx)
    for ent in doc.ents:
        if not ent.kb_id_ and ent.text in issues:
            continue
        actor = dictionary_actor(ent, ctx) if ent.kb_id_ else named_actor(ent, ctx, people, orgs)
        if actor is not None:
            out.add(actor, ent.start, ent.end)
    stray_surnames(doc, ctx, people, out)


_KEYS: dict[tuple[int, str], tuple[str, ...]] = {}  # memo: the same words recur in every doc
_KEYS_MAX = 200_000


def name_key(text: str, lex: Lexicon) -> tuple[str, ...]:
    """Words of a name for matching variants: 'Al -Sharaa' ~ 'al-Shara' ~ 'Sharaa' -> ('shara',)."""
    memo = (id(lex), text)
    found = _KEYS.get(memo)
    if found is None:
        if len(_KEYS) >= _KEYS_MAX:
            _KEYS.clear()
        found = _KEYS[memo] = _name_key(text, lex)
    return found


def _name_key(text: str, lex: Lexicon) -> tuple[str, ...]:
    text = re.sub(r"\s*[-\u2010-\u2015]\s*", "-", text.lower())
    text = re.sub(r"['’]s$", "", text)
    words: list[str] = []
    for raw in re.split(r"[\s.]+", text):
        parts = [p for p in raw.split("-") if p]
        while len(parts) > 1 and parts[0] in lex.name_particles:
            parts = parts[1:]
        word = "".join(parts)
        word = re.sub(r"[^\w]", "", word)
        word = re.sub(r"(\w)\1+", r"\1", word)  # doubled letters: Sharaa ~ Shara
        if word and word not in lex.name_particles and word not in lex.honorifics:
            words.append(word)
    return tuple(words)


STANCE = re.compile(r"(?i)(anti|pro|counter)\s*[-‐]")


def named_actor(ent: Span, ctx: Context, people: People, orgs: People) -> Actor | None:
    """The actor an entity outside the dictionary names: a person, organisation or people."""
    if ent.label_ not in ACTOR_LABELS or STANCE.match(ent.text):
        return None  # "anti-Brexit", "pro-Democracy": a stance, not an actor
    key = name_key(ent.text, ctx.lex)
    if not key:
        return None
    person = person_for(key, people)
    if ent.label_ == "PERSON" or (person and (len(key) == 1 or key in people)):
        if person is None:
            return None
        actor = Actor(person.id, person.name, "person", person.role, person.country)
        return actor
    if ent.label_ == "ORG":
        if key in orgs:
            return orgs[key]
        bare = key[1:] if key[0] == "the" else key
        longer = {a.id: a for k, a in orgs.items()
                  if len(bare) >= 2 and len(k) > len(bare) and k[-len(bare):] == bare}
        if len(longer) == 1:  # "House of Representatives" after "US House of Representatives"
            return next(iter(longer.values()))
        name = clean_name(ent.text)
        if not name or not any(ch.isupper() for ch in name):
            return None
        actor = Actor(f"org:{slug(name)}", name, "organization")
        orgs[key] = actor
        acronym = _acronym_after(ent)
        if acronym:
            orgs[name_key(acronym, ctx.lex)] = actor
        return actor
    if ent.label_ == "NORP" and ent.text[:1].isupper() and ent.text.endswith("s") \
            and ent.root.tag_ in {"NNPS", "NNS"}:
        name = clean_name(ent.text)
        return Actor(f"group:{slug(name)}", name, "group")
    if ent.label_ == "GPE":  # a state or province: an actor tied to its country
        return region_actor(ent.text, ctx.dictionary)
    return None  # other places and adjectives are not actors


def collect_people(doc: Doc, ctx: Context) -> People:
    """Full names in the document, keyed by name words; role/country read off their titles."""
    people: People = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.kb_id_:
            continue
        key = name_key(ent.text, ctx.lex)
        if not key:
            continue
        same = person_for(key, people)
        role, country = title(ent, ctx)
        if same is None:
            name = clean_name(ent.text)
            same = Actor(f"person:{'-'.join(key)}", name, "person", role, country)
            people[key] = same
        else:
            if len(key) > len(name_key(same.name, ctx.lex)):
                # a longer form of the same name becomes the display name; the id stays
                same.name = clean_name(ent.text)
            same.role = same.role or role
            same.country = same.country or country
        people.setdefault(key, same)
    issues = _issues(doc, ctx, {k for k, a in people.items() if len(k) == 1 and a.role is None})
    return {k: a for k, a in people.items() if k not in issues}


def _issues(doc: Doc, ctx: Context, keys: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The one-word 'people' with no title that the text uses as an issue, which are no people:
    one it is for or against ("anti-X", "pro-X"), or that modifies a common noun as a topic does
    ("the X deal", "the X vote"; a person's own 'campaign' or 'administration' does not count).
    One pass over the document for all of them."""
    if not keys:
        return set()
    lex = ctx.lex
    owned = lex.member_nouns | lex.personal_rule_nouns | lex.title_heads
    found: set[tuple[str, ...]] = set()
    for tok in doc:
        if not tok.text[:1].isupper():
            continue
        key = name_key(tok.text, lex)
        if key not in keys or key in found:
            continue
        stance = tok.i >= 2 and doc[tok.i - 1].text in {"-", "‐"} and \
            doc[tok.i - 2].lower_ in {"anti", "pro"}
        topic = tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and \
            tok.head.lemma_.lower() not in owned and tok.head.lower_ not in owned
        if stance or topic:
            found.add(key)
    return found


def issue_names(doc: Doc, ctx: Context) -> set[str]:
    """One-word organisation names that the text only ever uses as an issue: the topic of a
    common noun ("the Brexit deal"), a stance ("anti-Brexit") or what one talks about ("a say
    on Brexit"). A name used once as an actor ("Brexit said") stays one."""
    lex = ctx.lex
    owned = lex.member_nouns | lex.personal_rule_nouns | lex.title_heads | lex.government_nouns
    labels: dict[str, set[str]] = {}
    for e in doc.ents:
        if len(e) == 1 and not e.kb_id_ and e.label_ in ACTOR_LABELS:
            labels.setdefault(e.text, set()).add(e.label_)
    issues: set[str] = set()
    names = {name for name, found in labels.items() if "ORG" in found}
    if not names:
        return issues
    at: dict[str, list[Token]] = {}
    for t in doc:
        if t.text in names:
            at.setdefault(t.text, []).append(t)
    for name in names:
        found = labels[name]
        uses = at.get(name, [])
        issue_like = sum(_issue_use(t, owned) for t in uses)
        if uses and (issue_like == len(uses) or (  # the NER cannot say what it is either
                len(found) > 1 and 2 * issue_like >= len(uses) and not any(
                    t.dep_ in {"nsubj", "nsubjpass", "poss"} for t in uses))):
            issues.add(name)
    return issues


def _issue_use(tok: Token, owned: frozenset[str]) -> bool:
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text in {"-", "‐"} and \
            doc[tok.i - 2].lower_ in {"anti", "pro"}:
        return True
    if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.pos_ == "NOUN" and \
            tok.head.lemma_.lower() not in owned and tok.head.lower_ not in owned:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in {"on", "over", "about", "regarding",
                                                      "against"}


def person_for(key: tuple[str, ...], people: People) -> Actor | None:
    """The person whose name words contain these and end with the same surname."""
    if key in people:
        return people[key]
    best: Actor | None = None
    best_len = 0
    for known, actor in people.items():
        if known[-1] == key[-1] and set(key) <= set(known):
            if len(known) > best_len:
                best, best_len = actor, len(known)
        elif len(key) > 1 and known[-1] == key[-1] and known[0] == key[0]:
            best, best_len = actor, len(known)
    return best


def title(ent: Span, ctx: Context) -> tuple[str | None, str | None]:
    """Role and country from 'Turkish Foreign Minister X' or 'X, president of Russia'."""
    doc = ent.doc
    lex = ctx.lex
    entries = ctx.dictionary.entries
    role_words: list[str] = []
    country: str | None = None
    i = ent.start - 1
    while i >= 0 and i >= ent.start - 6:
        tok = doc[i]
        if tok.ent_kb_id_ and tok.ent_type_ in {"NORP", "GPE"}:
            entry = entries.get(tok.ent_kb_id_)
            if entry and entry.kind == "country":
                country = country or entry.name
                while i > 0 and doc[i].ent_iob_ == "I":
                    i -= 1
                i -= 1
                continue
            break
        low = tok.lower_
        if low in lex.title_heads or (low in lex.title_words and low not in {"the", "of"}):
            role_words.insert(0, tok.text)
            i -= 1
            continue
        break
    role = " ".join(role_words) or None
    if role and role.lower() in lex.title_words and not any(
            w.lower() in lex.title_heads for w in role_words):
        role = None
    for child in ent.root.children:  # "Anna Berg of Sweden"
        if country is None and child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                entry = entries.get(pobj.ent_kb_id_) if pobj.ent_kb_id_ else None
                if entry and entry.kind == "country":
                    country = entry.name
    if role is None or country is None:
        for child in ent.root.children:
            if child.dep_ == "appos" and child.lemma_.lower() in lex.title_heads:
                role = role or " ".join(t.text for t in child.subtree
                                        if t.i < child.i or t.i == child.i).strip()
                for t in child.subtree:
                    entry = entries.get(t.ent_kb_id_) if t.ent_kb_id_ else None
                    if entry and entry.kind == "country":
                        country = country or entry.name
                        break
    return role, country


def stray_surnames(doc: Doc, ctx: Context, people: People, out: DocActors) -> None:
    """Proper nouns the NER missed that repeat a known person's surname ('Al -Maliki said')."""
    if not people:
        return
    surnames = {k[-1]: a for k, a in people.items()}
    for tok in doc:
        # (a surname the NER took for a place or an event is still the person: "voted for X")
        if tok.i in out.token_actor or tok.ent_type_ in ACTOR_LABELS or \
                not tok.text[:1].isupper():
            continue
        if tok.ent_type_ and (tok.ent_iob_ == "I" or (
                tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")):
            continue  # a word of a longer name of a place or event ("Pelosi Park")
        if tok.pos_ not in {"PROPN", "NOUN"}:
            continue
        key = name_key(tok.text, ctx.lex)
        if len(key) == 1 and key[0] in surnames:
            actor = surnames[key[0]]
            start = tok.i
            while start > 0 and doc[start - 1].lower_ in ctx.lex.name_particles \
                    and start - 1 not in out.token_actor:
                start -= 1
            out.add(Actor(actor.id, actor.name, "person", actor.role, actor.country),
                    start, tok.i + 1)


def _acronym_after(ent: Span) -> str | None:
    """'Syrian Democratic Forces (SDF)' -> 'SDF'."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        cand = doc[ent.end + 1].text
        if cand.isupper() and 2 <= len(cand) <= 8:
            return cand
    return None
