"""Viz: the entity network as one offline HTML page (pyvis data, vis-network inlined, legend, search, tooltips)."""
from __future__ import annotations

import html
import json
from importlib.resources import files

import networkx as nx
from pyvis.network import Network
from rdflib import Graph

from .errors import InputError
from .graphs import entity_network

COLOURS = {"Park": "#2e7d32", "Enterprise": "#1565c0", "Organization": "#ef6c00", "Policy": "#6a1b9a",
           "Designation": "#c62828"}
LEGEND_ZH = {"Park": "园区", "Enterprise": "企业", "Organization": "机构", "Policy": "政策", "Designation": "称号"}


def focus(net: nx.MultiDiGraph, name: str, depth: int) -> nx.MultiDiGraph:
    """The neighbourhood of the entity labelled name, depth hops either way."""
    hits = [n for n, d in net.nodes(data=True) if d["label"] == name] or \
           [n for n, d in net.nodes(data=True) if name in d["label"]]
    if not hits:
        raise InputError(f"--focus '{name}': no entity of that name in the graph")
    keep = set()
    for h in hits:
        keep |= set(nx.ego_graph(net.to_undirected(as_view=True), h, radius=depth))
    return net.subgraph(keep).copy()


def _tooltip(d: dict) -> str:
    parts = [d.get("kind", "")]
    for k, title in (("level", "级别"), ("year", "年份"), ("evidence", "证据")):
        if d.get(k):
            parts.append(f"{title}：{d[k]}")
    return "\n".join(p for p in parts if p)


def render_html(g: Graph, focus_name: str | None = None, depth: int = 1) -> str:
    net = entity_network(g)
    if focus_name:
        net = focus(net, focus_name, depth)
    vis = Network(directed=True)
    layout = nx.spring_layout(nx.Graph(net), seed=7, scale=1000) if len(net) else {}
    for n, d in net.nodes(data=True):
        x, y = layout.get(n, (0, 0))
        title = "\n".join(t for t in (f"{LEGEND_ZH[d['cls']]}：{d['label']}", d.get("region")) if t)
        vis.add_node(n, label=d["label"], title=title, color=COLOURS[d["cls"]], group=d["cls"], x=float(x), y=float(y))
    for u, v, d in net.edges(data=True):
        vis.add_edge(u, v, title=_tooltip(d), label={"locatedIn": "位于", "issuedBy": "发布", "recognition": "获得"}[d["kind"]])
    nodes, edges, *_ = vis.get_network_data()
    script = (files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")
    legend = "".join(f'<span class="key"><i style="background:{c}"></i>{LEGEND_ZH[k]} {k}</span>' for k, c in COLOURS.items())
    return _PAGE.format(script=script, legend=legend, nodes=json.dumps(nodes, ensure_ascii=False),
                        edges=json.dumps(edges, ensure_ascii=False), title=html.escape(focus_name or "parkgraph"))


_PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{title}</title>
<script>{script}</script>
<style>body{{margin:0;font-family:sans-serif}}#bar{{padding:6px;background:#f5f5f5;display:flex;gap:12px;align-items:center}}
#graph{{width:100%;height:calc(100vh - 44px)}}.key i{{display:inline-block;width:12px;height:12px;margin-right:4px;border-radius:6px}}</style>
</head><body>
<div id="bar"><input id="search" placeholder="搜索 search…" size="24"><span id="legend">{legend}</span><span id="found"></span></div>
<div id="graph"></div>
<script>
var nodes = new vis.DataSet({nodes});
var edges = new vis.DataSet({edges});
nodes.forEach(function(n){{ if (n.title) {{ var t=document.createElement('div'); t.innerText=n.title; nodes.update({{id:n.id,title:t}}); }} }});
edges.forEach(function(e){{ if (e.title) {{ var t=document.createElement('div'); t.style.whiteSpace='pre-wrap'; t.style.maxWidth='480px'; t.innerText=e.title; edges.update({{id:e.id,title:t}}); }} }});
var network = new vis.Network(document.getElementById('graph'), {{nodes:nodes, edges:edges}},
  {{physics:false, edges:{{arrows:'to', font:{{size:10}}}}, nodes:{{shape:'dot', size:12}}, interaction:{{hover:true}}}});
document.getElementById('search').addEventListener('input', function(ev){{
  var q = ev.target.value.trim(); if (!q) {{ network.unselectAll(); document.getElementById('found').innerText=''; return; }}
  var ids = nodes.get({{filter:function(n){{return n.label.indexOf(q) >= 0;}}}}).map(function(n){{return n.id;}});
  network.selectNodes(ids); if (ids.length) network.focus(ids[0], {{scale:1.2}});
  document.getElementById('found').innerText = ids.length + ' found';
}});
window.parkgraphReady = true;
</script></body></html>
"""
