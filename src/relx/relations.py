"""Relations: the three constructions of `rules.PATTERNS`, read off a dependency parse.

The engine finds trigger words from the rule lexicons, reads the source and target arguments the
construction gives them (following passives, control chains, coordination, relative clauses and
light verbs), maps each argument to a resolved actor, and marks negation and modality from the
words that govern the trigger.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import permutations

from spacy.tokens import Doc, Span, Token

from .actors import DocActors
from .records import ACTOR_KINDS, Actor, Relation
from .rules import Rule, RuleSet

SUBJECT_DEPS = {"nsubj", "csubj"}
CLIMB_DEPS = {"xcomp", "conj", "acomp", "ccomp", "advcl", "pcomp"}
WH_WORDS = {"which", "who", "that", "whom", "whose"}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "without"}
HYPOTHETICAL_NOUNS = {"event", "case"}
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
REVERSE_PARTICIPLES = {"backed", "supported", "sponsored", "funded", "armed", "financed",
                       "trained", "equipped", "led"}


@dataclass(slots=True)
class Match:
    """One rule firing: argument tokens plus the tokens that carried it."""

    rule: Rule
    trigger: Token
    sources: list[Token]
    targets: list[Token]
    words: list[Token]
    group: list[Token] | None = None  # "talks between A, B and C": every pair


class RelationEngine:
    """Applies a RuleSet to a parsed Doc whose actors are resolved."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.light = rules.words("light_verbs")
        self.negating = rules.words("negating_verbs")
        self.planning = rules.words("planning_verbs")
        self.modals = rules.words("modal_auxiliaries")
        self.conditional = rules.words("conditional_markers")
        self.proxies = rules.words("proxy_nouns")
        self.of_proxies = rules.words("proxy_of_nouns")
        self.control = rules.words("object_control_verbs")
        self.directive = rules.words("directive_verbs")
        self.mutual_light = rules.words("mutual_light_verbs")
        self.neutral = rules.words("neutral_verbs")
        self.hedges = rules.words("hedging_adverbs")
        self.circumstances = rules.words("circumstance_nouns")
        self.allegations = rules.words("allegation_verbs")
        self.quantities = rules.words("quantity_nouns")
        self._current: DocActors | None = None

    def __call__(self, doc: Doc, actors: DocActors, *, doc_id: str, date: str | None = None
                 ) -> list[Relation]:
        out: list[Relation] = []
        seen: set[tuple[str, str, str, int]] = set()
        for match in self.matches(doc, actors):
            for rel in self._relations(match, actors, doc_id, date):
                a, b = rel.source_id, rel.target_id
                if rel.type == "meets":
                    a, b = sorted((a, b))
                key = (a, rel.type, b, rel.start)
                if key in seen:
                    continue
                seen.add(key)
                out.append(rel)
        return out

    # -- finding triggers ------------------------------------------------------------------------

    def matches(self, doc: Doc, actors: DocActors) -> Iterator[Match]:
        self._current = actors
        at = actors.token_actor
        for sent in doc.sents:
            # every argument is a token of the sentence: fewer than two actors, no relation
            if len({at[i] for i in range(sent.start, sent.end) if i in at}) >= 2:
                yield from self._sentence_matches(sent, actors)

    def _sentence_matches(self, sent: Span, actors: DocActors) -> Iterator[Match]:
        for tok in sent:
            lemma = tok.lemma_.lower()
            low = tok.lower_
            if tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
                rules = self.rules.lookup("verb", lemma) or (
                    [] if lemma in self.neutral else self.rules.lookup("verb", "*"))
                for rule in rules:
                    yield from self._verb(tok, rule, actors)
            if tok.pos_ in {"NOUN", "PROPN"}:
                rules = self.rules.lookup("noun", low) or self.rules.lookup("noun", lemma)
                for rule in rules:
                    yield from self._noun(tok, rule, actors)
            if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"oprd", "pobj", "attr"}:
                for rule in self.rules.lookup("label", lemma):
                    yield from self._label(tok, rule)
            if tok.pos_ in {"ADJ", "VERB", "NOUN"} or tok.tag_ == "VBN":
                rules = self.rules.lookup("adjective", low) or self.rules.lookup("adjective", lemma)
                for rule in rules:
                    if tok.pos_ == "NOUN":
                        yield from self._role_noun(tok, rule, actors)
                    else:
                        yield from self._adjective(tok, rule, actors)

    def _verb(self, verb: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        kids = list(verb.children)
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in kids)
        agents = [p for c in kids if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        preps = self._prep_objects(verb, rule.preps)
        if "*" in rule.lemmas and not preps:
            return  # an any-verb rule is about its preposition ("used weapons against X")
        words = [verb] + [c for c in kids if c.dep_ == "prt"]
        members = self._prep_objects(verb, frozenset({"between", "among"}))
        if rule.reciprocal and _count(members, actors) >= 2:
            yield Match(rule, verb, [], [], words, group=members)  # "signed between A, B and C"
            return
        if passive or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            if not agents:
                agents = self._instrument_agents(verb, actors)
            if not agents or rule.source == "object":
                return
            targets = [c for c in kids if c.dep_ == "nsubjpass"]
            if not targets and verb.dep_ in {"acl", "relcl"}:
                targets = [verb.head]
            targets = [self._wh(t) for t in targets] + preps
            if rule.reciprocal and _count(agents, actors) >= 2 and not _count(targets, actors):
                yield Match(rule, verb, [], [], words, group=agents)  # "attended by A, B and C"
                return
            yield Match(rule, verb, agents, targets, words)
            return
        subjects = self._subjects(verb)
        objects = [c for c in kids if c.dep_ in {"dobj", "dative"}] if rule.object else []
        if rule.object and verb.dep_ == "relcl" and not objects and any(
                c.dep_ == "nsubj" and c.lower_ not in WH_WORDS for c in kids):
            objects = [verb.head]  # "the man whom Turkey arrested"
        if rule.source == "object":
            subjects, objects = [c for c in kids if c.dep_ == "dobj"], []
        targets = [self._wh(t) for t in objects] + preps
        direct = [c for c in kids if c.dep_ == "nsubj"]
        if rule.reciprocal and _count(direct, actors) >= 2 and not _count(targets, actors) \
                and not any(c.dep_ == "dobj" and _count([c], actors) for c in kids):
            yield Match(rule, verb, [], [], words, group=subjects)  # "A and B met"
            return
        if subjects and targets:
            yield Match(rule, verb, subjects, targets, words)

    def _noun(self, noun: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        if rule.verbs:
            yield from self._noun_under_verb(noun, rule)
            return
        kids = list(noun.children)
        preps_here = {c.lower_ for c in kids if c.dep_ == "prep"}
        target_preps = set(rule.preps)
        of_is_source = "of" in preps_here and bool((preps_here - {"of"}) & target_preps)
        if of_is_source:
            target_preps.discard("of")
        targets = self._prep_objects(noun, frozenset(target_preps))
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "in" and \
                noun.lemma_.lower() in self.circumstances:
            # "struck targets in support of the government of Iraq": the clause's actor
            targets = self._prep_objects(noun, rule.preps | {"of", "with"})
            sources = self._clause_actors(head) if targets else []
            if sources:
                yield Match(rule, noun, sources, targets, [head, noun])
            return
        if noun.i in actors.token_actor and not targets:
            return  # "the Syrian opposition" is an actor, not an act of opposing
        own = actors.token_actor.get(noun.i)
        sources = [c for c in kids if c.dep_ in {"poss", "compound", "amod", "nmod"}
                   and actors.of(c) is not None and actors.token_actor.get(c.i) != own]
        if of_is_source:
            sources += self._prep_objects(noun, frozenset({"of"}))
        sources += self._prep_objects(noun, frozenset({"by", "from"}))
        words = [noun]
        if noun.dep_ == "pobj" and head.lower_ == "of" and \
                head.head.lemma_.lower() in self.quantities:
            noun_slot = head.head  # "held a first round of talks with X": 'round' is the object
        else:
            noun_slot = noun
        if noun_slot is not noun:
            head = noun_slot.head
        if not sources and head.lemma_.lower() in self.light and (
                noun_slot.dep_ in {"dobj", "attr", "nsubjpass", "conj"}
                or (noun_slot.dep_ == "pobj" and head.dep_ == "prep")):
            verb = head if noun_slot.dep_ != "pobj" else head.head
            if any(c.dep_ == "nsubjpass" for c in verb.children) or verb.dep_ == "acl":
                sources = [p for c in verb.children if c.dep_ == "agent" for p in c.children
                           if p.dep_ == "pobj"]
            else:
                sources = self._subjects(verb)
            words.insert(0, verb)
        if not targets and noun.dep_ == "dobj" and head.lemma_.lower() in self.light:
            # "imposed sanctions on X", "voiced its opposition to X": the preposition is the verb's
            targets = self._prep_objects(head, frozenset(target_preps - {"of"}))
            if head not in words:
                words.insert(0, head)
        elif not sources and noun.dep_ == "pobj" and head.lower_ in {"in", "into"} \
                and head.head.lemma_ in {"be", "remain", "engage", "enter", "stay"}:
            sources = self._subjects(head.head)  # "Ukraine, which is in a conflict with Russia"
        elif not sources and rule.symmetric and noun.dep_ == "pobj" and \
                head.lower_ in {"in", "during", "at", "after"} and head.head.pos_ == "VERB":
            sources = self._subjects(head.head)  # "In talks with Iraq, Turkey agreed to ..."
        members = self._prep_objects(noun, frozenset({"between", "among"}))
        if rule.reciprocal and _count(members, actors) >= 2 and not targets:
            yield Match(rule, noun, [], [], words, group=members)
            return
        mutual = rule.reciprocal or head.lemma_.lower() in self.mutual_light
        if mutual and not targets and _count(sources, actors) >= 2:
            yield Match(rule, noun, [], [], words, group=sources)  # "A and B held talks"
            return
        if rule.reciprocal and not targets and not sources:
            of_members = self._prep_objects(noun, frozenset({"of"}))
            if _count(of_members, actors) >= 2:  # "the trilateral meeting of A, B and C"
                yield Match(rule, noun, [], [], words, group=of_members)
                return
        if not targets and noun.dep_ == "pobj" and (head.lower_ == "under" or (
                head.lower_ == "to" and head.head.lemma_.lower() in {"expose", "subject"})):
            # "Turkey is under EU sanctions", "it is exposed to Turkish pressure",
            # "the army placed Mugabe under arrest"
            verb = head.head
            placed = [c for c in verb.children if c.dep_ == "dobj"]
            if placed:
                targets, sources = placed, sources or self._subjects(verb)
            else:
                targets = [c for c in verb.children if c.dep_ == "nsubjpass"] or \
                    self._subjects(verb)
        if sources and targets:
            yield Match(rule, noun, sources, targets, words)

    def _clause_actors(self, prep: Token) -> list[Token]:
        """Who acts in the clause a prepositional phrase belongs to: up through coordinated
        prepositions and participles to the verb ("strikes coordinated with and in support of")."""
        verb = prep.head
        while verb.pos_ == "ADP" and verb.head is not verb:
            verb = verb.head
        while verb.pos_ == "VERB" and verb.dep_ in {"acl", "conj", "amod"} \
                and verb.head is not verb:
            verb = verb.head
        if verb.pos_ in {"VERB", "AUX"}:
            return self._subjects(verb)
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":  # "flew missions in support of X"
            return self._subjects(verb.head)
        return []

    def _noun_under_verb(self, noun: Token, rule: Rule) -> Iterator[Match]:
        """'developed relations with B': the noun counts only as the object of one of rule.verbs."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in rule.verbs:
            return
        targets = self._prep_objects(noun, rule.preps) or self._prep_objects(verb, rule.preps)
        sources = self._subjects(verb)
        if not targets and _count(sources, self._current) >= 2:
            # "A and B restored ties": ties between coordinated subjects run both ways
            yield Match(rule, noun, [], [], [verb, noun], group=sources)
            return
        if sources and targets:
            yield Match(rule, noun, sources, targets, [verb, noun])

    def _adjective(self, adj: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        words = [adj]
        low = adj.lower_
        # "Iran-backed militias"
        if low in REVERSE_PARTICIPLES and adj.dep_ in {"amod", "acl"}:
            for c in adj.children:
                if c.dep_ in {"npadvmod", "compound", "nmod", "advmod"} and actors.of(c):
                    yield Match(rule, adj, [c], [adj.head], words)
                    return
        # "backed by A": A is the source; "appalled by A": A is the target
        targets = self._prep_objects(adj, rule.preps - ({"by"} if low in REVERSE_PARTICIPLES
                                                         else set()))
        agents = self._prep_objects(adj, frozenset({"by"}) & rule.preps)
        if adj.dep_ in {"amod", "acl", "appos", "relcl"} and adj.head.pos_ in {"NOUN", "PROPN"}:
            holders = [adj.head]
        else:  # "Hamas is linked to Iran" parses as a passive
            holders = [c for c in adj.children if c.dep_ == "nsubjpass"] or self._subjects(adj)
        if agents and low in REVERSE_PARTICIPLES:
            yield Match(rule, adj, agents, holders, words)
        elif targets and holders:
            yield Match(rule, adj, holders, targets, words)

    def _label(self, label: Token, rule: Rule) -> Iterator[Match]:
        """'A called B a dictator' (oprd), 'A described B as a hero' (as + pobj)."""
        verb = label.head
        if label.dep_ == "pobj" and verb.lower_ == "as":
            verb = verb.head
        if verb.lemma_.lower() not in rule.verbs:
            return
        targets = [c for c in verb.children if c.dep_ == "dobj"]
        sources = self._subjects(verb)
        if sources and targets:
            yield Match(rule, label, sources, targets, [verb, label])

    def _role_noun(self, noun: Token, rule: Rule, actors: DocActors) -> Iterator[Match]:
        """A relational role: "Iran, an ally of Syria", "X is a critic of Y", "Syria's ally Iran",
        "NATO ally Turkey": the one described holds the relation to the owner of the role."""
        if noun.i in actors.token_actor:
            return
        owners = self._prep_objects(noun, rule.preps) + [
            c for c in noun.children if c.dep_ in {"poss", "compound"} and actors.of(c)]
        if noun.dep_ in {"appos", "compound"} and noun.head.pos_ in {"NOUN", "PROPN"}:
            holders = [noun.head]
        elif noun.dep_ == "attr":
            holders = self._subjects(noun.head)
        else:
            holders = [c for c in noun.children if c.dep_ == "appos"]
        if owners and holders:
            yield Match(rule, noun, holders, owners, [noun])

    # -- arguments -------------------------------------------------------------------------------

    @staticmethod
    def _prep_objects(tok: Token, preps: frozenset[str] | set[str]) -> list[Token]:
        out: list[Token] = []
        for child in tok.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
                out += [p for p in child.children if p.dep_ in {"pobj", "pcomp"}]
        return out

    def _subjects(self, tok: Token) -> list[Token]:
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
                return [self._wh(s) for s in subs]
            if cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.tag_ != "VBN"):
                noun = cur.head
                members = self._prep_objects(noun, frozenset({"between", "among"}))
                if members:
                    return members  # "cooperation between A and B to fight C"
                mods = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod"}]
                if noun.pos_ in {"PROPN", "PRON"} or noun.ent_type_ or (
                        self._current is not None and self._current.of(noun) is not None):
                    return [noun]  # "the government of Iraq, using aircraft against ISIL"
                if mods:
                    return mods  # "Coalition efforts to support X"
                if noun.dep_ in {"pobj", "dobj"} and noun.lemma_.lower() in self.proxies:
                    cur = noun.head  # "supported X in its efforts to defeat Y"
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
                if cur.dep_ == "xcomp" and head.lemma_.lower() in self.control:
                    # "assisted Iraq to defeat ISIL": the one helped acts too
                    helped = [c for c in head.children if c.dep_ == "dobj"]
                    return helped + self._subjects(head)
                cur = head
                continue
            break
        return []

    def _instrument_agents(self, verb: Token, actors: DocActors) -> list[Token]:
        """'killed in a raid conducted by the US military': the raid's agent is the agent."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "during"}:
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in self.proxies:
                        for acl in p.children:
                            if acl.dep_ == "acl":
                                found = [x for a in acl.children if a.dep_ == "agent"
                                         for x in a.children if x.dep_ == "pobj"]
                                if found:
                                    return found
                        if self._actors(p, actors):
                            return [p]
        return []

    @staticmethod
    def _wh(tok: Token) -> Token:
        """A relative pronoun stands for the noun its clause modifies."""
        if tok.lower_ in WH_WORDS and tok.head.dep_ == "relcl":
            return tok.head.head
        return tok

    # -- records ---------------------------------------------------------------------------------

    def _relations(self, m: Match, actors: DocActors, doc_id: str, date: str | None
                   ) -> Iterator[Relation]:
        if m.group is not None:
            members = _unique(a for t in m.group for a in self._actors(t, actors))
            if m.rule.symmetric:
                pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]
            else:
                pairs = list(permutations(members, 2))
            # two officials of one country in a list of attendees are one delegation
            pairs = [(a, b) for a, b in pairs if not (
                a.kind == b.kind == "person" and a.country and a.country == b.country)]
        else:
            sources = _unique(a for t in m.sources for a in self._actors(t, actors))
            targets = _unique(a for t in m.targets for a in self._actors(t, actors))
            pairs = [(s, t) for s in sources for t in targets]
            if m.rule.reciprocal and not m.rule.symmetric:
                pairs += [(t, s) for s, t in pairs]
        if not pairs:
            return
        negated, modality = self._status(m.trigger, m.rule.type)
        sent = m.trigger.sent
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        text = text.strip()
        trigger = " ".join(t.text for t in sorted(set(m.words), key=lambda t: t.i))
        for src, tgt in pairs:
            if src.id == tgt.id:
                continue
            yield Relation(
                doc=doc_id, source=src.name, type=m.rule.type, target=tgt.name,
                source_id=src.id, target_id=tgt.id, source_kind=src.kind, target_kind=tgt.kind,
                trigger=trigger, sentence=text, start=start, end=start + len(text),
                negated=negated, modality=modality, confidence=m.rule.confidence,
                rule=m.rule.id, source_role=src.role, source_country=src.country,
                target_role=tgt.role, target_country=tgt.country, date=date)

    def _actors(self, tok: Token, actors: DocActors) -> list[Actor]:
        return _actors(tok, actors, self.proxies, self.of_proxies)

    def _status(self, trigger: Token, rtype: str = "") -> tuple[bool, str]:
        """Negation and modality from the trigger and the words that govern it in its clause."""
        negated = False
        modality = "asserted"
        chain = [trigger]
        cur = trigger
        for _ in range(6):
            # not through 'conj': "is not a member, but is part of a pact" is not negated
            if cur.dep_ in (CLIMB_DEPS - {"conj"}) | {"dobj", "pobj", "prep", "attr", "nsubjpass",
                                                      "acl", "advcl", "relcl"} \
                    and cur.head is not cur:
                cur = cur.head
                chain.append(cur)
                if cur.pos_ in {"VERB", "AUX"} and cur.dep_ not in CLIMB_DEPS:
                    break
            else:
                break
        doc = trigger.doc
        if 0 < trigger.i < len(doc) - 1 and doc[trigger.i - 1].text in QUOTES \
                and doc[trigger.i + 1].text in QUOTES:
            modality = "uncertain"  # scare quotes: Assad's "war" on ISIL
        for anc in trigger.ancestors:  # "in the event that A attacks B"
            if anc.lemma_.lower() in HYPOTHETICAL_NOUNS and anc.head.lower_ == "in":
                modality = "hypothetical"
        for i, tok in enumerate(chain):
            lemma = tok.lemma_.lower()
            if i > 0 and lemma in self.negating:
                negated = True
            if i > 0 and (lemma in self.planning or tok.lower_ in self.planning):
                modality = "planned"
            if i > 0 and lemma in self.allegations and modality == "asserted":
                modality = "uncertain"  # "accused Turkey of backing X": alleged, not asserted
            if i > 0 and rtype == "meets" and lemma in self.directive:
                modality = "planned"  # "asked X to meet Y": no meeting yet (asking is an act)
            for child in tok.children:
                low = child.lower_
                if child.dep_ == "neg" or (low in NEGATIONS and child.dep_ in {"det", "advmod",
                                                                               "preconj"}):
                    negated = True
                elif child.dep_ == "aux" and low in self.modals:
                    if modality == "asserted":
                        modality = "planned" if low in {"will", "shall", "'ll"} else "uncertain"
                elif child.dep_ == "mark" and low in self.conditional:
                    modality = "hypothetical"
                elif child.dep_ == "advmod" and low in self.hedges and modality == "asserted":
                    modality = "uncertain"  # "allegedly attacked"
        return negated, modality


def _actors(tok: Token, actors: DocActors, proxies: frozenset[str] = frozenset(),
            of_proxies: frozenset[str] = frozenset()) -> list[Actor]:
    """The actors an argument names, with its conjuncts ('Turkey, Iraq and Syria').

    A proxy noun stands for its possessor or agent ("condemned Russia's invasion", "opposed
    Macron's statement"); "the Foreign Ministers of Iran and Egypt" names both countries.
    """
    out: list[Actor] = []
    listed = [tok, *tok.conjuncts]
    for c in tok.children:  # "The UK, the Coalition and Iraq" misparsed as an apposition
        if c.dep_ == "appos" and c.conjuncts and actors.of(c) is not None:
            listed += [c, *c.conjuncts]
    for t in listed:
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
            for c in t.children:
                if c.dep_ in {"poss", "compound", "amod"} or (c.dep_ in {"prep", "agent"}
                                                              and c.lower_ in {"by", "from"}):
                    inner = c if c.dep_ != "prep" and c.dep_ != "agent" else next(
                        (p for p in c.children if p.dep_ == "pobj"), None)
                    if inner is not None and actors.of(inner) is not None:
                        actor = actors.of(inner)
                        break
        if actor is not None and actor.kind in ACTOR_KINDS:
            out.append(actor)
            for c in t.children:  # "ministers of A, B and C"
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and actors.of(p) is actor:
                            out += [a for q in p.conjuncts if (a := actors.of(q)) is not None]
    return out


def _count(tokens: list[Token], actors: DocActors) -> int:
    return len({a.id for t in tokens for a in _actors(t, actors)})


def _unique(items: Iterator[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in items:
        seen.setdefault(a.id, a)
    return list(seen.values())
