"""Dictionary matching: the spaCy components relx adds, and what a dictionary match stands for.

`ActorMatcher` runs after `ner`: dictionary forms (names, aliases, demonyms, capitals) win over the
statistical NER and carry the actor id in `ent.kb_id_`, so later steps never guess at a country.
`line_breaks` runs before the parser so that a headline does not run into the first sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..dictionary import ActorDictionary, load_dictionary, load_lexicon, slug
from ..records import Actor
from .shared import Context, clean_name

COMPONENT = "relx_actors"
BREAKS = "relx_line_breaks"
NER_KEEPS = {"PERSON", "ORG", "FAC", "LOC"}  # names that may contain a country: "Gulf of Mexico"
FORM_LABEL = {"alias": None, "demonym": "NORP", "capital": "GPE"}
KIND_LABEL = {"country": "GPE", "organization": "ORG", "group": "ORG", "person": "PERSON"}


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
        return self._propagate(doc)

    def _propagate(self, doc: Doc) -> Doc:
        """A name the NER found once names the same thing where the NER missed it (one sense
        per discourse): "US House of Representatives" in the headline makes "House of
        Representatives" a name in the body, however the NER read the words around it."""
        ents = list(doc.ents)
        forms: dict[tuple[str, ...], str] = {}
        for ent in ents:
            if ent.label_ not in {"ORG", "PERSON"} or ent.kb_id_:
                continue
            words = [t.text for t in ent]
            if words[0].lower() == "the":
                words = words[1:]
            if len(words) >= 2 and words[0][:1].isupper():
                forms.setdefault(tuple(words), ent.label_)
            cut = self._country_prefix(words) if ent.label_ == "ORG" else 0
            if cut and len(words) - cut >= 2 and words[cut][:1].isupper():
                forms.setdefault(tuple(words[cut:]), ent.label_)  # "House of Representatives"
        if not forms:
            return doc
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        for form, label in forms.items():
            matcher.add(label, [Doc(doc.vocab, words=list(form))])
        taken = {i for e in ents for i in range(e.start, e.end)}
        new: list[Span] = []
        # longest first, so that "House of Representatives" is not cut to a shorter form
        for key, start, end in sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1])):
            if not any(i in taken for i in range(start, end)):
                new.append(Span(doc, start, end, label=doc.vocab.strings[key]))
                taken.update(range(start, end))
        if new:
            doc.ents = sorted(ents + new, key=lambda e: e.start)
        return doc

    def _country_prefix(self, words: list[str]) -> int:
        """How many leading words name a country ("US", "United States"): 0 if none."""
        for n in (3, 2, 1):
            if len(words) > n:
                found = self.forms.get(" ".join(words[:n]))
                if found and self.dictionary.entries[found[0]].kind == "country":
                    return n
        return 0

    def _government_of(self, ent: Span, inside: list[Span]) -> bool:
        """'the Government of Iraq' is Iraq, not an organisation of its own."""
        rest = [t.lower_ for t in ent if not any(m.start <= t.i < m.end for m in inside)]
        return bool(rest) and all(w in self.government or w in {"the", "of", "'s", "and"}
                                  for w in rest)


def _same_words(ent: Span, match: Span) -> bool:
    words = [t for t in ent if t.lower_ not in {"the", "'s", "’s"}]
    return len(words) == len(match)


def dictionary_actor(ent: Span, ctx: Context) -> Actor:
    """The actor of an entity the matcher tagged (`ent.kb_id_`), with its affiliation country."""
    entry = ctx.dictionary.entries[ent.kb_id_]
    country = None
    if entry.country:
        c = ctx.dictionary.by_iso3(entry.country)
        country = c.name if c else None
    if entry.kind == "country" and ent.label_ == "NORP" and \
            _plural_demonym(ent, entry.demonyms):
        # "Iraqis" are the people, not the state
        name = clean_name(ent.text)
        return Actor(f"group:{slug(name)}", name, "group", country=entry.name)
    return Actor(entry.id, entry.name, entry.kind, country=country)


def _plural_demonym(ent: Span, demonyms: tuple[str, ...]) -> bool:
    text = ent.text
    return text.endswith("s") and text[:-1] in demonyms and len(ent) == 1
