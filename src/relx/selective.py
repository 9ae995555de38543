"""Parse only the sentences that can hold a relation.

A relation needs two actors in one sentence, and in news most sentences name at most one. So the
cheap part of the pipeline runs on every document (tokenizer, `senter`, NER with its own tok2vec,
relx's dictionary matcher), a cheap test counts the candidate actors of each sentence, and the
expensive part (the shared tok2vec, tagger, parser, attribute ruler, lemmatizer) runs only on the
sentences with two or more, plus the few earlier sentences that a pronoun or a quoted "I" in them
may point back to. The results are written back into the whole Doc, so that the actor resolution
that needs the whole document (surnames, titles, pronouns) still sees all of it; the sentences
left unparsed get a flat tree (every token a `dep` of the sentence's last token, no tags) that
keeps the senter's boundaries and matches no rule.

The candidate test must never undercount what `actors.Resolver` can find in a sentence, or a
relation would be lost: it over-counts instead (every name, every anaphor with a possible
antecedent, every noun that can head an actor phrase next to a name). `--full-parse` skips all
this and parses everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Span

from .actors import BREAKS, COMPONENT, Resolver, name_key
from .actors.anaphora import FIRST_PERSON, PRONOUNS
from .actors.dictionary_match import line_breaks
from .actors.regions import region_actor
from .attrules import FastAttributeRuler, FastLemmatizer
from .rules import RuleSet

# what the parse components write, copied back from the parsed sentences into the whole Doc
PARSED_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
CHEAP = ("senter", "ner")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
QUOTE_WINDOW = 5  # sentences back that a first-person speaker is remembered (actors._first_person)
NOUN_WINDOW = 5  # tokens before a noun where the name that modifies it may stand


def selective_reason(nlp: Language) -> str | None:
    """Why `nlp` cannot parse selectively (None: it can): it needs a `senter`, and an NER that
    does not listen to the shared tok2vec (else the cheap part would run it on everything)."""
    if "senter" not in nlp.component_names:
        return "the model has no 'senter' component"
    if "ner" not in nlp.pipe_names:
        return "the model has no 'ner' component"
    for name, proc in nlp.pipeline:
        if "ner" in getattr(proc, "listening_components", ()):
            return f"the NER shares {name!r} with the parser"
    return None


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    keys: set[str] = field(default_factory=set)  # candidate actors: one key per possible actor
    # (token, person|thing|any, key): where each candidate stands, what it may be
    kinds: list[tuple[int, str, str]] = field(default_factory=list)
    anaphors: list[tuple[int, str]] = field(default_factory=list)  # (token, lower form)
    speech: bool = False
    pointer: bool = False  # a plural or event anaphor the relation engine resolves
    trigger: bool = False  # a word that may trigger a rule
    cue: bool = False  # an actor whose name, kind or role only the parse tells
    words: set[str] = field(default_factory=set)  # its words, for an event named again later
    pointed: set[str] = field(default_factory=set)  # the words of its event anaphors


class SelectiveParser:
    """Runs a loaded pipeline on texts, parsing only the sentences that can hold a relation."""

    def __init__(self, nlp: Language, resolver: Resolver, rules: RuleSet, *,
                 keep_actors: bool = True):
        reason = selective_reason(nlp)
        if reason is not None:
            raise ValueError(f"cannot parse selectively: {reason}")
        self.nlp = nlp
        self.dictionary = resolver.dictionary
        lex = resolver.lex
        skip = {BREAKS, COMPONENT, *CHEAP}
        # the attribute ruler and lemmatizer by look-up: same result, less time (attrules.py)
        self.parse_pipes = [(n, _faster(p)) for n, p in nlp.pipeline if n not in skip]
        self.cheap: list[tuple[str, Callable[..., Iterable[Doc]] | None]] = [
            ("senter", nlp.get_pipe("senter").pipe), (BREAKS, None),
            ("ner", nlp.get_pipe("ner").pipe), (COMPONENT, None)]
        self.matcher = nlp.get_pipe(COMPONENT)
        self.anaphors = frozenset(PRONOUNS | lex.group_anaphors)  # as the resolver tests
        # words that point back to earlier actors or events for the relation engine ("both
        # governments", "the pair", "welcomed the decision"): a sentence with one actor and one
        # of these can hold a relation with an actor of the sentences before
        from .relations.engine import PLURAL_ANAPHORS

        # (a protest noun's source may be the article's protesters, named anywhere: "the
        # protests against X")
        protests = {w for r in rules.rules if r.pattern == "protest" for w in r.lemmas}
        self.pointers = _forms(nlp, rules.words("event_anaphors") | protests) | PLURAL_ANAPHORS
        self.group_anaphors = frozenset(lex.group_anaphors)
        # nouns that head an actor phrase of their own next to a name ("Iraqi factions", "the
        # Syrian President"), or next to a person ("the Assad regime", "the Trump
        # administration": the person, or the person's country), and collectives that are
        # actors alone ("the opposition")
        self.phrase_nouns = _with_plurals(lex.force_nouns | lex.title_heads)
        self.personal = _with_plurals(lex.personal_rule_nouns)
        self.bare = _with_plurals(lex.bare_collectives)
        self.titles = frozenset(lex.title_heads)  # "the president": a person named before
        self.speech = _forms(nlp, lex.speech_verbs | lex.speech_nouns)
        self.first_person = frozenset(FIRST_PERSON)
        self.particles = lex.name_particles
        lemmas = {w for r in rules.rules for w in r.lemmas if w != "*"}
        any_verb = {p for r in rules.rules if "*" in r.lemmas for p in r.preps}
        self.triggers = _forms(nlp, lemmas) | any_verb
        self.keep_actors = keep_actors
        self.lex = lex
        self.context = _receptive_field(nlp)
        self.dep = nlp.vocab.strings.add("dep")
        self.root = nlp.vocab.strings.add("ROOT")
        self.parsed_tokens = 0  # counters for benchmarks: tokens parsed / seen
        self.seen_tokens = 0

    def pipe(self, texts: Sequence[str]) -> list[Doc]:
        """Docs of `texts` (one batch), as the full pipeline would make them where it matters."""
        docs = [self.nlp.make_doc(t) for t in texts]
        for name, step in self.cheap:
            if step is not None:
                docs = list(step(docs, batch_size=max(1, len(docs))))
            elif name == BREAKS:
                docs = [line_breaks(d) for d in docs]
            else:
                docs = [self.matcher(d) for d in docs]
        runs = [self.select(doc) for doc in docs]
        subs = [self._subdoc(doc, a, b) for doc, spans in zip(docs, runs, strict=True)
                for a, b in spans]
        parsed = [sub for sub, _ in subs]
        for _name, proc in self.parse_pipes:
            parsed = list(proc.pipe(parsed, batch_size=max(1, len(parsed))))  # type: ignore
        it = iter(zip(parsed, (left for _, left in subs), strict=True))
        for doc, spans in zip(docs, runs, strict=True):
            self._write_back(doc, [(a, b, *next(it)) for a, b in spans])
            self.seen_tokens += len(doc)
            self.parsed_tokens += sum(b - a for a, b in spans)
        return docs

    # -- which sentences --------------------------------------------------------------------

    def select(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges to parse: runs of consecutive selected sentences."""
        sents = self._sentences(doc)
        chosen = [False] * len(sents)
        for n, s in enumerate(sents):
            if self.keep_actors and s.cue:
                chosen[n] = True  # an actor's mention, kind or role that only the parse tells
            elif s.trigger:  # else no rule can fire
                # a pronoun may stand for a second actor ("Iran said it ...", not "Iran said
                # its")
                chosen[n] = len(s.keys) >= 2 or (
                    bool(s.anaphors) and len(s.keys | self._antecedents(sents, n)) >= 2) or (
                    s.pointer and bool(s.keys) and any(m.keys for m in sents[max(0, n - 3):n])
                ) or (  # "the impeachment inquiry", named again far from where it was reported
                    s.pointer and bool(s.keys) and any(len(m.keys) >= 2 and s.pointed & m.words
                                                       for m in sents[:n]))
                if chosen[n] and s.pointer:  # the events and actors it may point back to
                    for m in range(max(0, n - 3), n):
                        chosen[m] = chosen[m] or bool(sents[m].keys)
        for n, s in enumerate(sents):
            if not chosen[n]:
                continue
            # the earlier sentences a pronoun or a quoted "I" may point back to: their parse
            # says which mention is a subject, and which verb introduces a speaker
            for _tok, low in s.anaphors:
                back = QUOTE_WINDOW if low in self.first_person else (
                    3 if low in self.group_anaphors else 1)
                for m in range(max(0, n - back), n):
                    if sents[m].keys and (low not in self.first_person or sents[m].speech):
                        chosen[m] = True
        runs: list[tuple[int, int]] = []
        for n, s in enumerate(sents):
            if not chosen[n]:
                continue
            if runs and runs[-1][1] == s.start:
                runs[-1] = (runs[-1][0], s.end)
            else:
                runs.append((s.start, s.end))
        return runs

    def _antecedents(self, sents: list[_Sentence], n: int) -> set[str]:
        """The candidates the anaphors of sentence n may stand for: those of a fitting kind
        before them, in the window the resolver searches."""
        found: set[str] = set()
        for tok, low in sents[n].anaphors:
            back = QUOTE_WINDOW if low in self.first_person else (
                3 if low in self.group_anaphors else 1)
            want = "person" if low in PERSON_PRONOUNS else (
                "thing" if low in {"it", "its", "their"} else "any")
            for s in sents[max(0, n - back):n + 1]:
                found |= {key for i, kind, key in s.kinds
                          if i < tok and (want == "any" or kind in (want, "any"))}
        return found

    def _sentences(self, doc: Doc) -> list[_Sentence]:
        sents = [_Sentence(s.start, s.end) for s in doc.sents]
        if not sents:
            return sents
        index = [0] * len(doc)
        for n, s in enumerate(sents):
            for i in range(s.start, s.end):
                index[i] = n
        surnames: set[str] = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not ent.kb_id_:
                key = name_key(ent.text, self.lex)
                if key:
                    surnames.add(key[-1])
        entity_at = [False] * len(doc)
        person_at = [False] * len(doc)  # names that may be people: "the Assad regime"
        for ent in doc.ents:
            kind_key = self._entity_key(ent, surnames)
            if kind_key is None:
                continue
            kind, key = kind_key
            s = sents[index[ent.start]]
            if key.startswith("group:") or (ent.label_ == "PERSON" and ent.end < s.end
                                           and doc[ent.end].lower_ in {",", "of"}):
                s.cue = True  # "Iraqis" (a group by its tag), "X, president of Y" (a role)
            s.keys.add(key)
            s.kinds.append((ent.start, kind, key))
            for i in range(ent.start, ent.end):
                entity_at[i] = True
                person_at[i] = kind != "thing"
        for tok in doc:
            low = tok.lower_
            s = sents[index[tok.i]]
            if low in self.speech:
                s.speech = True
            if low in self.triggers:
                s.trigger = True
            if low in self.pointers:
                s.pointer = True
                s.pointed |= {_stem(low)} | ({_stem(doc[tok.i - 1].lower_)} if tok.i else set())
            if tok.is_alpha:
                s.words.add(_stem(low))
            if entity_at[tok.i]:
                continue
            if low in self.anaphors or low in self.first_person:
                s.anaphors.append((tok.i, low))
            elif low in self.bare:
                s.keys.add(f"noun:{low}")
                s.kinds.append((tok.i, "thing", f"noun:{low}"))
                s.cue = True
            elif (low in self.phrase_nouns and self._near_name(doc, tok.i, entity_at, s)) or (
                    low in self.personal and self._near_name(doc, tok.i, person_at, s)):
                s.keys.add(f"noun:{low}")
                s.kinds.append((tok.i, "any", f"noun:{low}"))
                s.cue = True
            elif low in self.titles and surnames and "the" in {
                    t.lower_ for t in doc[max(s.start, tok.i - 2):tok.i]}:
                s.keys.add(f"title:{low}")
                s.kinds.append((tok.i, "person", f"title:{low}"))
                s.cue = True
            elif tok.text[:1].isupper() and surnames:
                key = name_key(tok.text, self.lex)
                if len(key) == 1 and key[0] in surnames:  # a surname the NER missed
                    s.keys.add(f"person:{key[0]}")
                    s.kinds.append((tok.i, "person", f"person:{key[0]}"))
                    s.cue = True
        return sents

    def _entity_key(self, ent: Span, surnames: set[str]) -> tuple[str, str] | None:
        """(kind, key) of an entity that may be an actor: one key per possible actor."""
        if ent.kb_id_:
            entry = self.dictionary.entries.get(ent.kb_id_)
            kind = "person" if entry is not None and entry.kind == "person" else "thing"
            if ent.label_ == "NORP" and ent.text.endswith("s"):  # "Iraqis": the people
                return "thing", f"group:{ent.text.lower()}"
            return kind, f"kb:{ent.kb_id_}"
        if ent.label_ not in {"PERSON", "ORG", "GPE", "NORP"}:
            return None
        key = name_key(ent.text, self.lex)
        if not key:
            return None
        if ent.label_ == "PERSON" or key[-1] in surnames:
            return ("person" if ent.label_ == "PERSON" else "any"), f"person:{key[-1]}"
        if ent.label_ == "GPE":  # a state, province or territory (actors/regions.py)
            if region_actor(ent.text, self.dictionary) is not None:
                return "thing", f"GPE:{' '.join(key)}"
            return None  # another unknown place is an actor only as a person's name
        return "thing", f"{ent.label_}:{' '.join(key)}"

    @staticmethod
    def _near_name(doc: Doc, i: int, entity_at: list[bool], s: _Sentence) -> bool:
        """A name just before the noun ("Iraqi armed factions", "Turkey's army") or after its
        'of' ("the rulers of Syria"): the modifier that makes the noun an actor."""
        lo = max(s.start, i - NOUN_WINDOW)
        if any(entity_at[lo:i]):
            return True
        if i + 1 < s.end and doc[i + 1].lower_ == "of":
            return any(entity_at[i + 2:min(s.end, i + 2 + NOUN_WINDOW)])
        return False

    # -- parsing and writing back ---------------------------------------------------------------

    def _subdoc(self, doc: Doc, start: int, end: int) -> tuple[Doc, int]:
        """A fresh Doc of the words start..end, with as many words of context on each side as
        the tok2vec sees (so every word of the run gets the vector it has in the whole
        document, and the same tags and tree), and the context's words cut off as sentences
        of their own. No entities: the parser runs before the NER in the full pipeline.
        Returns the Doc and where the run starts in it."""
        lo, hi = max(0, start - self.context), min(len(doc), end + self.context)
        span = doc[lo:hi]
        words = [t.text for t in span]
        spaces = [bool(t.whitespace_) for t in span]
        sub = line_breaks(Doc(self.nlp.vocab, words=words, spaces=spaces))
        sub[start - lo].is_sent_start = True
        if hi > end:
            sub[end - lo].is_sent_start = True
        return sub, start - lo

    def _write_back(self, doc: Doc, parsed: list[tuple[int, int, Doc, int]]) -> None:
        """Tags, lemmas and trees of the parsed runs into `doc`; a flat tree elsewhere."""
        n = len(doc)
        if n == 0:
            return
        arr = numpy.zeros((n, len(PARSED_ATTRS)), dtype="uint64")
        head_col, dep_col = PARSED_ATTRS.index(HEAD), PARSED_ATTRS.index(DEP)
        for sent in doc.sents:  # flat: every token hangs from the sentence's last token
            last = sent.end - 1
            idx = numpy.arange(sent.start, sent.end)
            arr[sent.start:sent.end, head_col] = (last - idx).astype("uint64")
            arr[sent.start:last, dep_col] = self.dep
            arr[last, dep_col] = self.root
        for a, b, sub, left in parsed:
            arr[a:b] = sub.to_array(PARSED_ATTRS)[left:left + b - a]
        doc.from_array(PARSED_ATTRS, arr)


def _with_plurals(words: Iterable[str]) -> frozenset[str]:
    """Single words and their plurals, lower case: a test on the surface form, before lemmas."""
    out: set[str] = set()
    for w in words:
        if " " in w:
            w = w.rsplit(" ", 1)[-1]
        out |= {w, w + "s", w + "es", w[:-1] + "ies" if w.endswith("y") else w}
    return frozenset(out)


def _stem(low: str) -> str:
    """A crude stem that maps a noun's plural to its singular ('inquiries' ~ 'inquiry')."""
    if low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def _forms(nlp: Language, lemmas: Iterable[str]) -> frozenset[str]:
    """Inflected forms of `lemmas` (regular ones, plus the irregular ones in the model's
    lemmatizer tables: 'said', 'told', 'wrote'), for a test before lemmas exist."""
    lemmas = set(lemmas)
    out: set[str] = set()
    for w in lemmas:
        stem = w[:-1] if w.endswith("e") else w
        out |= {w, w + "s", w + "es", w + "d", w + "ed", stem + "ing", stem + "ed",
                w + w[-1:] + "ed", w + w[-1:] + "ing"}  # "stopped"
        if w.endswith("y"):
            out |= {w[:-1] + "ies", w[:-1] + "ied"}
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")  # type: ignore
        for forms in table.values():
            out |= {form for form, lemma in forms.items() if set(lemma) & lemmas}
    except (KeyError, AttributeError):
        pass
    return frozenset(out)


def _receptive_field(nlp: Language) -> int:
    """How many words on each side the shared tok2vec reads: depth x window of its encoder
    (4 in en_core_web_sm); 4 if the config does not say."""
    try:
        encode = nlp.config["components"]["tok2vec"]["model"]["encode"]
        return int(encode["depth"]) * int(encode["window_size"])
    except (KeyError, TypeError, ValueError):
        return 4


def _faster(proc: Any) -> Any:
    """The look-up version of an attribute ruler or rule lemmatizer, else the component."""
    if isinstance(proc, AttributeRuler):
        return FastAttributeRuler(proc)
    if isinstance(proc, Lemmatizer) and type(proc).__call__ is Lemmatizer.__call__:
        return FastLemmatizer(proc)  # EnglishLemmatizer: its own lemmatize() is still called
    return proc
