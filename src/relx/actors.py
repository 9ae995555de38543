"""Actors: dictionary matching in the spaCy pipeline, then one canonical actor per real-world actor.

Two stages. `ActorMatcher` is a pipeline component (after `ner`) that lets dictionary matches win
over the statistical NER and tags them with the actor id (`ent.kb_id_`). `Resolver` then reads a
parsed Doc and maps tokens to canonical actors: dictionary entries, people (surnames and
transliteration variants merged within the document, with role and country), organisations,
collectives ("Iraqi factions"), titles ("the Syrian President") and pronouns.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .dictionary import ActorDictionary, Lexicon, load_dictionary, load_lexicon, slug
from .records import Actor

COMPONENT = "relx_actors"
BREAKS = "relx_line_breaks"
NER_KEEPS = {"PERSON", "ORG", "FAC", "LOC"}  # names that may contain a country: "Gulf of Mexico"
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
FORM_LABEL = {"alias": None, "demonym": "NORP", "capital": "GPE"}
KIND_LABEL = {"country": "GPE", "organization": "ORG", "group": "ORG", "person": "PERSON"}
PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRONOUNS_THING = {"it", "its"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_THING | {"their", "latter", "former"}


@Language.factory(COMPONENT, default_config={"actor_files": []})
def make_actor_matcher(nlp: Language, name: str, actor_files: list[str]) -> ActorMatcher:
    return ActorMatcher(nlp, name, load_dictionary(tuple(actor_files)))


@Language.component(BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions must not run into the first sentence.

    Runs before the parser, which keeps sentence starts that are already set.
    """
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and (tok.is_space or tok.text_with_ws.endswith("\n")):
            doc[tok.i + 1].is_sent_start = True
    return doc


class ActorMatcher:
    """Pipeline component: dictionary matches become entities with `kb_id_` set to the actor id."""

    def __init__(self, nlp: Language, name: str, dictionary: ActorDictionary):
        self.name = name
        self.dictionary = dictionary
        self.government = load_lexicon().government_nouns
        self.forms = dictionary.forms()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lower_forms: dict[str, str] = {}
        for form, (entry_id, _kind) in self.forms.items():
            doc = nlp.make_doc(form)
            # add strings outside any memory zone: they must outlive every batch
            nlp.vocab.strings.add(entry_id)
            self.exact.add(form, [doc])
            if len(doc) > 1:
                self.folded.add(form.lower(), [doc])
                self.lower_forms[form.lower()] = form
        for label in ("GPE", "NORP", "ORG", "PERSON"):
            nlp.vocab.strings.add(label)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match_id, start, end in self.exact(doc) + self.folded(doc):
            key = doc.vocab.strings[match_id]
            form = self.lower_forms.get(key, key) if key not in self.forms else key
            entry_id, kind = self.forms[form]
            entry = self.dictionary.entries[entry_id]
            label = FORM_LABEL[kind] or KIND_LABEL[entry.kind]
            spans.append(Span(doc, start, end, label=label, kb_id=entry_id))
        if not spans:
            return doc
        matches = filter_spans(spans)
        at: dict[int, Span] = {}  # token -> the dictionary match covering it (linear, not n*m)
        for m in matches:
            for i in range(m.start, m.end):
                at[i] = m
        dropped: set[tuple[int, int]] = set()
        kept: list[Span] = []
        for ent in doc.ents:
            overlapping = {(m.start, m.end): m for i in range(ent.start, ent.end)
                           if (m := at.get(i)) is not None}
            inside = [m for m in overlapping.values() if m.start >= ent.start and m.end <= ent.end]
            # a named person or organisation that merely contains a dictionary form keeps its name
            # ("Michael Jordan", "University of Baghdad"); everything else yields to the dictionary
            if inside and ent.label_ in NER_KEEPS and not _same_words(ent, inside[0]) \
                    and not self._government_of(ent, inside):
                dropped.update((m.start, m.end) for m in inside)
                kept.append(ent)
            elif not overlapping:
                kept.append(ent)
        matches = [m for m in matches if (m.start, m.end) not in dropped]
        doc.ents = filter_spans(matches + kept)
        return doc


    def _government_of(self, ent: Span, inside: list[Span]) -> bool:
        """'the Government of Iraq' is Iraq, not an organisation of its own."""
        rest = [t.lower_ for t in ent if not any(m.start <= t.i < m.end for m in inside)]
        return bool(rest) and all(w in self.government or w in {"the", "of", "'s", "and"}
                                  for w in rest)


def _same_words(ent: Span, match: Span) -> bool:
    words = [t for t in ent if t.lower_ not in {"the", "'s", "’s"}]
    return len(words) == len(match)


# ------------------------------------------------------------------------------------ resolution


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    actor: str  # actor id


@dataclass(slots=True)
class DocActors:
    """A document's actors and, for each token that names one, the actor id."""

    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def add(self, actor: Actor, start: int, end: int, *, count: bool = True) -> None:
        """Record that tokens start..end name `actor` (`count`: a new mention of it)."""
        known = self.actors.setdefault(actor.id, actor)
        if actor.role and not known.role:
            known.role = actor.role
        if actor.country and not known.country:
            known.country = actor.country
        known.mentions += int(count)
        self.mentions.append(Mention(start, end, actor.id))
        for i in range(start, end):
            self.token_actor[i] = actor.id

    def of(self, token: Token) -> Actor | None:
        key = self.token_actor.get(token.i)
        return self.actors[key] if key else None

    def used(self, ids: Iterable[str]) -> list[Actor]:
        wanted = set(ids)
        return [a for a in self.actors.values() if a.id in wanted]


def name_key(text: str, lex: Lexicon) -> tuple[str, ...]:
    """Words of a name for matching variants: 'Al -Sharaa' ~ 'al-Shara' ~ 'Sharaa' -> ('shara',)."""
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


def clean_name(text: str) -> str:
    """Display form: 'Hamid Al -Shatri' -> 'Hamid Al-Shatri', no leading 'the', no possessive."""
    text = re.sub(r"\s*([-\u2010-\u2015])\s*", r"\1", text.strip())
    text = re.sub(r"^(the|The)\s+", "", text)
    text = re.sub(r"\s*['’]s$", "", text)
    return re.sub(r"\s+", " ", text)


class Resolver:
    """Maps the tokens of a parsed Doc to canonical actors (see module docstring)."""

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon | None = None):
        self.dictionary = dictionary
        self.lex = lexicon or load_lexicon()
        self.anaphors = PRONOUNS | self.lex.group_anaphors  # tested on every token
        self.countries = {e.name: e for e in dictionary.entries.values() if e.kind == "country"}

    def __call__(self, doc: Doc) -> DocActors:
        out = DocActors()
        people = self._people(doc)
        orgs: dict[tuple[str, ...], Actor] = {}
        for ent in doc.ents:
            actor = self._entity_actor(ent, people, orgs)
            if actor is not None:
                out.add(actor, ent.start, ent.end)
        self._stray_surnames(doc, people, out)
        self._noun_phrases(doc, out)
        self._pronouns(doc, out)
        return out

    # -- entities ------------------------------------------------------------------------------

    def _entity_actor(self, ent: Span, people: dict[tuple[str, ...], Actor],
                      orgs: dict[tuple[str, ...], Actor]) -> Actor | None:
        if ent.kb_id_:
            return self._dictionary_actor(ent)
        if ent.label_ not in ACTOR_LABELS:
            return None
        key = name_key(ent.text, self.lex)
        if not key:
            return None
        person = self._person_for(key, people)
        if ent.label_ == "PERSON" or (person and (len(key) == 1 or key in people)):
            if person is None:
                return None
            actor = Actor(person.id, person.name, "person", person.role, person.country)
            return actor
        if ent.label_ == "ORG":
            if key in orgs:
                return orgs[key]
            name = clean_name(ent.text)
            if not name or not any(ch.isupper() for ch in name):
                return None
            actor = Actor(f"org:{slug(name)}", name, "organization")
            orgs[key] = actor
            acronym = _acronym_after(ent)
            if acronym:
                orgs[name_key(acronym, self.lex)] = actor
            return actor
        if ent.label_ == "NORP" and ent.text[:1].isupper() and ent.text.endswith("s") \
                and ent.root.tag_ in {"NNPS", "NNS"}:
            name = clean_name(ent.text)
            return Actor(f"group:{slug(name)}", name, "group")
        return None  # unknown places and adjectives are not actors

    def _dictionary_actor(self, ent: Span) -> Actor:
        entry = self.dictionary.entries[ent.kb_id_]
        country = None
        if entry.country:
            c = self.dictionary.by_iso3(entry.country)
            country = c.name if c else None
        if entry.kind == "country" and ent.label_ == "NORP" and \
                _plural_demonym(ent, entry.demonyms):
            # "Iraqis" are the people, not the state
            name = clean_name(ent.text)
            return Actor(f"group:{slug(name)}", name, "group", country=entry.name)
        return Actor(entry.id, entry.name, entry.kind, country=country)

    # -- people ----------------------------------------------------------------------------------

    def _people(self, doc: Doc) -> dict[tuple[str, ...], Actor]:
        """Full names in the document, keyed by name words; role/country read off their titles."""
        people: dict[tuple[str, ...], Actor] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.kb_id_:
                continue
            key = name_key(ent.text, self.lex)
            if not key:
                continue
            same = self._person_for(key, people)
            role, country = self._title(ent)
            if same is None:
                name = clean_name(ent.text)
                same = Actor(f"person:{'-'.join(key)}", name, "person", role, country)
                people[key] = same
            else:
                if len(key) > len(name_key(same.name, self.lex)):
                    # a longer form of the same name becomes the display name; the id stays
                    same.name = clean_name(ent.text)
                same.role = same.role or role
                same.country = same.country or country
            people.setdefault(key, same)
        return people

    @staticmethod
    def _person_for(key: tuple[str, ...], people: dict[tuple[str, ...], Actor]) -> Actor | None:
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

    def _title(self, ent: Span) -> tuple[str | None, str | None]:
        """Role and country from 'Turkish Foreign Minister X' or 'X, president of Russia'."""
        doc = ent.doc
        role_words: list[str] = []
        country: str | None = None
        i = ent.start - 1
        while i >= 0 and i >= ent.start - 6:
            tok = doc[i]
            if tok.ent_kb_id_ and tok.ent_type_ in {"NORP", "GPE"}:
                entry = self.dictionary.entries.get(tok.ent_kb_id_)
                if entry and entry.kind == "country":
                    country = country or entry.name
                    while i > 0 and doc[i].ent_iob_ == "I":
                        i -= 1
                    i -= 1
                    continue
                break
            low = tok.lower_
            if low in self.lex.title_heads or (low in self.lex.title_words and low not in
                                               {"the", "of"}):
                role_words.insert(0, tok.text)
                i -= 1
                continue
            break
        role = " ".join(role_words) or None
        if role and role.lower() in self.lex.title_words and not any(
                w.lower() in self.lex.title_heads for w in role_words):
            role = None
        for child in ent.root.children:  # "Anna Berg of Sweden"
            if country is None and child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    entry = self.dictionary.entries.get(pobj.ent_kb_id_) if pobj.ent_kb_id_ \
                        else None
                    if entry and entry.kind == "country":
                        country = entry.name
        if role is None or country is None:
            for child in ent.root.children:
                if child.dep_ == "appos" and child.lemma_.lower() in self.lex.title_heads:
                    role = role or " ".join(t.text for t in child.subtree
                                            if t.i < child.i or t.i == child.i).strip()
                    for t in child.subtree:
                        entry = self.dictionary.entries.get(t.ent_kb_id_) if t.ent_kb_id_ else None
                        if entry and entry.kind == "country":
                            country = country or entry.name
                            break
        return role, country

    def _stray_surnames(self, doc: Doc, people: dict[tuple[str, ...], Actor],
                        out: DocActors) -> None:
        """Proper nouns the NER missed that repeat a known person's surname ('Al -Maliki said')."""
        if not people:
            return
        surnames = {k[-1]: a for k, a in people.items()}
        for tok in doc:
            if tok.i in out.token_actor or tok.ent_type_ or not tok.text[:1].isupper():
                continue
            if tok.pos_ not in {"PROPN", "NOUN"}:
                continue
            key = name_key(tok.text, self.lex)
            if len(key) == 1 and key[0] in surnames:
                actor = surnames[key[0]]
                start = tok.i
                while start > 0 and doc[start - 1].lower_ in self.lex.name_particles \
                        and start - 1 not in out.token_actor:
                    start -= 1
                out.add(Actor(actor.id, actor.name, "person", actor.role, actor.country),
                        start, tok.i + 1)

    # -- noun phrases: collectives, governments, titles ----------------------------------------

    def _noun_phrases(self, doc: Doc, out: DocActors) -> None:
        lex = self.lex
        for tok in doc:
            if tok.pos_ not in {"NOUN", "PROPN"} or tok.i in out.token_actor:
                continue
            low = tok.lower_
            lemma = tok.lemma_.lower()
            if lemma in lex.government_nouns or lemma in lex.force_nouns:
                low = low if (low in lex.government_nouns or low in lex.force_nouns) else lemma
            if low in lex.event_collectives and any(
                    c.dep_ == "prep" and c.lower_ in {"to", "against"} for c in tok.children):
                continue  # "Israel's opposition to Iran" is an act, not a group
            modifier = self._modifier_actor(tok, out)
            if modifier is not None:
                mod_actor, mod_tok = modifier
                if mod_actor.kind == "country":
                    if low in lex.government_nouns:
                        out.add(_copy(mod_actor), _np_start(tok), tok.i + 1, count=False)
                    elif low in lex.force_nouns:
                        # one id per country and noun ("Iraqi armed factions" = "Iraqi
                        # factions"); the name keeps the words the text used first
                        demonym = self.dictionary.demonym_of(mod_actor.id) or mod_actor.name
                        start = _np_start(tok)
                        words = [t.text for t in tok.doc[start:tok.i + 1] if t.dep_ != "det"
                                 and t.pos_ != "PRON"]
                        surface = clean_name(" ".join(words))
                        name = surface if mod_tok.dep_ != "prep" and len(words) <= 5 \
                            else f"{demonym} {low}"
                        out.add(Actor(f"group:{slug(demonym + ' ' + low)}", name, "group",
                                      country=mod_actor.name), start, tok.i + 1)
                    elif low in lex.title_heads or lemma in lex.title_heads or (
                            low.endswith("s") and low[:-1] in lex.title_heads):
                        # "the Syrian President" -> the person so titled earlier; an unnamed
                        # office-holder ("the Libyan ambassador") speaks for the country
                        named = [self._as_person(a, c, out) for c in tok.children
                                 if c.dep_ == "appos" and (a := out.of(c)) is not None
                                 and a.kind in {"person", "organization"}
                                 and a.id not in self.dictionary.entries]
                        # "the Iraqi Foreign Minister, Ibrahim al-Jaafari": the named one
                        person = named[0] if named else _titled_person(
                            out, tok.lemma_.lower(), mod_actor.name)
                        out.add(_copy(person or mod_actor), _np_start(tok), tok.i + 1,
                                count=person is not None)
                elif (mod_actor.kind in {"organization", "group"} and low in lex.member_nouns) or (
                        mod_actor.kind == "person" and low in lex.personal_rule_nouns):
                    # "the Assad regime" is Assad; "the Trump administration" is his country
                    # when the text says which one he leads
                    state = self.countries.get(mod_actor.country or "")
                    if low in {"administration", "government"} and state is not None:
                        out.add(Actor(state.id, state.name, "country"), _np_start(tok),
                                tok.i + 1, count=False)
                    else:
                        out.add(_copy(mod_actor), _np_start(tok), tok.i + 1, count=False)
                continue
            norp = [c for c in tok.children if c.dep_ in {"amod", "compound"}
                    and c.ent_type_ == "NORP" and not c.ent_kb_id_]
            if norp and low in lex.force_nouns:
                name = f"{clean_name(norp[0].text)} {low}"
                out.add(Actor(f"group:{slug(name)}", name, "group"), _np_start(tok), tok.i + 1)
                continue
            if low in lex.bare_collectives and _is_bare_definite(tok):
                out.add(Actor(f"group:{slug(low)}", low, "group"), tok.i, tok.i + 1)

    def _as_person(self, actor: Actor, tok: Token, out: DocActors) -> Actor:
        """A name in apposition to a title is a person, whatever the NER said."""
        if actor.kind == "person":
            return actor
        person = Actor(f"person:{'-'.join(name_key(actor.name, self.lex)) or slug(actor.name)}",
                       actor.name, "person")
        start = min(i for i, a in out.token_actor.items() if a == actor.id and abs(i - tok.i) < 8)
        out.add(person, start, tok.i + 1, count=False)
        out.actors[actor.id].mentions -= 1  # that mention was the person's, not an organisation's
        return person

    def _modifier_actor(self, tok: Token, out: DocActors) -> tuple[Actor, Token] | None:
        """The actor modifying a noun: 'Iraqi factions', "Syria's government", 'rulers of Syria'."""
        for child in tok.children:
            if child.dep_ in {"amod", "compound", "poss", "nmod"}:
                actor = out.of(child)
                if actor is not None:
                    return actor, child
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = out.of(pobj)
                        if actor is not None:
                            return actor, pobj
        return None

    # -- pronouns --------------------------------------------------------------------------------

    def _pronouns(self, doc: Doc, out: DocActors) -> None:
        """Subject and possessive pronouns, 'the latter' and 'the former', to a recent actor."""
        order = sorted(out.mentions, key=lambda m: m.start)
        starts = [m.start for m in order]  # mentions in the window, found by bisection
        for tok in doc:
            if tok.i in out.token_actor:
                continue
            low = tok.lower_
            if low not in self.anaphors:  # cheap test first: most tokens are not anaphors
                continue
            if low in PRONOUNS_PERSON and tok.dep_ in {"nsubj", "nsubjpass", "poss", "agent",
                                                      "pobj", "dobj"}:
                want = {"person"}
            elif (low in PRONOUNS_THING and tok.dep_ in {"nsubj", "nsubjpass", "poss"}) or (
                    low == "their" and tok.dep_ == "poss"):
                want = {"country", "organization", "group"}
            elif low in self.lex.group_anaphors and tok.pos_ == "NOUN" and any(
                    c.dep_ == "det" and c.lower_ in {"this", "these", "the", "that", "those"}
                    for c in tok.children) and not any(
                    c.dep_ in {"compound", "poss", "nmod"} or c.ent_type_ for c in tok.children):
                want = {"group"}  # "these terrorists", "the group": the armed group just named
            elif low in {"latter", "former"} and tok.pos_ in {"ADJ", "NOUN"} and \
                    any(c.lower_ == "the" for c in tok.children):
                want = {"person", "country", "organization", "group"}
            else:
                continue
            window_start = tok.sent.start
            for _ in range(3 if want == {"group"} else 1):  # a group is named further back
                if window_start > 0:
                    window_start = doc[window_start - 1].sent.start
            lo = bisect_left(starts, window_start)
            hi = bisect_left(starts, tok.i)
            before = [m for m in order[lo:hi] if m.end <= tok.i
                      and out.actors[m.actor].kind in want]
            if want == {"group"}:  # "these terrorists": a named armed group, not "Iraqi troops"
                before = [m for m in before if m.actor in self.dictionary.entries]
            if not before:
                continue
            if low == "former":
                distinct: list[str] = []
                for m in reversed(before):
                    if m.actor not in distinct:
                        distinct.append(m.actor)
                if len(distinct) < 2:
                    continue
                target = distinct[1]
            else:  # prefer the last subject: "Sudan did not meet Chad, but it criticized Libya"
                # pronouns continue the last subject; 'their' is the nearest plural actor
                subjects = [m for m in before if doc[m.end - 1].dep_ in {"nsubj", "nsubjpass"}
                            and low not in {"latter", "their"}]
                target = (subjects or before)[-1].actor
            out.add(_copy(out.actors[target]), tok.i, tok.i + 1, count=False)
        self._first_person(doc, out)

    def _first_person(self, doc: Doc, out: DocActors) -> None:
        """'Minister X said: I condemn ...': I/my is the speaker; we/our the speaker's country
        (or the speaker's organisation, when that is who spoke)."""
        speaker: Actor | None = None
        speaker_sent = -1
        for sent in doc.sents:
            for tok in sent:
                lemma = tok.lemma_.lower()
                if lemma in self.lex.speech_verbs:
                    found = [_named(c, out) for c in tok.children if c.dep_ == "nsubj"]
                elif lemma in self.lex.speech_nouns:  # "Statement by the High Representative X"
                    found = [_named(p, out) for c in tok.children if c.lower_ == "by"
                             for p in c.children if p.dep_ == "pobj"]
                else:
                    continue
                for actor in found:
                    if actor is not None and actor.kind != "group":
                        speaker, speaker_sent = actor, sent.start
            if speaker is None or sent.start - speaker_sent > 0 and \
                    len(list(doc[speaker_sent:sent.start].sents)) > 4:
                continue  # a speaker is remembered for a few sentences of quotation
            for tok in sent:
                low = tok.lower_
                if tok.i in out.token_actor or low not in FIRST_PERSON:
                    continue
                actor = speaker
                if low in {"we", "us", "our"} and speaker.kind == "person":
                    state = self.countries.get(speaker.country or "")
                    if state is None:
                        continue
                    actor = Actor(state.id, state.name, "country")
                out.add(_copy(actor), tok.i, tok.i + 1, count=False)


def _named(tok: Token, out: DocActors) -> Actor | None:
    """The actor a token names, or that its apposition names ('the minister, Anna Berg')."""
    actor = out.of(tok)
    if actor is None:
        actor = next((a for c in tok.children if c.dep_ == "appos"
                      and (a := out.of(c)) is not None), None)
    return actor


def _copy(actor: Actor) -> Actor:
    return Actor(actor.id, actor.name, actor.kind, actor.role, actor.country)


def _np_start(tok: Token) -> int:
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in {"amod", "compound", "poss", "nmod", "det"}:
            start = min(start, child.left_edge.i)
    return start


def _is_bare_definite(tok: Token) -> bool:
    """'the opposition', 'the international coalition', 'Coalition forces': a collective named by
    its noun alone (no country, owner or name that would make it another actor)."""
    kids = list(tok.children)
    if any(c.dep_ in {"compound", "poss", "nmod"} or c.ent_type_ for c in kids):
        return False
    definite = any(c.lower_ in {"the", "our", "its", "their"} and c.dep_ in {"det", "poss"}
                   for c in kids)
    # capitalised mid-sentence, or at the start as a modifier ("Coalition forces said")
    named = tok.text[:1].isupper() and (not tok.is_sent_start or tok.dep_ in {"compound", "nmod"})
    return definite or named


def _titled_person(out: DocActors, title: str, country: str) -> Actor | None:
    """'the Syrian President' -> the person introduced with that title and country."""
    found = [a for a in out.actors.values() if a.kind == "person" and a.country == country
             and a.role and title in a.role.lower().split()]
    return found[0] if len(found) == 1 else None


def _plural_demonym(ent: Span, demonyms: tuple[str, ...]) -> bool:
    text = ent.text
    return text.endswith("s") and text[:-1] in demonyms and len(ent) == 1


def _acronym_after(ent: Span) -> str | None:
    """'Syrian Democratic Forces (SDF)' -> 'SDF'."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        cand = doc[ent.end + 1].text
        if cand.isupper() and 2 <= len(cand) <= 8:
            return cand
    return None


def resolver_for(nlp: Language) -> Resolver:
    """The resolver bound to the dictionary of the pipeline's actor component."""
    component = nlp.get_pipe(COMPONENT)
    assert isinstance(component, ActorMatcher)
    return Resolver(component.dictionary)
