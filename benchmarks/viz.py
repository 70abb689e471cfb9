"""The explorer at scale: `kg viz` time and the page's ready time in headless Chromium, at 10^2, 10^3 and 10^4
articles of the synthetic corpus.

Usage: python benchmarks/viz.py [WORK_DIR] [N ...]     (default: a temporary folder; 100 1000 10000)
A corpus and its graph already in WORK_DIR are reused. Page-ready is the wall time from asking for the page to its
first drawing with the page's handlers attached (`window.parkgraphReady`), then a search and a click
on its first result are timed until the side panel shows the facts.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import write_corpus

KG = str(Path(sys.executable).with_name("kg"))


def page_times(html: Path) -> tuple[float, float, str]:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True).new_page()
        start = time.perf_counter()
        page.goto(html.as_uri(), timeout=300_000)
        page.wait_for_function("window.parkgraphReady === true", timeout=300_000, polling=50)
        ready = max(time.perf_counter() - start, page.evaluate("window.parkgraphReadyAt") / 1000)
        mode = page.evaluate("window.parkgraph.mode")
        name = page.evaluate("Object.values(window.parkgraph.entities).find(e => e.cls === 'Enterprise').label")
        start = time.perf_counter()
        page.fill("#search", name)
        page.press("#search", "Enter")
        page.locator("#panel .fact").first.wait_for(timeout=60_000)
        browser.close()
        return ready, time.perf_counter() - start, mode


def main(work: Path, sizes: list[int]) -> None:
    print(f"{'articles':>8} {'triples':>9} {'kg viz s':>9} {'page MB':>8} {'mode':>8} {'ready s':>8} {'search+click s':>15}")
    for n in sizes:
        docs, graph, html = work / f"docs{n}", work / f"graph{n}.nt", work / f"viz{n}.html"
        if not graph.exists():
            if not docs.exists():
                write_corpus(docs, n)
            subprocess.run([KG, "build", str(docs), "--output", str(graph)], check=True, capture_output=True)
        triples = sum(1 for _ in open(graph, "rb"))
        start = time.perf_counter()
        subprocess.run([KG, "viz", str(graph), "--output", str(html)], check=True, capture_output=True)
        viz = time.perf_counter() - start
        ready, respond, mode = page_times(html)
        print(f"{n:>8} {triples:>9} {viz:>9.1f} {html.stat().st_size / 1e6:>8.1f} {mode:>8} {ready:>8.2f} {respond:>15.2f}",
              flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    folder = Path(args.pop(0)) if args and not args[0].isdigit() else Path(tempfile.mkdtemp(prefix="kg-viz-"))
    folder.mkdir(parents=True, exist_ok=True)
    main(folder, [int(a) for a in args] or [100, 1000, 10000])
