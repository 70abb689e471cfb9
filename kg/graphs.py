"""The knowledge graph as a networkx graph of entities, for stats."""
from __future__ import annotations

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS

from .namespace import KG

CLASSES = {KG.Park: "Park", KG.Enterprise: "Enterprise", KG.Organization: "Organization", KG.Policy: "Policy"}


def _zh(g: Graph, node, prop=RDFS.label) -> str:
    labels = list(g.objects(node, prop))
    zh = [l for l in labels if getattr(l, "language", None) == "zh"]
    return str((zh or labels or [node])[0])


def entity_network(g: Graph) -> nx.MultiDiGraph:
    """Entities as nodes (label, class, a park's province and city); locatedIn, issuedBy and recognitions as edges with their evidence."""
    net = nx.MultiDiGraph()
    for cls, name in CLASSES.items():
        for node in g.subjects(RDF.type, cls):
            region = " ".join(str(g.value(node, p)) for p in (KG.province, KG.city) if g.value(node, p))
            net.add_node(str(node), label=_zh(g, node), cls=name, region=region)
    for pred, kind in ((KG.locatedIn, "locatedIn"), (KG.issuedBy, "issuedBy")):
        for s, o in g.subject_objects(pred):
            ev = next((str(e) for st in g.subjects(RDF.subject, s) if (st, RDF.object, o) in g
                       for e in g.objects(st, KG.evidence)), "")
            net.add_edge(str(s), str(o), kind=kind, evidence=ev)
    for r in g.subjects(RDF.type, KG.Recognition):
        recipient, d = g.value(r, KG.recipient), g.value(r, KG.designation)
        if recipient is None or d is None:
            continue
        did = str(d)
        if did not in net:
            net.add_node(did, label=_zh(g, d, SKOS.prefLabel), cls="Designation")
        level, year = g.value(r, KG.level), g.value(r, KG.year)
        net.add_edge(str(recipient), did, kind="recognition",
                     level=_zh(g, level) if level else "", year=str(year or ""), evidence=str(g.value(r, KG.evidence) or ""))
    return net
