"""Stats: counts per class and fact kind, and the top parks and enterprises, each one SPARQL aggregate run in the
store or graph (memory stays flat with the corpus)."""
from __future__ import annotations

from .sources import Source

_ONE = {
    "triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "Designation": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?r a kg:Recognition ; kg:recipient ?x ; kg:designation ?d }",
}
_ENTITIES = """SELECT ?c (COUNT(?x) AS ?n) WHERE { VALUES ?c { kg:Park kg:Enterprise kg:Organization kg:Policy }
  ?x a ?c } GROUP BY ?c"""
_FACTS = {
    "recognitions": "SELECT (COUNT(?f) AS ?n) WHERE { ?f a kg:Recognition }",
    "counts": "SELECT (COUNT(?f) AS ?n) WHERE { ?f a kg:Observation }",
    "incentives": "SELECT (COUNT(?f) AS ?n) WHERE { ?f a kg:Incentive }",
    "located_in": "SELECT (COUNT(*) AS ?n) WHERE { ?s kg:locatedIn ?o }",
    "issued_by": "SELECT (COUNT(*) AS ?n) WHERE { ?s kg:issuedBy ?o }",
}
_LABEL = "?x rdfs:label ?label . FILTER(lang(?label) = 'zh')"
# Rankings: parks by their enterprises, a GROUP BY over parks (a few thousand groups); the others read what the build
# tallied (kg/tallies.py), since aggregating recognitions per park or designations per enterprise here holds a
# hash table that grows with the corpus (+100 MB at 10^4 articles; so does a FILTER NOT EXISTS whose pattern has a
# variable of its own: pyoxigraph evaluates it whole into a hash table).
_TOP = {
    "parks_by_enterprises": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?e kg:locatedIn ?x . ?e a kg:Enterprise } GROUP BY ?x",
    "parks_by_recognitions": "SELECT ?x ?n WHERE { ?t kg:tallyOf ?x ; kg:recognitionCount ?n . ?x a kg:Park }",
    "enterprises_by_designations": "SELECT ?x ?n WHERE { ?t kg:tallyOf ?x ; kg:designationCount ?n . "
                                   "?x a kg:Enterprise }",
}


def graph_stats(source: Source, top: int = 5) -> dict:
    count = lambda q: int(source.select(q, []).rows[0][0])
    entities = {c.rsplit("#", 1)[1]: int(n) for c, n in source.select(_ENTITIES, []).rows}
    entities["Designation"] = count(_ONE["Designation"])
    out = {"triples": count(_ONE["triples"]), "entities": {k: v for k, v in entities.items() if v},
           "facts": {name: count(q) for name, q in _FACTS.items()}}
    for key, ranking in _TOP.items():
        q = f"SELECT ?label ?n WHERE {{ {{ {ranking} }} {_LABEL} }} ORDER BY DESC(?n) ?label LIMIT {top}"
        out[key] = [(label, int(n)) for label, n in source.select(q, []).rows]
    return out


def format_stats(s: dict) -> str:
    lines = [f"triples: {s['triples']}",
             "entities: " + ", ".join(f"{k} {v}" for k, v in sorted(s["entities"].items())),
             "facts: " + ", ".join(f"{k} {v}" for k, v in s["facts"].items())]
    for key, title in (("parks_by_enterprises", "parks with most enterprises"),
                       ("parks_by_recognitions", "parks with most recognitions"),
                       ("enterprises_by_designations", "enterprises with most designations")):
        lines.append(f"{title}: " + ("、".join(f"{n} ({c})" for n, c in s[key]) or "none"))
    return "\n".join(lines)
