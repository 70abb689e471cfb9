"""The README's pictures of the explorer, taken in headless Chromium: the sample graph with a park's panel open,
and the overview of 10^3 synthetic articles.

Usage: python tools/screenshots.py SAMPLE_HTML OVERVIEW_HTML OUT_DIR
(SAMPLE_HTML from `kg viz outputs/graph.ttl`, OVERVIEW_HTML from `kg viz` of benchmarks/synthetic.py's 1000 articles)
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright


def main(sample: Path, overview: Path, out: Path) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True).new_page()
        page.goto(sample.as_uri())
        page.wait_for_function("window.parkgraphReady === true")
        park = page.evaluate("""Object.values(window.parkgraph.entities).filter(e => e.cls === 'Park')
            .sort((a, b) => b.facts.length - a.facts.length)[0].id""")
        page.evaluate("id => window.parkgraph.reveal(id)", park)
        page.evaluate("() => window.parkgraph.network.fit({animation: false})")
        page.locator("#panel .fact").first.wait_for()
        page.screenshot(path=str(out / "explorer-sample.png"))
        page.goto(overview.as_uri())
        page.wait_for_function("window.parkgraphReady === true")
        page.screenshot(path=str(out / "explorer-overview.png"))
        browser.close()


if __name__ == "__main__":
    main(*(Path(a).resolve() for a in sys.argv[1:4]))
