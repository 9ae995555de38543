"""Argument helpers shared by every construction: subjects (through control chains, conjuncts
and clauses), prepositional objects, passive agents, relative pronouns, and the actors an
argument token names (with its conjuncts and the owners of proxy nouns)."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import DocActors
from ..actors.collectives import NOT_FOR_THE_STATE
from ..records import ACTOR_KINDS, Actor
from ..rules import RuleSet
from .groups import PLURAL_PRONOUNS, coordinated_owners, examples, plural_antecedents, unique

__all__ = ["PLURAL_PRONOUNS", "Arguments", "actors_of", "agents", "count", "prep_objects",
           "unique", "wh"]

SUBJECT_DEPS = {"nsubj", "csubj"}
CLIMB_DEPS = {"xcomp", "conj", "acomp", "ccomp", "advcl", "pcomp"}
WH_WORDS = {"which", "who", "that", "whom", "whose"}


def prep_objects(tok: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Objects of `tok`'s prepositions (or passive agent) in `preps`."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            out += [p for p in child.children if p.dep_ in {"pobj", "pcomp"}]
    return out


def agents(verb: Token) -> list[Token]:
    """The objects of a passive 'by' ('was backed by A')."""
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def wh(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if tok.lower_ in WH_WORDS and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok




class Arguments:
    """The argument readers, with the word lists (from the rules' lexicons) they consult."""

    def __init__(self, rules: RuleSet):
        self.proxies = rules.words("proxy_nouns")
        self.of_proxies = rules.words("proxy_of_nouns")
        self.control = rules.words("object_control_verbs")
        self.anaphors = rules.words("event_anaphors")
        from .anaphora import Memory

        self.memory = Memory()

    def subjects(self, tok: Token, actors: DocActors) -> list[Token]:
        """Who does it: the subject, climbing control chains, conjuncts and clauses."""
        cur = tok
        for _ in range(8):
            # the trigger's own passive subject is its target; a governing verb's is the actor
            deps = SUBJECT_DEPS if cur is tok else SUBJECT_DEPS | {"nsubjpass"}
            subs = [c for c in cur.children if c.dep_ in deps]
            if not subs:  # a parse that hangs the subject on the auxiliary
                subs = [g for c in cur.children if c.dep_ in {"aux", "auxpass"}
                        for g in c.children if g.dep_ in deps]
            if subs:
                if cur is not tok and cur.lemma_.lower() in COMPANION_VERBS:
                    # "A was joined by B in condemning C", "A joined B in condemning C"
                    subs = subs + agents(cur) + [c for c in cur.children if c.dep_ == "dobj"]
                return [wh(s) for s in subs]
            if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.dep_ == "pobj" and \
                    cur.head.head.lower_ in MISATTACHED:
                verb = next((a for a in cur.head.ancestors if a.pos_ == "VERB"), None)
                if verb is not None:
                    # "posted a message on Twitter blaming Iran": the clause's, not the medium's
                    cur = verb
                    continue
            if cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.tag_ != "VBN"):
                noun = cur.head
                members = prep_objects(noun, frozenset({"between", "among"}))
                if members:
                    return members  # "cooperation between A and B to fight C"
                mods = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod"}]
                if noun.pos_ in {"PROPN", "PRON"} or noun.ent_type_ or actors.of(noun) is not None:
                    return [noun]  # "the government of Iraq, using aircraft against ISIL"
                if mods and (any(actors.of(m) is not None for m in mods)
                             or noun.lemma_.lower() not in self.proxies):
                    return mods  # "Coalition efforts to support X"
                if noun.dep_ in {"pobj", "dobj"} and noun.lemma_.lower() in self.proxies and (
                        noun.lemma_.lower() not in DOCUMENTS or
                        noun.head.lemma_.lower() in AUTHORING):
                    # "supported X in its efforts to defeat Y"; "passed a resolution condemning
                    # Y" (but not "vetoed a resolution condemning Y")
                    cur = noun.head
                    continue
                return [noun]
            if cur.dep_ == "pcomp" and cur.head.lower_ in {"of", "for"}:
                accused = [c for c in cur.head.head.children if c.dep_ == "dobj"]
                if accused:
                    return accused  # "accused Turkey of backing X": Turkey backs X
            if cur.dep_ == "pcomp" or (cur.dep_ == "pobj" and cur.pos_ == "VERB"):
                cur = cur.head  # "committed to defeating X": up through the preposition
                if cur.dep_ == "prep":
                    cur = cur.head
                continue
            if cur.dep_ == "prep" and cur.head.pos_ in {"ADJ", "VERB", "AUX"}:
                cur = cur.head
                continue
            if cur.dep_ == "prep" and cur.head.dep_ == "pobj" and \
                    cur.head.lemma_.lower() in self.proxies:
                cur = cur.head.head  # "is in the process of ending X": up to 'is'
                continue
            if cur.dep_ in CLIMB_DEPS or (cur.dep_ == "advcl" and cur.tag_ == "VBG"):
                head = cur.head
                infinitive = cur.dep_ == "xcomp" or (cur.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in cur.children))
                if infinitive and head.lemma_.lower() in self.control:
                    # "assisted Iraq to defeat ISIL": the one helped acts too
                    helped = [c for c in head.children if c.dep_ == "dobj"]
                    return helped + self.subjects(head, actors)
                cur = head
                continue
            break
        return []

    def instrument_agents(self, verb: Token, actors: DocActors) -> list[Token]:
        """'killed in a raid conducted by the US military': the raid's agent is the agent."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "during"}:
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in self.proxies:
                        for acl in p.children:
                            if acl.dep_ == "acl":
                                found = agents(acl)
                                if found:
                                    return found
                        if self.actors(p, actors):
                            return [p]
        return []

    def actors(self, tok: Token, actors: DocActors) -> list[Actor]:
        """The actors an argument names, proxies included ("condemned Russia's invasion")."""
        return actors_of(tok, actors, self.proxies, self.of_proxies)


def actors_of(tok: Token, actors: DocActors, proxies: frozenset[str] = frozenset(),
              of_proxies: frozenset[str] = frozenset()) -> list[Actor]:
    """The actors an argument names, with its conjuncts ('Turkey, Iraq and Syria').

    A proxy noun stands for its possessor or agent ("condemned Russia's invasion", "opposed
    Macron's statement"); "the Foreign Ministers of Iran and Egypt" names both countries.
    """
    group = plural_antecedents(tok, actors)
    if group:
        return group  # "both governments", "the pair", "they": the actors named together before
    out: list[Actor] = []
    listed = [tok, *tok.conjuncts]
    for c in tok.children:  # "The UK, the Coalition and Iraq" misparsed as an apposition
        if c.dep_ == "appos" and c.conjuncts and actors.of(c) is not None:
            listed += [c, *c.conjuncts]
    for t in listed:
        named = [c for c in t.children if c.dep_ == "appos" and (a := actors.of(c)) is not None
                 and a.kind == "person" and a is not actors.of(t)]
        if named:  # "two Cabinet officers, A and B": the people named, not their cabinet
            out += unique(a for c in named for q in (c, *c.conjuncts)
                          if (a := actors.of(q)) is not None)
            continue
        actor = actors.of(t)
        if actor is None:  # "his Iraqi counterpart Omar Haddad"
            actor = next((a for c in t.children if c.dep_ == "appos"
                          and (a := actors.of(c)) is not None), None)
        if actor is None and t.lemma_.lower() in of_proxies:
            for c in t.children:  # "the terrorism of ISIL"
                if c.dep_ == "prep" and c.lower_ == "of":
                    inner = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if inner is not None and actors.of(inner) is not None:
                        actor = actors.of(inner)
        if actor is None and t.lemma_.lower() in proxies:
            actor = _proxy_owner(t, actors)
        if actor is None and proxies and t.pos_ == "NOUN":
            actor = _owner(t, actors) or founder(t, actors)  # "a Uruguayan request"
        if actor is None and t.pos_ == "NOUN":
            named = examples(t, actors)
            if named:
                out += named  # "world leaders including A and B"
                continue
        if actor is not None and actor.kind in ACTOR_KINDS:
            rolled = coordinated_owners(t, actor, actors)
            if rolled:
                out += rolled  # "the Danish and Dutch governments", "coast guards of A and B"
                continue
            out.append(actor)
            for c in t.children:  # "ministers of A, B and C"
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and actors.of(p) is actor:
                            out += [a for q in p.conjuncts if (a := actors.of(q)) is not None]
    return out


def _proxy_owner(t: Token, actors: DocActors, depth: int = 0) -> Actor | None:
    for c in t.children:
        if c.dep_ in {"poss", "compound", "amod", "nmod"} or (
                c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "from"}):
            inner = c if c.dep_ != "prep" and c.dep_ != "agent" else next(
                (p for p in c.children if p.dep_ == "pobj"), None)
            if inner is None:
                continue
            if actors.of(inner) is not None:
                return actors.of(inner)
            if depth == 0 and c.dep_ in {"poss", "compound"} and inner.pos_ == "NOUN":
                # "the Trump legal team's claims", "a US counter-terrorism operation": the
                # modifier's owner
                owner = _proxy_owner(inner, actors, depth + 1)
                if owner is not None:
                    return owner
    return None


# places are where a country is, not what it owns: "liberated the Syrian town of Dabiq"
PLACE_NOUNS = {"town", "towns", "city", "cities", "village", "villages", "area", "areas",
               "region", "regions", "province", "provinces", "district", "districts",
               "territory", "territories", "countryside", "island", "islands", "coast",
               "neighborhood", "neighbourhood", "suburb", "suburbs", "street", "streets"}


KIN_NOUNS = {"son", "sons", "daughter", "daughters", "wife", "husband", "brother", "brothers",
             "sister", "sisters", "father", "mother", "parents", "family", "children", "child",
             "nephew", "niece", "cousin", "uncle", "aunt", "grandson", "granddaughter", "widow",
             "lawyer", "lawyers", "attorney", "relatives"}


def _owner(t: Token, actors: DocActors) -> Actor | None:
    """The owner of an owned thing or act: a possessor or a demonym/name modifier that names a
    country, organisation or group ("the company's expansion", "Paraguayan depots")."""
    if t.lower_ in PLACE_NOUNS or t.lower_ in KIN_NOUNS or any(
            c.lower_ in NOT_FOR_THE_STATE for c in t.children if c.dep_ in {"amod", "compound"}):
        return None  # "Biden's son" is someone else; "the former Kenyan president" no state
    for c in t.children:
        if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.lower_ not in PLURAL_PRONOUNS:
            actor = actors.of(c)
            if actor is not None:
                return actor
    return None


COMPANION_VERBS = {"join", "accompany", "rejoin"}
# texts that say what their author does, and the verbs that make one their author
DOCUMENTS = {"resolution", "motion", "bill", "declaration", "letter", "message", "statement",
             "tweet", "post", "note", "video", "speech", "address", "communique", "memo",
             "editorial", "op-ed", "report", "order", "orders", "decree", "decrees", "law",
             "laws", "legislation", "ruling"}
AUTHORING = {"pass", "adopt", "approve", "issue", "table", "introduce", "draft", "sponsor",
             "propose", "submit", "send", "post", "release", "publish", "write", "sign",
             "deliver", "make", "give", "put", "tweet", "file", "unveil", "present"}
# prepositions whose object a participle after it rarely describes ("said on Twitter, blaming")
MISATTACHED = {"on", "via", "through", "to", "at", "in"}
# what is set up or led by an actor stands for it ("the mission led by Germany", "the task force
# which Denmark set up")
FOUNDING_VERBS = {"lead", "head", "found", "establish", "create", "form", "launch", "set",
                  "organize", "organise", "run", "command", "sponsor", "spearhead", "initiate",
                  # authorship: "a lawsuit filed by X", "the plan proposed by X"
                  "file", "bring", "submit", "lodge", "propose", "draft", "introduce", "issue",
                  "announce", "adopt", "impose", "sign", "table", "make", "write", "author",
                  "publish", "declare", "order", "build"}


def founder(t: Token, actors: DocActors) -> Actor | None:
    """The actor that leads or set up `t`: an 'acl' participle's agent, a relative clause's
    subject."""
    for c in t.children:
        if c.lemma_.lower() not in FOUNDING_VERBS:
            continue
        if c.dep_ == "acl" and c.tag_ == "VBN":
            found = [a for x in agents(c) if (a := actors.of(x)) is not None]
        elif c.dep_ == "relcl":
            found = [a for x in c.children if x.dep_ == "nsubj" and (a := actors.of(x)) is not None]
        else:
            continue
        if found:
            return found[0]
    return None


def count(tokens: list[Token], actors: DocActors) -> int:
    """How many distinct actors the tokens name (without proxies: 'A and B' counts as two)."""
    return len({a.id for t in tokens for a in actors_of(t, actors)})
