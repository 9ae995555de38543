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
        return doc

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
