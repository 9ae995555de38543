"""Actors: dictionary matching in the spaCy pipeline, then one canonical actor per real-world actor.

Two stages. The `relx_actors` component (`dictionary_match`) runs after `ner` and lets dictionary
matches win over the statistical NER, tagging them with the actor id. A `Resolver` then reads the
parsed Doc with one entry point, `resolve(doc) -> DocActors`, which runs one step per concern, in
this order (each step sees what the ones before it found):

- `people`: named entities (dictionary matches, people with role and country, organisations),
  surnames and transliteration variants merged within the document;
- `collectives`: noun phrases that stand for an actor ("the Iraqi government", "Iraqi factions",
  "the Syrian President", "the opposition");
- `anaphora`: pronouns, "the latter"/"the former", group anaphors, the speaker of a quotation.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..dictionary import ActorDictionary, Lexicon, load_lexicon
from . import anaphora, collectives, people
from .dictionary_match import BREAKS, COMPONENT, ActorMatcher
from .people import name_key
from .shared import Context, DocActors, Mention, clean_name

__all__ = ["BREAKS", "COMPONENT", "ActorMatcher", "DocActors", "Mention", "Resolver",
           "clean_name", "name_key", "resolver_for"]

STEPS = (people.resolve, collectives.resolve, anaphora.resolve)


class Resolver:
    """Maps the tokens of a parsed Doc to canonical actors (see the package docstring)."""

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon | None = None):
        lex = lexicon or load_lexicon()
        self.dictionary = dictionary
        self.lex = lex
        self.context = Context(
            dictionary, lex,
            countries={e.name: e for e in dictionary.entries.values() if e.kind == "country"},
            anaphors=frozenset(anaphora.PRONOUNS | lex.group_anaphors))

    def resolve(self, doc: Doc) -> DocActors:
        """The document's actors, and which tokens name each of them."""
        out = DocActors()
        for step in STEPS:
            step(doc, self.context, out)
        return out

    __call__ = resolve


def resolver_for(nlp: Language) -> Resolver:
    """The resolver bound to the dictionary of the pipeline's actor component."""
    component = nlp.get_pipe(COMPONENT)
    assert isinstance(component, ActorMatcher)
    return Resolver(component.dictionary)
