"""Tallies: the ranking queries read counts written at build time; they must equal the aggregations they stand for,
on a graph file and on a store built piece by piece, with articles replaced and builds interrupted."""
import shutil

import pytest
from click.testing import CliRunner

from conftest import SHARED
from kg import build, tallies
from kg.build import build_into_store, extract_corpus, list_documents
from kg.cli import main
from kg.sources import open_source
from kg.store import GraphStore

SEEDS = SHARED / "seeds"

# What each tally-backed named query stands for, as an aggregation over the facts themselves.
DEFINITIONS = {
    "parks_by_designation": """SELECT ?park ?designation (COUNT(DISTINCT ?e) AS ?enterprises) WHERE {
        ?e kg:locatedIn ?p . ?r a kg:Recognition ; kg:recipient ?e ; kg:designation ?d .
        ?p rdfs:label ?park . ?d skos:prefLabel ?designation . FILTER(lang(?designation) = "zh")
        } GROUP BY ?park ?designation""",
    "parks_by_recognitions": """SELECT ?park (COUNT(DISTINCT ?r) AS ?recognitions) WHERE {
        { ?r a kg:Recognition ; kg:recipient ?p . ?p a kg:Park . } UNION
        { ?r a kg:Recognition ; kg:recipient ?x . ?x kg:locatedIn ?p . }
        ?p rdfs:label ?park . } GROUP BY ?park""",
    "designation_totals": """SELECT ?designation (COUNT(DISTINCT ?p) AS ?parks) (SUM(?v) AS ?reported) WHERE {
        { SELECT DISTINCT ?o ?p ?v ?designation WHERE { ?o a kg:Observation ; kg:designation ?d ; kg:park ?p ;
          kg:value ?v . ?d skos:prefLabel ?designation . FILTER(lang(?designation) = "zh") } }
        } GROUP BY ?designation""",
    "gazelles_by_park": """SELECT DISTINCT ?park ?reported ?named WHERE { ?p a kg:Park ; rdfs:label ?park .
        OPTIONAL { SELECT ?p (MAX(?n) AS ?reported) WHERE { ?o a kg:Observation ; kg:park ?p ;
          kg:designation kgd:GAZELLE ; kg:value ?n } GROUP BY ?p }
        OPTIONAL { SELECT ?p (COUNT(DISTINCT ?e) AS ?named) WHERE { ?r a kg:Recognition ;
          kg:designation kgd:GAZELLE ; kg:recipient ?e . ?e kg:locatedIn ?p } GROUP BY ?p }
        FILTER(BOUND(?reported) || BOUND(?named)) }""",
    "multi_designation_enterprises": """SELECT ?enterprise (COUNT(DISTINCT ?d) AS ?designations)
        (GROUP_CONCAT(DISTINCT ?label; separator="、") AS ?which) WHERE { ?e a kg:Enterprise ; rdfs:label ?enterprise .
        ?r a kg:Recognition ; kg:recipient ?e ; kg:designation ?d . ?d skos:prefLabel ?label . FILTER(lang(?label) = "zh")
        } GROUP BY ?enterprise HAVING (COUNT(DISTINCT ?d) >= 2)""",
    "incentives_by_designation": """SELECT ?park ?designation (MAX(?a) AS ?amount) WHERE {
        ?i a kg:Incentive ; kg:offeredBy ?p ; kg:designation ?d ; kg:amount ?a .
        ?p rdfs:label ?park . ?d skos:prefLabel ?designation . FILTER(lang(?designation) = "zh")
        } GROUP BY ?park ?designation""",
}


def answers(source, name_or_text):
    from kg.query import resolve_query
    text = resolve_query(name_or_text) if name_or_text in DEFINITIONS else name_or_text
    result = source.select(text, [])
    return sorted(tuple(sorted(r.split("、")) if c == "which" else r for c, r in zip(result.columns, row))
                  for row in result.rows)


def assert_tallies_are_a_recount(store):
    """The tallies a store holds, however they were kept up, are exactly those a recount of it gives."""
    held = {(q.subject, q.predicate, q.object) for q in store.ox.quads_for_pattern(None, None, None, tallies.TALLY_GRAPH)}
    assert held == {(t.subject, t.predicate, t.object) for t in tallies.tally_triples(store.ox)}
    assert held


def assert_tallies_match_definitions(source):
    for name, definition in DEFINITIONS.items():
        assert answers(source, name) == answers(source, definition), name


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("tallies") / "g.ttl"
    r = CliRunner().invoke(main, ["build", str(SEEDS), "--output", str(out), "--workers", "1"])
    assert r.exit_code == 0, r.output
    return out


def test_tallies_of_a_graph_file_equal_the_aggregations(sample_file):
    source = open_source(sample_file)
    assert_tallies_match_definitions(source)
    assert len(answers(source, "parks_by_designation")) >= 5     # the samples do rank parks: not a vacuous match


@pytest.mark.parametrize("full_share, limit, delta_share", [(10**6, 10**6, 10**6), (0, 10**6, 10**6), (0, 3, 10**6),
                                                             (0, 10**6, 0)],
                         ids=["many-parks-touched", "node-by-node", "many-entities-pending", "by-delta"])
def test_tallies_follow_a_store_built_piece_by_piece(tmp_path, monkeypatch, full_share, limit, delta_share):
    monkeypatch.setattr(tallies, "FULL_SHARE", full_share)
    monkeypatch.setattr(tallies, "NODE_BY_NODE_LIMIT", limit)
    monkeypatch.setattr(build, "DELTA_SHARE", delta_share)
    deltas = []
    monkeypatch.setattr(tallies, "apply_delta", lambda *a, apply=tallies.apply_delta: deltas.append(a) or apply(*a))
    docs = tmp_path / "docs"
    docs.mkdir()
    store = GraphStore(tmp_path / "store")
    for p in sorted(SEEDS.glob("*.txt")):                      # one article per build
        shutil.copy(p, docs / p.name)
        build_into_store([docs / p.name], store)
    first = sorted(docs.glob("*.txt"))[0]                      # a changed article replaces its facts and tallies
    first.write_text(first.read_text(encoding="utf-8").replace("高新技术企业", "科技型中小企业", 3), encoding="utf-8")
    build_into_store(list_documents(docs), store)
    assert bool(deltas) == (delta_share == 0)
    assert_tallies_are_a_recount(store)
    source = _source_of(store)
    assert_tallies_match_definitions(source)
    fresh = tmp_path / "fresh.ttl"
    assert CliRunner().invoke(main, ["build", str(docs), "--output", str(fresh), "--workers", "1"]).exit_code == 0
    for name in DEFINITIONS:
        assert answers(source, name) == answers(open_source(fresh), name), name


def test_an_interrupted_build_has_its_tallies_redone_by_the_next(tmp_path):
    store = GraphStore(tmp_path / "store")
    articles = extract_corpus(list_documents(SEEDS)).articles
    store.add_articles(articles)                               # written, but stopped before the tallies
    assert answers(_source_of(store), "parks_by_recognitions") == []
    build_into_store(list_documents(SEEDS), store)             # nothing new to write; the pending tallies are done
    assert_tallies_match_definitions(_source_of(store))
    assert answers(_source_of(store), "parks_by_recognitions")


def _source_of(store):
    from kg.sources import OxigraphSource
    return OxigraphSource(store.ox)


@pytest.mark.parametrize("delta_share", [10**6, 0], ids=["node-by-node", "by-delta"])
def test_a_later_article_about_a_firm_updates_the_tallies_of_its_park(article_dir, tmp_path, monkeypatch, delta_share):
    monkeypatch.setattr(tallies, "FULL_SHARE", 0)              # node by node, as a small increment is done
    monkeypatch.setattr(build, "DELTA_SHARE", delta_share)
    store = GraphStore(tmp_path / "store")
    build_into_store(list_documents(article_dir), store)
    later = tmp_path / "later"
    later.mkdir()
    (later / "later.txt").write_text("星澜光电获批国家级专精特新“小巨人”企业。", encoding="utf-8")   # no park named
    build_into_store(list_documents(later), store)
    rows = answers(_source_of(store), "parks_by_designation")
    assert ("芜湖高新区", "专精特新“小巨人”企业", "1") in rows
    assert_tallies_are_a_recount(store)
    assert_tallies_match_definitions(_source_of(store))
