"""The persistent store: incremental and idempotent builds, one named graph per article, every command on it."""
import json

import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic

from conftest import ARTICLE
from kg.cli import main
from kg.query import named_queries
from kg.sources import open_source


def run(*args):
    r = CliRunner().invoke(main, [str(a) for a in args])
    return r


@pytest.fixture
def store(article_dir, tmp_path):
    path = tmp_path / "store"
    r = run("build", article_dir, "--store", path, "--workers", 1)
    assert r.exit_code == 0, r.output
    assert "1 new or changed, 0 unchanged" in r.output
    return path


def quads(path):
    return len(open_source(path).ox)


def test_building_the_same_article_twice_adds_nothing(article_dir, store):
    before = quads(store)
    r = run("build", article_dir, "--store", store, "--workers", 1)
    assert r.exit_code == 0 and "0 new or changed, 1 unchanged" in r.output
    assert quads(store) == before


def test_a_changed_article_replaces_its_old_facts(article_dir, store):
    (article_dir / "wuhu.txt").write_text(ARTICLE.replace("512家", "640家"), encoding="utf-8")
    assert "1 new or changed" in run("build", article_dir, "--store", store, "--workers", 1).output
    rows = json.loads(run("query", store, "counts_over_time", "--param", "name=芜湖高新区", "--format", "json").output)
    values = {r["value"] for r in rows if r["designation"] == "科技型中小企业"}
    assert values == {"640"}
    articles = run("query", store, "-e", "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }", "--format", "csv")
    assert articles.output.splitlines()[1] == "1"


def test_new_articles_merge_into_existing_entities(article_dir, store, tmp_path):
    more = tmp_path / "more"
    more.mkdir()
    (more / "later.txt").write_text("星澜光电获批国家级专精特新“小巨人”企业。", encoding="utf-8")
    assert run("build", more, "--store", store, "--workers", 1).exit_code == 0
    r = run("query", store, "recognitions_of", "--param", "name=芜湖星澜光电科技有限公司", "--format", "json")
    assert {x["designation"] for x in json.loads(r.output)} >= {"瞪羚企业", "专精特新“小巨人”企业"}


def test_named_queries_answer_the_same_on_store_and_file(article_dir, store, tmp_path):
    out = tmp_path / "g.ttl"
    assert run("build", article_dir, "--output", out, "--workers", 1).exit_code == 0
    file_src, store_src = open_source(out), open_source(store)
    from kg.sources import Param
    params = [Param("name", "芜湖高新区", language="zh")]
    for q in named_queries().values():
        p = params if "?name" in q.text else []
        a, b = file_src.select(q.text, p), store_src.select(q.text, p)
        assert sorted(map(tuple, a.rows)) == sorted(map(tuple, b.rows)), q.name


def test_every_reading_command_accepts_a_store(store, tmp_path):
    for args in (["stats", store], ["validate", store], ["explain", store, "星澜光电"],
                 ["viz", store, "--output", tmp_path / "s.html"]):
        r = run(*args)
        assert r.exit_code == 0, (args, r.output)


@pytest.mark.parametrize("suffix", [".nq", ".ttl", ".nt", ".trig"])
def test_export_of_a_store_round_trips(store, tmp_path, suffix):
    out = tmp_path / f"dump{suffix}"
    assert run("export", store, "--output", out).exit_code == 0
    assert isomorphic(open_source(out).graph(), open_source(store).graph())


def test_a_folder_that_is_no_store_is_refused(tmp_path, article_dir):
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "x.txt").write_text("x", encoding="utf-8")
    r = run("build", article_dir, "--store", junk)
    assert r.exit_code == 1 and "holds no store" in r.output
    r = run("stats", junk)
    assert r.exit_code == 1 and "not a parkgraph store" in r.output


def test_replacing_one_article_keeps_what_another_states(article_dir, store):
    (article_dir / "second.txt").write_text("芜湖高新区出台《芜湖高新区人才新政十条》。", encoding="utf-8")
    assert run("build", article_dir, "--store", store, "--workers", 1).exit_code == 0
    (article_dir / "second.txt").write_text("芜湖高新区召开大会。", encoding="utf-8")
    assert "1 new or changed" in run("build", article_dir, "--store", store, "--workers", 1).output
    parks = run("query", store, "-e", "SELECT ?l WHERE { ?p a kg:Park ; rdfs:label ?l }", "--format", "csv").output
    assert parks.splitlines()[1:] == ["芜湖高新区"]                  # stated by the first article still
    policies = run("query", store, "policies", "--format", "csv").output
    assert "人才新政十条" not in policies                            # stated only by the replaced version


def test_shards_merged_by_load_answer_as_one_build(tmp_path):
    """Two shards built apart, exported (N-Quads, TriG) and loaded into one store give the store one build of all
    the documents gives; loading again adds nothing; a bad file is refused and leaves the store as it was."""
    from conftest import SHARED
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    parts = []
    for i, (docs, suffix) in enumerate(((seeds[:3], ".nq"), (seeds[3:], ".trig"))):
        folder = tmp_path / f"docs{i}"
        folder.mkdir()
        for p in docs:
            (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        assert run("build", folder, "--store", tmp_path / f"shard{i}", "--workers", 1).exit_code == 0
        parts.append(tmp_path / f"part{i}{suffix}")
        assert run("export", tmp_path / f"shard{i}", "--output", parts[-1]).exit_code == 0
    merged, whole = tmp_path / "merged", tmp_path / "whole"
    r = run("load", *parts, "--store", merged)
    assert r.exit_code == 0 and "5 articles merged" in r.output, r.output
    assert run("build", SHARED / "seeds", "--store", whole, "--workers", 1).exit_code == 0
    assert quads(merged) == quads(whole)
    a, b = open_source(merged), open_source(whole)
    from kg.sources import Param
    park = b.select("SELECT ?l WHERE { ?p a kg:Park ; rdfs:label ?l } ORDER BY ?l LIMIT 1", []).rows[0][0]
    params = [Param("name", park, language="zh")]       # a park the documents name, whichever it is
    for q in named_queries().values():
        p = params if "?name" in q.text else []
        assert sorted(map(tuple, a.select(q.text, p).rows)) == sorted(map(tuple, b.select(q.text, p).rows)), q.name
    del a, b
    single = tmp_path / "single"                         # one export into an empty store keeps its own tallies
    r = run("load", parts[0], "--store", single)
    assert r.exit_code == 0 and "tallies kept from the file" in r.output, r.output
    assert set(open_source(single).ox) == set(open_source(tmp_path / "shard0").ox)
    r = run("load", parts[1], "--store", tmp_path / "shard0")   # into a store with articles: quad by quad
    assert r.exit_code == 0 and "2 articles merged, 0 already" in r.output, r.output
    assert quads(tmp_path / "shard0") == quads(whole)
    r = run("load", parts[0], "--store", merged)
    assert r.exit_code == 0 and "0 articles merged, 3 already" in r.output
    before = quads(merged)
    bad = tmp_path / "bad.nq"
    text = parts[0].read_text(encoding="utf-8").replace("<https://w3id.org/parkgraph/id/article/",
                                                        "<https://w3id.org/parkgraph/id/other/", 1)
    bad.write_text(text + "<broken\n", encoding="utf-8")
    r = run("load", bad, "--store", merged)
    assert r.exit_code == 1 and "not a valid" in r.output and "Traceback" not in r.output
    assert quads(merged) == before
    empty = tmp_path / "empty"
    r = run("load", parts[0], bad, "--store", empty)          # into an empty store: the fast path
    assert r.exit_code == 1 and "not a valid" in r.output
    from kg.store import GraphStore
    fresh = GraphStore(tmp_path / "fresh")
    assert quads(empty) == len(fresh)                    # nothing of the failed load was left: the ontology alone
    r = run("load", tmp_path / "missing.nq", "--store", merged)
    assert r.exit_code == 1 and "no such file" in r.output
    ttl = tmp_path / "g.ttl"
    assert run("export", merged, "--output", ttl).exit_code == 0
    r = run("load", ttl, "--store", merged)
    assert r.exit_code == 1 and "holds no article graphs" in r.output
