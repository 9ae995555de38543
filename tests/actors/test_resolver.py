"""The package entry point (`relx.actors`): one `resolve(doc) -> DocActors` over all the steps."""

from __future__ import annotations

from relx.actors import BREAKS, COMPONENT, DocActors, Resolver, resolver_for
from relx.core import Extractor


def test_pipeline_has_the_actor_components(extractor: Extractor) -> None:
    names = extractor.nlp.pipe_names
    assert names.index(BREAKS) < names.index("parser")
    assert names.index("ner") < names.index(COMPONENT)


def test_resolve_runs_every_step_in_order(extractor: Extractor) -> None:
    """Names, then collectives that need the names, then pronouns that need both."""
    doc = extractor.nlp("Foreign Minister Lars Holm of Denmark met Kenyan officials."
                        " He criticized Somalia.")
    resolver = resolver_for(extractor.nlp)
    assert isinstance(resolver, Resolver)
    out = resolver.resolve(doc)
    assert isinstance(out, DocActors)
    named = {doc[m.start:m.end].text: m.actor for m in out.mentions}
    assert named["Lars Holm"] == named["He"] == "person:lars-holm"  # people, then anaphora
    assert named["Kenyan officials"] == named["Kenyan"] == "country:KEN"  # collectives
    assert out.actors["person:lars-holm"].mentions == 1  # a pronoun is not another mention
    assert resolver(doc).token_actor == out.token_actor  # callable, as core.Extractor uses it
