"""Explorer: what the graph page shows, read by SPARQL from a graph file or a store — every entity with its names,
every fact with its evidence sentence, source file, confidence and rule, and an overview of the parks from the
tallies — as the JSON the page reads (`kg viz` inlines it, `kg serve` answers it piece by piece)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from .errors import InputError
from .namespace import sparql_prologue

CLASSES = ("Park", "Enterprise", "Organization", "Policy", "Designation")
KINDS = ("recognition", "count", "incentive", "locatedIn", "issuedBy")

_ENTITIES = """
SELECT ?e ?cls ?label WHERE {
  VALUES ?cls { kg:Park kg:Enterprise kg:Organization kg:Policy }
  ?e a ?cls ; rdfs:label ?label .
}"""
_DESIGNATIONS = """
SELECT ?e ?label WHERE {
  ?e skos:inScheme kgd:scheme ; skos:prefLabel ?label . FILTER(lang(?label) = "zh")
}"""
_ALIASES = """
SELECT ?e ?alias WHERE {
  VALUES ?cls { kg:Park kg:Enterprise kg:Organization kg:Policy }
  ?e a ?cls ; skos:altLabel ?alias .
}"""
# one row per fact: ?s is the park, firm or policy the fact is about, ?o the designation, park or issuer
_FACTS = """
SELECT ?f ?kind ?s ?o ?level ?year ?value ?evidence ?source ?confidence ?rule WHERE {
  {
    ?f kg:recipient ?s ; kg:designation ?o . BIND("recognition" AS ?kind)
    OPTIONAL { ?f kg:level/rdfs:label ?level . FILTER(lang(?level) = "zh") }
  } UNION {
    ?f kg:park ?s ; kg:designation ?o ; kg:value ?value . BIND("count" AS ?kind)
  } UNION {
    ?f kg:offeredBy ?s ; kg:designation ?o ; kg:amount ?value . BIND("incentive" AS ?kind)
  } UNION {
    ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . FILTER(?p IN (kg:locatedIn, kg:issuedBy))
    BIND(IF(?p = kg:locatedIn, "locatedIn", "issuedBy") AS ?kind)
  }
  OPTIONAL { ?f kg:year ?year }
  OPTIONAL { ?f kg:evidence ?evidence }
  OPTIONAL { ?f prov:wasDerivedFrom/dcterms:source ?source }
  OPTIONAL { ?f kg:confidence ?confidence }
  OPTIONAL { ?f kg:rule ?rule }
}"""
_PARK_SIZES = "SELECT ?e (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x kg:locatedIn ?e } GROUP BY ?e"
_TALLIES = """
SELECT ?park ?d ?firms ?reported ?reward WHERE {
  ?t kg:tallyOf ?park ; kg:designation ?d .
  OPTIONAL { ?t kg:enterpriseCount ?firms } OPTIONAL { ?t kg:reportedMax ?reported } OPTIONAL { ?t kg:rewardMax ?reward }
}"""


@dataclass
class Entity:
    iri: str
    label: str
    cls: str
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Fact:
    """One fact as the page lists it; s and o are entity IRIs."""
    kind: str
    s: str
    o: str
    level: str
    year: str
    value: str
    evidence: str
    source: str
    confidence: float
    rule: str


def _rows(store: ox.Store, union: bool, text: str, **bound: str):
    subs = {ox.Variable(k): ox.NamedNode(v) for k, v in bound.items()}
    yield from store.query(sparql_prologue() + text, use_default_graph_as_union=union, substitutions=subs or None)


def _value(term) -> str:
    return "" if term is None else term.value


class Explorer:
    """The entities of a graph (names and aliases held in memory for look-ups) and its facts, read on demand."""

    def __init__(self, store: ox.Store, union: bool):
        self.store, self.union = store, union
        self.entities: dict[str, Entity] = {}
        for r in _rows(store, union, _ENTITIES):
            e, label = r["e"].value, r["label"]
            if e not in self.entities or label.language == "zh":
                self.entities[e] = Entity(e, label.value, r["cls"].value.rsplit("#", 1)[1])
        for r in _rows(store, union, _DESIGNATIONS):
            self.entities.setdefault(r["e"].value, Entity(r["e"].value, r["label"].value, "Designation"))
        for r in _rows(store, union, _ALIASES):
            e = self.entities[r["e"].value]
            if r["alias"].value != e.label and r["alias"].value not in e.aliases:
                e.aliases.append(r["alias"].value)

    def facts(self, about: str | None = None, limit: int | None = None) -> list[Fact]:
        """Every fact, or those whose subject or object is the entity `about` (at most `limit` of each)."""
        if about is None:
            return self._facts(_rows(self.store, self.union, _FACTS))
        text = _FACTS + (f" LIMIT {limit}" if limit else "")
        return self._facts(_rows(self.store, self.union, text, s=about)) + \
            self._facts(_rows(self.store, self.union, text, o=about))

    def _facts(self, rows) -> list[Fact]:
        seen, out = set(), []
        for r in rows:
            f = r["f"].value
            if f in seen or r["s"].value not in self.entities or r["o"].value not in self.entities:
                continue
            seen.add(f)
            value = r["value"].value if r["value"] is not None else ""
            out.append(Fact(r["kind"].value, r["s"].value, r["o"].value, _value(r["level"]), _value(r["year"]),
                            value.removesuffix(".0") if "." in value else value, _value(r["evidence"]),
                            _value(r["source"]), float(_value(r["confidence"]) or 0), _value(r["rule"])))
        return out

    def match(self, name: str) -> list[Entity]:
        """Entities whose name or one of whose aliases is exactly `name`."""
        return [e for e in self.entities.values() if name == e.label or name in e.aliases]

    def search(self, text: str, limit: int = 30) -> list[Entity]:
        """Entities whose name or an alias contains `text`: exact names first, then shorter names."""
        hits = [e for e in self.entities.values() if text in e.label or any(text in a for a in e.aliases)]
        hits.sort(key=lambda e: (text != e.label and text not in e.aliases, len(e.label), e.label))
        return hits[:limit]

    def focus(self, name: str) -> Entity:
        """The one entity called `name`; an error listing the candidates when the name is ambiguous or unknown."""
        hits = self.match(name)
        if len(hits) == 1:
            return hits[0]
        if hits:
            listed = "; ".join(f"{e.label} ({e.cls}, {e.iri.rsplit('/', 2)[-2]}/{e.iri.rsplit('/', 1)[-1]})"
                               for e in hits[:8])
            raise InputError(f"--focus '{name}' names {len(hits)} entities: {listed}; give a name only one has")
        near = "、".join(e.label for e in self.search(name, 8))
        raise InputError(f"--focus '{name}': no entity has this name or alias"
                         + (f"; names containing it: {near}" if near else "; try 'kg explain' or a search in the page"))

    def overview(self) -> tuple[dict[str, int], list[tuple[str, str, int, int, int]]]:
        """Enterprises located in each park, and per park and designation the enterprises holding it, the largest
        count reported and the largest reward (from the tallies, so a store of any size answers at once)."""
        sizes = {r["e"].value: int(r["n"].value) for r in _rows(self.store, self.union, _PARK_SIZES)}
        links = [(r["park"].value, r["d"].value, int(_value(r["firms"]) or 0), int(_value(r["reported"]) or 0),
                  int(float(_value(r["reward"]) or 0))) for r in _rows(self.store, self.union, _TALLIES)
                 if r["park"].value in self.entities and r["d"].value in self.entities]
        return sizes, links


def neighbourhood(facts: list[Fact], start: str, depth: int) -> set[str]:
    """The entities within `depth` facts of `start`, either way."""
    adjacent = defaultdict(set)
    for f in facts:
        adjacent[f.s].add(f.o)
        adjacent[f.o].add(f.s)
    keep, frontier = {start}, {start}
    for _ in range(depth):
        frontier = {m for n in frontier for m in adjacent[n]} - keep
        keep |= frontier
    return keep


class Payload:
    """Entities and facts as the page's JSON: entities by index, repeated strings (evidence, sources, rules,
    levels) in one table, so a large graph's page stays small."""

    def __init__(self):
        self.nodes: list[dict] = []
        self.index: dict[str, int] = {}
        self.strings: list[str] = []
        self._strings: dict[str, int] = {}
        self.facts: list[list] = []
        self.links: list[list] = []

    def node(self, e: Entity, **extra) -> int:
        if e.iri not in self.index:
            self.index[e.iri] = len(self.nodes)
            self.nodes.append({"id": e.iri, "label": e.label, "cls": e.cls, "aliases": e.aliases, **extra})
        elif extra:
            self.nodes[self.index[e.iri]].update(extra)
        return self.index[e.iri]

    def string(self, s: str) -> int:
        if s not in self._strings:
            self._strings[s] = len(self.strings)
            self.strings.append(s)
        return self._strings[s]

    def add_facts(self, explorer: Explorer, facts: list[Fact]) -> None:
        for f in facts:
            self.facts.append([f.kind, self.node(explorer.entities[f.s]), self.node(explorer.entities[f.o]),
                               f.level, f.year, f.value, self.string(f.evidence), self.string(f.source),
                               f.confidence, self.string(f.rule)])

    def add_overview(self, explorer: Explorer, parks: int) -> list[int]:
        """The `parks` parks with most enterprises sized by them, the designations they hold, and a link per park
        and designation; returns the indices of the nodes the overview draws."""
        sizes, links = explorer.overview()
        sizes = dict(sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[:parks])
        drawn: set[int] = set()
        for park, d, firms, reported, reward in links:
            if park not in sizes:
                continue
            p, q = self.node(explorer.entities[park], size=sizes.get(park, 0)), self.node(explorer.entities[d])
            self.links.append([p, q, firms, reported, reward])
            drawn |= {p, q}
        for park, n in sizes.items():
            if park in explorer.entities:
                drawn.add(self.node(explorer.entities[park], size=n))
        return sorted(drawn)

    def json(self, mode: str, **extra) -> dict:
        return {"mode": mode, "nodes": self.nodes, "facts": self.facts, "strings": self.strings,
                "links": self.links, **extra}
