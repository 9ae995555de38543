"""The HTML view in a real headless Chromium: it loads cleanly, draws the network, answers clicks,
and shows hostile names as text.

Skipped (with the reason) where no browser is installed; .ci/run installs one and sets
RELX_REQUIRE_BROWSER=1, so there a missing browser fails instead of skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import chromium, click_at, missing, open_page, screen_point

from relx.core import Extractor
from relx.export_html import view_data, write_html
from relx.graph import build_graph
from relx.reading import Problem, iter_documents
from relx.records import Actor, Relation, Result

WHY_NOT = missing()
if WHY_NOT and os.environ.get("RELX_REQUIRE_BROWSER"):
    raise RuntimeError(f"RELX_REQUIRE_BROWSER is set but {WHY_NOT}")
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=f"no browser test: {WHY_NOT}")

EVIL = Actor("group:evil", "<img src=x onerror=alert(1)>", "group", mentions=2)
NATO = Actor("org:nato", "NATO", "organization", mentions=1)
HOSTILE = 'They chanted "</script><script>alert(2)</script>" & <b>bold</b>\u2028again.'


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with chromium() as d:
        yield d


@pytest.fixture(scope="module")
def samples_page(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor, samples: Path
                 ) -> tuple[Path, dict]:
    docs = [d for d in iter_documents([str(samples)]) if not isinstance(d, Problem)]
    results = list(extractor.pipe(docs))
    graph = build_graph(results)
    relations = [r for res in results for r in res.relations]
    path = tmp_path_factory.mktemp("html") / "samples.html"
    with path.open("w", encoding="utf-8") as fh:
        write_html(graph, relations, fh)
    return path, view_data(graph, relations)


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def details_text(driver: Any) -> str:
    return driver.execute_script("return document.getElementById('details').textContent")


def test_samples_load_cleanly_and_draw_every_actor_and_relation(
        driver: Any, samples_page: tuple[Path, dict]) -> None:
    path, data = samples_page
    open_page(driver, path)
    assert console_errors(driver) == []
    assert driver.execute_script("return relx.errors") == []
    drawn = driver.execute_script("return [relx.nodes, relx.edges]")
    assert drawn == [len(data["nodes"]), len(data["edges"])]
    assert drawn[1] > 20
    body = driver.find_element("tag name", "body")
    assert body.get_attribute("data-edges") == str(len(data["edges"]))
    # the canvas really has the network on it, inside the visible area
    painted = driver.execute_script("""
        var n = 0;
        document.querySelectorAll('#graph canvas').forEach(function (c) {
          if (!c.width || !c.height) { return; }
          var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { n++; } }
        });
        return n;""")
    assert painted > 5000
    outside = driver.execute_script("""
        var w = relx.cy.width(), h = relx.cy.height();
        return relx.cy.nodes().filter(function (n) {
          var p = n.renderedPosition(); return p.x < 0 || p.y < 0 || p.x > w || p.y > h;
        }).length;""")
    assert outside == 0


def test_clicking_an_edge_shows_its_sentence(driver: Any, samples_page: tuple[Path, dict]
                                             ) -> None:
    path, data = samples_page
    open_page(driver, path)
    edge = next(e for e in data["edges"]
                if (e["source"], e["relation"], e["target"]) == ("org:ecowas", "opposes",
                                                                  "country:MLI"))
    click_at(driver, *screen_point(driver, edge["id"]))
    text = details_text(driver)
    assert "ECOWAS opposes Mali" in text
    assert "ECOWAS condemned Mali after the decision." in text
    assert "2024-03-05" in text and "sahel-02" in text and "confidence" in text
    assert driver.execute_script("return document.querySelector('#evidence mark').textContent"
                                 ) == edge["evidence"][0]["trigger"]
    assert console_errors(driver) == []


def test_clicking_an_actor_shows_its_ego_network(driver: Any, samples_page: tuple[Path, dict]
                                                 ) -> None:
    path, data = samples_page
    open_page(driver, path)
    click_at(driver, *screen_point(driver, "country:UKR"))
    assert driver.execute_script("return document.getElementById('details-title').textContent"
                                 ) == "Ukraine"
    neighbours = {e["target"] if e["source"] == "country:UKR" else e["source"]
                  for e in data["edges"] if "country:UKR" in (e["source"], e["target"])}
    shown = driver.execute_script("""return relx.cy.nodes().not('.faded').map(
        function (n) { return n.id(); })""")
    assert set(shown) == neighbours | {"country:UKR"}
    assert "Germany supports Ukraine" in details_text(driver)
    # back to the whole network
    click_at(driver, *driver.execute_script("""
        var box = relx.cy.container().getBoundingClientRect();
        return [box.left + 20, box.bottom - 20];"""))
    assert driver.execute_script("return relx.cy.elements('.faded').length") == 0


def test_filters_by_relation_and_date(driver: Any, samples_page: tuple[Path, dict]) -> None:
    path, data = samples_page
    open_page(driver, path)
    driver.find_element("css selector", "#relation-filters input[value=meets]").click()
    not_meets = [e for e in data["edges"] if e["relation"] != "meets"]
    assert driver.execute_script("return relx.edges") == len(not_meets)
    driver.execute_script("""
        var from = document.getElementById('date-from');
        from.value = '2024-03-06'; from.dispatchEvent(new Event('change'));""")
    on_day = [e for e in not_meets if "2024-03-06" in e["dates"]]
    assert driver.execute_script("return relx.edges") == len(on_day) > 0
    visible = driver.execute_script(
        "return relx.cy.nodes().not('.filtered').map(function (n) { return n.name; })")
    assert len(visible) == driver.execute_script("return relx.nodes")


def hostile_page(tmp_path: Path) -> Path:
    rels = [Relation(doc="<i>doc</i>", source=EVIL.name, type="opposes", target="NATO",
                     source_id=EVIL.id, target_id=NATO.id, source_kind="group",
                     target_kind="organization", trigger="chanted", sentence=HOSTILE, start=0,
                     end=len(HOSTILE), date="2024-05-01")]
    path = tmp_path / "hostile.html"
    with path.open("w", encoding="utf-8") as fh:
        write_html(build_graph([Result("d", [EVIL, NATO], rels)]), rels, fh,
                   title="<script>alert(3)</script>")
    return path


def test_a_hostile_name_is_shown_as_text(driver: Any, tmp_path: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    open_page(driver, hostile_page(tmp_path))
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018 - the property raises when no alert is open
    assert driver.title == "<script>alert(3)</script>"
    assert driver.execute_script("return document.querySelectorAll('img, b, i').length") == 0
    assert driver.execute_script("return document.scripts.length") == 3
    # the search finds the name and the actor's panel shows it, literally
    search = driver.find_element("id", "search")
    search.send_keys("<img src")
    assert driver.execute_script("return relx.cy.nodes('.match').map(function (n) {"
                                 " return n.data('name'); })") == [EVIL.name]
    click_at(driver, *screen_point(driver, EVIL.id))
    assert driver.execute_script("return document.getElementById('details-title').textContent"
                                 ) == EVIL.name
    click_at(driver, *screen_point(driver, "e0"))
    text = details_text(driver)
    assert HOSTILE.replace("\u2028", "") in text.replace("\u2028", "")
    assert "<i>doc</i>" in text
    assert driver.execute_script("return document.querySelectorAll('img, b, i').length") == 0
    assert console_errors(driver) == []
    assert driver.execute_script("return relx.errors") == []


def test_a_page_without_actors_says_so(driver: Any, tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    with path.open("w", encoding="utf-8") as fh:
        write_html(build_graph([Result("d", [], [])]), [], fh)
    open_page(driver, path)
    assert driver.execute_script("return [relx.nodes, relx.edges]") == [0, 0]
    assert "No actors were found" in details_text(driver)
    assert console_errors(driver) == []
