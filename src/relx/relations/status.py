"""Negation and modality: whether a relation is denied, planned, hypothetical or uncertain, read
from the trigger and the words that govern it in its clause."""

from __future__ import annotations

from spacy.tokens import Token

from ..rules import RuleSet
from .args import CLIMB_DEPS

NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "without"}
HYPOTHETICAL_NOUNS = {"event", "case"}
ONGOING = {"continue", "keep", "remain"}
PLAN_NOUNS = {"plan", "proposal", "draft", "scheme", "idea", "option", "blueprint", "roadmap"}
PLAN_CONTENT = {"include", "involve", "comprise", "contain", "envisage", "foresee", "call",
                "provide", "propose"}  # verbs that say what a plan holds
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
# how far up the clause a governing word still counts
# not up out of a relative clause: "will not extradite X, who financed Y" asserts the financing
CHAIN_DEPS = (CLIMB_DEPS - {"conj"}) | {"dobj", "pobj", "prep", "attr", "nsubjpass", "acl",
                                        "advcl"}


class Status:
    """Reads `negated` and `modality` for a trigger, with the rules' word lists."""

    def __init__(self, rules: RuleSet):
        self.negating = rules.words("negating_verbs")
        self.planning = rules.words("planning_verbs")
        self.modals = rules.words("modal_auxiliaries")
        self.conditional = rules.words("conditional_markers")
        self.directive = rules.words("directive_verbs")
        self.hedges = rules.words("hedging_adverbs")
        self.hedging_adjectives = rules.words("hedging_adjectives")
        self.allegations = rules.words("allegation_verbs")
        self.allegation_nouns = rules.words("allegation_nouns")
        self.scenarios = rules.words("hypothetical_nouns")

    def __call__(self, trigger: Token, rtype: str = "", skip: int = -1, *, label: bool = False,
                 pattern: frozenset[int] = frozenset()) -> tuple[bool, str]:
        """`skip`: the index of a governing word already read as the relation's polarity
        ("froze its aid to X" is opposing X, not a negated support); `label`: the trigger is a
        label, which quotation marks quote rather than doubt ("called the deal 'lousy'");
        `pattern`: governing words that are part of the rule's shape, whose lemmas say what the
        act is, not whether it happened ("suspended parliament at the request of X" yields to X;
        a 'not' on them still negates)."""
        negated = False
        modality = "asserted"
        chain = [t for t in governors(trigger) if t.i != skip]
        if self._scenario(chain):
            modality = "hypothetical"  # "a war between A and B is the worst case"
        doc = trigger.doc
        if not label and 0 < trigger.i < len(doc) - 1 and doc[trigger.i - 1].text in QUOTES \
                and doc[trigger.i + 1].text in QUOTES:  # (a quoted label is a quotation)
            modality = "uncertain"  # scare quotes: Assad's "war" on ISIL
        for anc in trigger.ancestors:  # "in the event that A attacks B"
            if anc.lemma_.lower() in HYPOTHETICAL_NOUNS and anc.head.lower_ == "in":
                modality = "hypothetical"
        if any(t.dep_ in {"acl", "ccomp", "appos"} and t.head.lemma_.lower() in
               self.allegation_nouns for t in chain) or any(
                self._after_allegation(t) for t in chain if t.pos_ in {"VERB", "AUX"}):
            modality = "uncertain"  # "allegations (that) Trump pressured Ukraine"
        # "will continue to support X": support that holds now and goes on
        ongoing = any(t.lemma_.lower() in ONGOING for t in chain[1:])
        for i, tok in enumerate(chain):
            lemma = "" if tok.i in pattern else tok.lemma_.lower()
            if i > 0 and lemma in self.negating:
                negated = True
            if i > 0 and (lemma in self.planning or tok.lower_ in self.planning):
                modality = "planned"
            if i > 0 and tok.lemma_.lower() in PLAN_CONTENT and any(
                    c.dep_ == "nsubj" and (c.lemma_.lower() in self.planning
                                           or c.lemma_.lower() in PLAN_NOUNS)
                    for c in tok.children):
                modality = "planned"  # "Kenya's plan includes sanctions on X"
            if i > 0 and lemma in self.allegations and modality == "asserted" and not any(
                    c.dep_ == "dobj" and c.lemma_.lower() in {"responsibility", "credit"}
                    for c in tok.children):  # claiming responsibility is owning up to it
                modality = "uncertain"  # "accused Turkey of backing X": alleged, not asserted
            if i > 0 and rtype == "meets" and lemma in self.directive:
                modality = "planned"  # "asked X to meet Y": no meeting yet (asking is an act)
            for child in tok.children:
                low = child.lower_
                if child.dep_ == "neg" or (low in NEGATIONS and child.dep_ in {"det", "advmod",
                                                                               "preconj"}):
                    negated = True
                elif child.dep_ == "aux" and low in self.modals:
                    if modality == "asserted" and not ongoing:
                        modality = "planned" if low in {"will", "shall", "'ll"} else "uncertain"
                elif child.dep_ == "mark" and low in self.conditional:
                    modality = "hypothetical"
                elif child.dep_ == "advmod" and low in self.hedges and modality == "asserted":
                    modality = "uncertain"  # "allegedly attacked"
                elif child.dep_ == "amod" and low in self.hedging_adjectives and \
                        modality == "asserted":
                    modality = "uncertain"  # "the alleged attack on X"
        return negated, modality


    def _after_allegation(self, verb: Token) -> bool:
        """The clause follows an allegation noun, however the parser attached it ("stemmed from
        allegations Trump tried to ...")."""
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return False
        i = subject.left_edge.i - 1
        doc = verb.doc
        if i >= 0 and doc[i].lower_ == "that":
            i -= 1
        return i >= 0 and doc[i].lemma_.lower() in self.allegation_nouns and doc[i].pos_ == "NOUN"

    def _scenario(self, chain: list[Token]) -> bool:
        """The event is the subject of 'is a scenario / possibility / risk'."""
        for tok in chain:
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ == "be":
                return any(c.dep_ == "attr" and c.lemma_.lower() in self.scenarios
                           for c in tok.head.children)
        return False


def governors(trigger: Token) -> list[Token]:
    """The trigger and the words above it in its clause, up to the first finite verb."""
    chain = [trigger]
    cur = trigger
    for _ in range(6):
        # not through 'conj': "is not a member, but is part of a pact" is not negated
        if cur.dep_ in CHAIN_DEPS and cur.head is not cur:
            cur = cur.head
            chain.append(cur)
            if cur.pos_ in {"VERB", "AUX"} and cur.dep_ not in CLIMB_DEPS:
                break
        else:
            break
    return chain
