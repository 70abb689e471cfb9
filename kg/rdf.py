"""RDF: an Article → its triples as N-Triples text, with stable IRIs and provenance on every fact."""
from __future__ import annotations

import hashlib
from typing import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .model import Article, Fact
from .namespace import KG, KGD, KGR, LEVELS, ZONE_KINDS
from .regions import region_of, zone_of

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
    """The article's triples as N-Triples; for a store (graph=True) as N-Quads, each triple both in the article's
    own named graph (the article IRI) and in the default graph."""
    g = f" <{article_iri(a.content_hash)}>" if graph else ""
    return "".join(f"{s} {p} {o}{g} .\n{s} {p} {o} .\n" if graph else f"{s} {p} {o} .\n"
                   for s, p, o in article_triples(a))


_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_T = {name: f"<{term}>" for name, term in {
    "type": RDF.type, "source": DCTERMS.source, "label": RDFS.label, "altLabel": SKOS.altLabel,
    "derived": PROV.wasDerivedFrom, "Statement": RDF.Statement, "subject": RDF.subject, "predicate": RDF.predicate,
    "object": RDF.object, "Concept": SKOS.Concept, "inScheme": SKOS.inScheme, "notation": SKOS.notation,
    "prefLabel": SKOS.prefLabel, "broader": SKOS.broader, "scheme": KGD.scheme, "OTHER": KGD.OTHER,
    **{t: KG[t] for t in ("Article", "contentHash", "locatedIn", "issuedBy", "designation", "recipient", "level",
                           "park", "value", "offeredBy", "amount", "year", "evidence", "confidence", "rule",
                           "province", "city", "officialName", "zoneKind")},
    **{f"class:{kind}": cls for kind, cls in (_CLASS | _FACT_CLASS).items()},
    **{f"level:{name}": iri for name, iri in LEVELS.items()},
    **{f"zone:{kind}": iri for kind, iri in ZONE_KINDS.items()}}.items()}


def _text(value: str, lang: str | None = "zh") -> str:
    quoted = f'"{value.translate(_ESCAPE)}"'
    return f"{quoted}@{lang}" if lang else quoted


def _typed(value, datatype) -> str:
    return f'"{Literal(value, datatype=datatype)}"^^<{datatype}>'


def article_triples(a: Article) -> Iterator[tuple[str, str, str]]:
    """Every triple the article contributes, as N-Triples terms (written directly: rdflib's terms cost most of
    the time a store spends writing): the article, its entities with their names, its facts with provenance."""
    art = f"<{article_iri(a.content_hash)}>"
    yield art, _T["type"], _T["Article"]
    yield art, _T["source"], _text(a.source, None)
    yield art, _T["contentHash"], _text(a.content_hash, None)
    for e in a.entities:
        node = f"<{entity_iri(f'{e.kind}:{e.key}')}>"
        yield node, _T["type"], _T[f"class:{e.kind}"]
        yield node, _T["label"], _text(e.label)
        for n in sorted(e.names - {e.label}):
            yield node, _T["altLabel"], _text(n)
        yield node, _T["derived"], art
        if e.kind == "park":
            yield from _region_triples(node, e.key)
    for f in a.facts:
        yield from _fact_triples(f, art)


def _region_triples(node: str, key: str) -> Iterator[tuple[str, str, str]]:
    """A park's official list, province and city (kg/regions.py), from its canonical name alone: the same IRI
    gets the same values from every article, whatever other names each article gives the park."""
    names = (key,)
    zone = zone_of(names)
    if zone:
        yield node, _T["officialName"], _text(zone.name)
        for kind in zone.kinds:
            yield node, _T["zoneKind"], _T[f"zone:{kind}"]
    province, city = region_of(names)
    if province:
        yield node, _T["province"], _text(province)
    if city:
        yield node, _T["city"], _text(city)


def _fact_triples(f: Fact, art: str) -> Iterator[tuple[str, str, str]]:
    subject = f"<{entity_iri(f.subject)}>"
    key = _digest(art[1:-1], f.kind, f.subject, f.obj or "", f.designation or "", f.honour or "", str(f.value))
    fid = f"<{KGR['fact/' + key]}>"
    if f.kind in ("located_in", "issued_by"):
        predicate = _T["locatedIn"] if f.kind == "located_in" else _T["issuedBy"]
        obj = f"<{entity_iri(f.obj)}>"
        yield subject, predicate, obj
        yield fid, _T["type"], _T["Statement"]
        yield fid, _T["subject"], subject
        yield fid, _T["predicate"], predicate
        yield fid, _T["object"], obj
    else:
        yield fid, _T["type"], _T[f"class:{f.kind}"]
        designation = f"<{honour_iri(f.honour) if f.honour else KGD[f.designation]}>"
        if f.honour:
            yield designation, _T["type"], _T["Concept"]
            yield designation, _T["inScheme"], _T["scheme"]
            yield designation, _T["notation"], _text("OTHER", None)
            yield designation, _T["prefLabel"], _text(f.honour)
            yield designation, _T["broader"], _T["OTHER"]
        yield fid, _T["designation"], designation
        if f.kind == "recognition":
            yield fid, _T["recipient"], subject
            if f.level:
                yield fid, _T["level"], _T[f"level:{f.level}"]
        elif f.kind == "count":
            yield fid, _T["park"], subject
            yield fid, _T["value"], _typed(int(f.value), XSD.integer)
        else:
            yield fid, _T["offeredBy"], subject
            yield fid, _T["amount"], _typed(round(f.value, 2), XSD.decimal)
        if f.year:
            yield fid, _T["year"], _typed(str(f.year), XSD.gYear)
    yield fid, _T["evidence"], _text(f.evidence)
    yield fid, _T["derived"], art
    yield fid, _T["confidence"], _typed(f.confidence, XSD.decimal)
    yield fid, _T["rule"], _text(f.rule, None)
