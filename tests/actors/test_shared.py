"""The structures every actor step shares (`relx.actors.shared`): pure, no pipeline needed."""

from __future__ import annotations

from relx.actors import DocActors
from relx.actors.shared import copy_actor
from relx.records import Actor


def test_add_counts_mentions_and_maps_tokens() -> None:
    out = DocActors()
    out.add(Actor("country:PER", "Peru", "country"), 0, 1)
    out.add(Actor("country:PER", "Peru", "country"), 5, 7)
    out.add(Actor("country:PER", "Peru", "country"), 9, 10, count=False)  # a pronoun: no count
    assert out.actors["country:PER"].mentions == 2
    assert out.token_actor == {0: "country:PER", 5: "country:PER", 6: "country:PER",
                               9: "country:PER"}
    assert [(m.start, m.end) for m in out.mentions] == [(0, 1), (5, 7), (9, 10)]


def test_a_later_mention_fills_in_role_and_country_but_does_not_overwrite() -> None:
    out = DocActors()
    out.add(Actor("person:ana-berg", "Anna Berg", "person"), 0, 2)
    out.add(Actor("person:ana-berg", "Anna Berg", "person", role="envoy", country="Sweden"), 4, 5)
    out.add(Actor("person:ana-berg", "Anna Berg", "person", role="mayor", country="Norway"), 8, 9)
    berg = out.actors["person:ana-berg"]
    assert (berg.role, berg.country, berg.mentions) == ("envoy", "Sweden", 3)


def test_used_keeps_first_seen_order() -> None:
    out = DocActors()
    for n, (aid, name) in enumerate([("country:CHL", "Chile"), ("country:PER", "Peru"),
                                     ("country:BOL", "Bolivia")]):
        out.add(Actor(aid, name, "country"), n, n + 1)
    assert [a.name for a in out.used({"country:BOL", "country:CHL"})] == ["Chile", "Bolivia"]


def test_copy_actor_is_a_new_record_without_counts() -> None:
    peru = Actor("country:PER", "Peru", "country", mentions=4)
    copy = copy_actor(peru)
    assert (copy.id, copy.name, copy.kind, copy.mentions) == ("country:PER", "Peru", "country", 0)
    assert copy is not peru
