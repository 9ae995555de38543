"""Headless Chromium for the HTML view's tests (and docs/make_screenshot.py), through chromedriver.

Debian's `chromium` and `chromium-driver` packages (installed by .ci/run) and Selenium (the `test`
extra) drive it; nothing is downloaded at run time: both paths are given, so Selenium Manager never
runs. `missing()` says what is absent, for a clear skip.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1")


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_path() -> str | None:
    return os.environ.get("RELX_CHROMIUM") or _find("chromium", "chromium-browser")


def chromedriver_path() -> str | None:
    return os.environ.get("RELX_CHROMEDRIVER") or _find("chromedriver")


def missing() -> str | None:
    """Why no browser test can run here, or None when one can."""
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install -e '.[test]')"
    if chromium_path() is None:
        return "no chromium on PATH (apt-get install chromium chromium-driver)"
    if chromedriver_path() is None:
        return "no chromedriver on PATH (apt-get install chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1400, height: int = 900) -> Iterator[Any]:
    """A Selenium driver for a fresh headless Chromium profile, with the console log kept."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium_path() or "chromium"
    profile = tempfile.mkdtemp(prefix="relx-chromium.")
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver_path() or "chromedriver"),
                              options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: Path, timeout: float = 20.0) -> None:
    """Load `path` and wait until the view says it is ready (layout done)."""
    driver.get(path.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if driver.execute_script("return !!(window.relx && window.relx.ready)"):
            return
        time.sleep(0.1)
    raise AssertionError(f"{path.name}: the view did not become ready in {timeout:.0f}s")


def click_at(driver: Any, x: float, y: float) -> None:
    """A real pointer click at viewport coordinates (what a person does, not a synthetic event)."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    deadline = time.monotonic() + 5
    while driver.execute_script("return !!(window.relx && relx.cy && relx.cy.animated())"):
        if time.monotonic() > deadline:  # a zoom animation still running moves the target
            raise AssertionError("the view kept animating for 5s")
        time.sleep(0.05)
    builder = ActionBuilder(driver)
    builder.pointer_action.move_to_location(round(x), round(y)).click()
    builder.perform()


def screen_point(driver: Any, element_id: str) -> tuple[float, float]:
    """Where an edge's midpoint or a node's centre is on the screen."""
    return tuple(driver.execute_script("""
        var ele = relx.cy.getElementById(arguments[0]);
        var box = relx.cy.container().getBoundingClientRect();
        var p = ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint();
        return [box.left + p.x, box.top + p.y];""", element_id))
