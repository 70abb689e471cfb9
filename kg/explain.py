"""Explain: every fact about one entity, with its evidence sentence, article, rule and confidence, as an analyst
checks it (the rule's id is its row in kg/data/rules/)."""
from __future__ import annotations

from .errors import InputError
from .sources import Param, Source

_FACTS = """
SELECT ?what ?value ?year ?level ?evidence ?source ?confidence ?rule WHERE {
  ?x rdfs:label|skos:altLabel ?name .
  {
    ?f a kg:Recognition ; kg:recipient ?x ; kg:designation ?d . BIND("recognition" AS ?what)
    ?d skos:prefLabel ?value . FILTER(lang(?value) = "zh")
    OPTIONAL { ?f kg:level ?l . ?l rdfs:label ?level . FILTER(lang(?level) = "zh") }
  } UNION {
    ?f a kg:Observation ; kg:park ?x ; kg:designation ?d ; kg:value ?n . BIND("count" AS ?what)
    ?d skos:prefLabel ?dl . FILTER(lang(?dl) = "zh") BIND(CONCAT(?dl, " ", STR(?n)) AS ?value)
  } UNION {
    ?f a kg:Incentive ; kg:offeredBy ?x ; kg:designation ?d ; kg:amount ?n . BIND("incentive" AS ?what)
    ?d skos:prefLabel ?dl . FILTER(lang(?dl) = "zh") BIND(CONCAT(?dl, " ", STR(?n), "元") AS ?value)
  } UNION {
    ?f a rdf:Statement ; rdf:subject ?x ; rdf:predicate ?p ; rdf:object ?o . ?o rdfs:label ?value .
    BIND(IF(?p = kg:locatedIn, "located in", "issued by") AS ?what)
  } UNION {
    ?f a rdf:Statement ; rdf:object ?x ; rdf:predicate ?p ; rdf:subject ?s . ?s rdfs:label ?value .
    BIND(IF(?p = kg:locatedIn, "has enterprise", "issued") AS ?what)
  }
  OPTIONAL { ?f kg:year ?year }
  ?f kg:evidence ?evidence ; prov:wasDerivedFrom ?a ; kg:confidence ?confidence ; kg:rule ?rule .
  ?a dcterms:source ?source .
} ORDER BY ?what ?value
"""


def explain(source: Source, name: str) -> str:
    rows = source.select(_FACTS, [Param("name", name, language="zh")]).rows
    if not rows:
        raise InputError(f"'{name}': no entity of that name has facts in the graph (try 'kg query GRAPH -e' on labels)")
    out = [name]
    for what, value, year, level, evidence, source, conf, rule in rows:
        extra = " ".join(x for x in (level, year) if x)
        out.append(f"- {what}: {value}{' (' + extra + ')' if extra else ''}  [rule {rule}, confidence {conf}]")
        out.append(f"    “{evidence}” — {source}")
    return "\n".join(out)
