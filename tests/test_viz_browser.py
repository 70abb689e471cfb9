"""The explorer page in a real headless Chromium (Debian's, driven by Playwright), offline: colours, tooltips,
the panel of facts, search, filters, expand/collapse and the overview of a large graph."""
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.explorer import Explorer
from kg.sources import open_source
from kg.viz import FULL_MAX, explorer_payload

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "outputs" / "graph.ttl"
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_corpus  # noqa: E402


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is needed for this test: apt-get install chromium (.ci/run does)"
    return path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Page:
    """A page of the explorer with what it logged and every request it tried beyond its own file."""

    def __init__(self, browser, url: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=url.startswith("file:"))
        self.page = self.context.new_page()
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: r.url.startswith(("http:", "https:")) and self.requests.append(r.url))
        self.page.goto(url)
        self.page.wait_for_function("window.parkgraphReady === true", timeout=60000)

    def js(self, code: str, arg=None):
        return self.page.evaluate(code, arg)

    def drawn(self, cls: str | None = None) -> list[str]:
        return self.js("""cls => window.parkgraph.nodes.getIds().filter(
            id => !cls || window.parkgraph.entities[id].cls === cls)""", cls)

    def point(self, node: str) -> dict:
        """The node's position on the screen, in CSS pixels."""
        return self.js("""id => { const n = window.parkgraph.network, p = n.canvasToDOM(n.getPositions([id])[id]),
            box = document.getElementById('graph').getBoundingClientRect();
            return {x: p.x + box.left, y: p.y + box.top}; }""", node)


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory):
    html = tmp_path_factory.mktemp("viz") / "graph.html"
    r = CliRunner().invoke(main, ["viz", str(SAMPLE), "--output", str(html)])
    assert r.exit_code == 0, r.output
    return html


@pytest.fixture
def page(browser, sample_page):
    p = Page(browser, sample_page.as_uri())
    yield p
    assert p.errors == [] and p.requests == []        # no console error, nothing fetched: the page is offline
    p.context.close()


def test_legend_colour_is_the_drawn_colour_of_every_class(page):
    for cls in ("Park", "Enterprise", "Organization", "Policy", "Designation"):
        key = page.js("c => getComputedStyle(document.querySelector(`.key[data-cls=${c}] i`)).backgroundColor", cls)
        node = page.drawn(cls)[0]
        page.js("id => window.parkgraph.network.focus(id, {scale: 2.5, animation: false})", node)
        page.js("() => window.parkgraph.network.redraw()")
        pixel = page.js("""p => { const c = document.querySelector('#graph canvas'), r = c.getBoundingClientRect(),
            k = c.width / r.width, d = c.getContext('2d').getImageData((p.x - r.left) * k, (p.y - r.top) * k, 1, 1).data;
            return `rgb(${d[0]}, ${d[1]}, ${d[2]})`; }""", page.point(node))
        assert pixel == key, (cls, pixel, key)


def test_hovering_a_node_shows_a_styled_tooltip_inside_the_window(page):
    rightmost = max(page.drawn(), key=lambda n: page.point(n)["x"])
    p = page.point(rightmost)
    page.page.mouse.move(p["x"], p["y"])
    tip = page.page.locator("#tip")
    tip.wait_for(state="visible", timeout=5000)
    box = tip.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= 1280 and 0 <= box["y"] and box["y"] + box["height"] <= 800
    label = page.js("id => window.parkgraph.entities[id].label", rightmost)
    assert label in tip.inner_text()
    assert page.js("() => getComputedStyle(document.getElementById('tip')).position") == "fixed"


def test_clicking_a_firm_opens_every_fact_with_evidence_source_confidence_and_rule(page):
    facts = Explorer(open_source(SAMPLE).ox, False).facts()
    fact = next(f for f in facts if f.kind == "recognition" and f.s in page.drawn("Enterprise"))
    page.js("id => window.parkgraph.network.focus(id, {scale: 2, animation: false})", fact.s)
    p = page.point(fact.s)
    page.page.mouse.click(p["x"], p["y"])
    panel = page.page.locator("#panel")
    panel.wait_for(state="visible", timeout=5000)
    text = panel.inner_text()
    assert fact.evidence.strip()[:30] in text and fact.source in text
    assert f"置信度 {fact.confidence:g}" in text and fact.rule in text


def test_counts_and_incentives_are_facts_of_their_park(page):
    facts = Explorer(open_source(SAMPLE).ox, False).facts()
    count = next(f for f in facts if f.kind == "count")
    page.js("id => window.parkgraph.reveal(id)", count.s)
    page.page.locator("#panel .fact").first.wait_for(timeout=5000)
    text = page.page.locator("#panel").inner_text()
    assert "企业数量" in text and f"{count.value} 家" in text and count.source in text
    assert "各称号统计" in text                       # the park's tallies: enterprises, counts, rewards per designation


def test_search_by_name_or_alias_finds_and_selects(page):
    ex = Explorer(open_source(SAMPLE).ox, False)
    firm = next(e for e in ex.entities.values() if e.aliases and e.cls == "Enterprise")
    page.page.fill("#search", firm.aliases[0])
    page.page.locator("#results div").first.wait_for(timeout=5000)
    assert firm.label in page.page.locator("#results").inner_text()
    page.page.press("#search", "Enter")
    page.page.locator("#panel h2").wait_for(timeout=5000)
    assert page.page.locator("#panel h2").inner_text() == firm.label


def test_filters_change_what_is_shown(page):
    before = len(page.drawn())
    page.page.click(".key[data-cls=Enterprise]")
    assert page.drawn("Enterprise") == [] and len(page.drawn()) < before
    page.page.click(".key[data-cls=Enterprise]")
    assert len(page.drawn()) == before
    gazelle = page.js("""() => [...document.querySelectorAll('#f-designation option')].find(
        o => o.textContent === '瞪羚企业').value""")
    page.page.select_option("#f-designation", gazelle)
    drawn = page.drawn()
    assert 0 < len(drawn) < before and gazelle in drawn
    stray = page.js("""d => window.parkgraph.nodes.getIds().filter(id => { const e = window.parkgraph.entities[id];
        return id !== d && e.cls !== 'Park' && !e.facts.some(f => f.o === d); })""", gazelle)
    assert stray == []                               # the designation, its holders and their parks only
    page.page.select_option("#f-designation", "")
    page.page.fill("#f-confidence", "0.9")
    page.page.dispatch_event("#f-confidence", "input")
    assert len(page.drawn()) < before
    page.page.fill("#f-confidence", "0")
    page.page.dispatch_event("#f-confidence", "input")
    page.page.uncheck("#f-isolated")
    assert len(page.drawn()) > before                # the isolated entities come back


def test_double_click_collapses_and_expands_a_park(page):
    park = max(page.drawn("Park"), key=lambda n: page.js("id => window.parkgraph.entities[id].facts.length", n))
    before = len(page.drawn())
    page.js("id => window.parkgraph.network.focus(id, {scale: 1.5, animation: false})", park)
    p = page.point(park)
    page.page.mouse.dblclick(p["x"], p["y"])
    page.page.wait_for_function(f"window.parkgraph.nodes.length < {before}", timeout=5000)
    page.page.mouse.dblclick(p["x"], p["y"])
    page.page.wait_for_function(f"window.parkgraph.nodes.length === {before}", timeout=5000)


def test_a_large_graph_opens_on_the_overview_and_drills_down(browser, tmp_path):
    docs, graph, html = tmp_path / "docs", tmp_path / "g.nt", tmp_path / "g.html"
    write_corpus(docs, 100, seed=3)
    assert CliRunner().invoke(main, ["build", str(docs), "--output", str(graph), "--workers", "2"]).exit_code == 0
    assert CliRunner().invoke(main, ["viz", str(graph), "--output", str(html)]).exit_code == 0
    p = Page(browser, html.as_uri())
    drawn = p.drawn()
    assert {p.js("id => window.parkgraph.entities[id].cls", n) for n in drawn} == {"Park", "Designation"}
    park = max(p.drawn("Park"), key=lambda n: p.js("id => window.parkgraph.entities[id].size", n))
    p.js("id => window.parkgraph.network.focus(id, {scale: 1.5, animation: false})", park)
    pt = p.point(park)
    p.page.mouse.dblclick(pt["x"], pt["y"])
    p.page.wait_for_function(f"window.parkgraph.nodes.length > {len(drawn)}", timeout=5000)
    assert p.drawn("Enterprise")
    label = p.js("id => window.parkgraph.entities[id].label", park)
    assert p.errors == [] and p.requests == []
    p.context.close()
    focused = explorer_payload(open_source(graph), focus=label, depth=2)    # through designations: most of the graph
    assert focused["mode"] == "full" and len(focused["nodes"]) <= FULL_MAX < focused["reached"]
