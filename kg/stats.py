"""Stats: counts per class and fact kind, top parks and enterprises, connected components (networkx)."""
from __future__ import annotations

from collections import Counter

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF

from .graphs import entity_network
from .namespace import KG


def graph_stats(g: Graph, top: int = 5) -> dict:
    net = entity_network(g)
    classes = Counter(d["cls"] for _, d in net.nodes(data=True))
    facts = {name: len(set(g.subjects(RDF.type, cls))) for name, cls in
             (("recognitions", KG.Recognition), ("counts", KG.Observation), ("incentives", KG.Incentive))}
    facts["located_in"] = len(set(g.subject_objects(KG.locatedIn)))
    facts["issued_by"] = len(set(g.subject_objects(KG.issuedBy)))
    label = lambda n: net.nodes[n]["label"]
    parks = [n for n, d in net.nodes(data=True) if d["cls"] == "Park"]
    firms_in = Counter({p: len({u for u, _, k in net.in_edges(p, data="kind") if k == "locatedIn"}) for p in parks})
    recog = Counter()
    for u, v, k in net.edges(data="kind"):
        if k == "recognition":
            if u in firms_in:
                recog[u] += 1
            for _, p, k2 in net.out_edges(u, data="kind"):
                if k2 == "locatedIn":
                    recog[p] += 1
    firms = [n for n, d in net.nodes(data=True) if d["cls"] == "Enterprise"]
    degree = Counter({f: net.degree(f) for f in firms})
    components = list(nx.weakly_connected_components(net))
    return {
        "triples": len(g),
        "entities": dict(classes),
        "facts": facts,
        "parks_by_enterprises": [(label(p), n) for p, n in firms_in.most_common(top) if n],
        "parks_by_recognitions": [(label(p), n) for p, n in recog.most_common(top) if n],
        "most_connected_enterprises": [(label(f), n) for f, n in degree.most_common(top) if n],
        "components": len(components),
        "largest_component": max((len(c) for c in components), default=0),
    }


def format_stats(s: dict) -> str:
    lines = [f"triples: {s['triples']}",
             "entities: " + ", ".join(f"{k} {v}" for k, v in sorted(s["entities"].items())),
             "facts: " + ", ".join(f"{k} {v}" for k, v in s["facts"].items())]
    for key, title in (("parks_by_enterprises", "parks with most enterprises"),
                       ("parks_by_recognitions", "parks with most recognitions"),
                       ("most_connected_enterprises", "most connected enterprises")):
        lines.append(f"{title}: " + ("、".join(f"{n} ({c})" for n, c in s[key]) or "none"))
    lines.append(f"connected components: {s['components']} (largest {s['largest_component']} nodes)")
    return "\n".join(lines)
