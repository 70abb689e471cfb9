"""Validate: a graph file or store against ontology/shapes.ttl, each constraint one SPARQL query run where the data
is (memory stays flat with the corpus; no copy of the graph is made), and a store against its own invariants:
every triple of the default graph stated by some article or bookkeeping graph, no write left unfinished."""
from __future__ import annotations

from functools import cache
from importlib.resources import files

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import Namespace

from .errors import FormatError
from .sources import OxigraphSource
from .store import JOURNAL_GRAPH

SH = Namespace("http://www.w3.org/ns/shacl#")
SHOWN = 100                      # violations listed per constraint (all are counted)

# sh:… constraint → the FILTER a value ?v of the path breaks it with ({} is the constraint's parameter)
_VALUE_TESTS = {
    SH.datatype: "FILTER(!isLiteral(?v) || datatype(?v) != {})",
    SH["class"]: "FILTER NOT EXISTS {{ ?v rdf:type/rdfs:subClassOf* {} }}",
    SH.languageIn: "FILTER(!({}))",
    SH["in"]: "FILTER(?v NOT IN ({}))",
}


@cache
def shape_queries() -> tuple[tuple[str, str], ...]:
    """(violation message, SELECT ?x query of the focus nodes that break it) for every constraint of shapes.ttl;
    a constraint kind kg validate cannot check is an error naming it."""
    path = files("kg.ontology") / "shapes.ttl"
    g = Graph().parse(str(path), format="turtle")
    out = []
    for shape in sorted(set(g.subjects(SH.targetClass, None))):
        targets = " ".join(t.n3() for t in sorted(set(g.objects(shape, SH.targetClass))))
        head = f"VALUES ?T {{ {targets} }} ?x a ?T ."
        for prop in g.objects(shape, SH.property):
            p = g.value(prop, SH.path).n3()
            message = str(g.value(prop, SH.message) or "")
            for constraint, value in g.predicate_objects(prop):
                if constraint in (SH.path, SH.message):
                    continue
                label = message or f"sh:{constraint.split('#')[1]} {value}"
                if constraint in (SH.minCount, SH.maxCount) and int(value) > 1 or \
                        constraint not in (SH.minCount, SH.maxCount, *_VALUE_TESTS):
                    raise FormatError(f"{path}: {constraint.n3(g.namespace_manager)} {value} is not a constraint "
                                      f"kg validate checks")
                if constraint == SH.minCount:
                    body = f"{head} FILTER NOT EXISTS {{ ?x {p} ?v }}"
                elif constraint == SH.maxCount:
                    body = f"{head} ?x {p} ?v, ?w . FILTER(!sameTerm(?v, ?w))"
                elif constraint == SH["in"]:
                    members = ", ".join(term.n3() for term in Collection(g, value))
                    body = f"{head} ?x {p} ?v . " + _VALUE_TESTS[constraint].format(members)
                elif constraint == SH.languageIn:
                    tags = " || ".join(f"langMatches(lang(?v), {Literal(str(t)).n3()})" for t in Collection(g, value))
                    body = f"{head} ?x {p} ?v . " + _VALUE_TESTS[constraint].format(tags)
                else:
                    body = f"{head} ?x {p} ?v . " + _VALUE_TESTS[constraint].format(URIRef(value).n3())
                out.append((f"{p} {label}", f"SELECT DISTINCT ?x WHERE {{ {body} }}"))
    return tuple(out)


_ORPHANS = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
_UNFINISHED = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {JOURNAL_GRAPH} {{ ?s ?p ?o }} }}"
_HAS_GRAPHS = "ASK { GRAPH ?g { ?s ?p ?o } }"


def validate_source(source: OxigraphSource) -> list[str]:
    """The violations of a graph file or store, one line each (at most SHOWN per constraint, then a count)."""
    out = []
    for label, query in shape_queries():
        rows = source.select(query, []).rows
        out += sorted(f"{x} {label}" for (x,) in rows[:SHOWN])
        if len(rows) > SHOWN:
            out.append(f"… and {len(rows) - SHOWN} more: {label}")
    if not source.union and source.select(_HAS_GRAPHS, []).rows == [["true"]]:
        orphans = int(source.select(_ORPHANS, []).rows[0][0])
        if orphans:
            out.append(f"{orphans} triple(s) of the default graph, which queries read, are stated by no article "
                       f"(left by an interrupted write of an earlier version; rebuild the store)")
        unfinished = int(source.select(_UNFINISHED, []).rows[0][0])
        if unfinished:
            out.append(f"{unfinished} write(s) left unfinished by a killed process; run kg build or kg load on the "
                       f"store again and they are undone")
    return out
