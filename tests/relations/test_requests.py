"""Yielding and demanding: acting at an actor's request supports it (CAMEO 083), asking an actor
to resign opposes it (CAMEO 1233), electing or voting for an actor supports it. The package
rules, on the real pipeline; sentences are invented."""

from __future__ import annotations

import pytest

from relx.core import Extractor

from .triples import asserted, case, check, expect


@pytest.mark.parametrize(("text", "expected"), [
    case("Kenya sent troops at the invitation of Uganda.", ("Kenya", "supports", "Uganda")),
    case("Kenya sent troops at Uganda's request.", ("Kenya", "supports", "Uganda")),
    case("Queen Mary Brook dissolved parliament at the behest of Prime Minister John Abel.",
         ("Mary Brook", "supports", "John Abel")),
    # the clause's verb is the act yielded, not a negation of the yielding
    case("At the request of Prime Minister John Abel, Mary Brook suspended the assembly.",
         ("Mary Brook", "supports", "John Abel")),
    # a request that is only mentioned is no yielding
    case("Kenya rejected the request of Uganda.", ("Kenya", "opposes", "Uganda")),
])
def test_acting_at_a_request_supports_the_asker(extractor: Extractor, text: str,
                                                expected: set) -> None:
    check(extractor, text, expected)


def test_a_refused_request_is_still_negated(extractor: Extractor) -> None:
    result = extractor.extract("Kenya did not send troops at the invitation of Uganda.")
    assert asserted(result) == set()
    assert [r.negated for r in result.relations] == [True]


@pytest.mark.parametrize(("text", "expected"), [
    case("The Green Movement asked President John Abel to resign.",
         ("Green Movement", "opposes", "John Abel")),
    case("Opposition leader Mary Brook urged John Abel to step down.",
         ("Mary Brook", "opposes", "John Abel")),
    case("Mary Brook called on John Abel to resign.", ("Mary Brook", "opposes", "John Abel")),
    case("Kenya pressed Peter Okello to stand aside.", ("Kenya", "opposes", "Peter Okello")),
    # other things asked for are not a demand to go
    case("Mary Brook urged John Abel to step up his efforts.", *()),
    case("Mary Brook asked John Abel to leave the room.", *()),
])
def test_asking_an_actor_to_resign_opposes_it(extractor: Extractor, text: str,
                                              expected: set) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("The Labour Party voted to elect Mary Brook as its leader.",
         ("Labour Party", "supports", "Mary Brook")),
    case("Members of the Kenyan Parliament voted for John Abel.",
         ("Kenyan Parliament", "supports", "John Abel")),
    case("Members of the Kenyan Parliament voted for John Abel to serve as Speaker.",
         ("Kenyan Parliament", "supports", "John Abel")),
    # voting for an actor to go is no support of it
    case("The Kenyan Senate voted for John Abel to resign.", *()),
    case("The Supreme Court ruled against Texas.", ("Supreme Court", "opposes", "Texas")),
    case("Kenyan students marched in Nairobi, protesting the Ugandan government's plan.",
         ("Kenyan students", "opposes", "Uganda")),
    case("Osama bin Laden orchestrated the attacks on the United States.",
         ("Osama bin Laden", "opposes", "United States")),
    case("Ugandan protesters surrounded the Kenyan parliament.",
         ("Ugandan protesters", "opposes", "Kenyan parliament")),
    # a court that rules on a case is no side
    case("The Supreme Court ruled on the case of Texas.", *()),
])
def test_votes_rulings_and_protests(extractor: Extractor, text: str, expected: set) -> None:
    check(extractor, text, expected)


def test_the_request_rules_carry_their_cameo_codes(extractor: Extractor) -> None:
    [rel] = extractor.extract("Kenya sent troops at the invitation of Uganda.").relations
    assert (rel.rule, rel.cameo) == ("support-at-request", "083")
    [rel] = extractor.extract("Mary Brook called on John Abel to resign.").relations
    assert rel.cameo == "1233"
    assert expect(("Mary Brook", "opposes", "John Abel")) == asserted(
        extractor.extract("Mary Brook called on John Abel to resign."))


@pytest.mark.parametrize(("text", "expected"), [
    case("The Kenyan police used tear gas and water cannon against Ugandan students.",
         ("Kenyan police", "opposes", "Ugandan students")),
    case("In Nairobi the police used water cannon against the protesters.",
         ("police", "opposes", "protesters")),
    case("Kenya deployed troops against the Lord's Resistance Army.",
         ("Kenya", "opposes", "Lord's Resistance Army")),
    case("Uganda took legal action against Kenya.", ("Uganda", "opposes", "Kenya")),
    # condemning hostility is not being hostile
    case("Kenya condemned the violence against Ugandan students.", *()),
])
def test_an_instrument_used_against_an_actor_opposes_it(extractor: Extractor, text: str,
                                                        expected: set) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Queen Mary Brook complied with the request of Prime Minister John Abel.",
         ("Mary Brook", "supports", "John Abel")),
    case("Kenya bowed to Uganda's demands.", ("Kenya", "supports", "Uganda")),
    case("Kenya granted Uganda's request for troops.", ("Kenya", "supports", "Uganda")),
    case("Kenya accepted the offer of Uganda.", ("Kenya", "supports", "Uganda")),
    # complying with what no actor asked is nothing
    case("Kenya complied with the law.", *()),
])
def test_yielding_to_an_actors_request_supports_it(extractor: Extractor, text: str,
                                                   expected: set) -> None:
    check(extractor, text, expected)


def test_an_owner_of_an_owner_stands_behind_a_claim(extractor: Extractor) -> None:
    check(extractor, "Chris Abel denounced the Kenyan legal team's claims as an embarrassment.",
          expect(("Chris Abel", "opposes", "Kenya")))


@pytest.mark.parametrize(("text", "expected"), [
    # 'to' as the parser's dative of a light verb still names the one given to
    case("Kenya sent its condolences to Uganda after the attack.",
         ("Kenya", "supports", "Uganda")),
    case("Kenya provided medical supplies to the Ugandan army.",
         ("Kenya", "supports", "Ugandan army")),
    # sending envoys is a visit; sending things is not
    case("Kenya sent a delegation to Uganda.", ("Kenya", "meets", "Uganda")),
    case("Kenya sent its envoy to Uganda.", ("Kenya", "meets", "Uganda")),
    case("Kenya sent troops to Uganda.", *()),
    # the owner of a compound modifier owns the operation ("a US counter-terrorism operation")
    case("Hamza Yusuf was killed in a US counter-terrorism operation in Somalia.",
         ("United States", "opposes", "Hamza Yusuf")),
])
def test_datives_and_nested_owners(extractor: Extractor, text: str, expected: set) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("William Ruto hosted a dinner for Yoweri Museveni.",
         ("William Ruto", "meets", "Yoweri Museveni")),
    case("William Ruto sat down with Yoweri Museveni.",
         ("William Ruto", "meets", "Yoweri Museveni")),
    case("William Ruto hosted a dinner for journalists.", *()),
])
def test_hosting_and_sitting_down_with_meets(extractor: Extractor, text: str,
                                             expected: set) -> None:
    check(extractor, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    case("Kenya and Uganda agreed to cooperate on security.",
         ("Kenya", "supports", "Uganda"), ("Uganda", "supports", "Kenya")),
    # a motive to cooperate is no cooperation
    case("Common threats give Kenya and Uganda a reason to cooperate.", *()),
    case("Kenya agreed to Uganda's demands.", ("Kenya", "supports", "Uganda")),
    case("Kenya expressed outrage over Uganda's military buildup.",
         ("Kenya", "opposes", "Uganda")),
    case("Kenya voiced its objection to Uganda's plan.", ("Kenya", "opposes", "Uganda")),
    # worry for someone is no hostility
    case("Kenya expressed concern for the safety of Ugandan citizens.", *()),
])
def test_agreeing_and_objecting(extractor: Extractor, text: str, expected: set) -> None:
    check(extractor, text, expected)
