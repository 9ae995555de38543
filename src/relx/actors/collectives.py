"""Collectives and titles: noun phrases that stand for an actor without naming it.

"The Iraqi government" and "Baghdad's rulers" are Iraq; "Iraqi armed factions" is one collective
tied to Iraq; "ISIL fighters" are the Islamic State; "the Syrian President" is the person introduced
with that title, or else speaks for Syria; "the opposition" is a collective of its own. The noun
lists (government, force, member, title nouns) are in the packaged lexicon.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..dictionary import slug
from ..records import Actor
from .people import name_key
from .regions import UNIT_NOUNS, is_region
from .shared import Context, DocActors, clean_name, copy_actor, np_start


def resolve(doc: Doc, ctx: Context, out: DocActors) -> None:
    """Each noun not yet an actor that a country, owner or the lexicon makes one."""
    lex = ctx.lex
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
        modifier = _modifier_actor(tok, out)
        if modifier is not None:
            _modified(tok, low, lemma, *modifier, ctx, out)
            continue
        holder = _office_holder(tok, lemma, ctx, out)
        if holder is not None:  # "the president" after "President John Abel"
            out.add(copy_actor(holder), np_start(tok), tok.i + 1, count=False)
            continue
        norp = [c for c in tok.children if c.dep_ in {"amod", "compound"}
                and c.ent_type_ == "NORP" and not c.ent_kb_id_]
        if norp and low in lex.force_nouns:
            name = f"{clean_name(norp[0].text)} {low}"
            out.add(Actor(f"group:{slug(name)}", name, "group"), np_start(tok), tok.i + 1)
            continue
        if low in lex.bare_collectives and (_is_bare_definite(tok) or (
                low in CROWDS and not any(c.dep_ in {"amod", "compound", "poss", "nmod"}
                                          for c in tok.children))):
            # "the protesters" after "Hong Kong protesters" are those protesters
            named = [a for a in out.actors.values() if a.kind == "group"
                     and a.name.lower().endswith(" " + low)]
            out.add(copy_actor(named[-1]) if len(named) == 1 else
                    Actor(f"group:{slug(low)}", low, "group"), tok.i, tok.i + 1)


# office-holders who do not speak for their country
NOT_FOR_THE_STATE = {"opposition", "former", "ex", "rebel", "exiled", "dissident", "retired",
                     "late", "deposed", "ousted", "jailed", "detained", "imprisoned"}
# crowds and the police are actors even without an article ("Protesters clashed with police")
CROWDS = {"protesters", "protestors", "demonstrators", "police", "strikers"}


def _modified(tok: Token, low: str, lemma: str, mod_actor: Actor, mod_tok: Token, ctx: Context,
              out: DocActors) -> None:
    """A noun with an actor as modifier: the country's government, forces or office-holder, or
    the group's members, or the ruler's regime."""
    lex = ctx.lex
    if is_region(mod_actor) and (low in UNIT_NOUNS or low in lex.government_nouns):
        # "the state of Montana", "the Bavarian government"
        out.add(copy_actor(mod_actor), np_start(tok), tok.i + 1, count=False)
        return
    if mod_actor.kind == "country":
        if any(c.lower_ in NOT_FOR_THE_STATE for c in tok.children
               if c.dep_ in {"amod", "compound"}) and (
                low in lex.government_nouns or low in lex.title_heads or lemma in lex.title_heads):
            return  # "the Kenyan opposition leader", "the former president": not the state
        if low in lex.government_nouns:
            out.add(copy_actor(mod_actor), _free_start(tok, mod_actor, out), tok.i + 1,
                    count=False)
        elif low in lex.force_nouns:
            # one id per country and noun ("Iraqi armed factions" = "Iraqi
            # factions"); the name keeps the words the text used first
            demonym = ctx.dictionary.demonym_of(mod_actor.id) or mod_actor.name
            start = np_start(tok)
            words = [t.text for t in tok.doc[start:tok.i + 1] if t.dep_ != "det"
                     and t.pos_ != "PRON"]
            surface = clean_name(" ".join(words))
            name = surface if mod_tok.dep_ not in {"prep", "pobj"} and len(words) <= 5 \
                else f"{demonym} {low}"
            out.add(Actor(f"group:{slug(demonym + ' ' + low)}", name, "group",
                          country=mod_actor.name), start, tok.i + 1)
        elif low in lex.title_heads or lemma in lex.title_heads or (
                low.endswith("s") and low[:-1] in lex.title_heads):
            # "the Syrian President" -> the person so titled earlier; an unnamed
            # office-holder ("the Libyan ambassador") speaks for the country
            named = [_as_person(a, c, ctx, out) for c in tok.children
                     if c.dep_ == "appos" and (a := out.of(c)) is not None
                     and a.kind in {"person", "organization"}
                     and a.id not in ctx.dictionary.entries]
            # "the Iraqi Foreign Minister, Ibrahim al-Jaafari": the named one
            person = named[0] if named else _titled_person(
                out, tok.lemma_.lower(), mod_actor.name)
            if person is None and any(c.conjuncts for c in tok.children if c.dep_ == "amod"
                                      and out.of(c) is mod_actor):
                return  # "her Latvian and Slovak counterparts": several countries, no one
            out.add(copy_actor(person or mod_actor), _free_start(tok, mod_actor, out), tok.i + 1,
                    count=person is not None)
    elif (mod_actor.kind in {"organization", "group"} and low in lex.member_nouns) or (
            mod_actor.kind == "person" and low in lex.personal_rule_nouns):
        # "the Assad regime" is Assad; "the Trump administration" is his country
        # when the text says which one he leads
        state = ctx.countries.get(mod_actor.country or "")
        if low in lex.owner_state_nouns and state is not None:
            out.add(Actor(state.id, state.name, "country"), np_start(tok),
                    tok.i + 1, count=False)
        else:
            out.add(copy_actor(mod_actor), np_start(tok), tok.i + 1, count=False)


def _free_start(tok: Token, actor: Actor, out: DocActors) -> int:
    """Where the phrase of `tok` starts, after any word that names another actor ("the Danish
    and Dutch governments": 'Dutch' stays the Netherlands)."""
    start = np_start(tok)
    for i in range(start, tok.i):
        other = out.token_actor.get(i)
        if other is not None and other != actor.id:
            start = i + 1
    return start


def _as_person(actor: Actor, tok: Token, ctx: Context, out: DocActors) -> Actor:
    """A name in apposition to a title is a person, whatever the NER said."""
    if actor.kind == "person":
        return actor
    person = Actor(f"person:{'-'.join(name_key(actor.name, ctx.lex)) or slug(actor.name)}",
                   actor.name, "person")
    start = min(i for i, a in out.token_actor.items() if a == actor.id and abs(i - tok.i) < 8)
    out.add(person, start, tok.i + 1, count=False)
    out.actors[actor.id].mentions -= 1  # that mention was the person's, not an organisation's
    return person


def _modifier_actor(tok: Token, out: DocActors) -> tuple[Actor, Token] | None:
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


def _office_holder(tok: Token, lemma: str, ctx: Context, out: DocActors) -> Actor | None:
    """'the president' (no country, owner or 'of'), when one person named before holds that
    title: a title alone continues the person the article introduced with it."""
    if lemma not in ctx.lex.title_heads or tok.tag_ in {"NNS", "NNPS"}:
        return None
    kids = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
            c.dep_ in {"poss", "nmod", "appos"} or (c.dep_ in {"amod", "compound"}
                                                    and c.lower_ not in TITLE_PARTS)
            or (c.dep_ == "prep" and c.lower_ == "of") for c in kids):
        return None
    title = " ".join([c.lower_ for c in kids if c.dep_ in {"amod", "compound"}] + [lemma])
    before = {m.actor for m in out.mentions if m.end <= tok.i}
    found = [a for a in out.actors.values() if a.kind == "person" and a.id in before
             and a.role and _holds(a.role.lower(), title)]
    if len(found) > 1:  # the one the article is about: named at least twice as often
        found.sort(key=lambda a: -a.mentions)
        if found[0].mentions >= 2 * found[1].mentions:
            return found[0]
    return found[0] if len(found) == 1 else None


# words that make one title with the head noun ("the prime minister", "the vice president")
TITLE_PARTS = {"prime", "vice", "deputy", "foreign", "chief", "crown", "supreme"}


def _holds(role: str, title: str) -> bool:
    """'Prime Minister' holds 'prime minister' and 'minister'; 'Vice President' is no
    'president'."""
    words = role.replace("-", " ").split()
    parts = title.split()
    n = len(parts)
    return any(words[i:i + n] == parts and (i == 0 or words[i - 1] not in TITLE_PARTS or n > 1)
               for i in range(len(words) - n + 1))


def _titled_person(out: DocActors, title: str, country: str) -> Actor | None:
    """'the Syrian President' -> the person introduced with that title and country."""
    found = [a for a in out.actors.values() if a.kind == "person" and a.country == country
             and a.role and title in a.role.lower().split()]
    return found[0] if len(found) == 1 else None
