"""Explorer: what the graph page shows, read by SPARQL from a graph file or a store — every entity with its names,
every fact with its evidence sentence, source file, confidence and rule, and an overview of the parks from the
tallies — as the JSON the page reads (`kg viz` inlines it, `kg serve` answers it piece by piece)."""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from .errors import InputError
from .namespace import sparql_prologue

CLASSES = ("Park", "Enterprise", "Organization", "Policy", "Designation")
KINDS = ("recognition", "count", "incentive", "locatedIn", "issuedBy")

_ENTITIES = """
SELECT ?e ?cls ?label (lang(?label) AS ?language) WHERE {
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


def _table(store: ox.Store, union: bool, text: str, **bound: str) -> list[list[str]]:
    """The rows of a SELECT as lists of plain values ('' when unbound): serialised as CSV by pyoxigraph and read by
    the csv module, both in native code (reading each term from Python costs ten times as much on large graphs)."""
    subs = {ox.Variable(k): ox.NamedNode(v) for k, v in bound.items()}
    result = store.query(sparql_prologue() + text, use_default_graph_as_union=union, substitutions=subs or None)
    rows = csv.reader(io.StringIO(result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8"), newline=""))
    next(rows)
    return list(rows)


class Explorer:
    """The entities of a graph (names and aliases held in memory for look-ups) and its facts, read on demand."""

    def __init__(self, store: ox.Store, union: bool):
        self.store, self.union = store, union
        self.entities: dict[str, Entity] = {}
        for e, cls, label, language in _table(store, union, _ENTITIES):
            if e not in self.entities or language == "zh":
                self.entities[e] = Entity(e, label, cls.rsplit("#", 1)[1])
        for e, label in _table(store, union, _DESIGNATIONS):
            self.entities.setdefault(e, Entity(e, label, "Designation"))
        for e, alias in _table(store, union, _ALIASES):
            entity = self.entities[e]
            if alias != entity.label and alias not in entity.aliases:
                entity.aliases.append(alias)

    def facts(self, about: str | None = None, limit: int | None = None) -> list[Fact]:
        """Every fact, or those whose subject or object is the entity `about` (at most `limit` of each)."""
        if about is None:                             # sorted: the same graph gives the same page, byte for byte
            return self._facts(sorted(_table(self.store, self.union, _FACTS)))
        text = _FACTS + (f" LIMIT {limit}" if limit else "")
        return self._facts(_table(self.store, self.union, text, s=about)) + \
            self._facts(_table(self.store, self.union, text, o=about))

    def _facts(self, rows: list[list[str]]) -> list[Fact]:
        seen, out, known = set(), [], self.entities
        for f, kind, s, o, level, year, value, evidence, source, confidence, rule in rows:
            if f in seen or s not in known or o not in known:
                continue
            seen.add(f)
            out.append(Fact(kind, s, o, level, year, value.removesuffix(".0") if value.endswith(".0") else value,
                            evidence, source, float(confidence or 0), rule))
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
        sizes = {e: int(n) for e, n in _table(self.store, self.union, _PARK_SIZES)}
        links = [(park, d, int(firms or 0), int(reported or 0), int(float(reward or 0)))
                 for park, d, firms, reported, reward in _table(self.store, self.union, _TALLIES)
                 if park in self.entities and d in self.entities]
        return sizes, links


def neighbourhood(facts: list[Fact], start: str, depth: int, limit: int) -> tuple[set[str], int]:
    """The entities within `depth` facts of `start`, either way, nearest first and at most `limit` of them (a
    designation's holders can be a whole corpus), and how many were within reach."""
    adjacent = defaultdict(list)
    for f in facts:
        adjacent[f.s].append(f.o)
        adjacent[f.o].append(f.s)
    order, seen, frontier = [start], {start}, [start]
    for _ in range(depth):
        frontier = [m for n in frontier for m in adjacent[n] if not (m in seen or seen.add(m))]
        order += frontier
    return set(order[:limit]), len(order)


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

    def add_tallies(self, explorer: Explorer) -> None:
        """The enterprises and tallies of the parks already in the payload, for their panels."""
        sizes, links = explorer.overview()
        for park, n in sizes.items():
            if park in self.index:
                self.nodes[self.index[park]]["size"] = n
        self.links += [[self.index[park], self.index[d], firms, reported, reward]
                       for park, d, firms, reported, reward in links if park in self.index and d in self.index]

    def json(self, mode: str, **extra) -> dict:
        return {"mode": mode, "nodes": self.nodes, "facts": self.facts, "strings": self.strings,
                "links": self.links, **extra}
