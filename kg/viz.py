"""Viz: the explorer page — one offline HTML file (vis-network and its CSS inlined, the graph as JSON) with a
legend that toggles classes, tooltips, a side panel of every fact with its evidence, search, filters and
expand/collapse. Graphs above FULL_MAX entities open on an overview of the parks and drill down on click."""
from __future__ import annotations

import html
import json
from importlib.resources import files

from .explorer import Explorer, Payload, neighbourhood
from .layout import layout
from .sources import OxigraphSource

FULL_MAX = 1000                 # entities drawn at once; above this the page opens on the overview
OVERVIEW_PARKS = 250            # the parks with most enterprises the overview draws


def _asset(name: str) -> str:
    return (files("kg.data") / name).read_text(encoding="utf-8")


def page(payload: dict, title: str) -> str:
    """The explorer page around a payload (kg viz inlines the whole graph, kg serve an overview)."""
    lib = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    parts = {"__TITLE__": html.escape(title), "__VIS_CSS__": (lib / "vis-network.css").read_text(encoding="utf-8"),
             "__APP_CSS__": _asset("explorer.css"), "__VIS_JS__": (lib / "vis-network.min.js").read_text(encoding="utf-8"),
             "__APP_JS__": _asset("explorer.js"), "__DATA__": data}
    out = _asset("explorer.html")
    for key in ("__TITLE__", "__VIS_CSS__", "__APP_CSS__", "__VIS_JS__", "__APP_JS__", "__DATA__"):
        head, _, tail = out.partition(key)        # each marker once, in order: inserted text is never searched
        out = head + parts[key] + tail
    return out


def place(p: Payload, drawn: list[int], edges: list[tuple[int, int]]) -> None:
    """Give the drawn nodes positions spaced for their labels (the overview's parks by their enterprises)."""
    local = {n: i for i, n in enumerate(drawn)}
    labels = [p.nodes[n]["label"] for n in drawn]
    pos = layout(labels, [(local[a], local[b]) for a, b in edges if a in local and b in local])
    for n, (x, y) in zip(drawn, pos):
        p.nodes[n].update(x=round(float(x), 1), y=round(float(y), 1))


def explorer_payload(source: OxigraphSource, focus: str | None = None, depth: int = 1) -> dict:
    """The page's data: every entity and fact, drawn whole up to FULL_MAX entities, else an overview of the parks
    is drawn and the rest waits for a click; or the FULL_MAX entities nearest --focus, drawn whole."""
    ex = Explorer(source.ox, source.union)
    facts = ex.facts()
    p = Payload()
    centre = reached = None
    if focus:
        centre = ex.focus(focus).iri
        keep, reached = neighbourhood(facts, centre, depth, FULL_MAX)
        facts = [f for f in facts if f.s in keep and f.o in keep]
        entities = [ex.entities[e] for e in sorted(keep)]
    else:
        used = {f.o for f in facts}
        entities = [e for e in ex.entities.values() if e.cls != "Designation" or e.iri in used]
    if focus or len(entities) <= FULL_MAX:
        for e in entities:
            p.node(e)
        p.add_facts(ex, facts)
        p.add_tallies(ex)
        place(p, list(range(len(p.nodes))), [(f[1], f[2]) for f in p.facts])
        return p.json("full", focus=centre, reached=reached)
    drawn = p.add_overview(ex, OVERVIEW_PARKS)
    place(p, drawn, [(l[0], l[1]) for l in p.links])
    p.add_facts(ex, facts)
    return p.json("overview")


def render_html(source: OxigraphSource, focus: str | None = None, depth: int = 1) -> str:
    return page(explorer_payload(source, focus, depth), focus or "parkgraph")

