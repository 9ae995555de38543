"""Remake docs/network.png: the HTML view of data/samples/ in headless Chromium, one edge clicked.

    python docs/make_screenshot.py            # needs chromium, chromium-driver and the test extra
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, click_at, missing, open_page, screen_point  # noqa: E402


def main() -> None:
    why_not = missing()
    if why_not:
        sys.exit(f"make_screenshot: {why_not}")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "network.html"
        subprocess.run([sys.executable, "-m", "relx.cli", "extract", "data/samples/", "-q",
                        "-o", str(page)], check=True, cwd=ROOT)
        with chromium(1400, 940) as driver:
            open_page(driver, page)
            edge = driver.execute_script("""return relx.data.edges.filter(function (e) {
                return e.source === 'country:DEU' && e.target === 'country:UKR'; })[0].id""")
            click_at(driver, *screen_point(driver, edge))
            time.sleep(0.5)  # the selection's redraw
            out = ROOT / "docs" / "network.png"
            driver.save_screenshot(str(out))
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
