"""`kg serve` as users run it: a real server process on a loopback port, asked over HTTP and from Chromium."""
import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from conftest import _free_port
from kg.cli import main
from kg.sources import open_source

KG = str(Path(sys.executable).with_name("kg"))
PARKS = "SELECT ?l WHERE { ?p a kg:Park ; rdfs:label ?l } ORDER BY ?l"


class Server:
    def __init__(self, graph: Path, *options: str):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc = subprocess.Popen([KG, "serve", str(graph), "--port", str(self.port), *options],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "sparql?query=ASK%7B%7D", timeout=2):
                    return
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.proc.kill()
                    raise RuntimeError(f"kg serve did not start: {self.proc.stderr.read()}")
                time.sleep(0.2)

    def get(self, path: str, data: bytes | None = None, **headers) -> tuple[int, str, str]:
        req = urllib.request.Request(self.url + path, data=data, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers.get("content-type", ""), r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("content-type", ""), e.read().decode("utf-8")

    def stop(self) -> tuple[int, str, str]:
        self.proc.send_signal(signal.SIGINT)            # what Ctrl-C sends
        out, err = self.proc.communicate(timeout=20)
        return self.proc.returncode, out, err


@pytest.fixture
def server(built):
    s = Server(built)
    yield s
    if s.proc.poll() is None:
        s.proc.kill()


def test_protocol_query_returns_the_parks_as_json_csv_and_xml(server, built):
    expected = [r[0] for r in open_source(built).select(PARKS, []).rows]
    q = urllib.parse.quote(PARKS)
    status, kind, body = server.get(f"sparql?query={q}", Accept="application/sparql-results+json")
    assert status == 200 and kind.startswith("application/sparql-results+json")
    assert [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]] == expected
    status, kind, body = server.get("sparql", data=urllib.parse.urlencode({"query": PARKS}).encode(),
                                    Accept="text/csv;q=0.9, application/xml;q=0.5")
    assert status == 200 and kind.startswith("text/csv") and body.split()[1:] == expected
    status, kind, body = server.get("sparql", data=PARKS.encode(), **{"Content-Type": "application/sparql-query",
                                                                      "Accept": "application/sparql-results+xml"})
    assert status == 200 and "<sparql" in body and expected[0] in body


def test_rdflib_and_a_web_client_on_another_origin_can_use_it(server, built):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    remote = Graph(store=SPARQLStore(server.url + "sparql", returnFormat="json"))
    rows = remote.query("SELECT ?l WHERE { ?p a <https://w3id.org/parkgraph/ontology#Park> ; "
                        "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
    assert [str(r[0]) for r in rows] == [r[0] for r in open_source(built).select(PARKS, []).rows]
    req = urllib.request.Request(server.url + "sparql?query=ASK%7B%7D", headers={"Origin": "http://yasgui.example"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.headers["access-control-allow-origin"] == "*"


def test_construct_is_turtle_and_ntriples_by_negotiation(server):
    q = urllib.parse.quote("CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kg:Park ; rdfs:label ?l }")
    _, kind, body = server.get(f"sparql?query={q}", Accept="text/turtle")
    assert kind.startswith("text/turtle") and len(Graph().parse(data=body, format="turtle")) >= 1
    _, kind, body = server.get(f"sparql?query={q}", Accept="application/n-triples")
    assert kind.startswith("application/n-triples") and len(Graph().parse(data=body, format="nt")) >= 1
    status, _, _ = server.get(f"sparql?query={q}", Accept="image/png")
    assert status == 406


def test_updates_are_refused_and_the_graph_is_unchanged(server, built):
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    for data, headers in ((urllib.parse.urlencode({"update": update}).encode(), {}),
                          (update.encode(), {"Content-Type": "application/sparql-update"}),
                          (urllib.parse.urlencode({"query": update}).encode(), {})):
        status, _, body = server.get("sparql", data=data, **headers)
        assert status == 403 and "read-only" in body
    _, _, body = server.get("sparql?query=" + urllib.parse.quote("ASK { <urn:x> ?p ?o }"),
                            Accept="application/sparql-results+json")
    assert json.loads(body)["boolean"] is False
    status, _, body = server.get("sparql?query=" + urllib.parse.quote("SELECT ?x WHERE { ?x"))
    assert status == 400 and "malformed" in body


def test_a_long_query_times_out_and_the_server_goes_on(built):
    s = Server(built, "--timeout", "1")
    try:
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        start = time.time()
        status, _, body = s.get("sparql?query=" + urllib.parse.quote(heavy))
        assert status == 503 and time.time() - start < 10
        status, _, _ = s.get("sparql?query=" + urllib.parse.quote("ASK {}"))
        assert status in (200, 503)                 # busy until the heavy one ends, never hung
    finally:
        s.proc.kill()


def test_ctrl_c_stops_the_server_cleanly(server):
    code, out, err = server.stop()
    assert code == 0 and "stopped" in out and "Traceback" not in err


def test_the_page_over_a_store_searches_and_expands_a_node(article_dir, tmp_path):
    from playwright.sync_api import sync_playwright
    from test_viz_browser import chromium_path
    store = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["build", str(article_dir), "--store", str(store), "--workers", "1"]).exit_code == 0
    s = Server(store)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.goto(s.url)
            page.wait_for_function("window.parkgraphReady === true", timeout=30000)
            page.fill("#search", "星澜光电")
            page.locator("#results div[data-id]").first.wait_for(timeout=10000)
            page.press("#search", "Enter")
            page.locator("#panel .fact").first.wait_for(timeout=10000)
            assert "wuhu.txt" in page.locator("#panel").inner_text()
            before = page.evaluate("window.parkgraph.nodes.length")
            park = page.evaluate("""Object.values(window.parkgraph.entities).find(
                e => e.cls === 'Park' && window.parkgraph.nodes.get(e.id)).id""")
            page.evaluate("id => window.parkgraph.network.focus(id, {scale: 1.5, animation: false})", park)
            pt = page.evaluate("""id => { const n = window.parkgraph.network, p = n.canvasToDOM(n.getPositions([id])[id]),
                b = document.getElementById('graph').getBoundingClientRect(); return {x: p.x + b.left, y: p.y + b.top}; }""", park)
            page.mouse.dblclick(pt["x"], pt["y"])
            page.wait_for_function(f"window.parkgraph.nodes.length > {before}", timeout=10000)
            assert errors == []
            browser.close()
    finally:
        code, _, err = s.stop()
        assert code == 0 and "Traceback" not in err


def test_a_port_in_use_is_one_line(server, built):
    r = subprocess.run([KG, "serve", str(built), "--port", str(server.port)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "could not listen" in r.stderr and "Traceback" not in r.stderr
