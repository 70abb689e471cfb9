"""RDF: Articles → rdflib Graph, with the ontology and designation scheme, and provenance on every fact."""
from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .model import Article, Fact
from .namespace import KG, KGD, KGR, LEVELS, PREFIXES
from .vocabulary import ontology_graph

_CLASS = {"park": KG.Park, "enterprise": KG.Enterprise, "organization": KG.Organization, "policy": KG.Policy}
_FACT_CLASS = {"recognition": KG.Recognition, "count": KG.Observation, "incentive": KG.Incentive}


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_iri(entity_id: str) -> URIRef:
    """A stable IRI from the canonical name: rebuilding gives the same IRIs."""
    kind, key = entity_id.split(":", 1)
    return KGR[f"{kind}/{_digest(key)}"]


def article_iri(content_hash: str) -> URIRef:
    return KGR[f"article/{content_hash[:16]}"]


def honour_iri(name: str) -> URIRef:
    return KGD[f"other/{_digest(name)}"]


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def to_graph(articles: list[Article], with_ontology: bool = True) -> Graph:
    """The knowledge graph of the articles; entities that share a key across articles are one node."""
    g = new_graph()
    if with_ontology:
        g += ontology_graph()
    for a in articles:
        add_article(g, a)
    return g


def add_article(g: Graph, a: Article) -> None:
    art = article_iri(a.content_hash)
    g.add((art, RDF.type, KG.Article))
    g.add((art, DCTERMS.source, Literal(a.source)))
    g.add((art, KG.contentHash, Literal(a.content_hash)))
    for e in a.entities:
        node = entity_iri(f"{e.kind}:{e.key}")
        g.add((node, RDF.type, _CLASS[e.kind]))
        g.set((node, RDFS.label, Literal(e.label, lang="zh")))
        for n in e.names:
            if n != e.label:
                g.add((node, SKOS.altLabel, Literal(n, lang="zh")))
        g.add((node, PROV.wasDerivedFrom, art))
    for f in a.facts:
        _add_fact(g, f, art)


def _add_fact(g: Graph, f: Fact, art: URIRef) -> None:
    subject = entity_iri(f.subject)
    fid = KGR[f"fact/{_digest(str(art), f.kind, f.subject, f.obj or '', f.designation or '', f.honour or '', str(f.value))}"]
    if f.kind in ("located_in", "issued_by"):
        predicate = KG.locatedIn if f.kind == "located_in" else KG.issuedBy
        obj = entity_iri(f.obj)
        g.add((subject, predicate, obj))
        g.add((fid, RDF.type, RDF.Statement))
        g.add((fid, RDF.subject, subject))
        g.add((fid, RDF.predicate, predicate))
        g.add((fid, RDF.object, obj))
    else:
        g.add((fid, RDF.type, _FACT_CLASS[f.kind]))
        designation = honour_iri(f.honour) if f.honour else KGD[f.designation]
        if f.honour:
            g.add((designation, RDF.type, SKOS.Concept))
            g.add((designation, SKOS.inScheme, KGD.scheme))
            g.add((designation, SKOS.notation, Literal("OTHER")))
            g.add((designation, SKOS.prefLabel, Literal(f.honour, lang="zh")))
            g.add((designation, SKOS.broader, KGD.OTHER))
        g.add((fid, KG.designation, designation))
        if f.kind == "recognition":
            g.add((fid, KG.recipient, subject))
            if f.level:
                g.add((fid, KG.level, LEVELS[f.level]))
        elif f.kind == "count":
            g.add((fid, KG.park, subject))
            g.add((fid, KG.value, Literal(int(f.value), datatype=XSD.integer)))
        else:
            g.add((fid, KG.offeredBy, subject))
            g.add((fid, KG.amount, Literal(round(f.value, 2), datatype=XSD.decimal)))
        if f.year:
            g.add((fid, KG.year, Literal(str(f.year), datatype=XSD.gYear)))
    g.add((fid, KG.evidence, Literal(f.evidence, lang="zh")))
    g.add((fid, PROV.wasDerivedFrom, art))
    g.add((fid, KG.confidence, Literal(f.confidence, datatype=XSD.decimal)))
    g.add((fid, KG.rule, Literal(f.rule)))


