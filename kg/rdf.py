"""RDF: an Article → its triples (rdflib terms), with stable IRIs and provenance on every fact."""
from __future__ import annotations

import hashlib
from typing import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .model import Article, Fact
from .namespace import KG, KGD, KGR, LEVELS

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


def article_lines(a: Article, graph: bool = False) -> str:
    """The article's triples as N-Triples, or as N-Quads in its own named graph (the article IRI) for a store."""
    g = f" {article_iri(a.content_hash).n3()}" if graph else ""
    return "".join(f"{s.n3()} {p.n3()} {o.n3()}{g} .\n" for s, p, o in article_triples(a))


def article_triples(a: Article) -> Iterator[tuple]:
    """Every triple the article contributes: itself, its entities with their names, its facts with provenance."""
    art = article_iri(a.content_hash)
    yield art, RDF.type, KG.Article
    yield art, DCTERMS.source, Literal(a.source)
    yield art, KG.contentHash, Literal(a.content_hash)
    for e in a.entities:
        node = entity_iri(f"{e.kind}:{e.key}")
        yield node, RDF.type, _CLASS[e.kind]
        yield node, RDFS.label, Literal(e.label, lang="zh")
        for n in sorted(e.names - {e.label}):
            yield node, SKOS.altLabel, Literal(n, lang="zh")
        yield node, PROV.wasDerivedFrom, art
    for f in a.facts:
        yield from _fact_triples(f, art)


def _fact_triples(f: Fact, art: URIRef) -> Iterator[tuple]:
    subject = entity_iri(f.subject)
    fid = KGR[f"fact/{_digest(str(art), f.kind, f.subject, f.obj or '', f.designation or '', f.honour or '', str(f.value))}"]
    if f.kind in ("located_in", "issued_by"):
        predicate = KG.locatedIn if f.kind == "located_in" else KG.issuedBy
        obj = entity_iri(f.obj)
        yield subject, predicate, obj
        yield fid, RDF.type, RDF.Statement
        yield fid, RDF.subject, subject
        yield fid, RDF.predicate, predicate
        yield fid, RDF.object, obj
    else:
        yield fid, RDF.type, _FACT_CLASS[f.kind]
        designation = honour_iri(f.honour) if f.honour else KGD[f.designation]
        if f.honour:
            yield designation, RDF.type, SKOS.Concept
            yield designation, SKOS.inScheme, KGD.scheme
            yield designation, SKOS.notation, Literal("OTHER")
            yield designation, SKOS.prefLabel, Literal(f.honour, lang="zh")
            yield designation, SKOS.broader, KGD.OTHER
        yield fid, KG.designation, designation
        if f.kind == "recognition":
            yield fid, KG.recipient, subject
            if f.level:
                yield fid, KG.level, LEVELS[f.level]
        elif f.kind == "count":
            yield fid, KG.park, subject
            yield fid, KG.value, Literal(int(f.value), datatype=XSD.integer)
        else:
            yield fid, KG.offeredBy, subject
            yield fid, KG.amount, Literal(round(f.value, 2), datatype=XSD.decimal)
        if f.year:
            yield fid, KG.year, Literal(str(f.year), datatype=XSD.gYear)
    yield fid, KG.evidence, Literal(f.evidence, lang="zh")
    yield fid, PROV.wasDerivedFrom, art
    yield fid, KG.confidence, Literal(f.confidence, datatype=XSD.decimal)
    yield fid, KG.rule, Literal(f.rule)


