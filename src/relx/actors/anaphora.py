"""Pronouns and anaphora: words that point back to an actor named before.

"He" and "she" are the last person, "it" and "their" the last country, organisation or group
(the last subject first), "the latter"/"the former" the last or the one before, "these terrorists"
an armed group from the dictionary named a few sentences back; in a quotation "I" is the speaker
and "we" the speaker's country. Only the pronoun lists are closed-class words kept here; group
anaphors, speech verbs and nouns are in the packaged lexicon.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from ..records import Actor
from .shared import Context, DocActors, copy_actor

PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRONOUNS_THING = {"it", "its"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_THING | {"their", "latter", "former"}


def resolve(doc: Doc, ctx: Context, out: DocActors) -> None:
    """Subject and possessive pronouns, 'the latter' and 'the former', to a recent actor; then
    first-person pronouns in quotations to their speaker."""
    order = sorted(out.mentions, key=lambda m: m.start)
    starts = [m.start for m in order]  # mentions in the window, found by bisection
    for tok in doc:
        if tok.i in out.token_actor:
            continue
        low = tok.lower_
        if low not in ctx.anaphors:  # cheap test first: most tokens are not anaphors
            continue
        want = _wanted_kinds(tok, low, ctx)
        if want is None or _bound_to_unnamed_subject(tok, out):
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
            before = [m for m in before if m.actor in ctx.dictionary.entries]
        # a name said to be where something was said is a medium, not a referent ("on Twitter")
        before = [m for m in before if not (doc[m.end - 1].dep_ == "pobj" and
                                            doc[m.end - 1].head.lower_ in {"on", "via"})]
        coreferent = _own_subject(tok)
        if coreferent is not None:  # "after Abel criticised him": 'him' is not Abel
            own = out.token_actor.get(coreferent.i)
            before = [m for m in before if not m.start <= coreferent.i < m.end
                      and (own is None or m.actor != own)]
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
        out.add(copy_actor(out.actors[target]), tok.i, tok.i + 1, count=False)
    first_person(doc, ctx, out)


def _own_subject(tok: Token) -> Token | None:
    """The subject of the clause an object pronoun belongs to, which it cannot stand for
    ('him' is never the one who criticised him; that would be 'himself')."""
    if tok.lower_ not in {"him", "her", "them"} or tok.dep_ not in {"dobj", "dative", "pobj"}:
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    for _ in range(3):  # "met X and praised him", "resigned, accusing him": the controller's
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or verb.dep_ not in {"conj", "advcl", "xcomp"}:
            return subject
        verb = verb.head
    return None


def _bound_to_unnamed_subject(tok: Token, out: DocActors) -> bool:
    """A possessive belongs to its own clause's subject when that comes first: in "the
    district attorney's office began its probe", 'its' is the office's, and the office is no
    actor we know, so 'its' is none either."""
    if tok.dep_ != "poss":
        return False
    verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.i < tok.i and subject.pos_ == "NOUN" and \
        not any(i in out.token_actor for i in range(subject.left_edge.i, subject.i + 1))


def _wanted_kinds(tok: Token, low: str, ctx: Context) -> set[str] | None:
    """The kinds of actor this anaphor can point to, or None when it is not used as one."""
    if low in PRONOUNS_PERSON and tok.dep_ in {"nsubj", "nsubjpass", "poss", "agent",
                                              "pobj", "dobj"}:
        return {"person"}
    if (low in PRONOUNS_THING and tok.dep_ in {"nsubj", "nsubjpass", "poss"}) or (
            low == "their" and tok.dep_ == "poss"):
        return {"country", "organization", "group"}
    if low in ctx.lex.group_anaphors and tok.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in {"this", "these", "the", "that", "those"}
            for c in tok.children) and not any(
            c.dep_ in {"compound", "poss", "nmod"} or c.ent_type_ for c in tok.children):
        return {"group"}  # "these terrorists", "the group": the armed group just named
    if low in {"latter", "former"} and tok.pos_ in {"ADJ", "NOUN"} and \
            any(c.lower_ == "the" for c in tok.children):
        return {"person", "country", "organization", "group"}
    return None


def first_person(doc: Doc, ctx: Context, out: DocActors) -> None:
    """'Minister X said: I condemn ...': I/my is the speaker; we/our the speaker's country
    (or the speaker's organisation, when that is who spoke)."""
    lex = ctx.lex
    speaker: Actor | None = None
    speaker_sent = -1
    for sent in doc.sents:
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma in lex.speech_verbs:
                found = [_named(c, out) for c in tok.children if c.dep_ == "nsubj"]
            elif lemma in lex.speech_nouns:  # "Statement by the High Representative X"
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
                # "we" is the speaker's country when the text says which; else the speaker
                state = ctx.countries.get(speaker.country or "")
                if state is not None:
                    actor = Actor(state.id, state.name, "country")
            out.add(copy_actor(actor), tok.i, tok.i + 1, count=False)
            head = tok.head
            if low == "our" and tok.dep_ == "poss" and head.i not in out.token_actor and \
                    head.lemma_.lower() in OUR_COLLECTIVES and actor.kind != "person":
                out.add(copy_actor(actor), head.i, head.i + 1, count=False)  # "our country"


# "our country backs X": the speaker's country
OUR_COLLECTIVES = {"country", "nation", "government", "state", "people", "republic", "kingdom"}


def _named(tok: Token, out: DocActors) -> Actor | None:
    """The actor a token names, or that its apposition names ('the minister, Anna Berg')."""
    actor = out.of(tok)
    if actor is None:
        actor = next((a for c in tok.children if c.dep_ == "appos"
                      and (a := out.of(c)) is not None), None)
    return actor
