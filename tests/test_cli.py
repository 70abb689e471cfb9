"""Every command end to end through click's CliRunner, the round trips and the bad inputs."""
import json

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.sources import open_source


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_build_summary_and_graph(built):
    g = Graph().parse(built)
    labels = {str(o) for o in g.objects(None, None) if getattr(o, "language", None) == "zh"}
    assert "芜湖高新区" in labels and "芜湖星澜光电科技有限公司" in labels


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nt", ".nq", ".jsonld"])
def test_export_round_trips(built, tmp_path, suffix):
    out = tmp_path / f"g{suffix}"
    assert run("export", built, "--output", out).exit_code == 0
    back = tmp_path / "back.ttl"
    assert run("export", out, "--output", back).exit_code == 0
    assert isomorphic(open_source(built).graph(), open_source(back).graph())


def test_query_named_with_param_and_formats(built):
    r = run("query", built, "counts_over_time", "--param", "name=芜湖高新区", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert {(x["designation"], x["value"]) for x in rows} >= {("科技型中小企业", "512"), ("高新技术企业", "236")}
    csv_out = run("query", built, "counts_over_time", "--param", "name=芜湖高新区", "--format", "csv").output
    assert csv_out.splitlines()[0] == "year,designation,value,evidence"


def test_query_expression_table_is_aligned(built):
    r = run("query", built, "-e", "SELECT ?l WHERE { ?p a kg:Park ; rdfs:label ?l }")
    assert r.exit_code == 0 and "芜湖高新区" in r.output and r.output.strip().endswith("(1 row)")


def test_param_is_bound_not_pasted(built):
    r = run("query", built, "enterprises_of_park", "--param", 'name=x" } ?a ?b ?c . { "')
    assert r.exit_code == 0 and "(0 rows)" in r.output


def test_param_is_bound_in_the_pattern_not_in_a_comment_or_string(built):
    q = ('# every park WHERE { one day }\nSELECT ?l WHERE { ?p a kg:Park ; rdfs:label ?l . '
         'FILTER(?l = ?name || ?l = "WHERE { x }") }')
    r = run("query", built, "-e", q, "--param", "name=芜湖高新区", "--format", "csv")
    assert r.exit_code == 0 and r.output.splitlines() == ["l", "芜湖高新区"], r.output


@pytest.mark.parametrize("update", ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "CLEAR ALL",
                                    "DELETE WHERE { ?s ?p ?o }"])
def test_an_update_is_refused_with_a_clear_message(built, update):
    r = run("query", built, "-e", update)
    assert r.exit_code == 1 and "SPARQL update" in r.output and "expected" not in r.output, r.output


def test_queries_lists_at_least_ten():
    r = run("queries")
    assert r.exit_code == 0 and len(r.output.splitlines()) >= 10


def test_viz_focus_stats_validate_explain(built, tmp_path):
    html = tmp_path / "g.html"
    assert run("viz", built, "--output", html, "--focus", "芜湖高新区", "--depth", "1").exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert "芜湖星澜光电科技有限公司" in page and "<script src=" not in page and "<link" not in page
    s = run("stats", built)
    assert s.exit_code == 0 and "parks with most enterprises: 芜湖高新区" in s.output
    v = run("validate", built)
    assert v.exit_code == 0, v.output
    e = run("explain", built, "星澜光电")
    assert e.exit_code == 0 and "瞪羚企业" in e.output and "wuhu.txt" in e.output and "[rule recognition." in e.output


def test_gbk_document_is_read(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gbk.txt").write_bytes("绵阳高新区晟铂电子有限公司入选瞪羚企业。".encode("gbk"))
    out = tmp_path / "g.ttl"
    r = run("build", docs, "--output", out, "--workers", 1)
    assert r.exit_code == 0 and "(0 skipped)" in r.output
    assert "晟铂电子有限公司" in out.read_text(encoding="utf-8")


def test_min_confidence_drops_facts(article_dir, tmp_path):
    low, high = tmp_path / "low.ttl", tmp_path / "high.ttl"
    assert run("build", article_dir, "--output", low, "--workers", 1).exit_code == 0
    assert run("build", article_dir, "--output", high, "--min-confidence", "0.9", "--workers", 1).exit_code == 0
    assert len(Graph().parse(high)) < len(Graph().parse(low))


@pytest.mark.parametrize("content, message", [
    ("café résumé, très bien".encode("latin-1"), "neither UTF-8"),
    (b"", "empty document"),
    (b"\x00\x01\x02binary", "binary file"),
])
def test_bad_documents_are_skipped_or_fatal(article_dir, tmp_path, content, message):
    (article_dir / "bad.txt").write_bytes(content)
    out = tmp_path / "g.ttl"
    r = run("build", article_dir, "--output", out, "--workers", 1)
    assert r.exit_code == 0 and message in r.output and out.exists()
    out.write_text("previous", encoding="utf-8")
    r = run("build", article_dir, "--output", out, "--strict", "--workers", 1)
    assert r.exit_code == 1 and message in r.output and "Traceback" not in r.output
    assert out.read_text(encoding="utf-8") == "previous"          # a failed build leaves the old file intact


@pytest.mark.parametrize("args, message", [
    (["build", "/no/such/folder", "--output", "x.ttl"], "no such file or folder"),
    (["build", "{docs}", "--output", "/no/such/dir/g.ttl"], "output folder does not exist"),
    (["build", "{docs}", "--output", "g.xyz"], "unknown graph format"),
    (["query", "{graph}", "-e", "SELECT WHERE {"], "malformed SPARQL"),
    (["query", "{graph}", "no_such_query"], "unknown query"),
    (["query", "/no/graph.ttl", "policies"], "no such graph file"),
    (["export", "{graph}", "--output", "g.xyz"], "unknown graph format"),
    (["explain", "{graph}", "不存在的公司"], "no entity of that name"),
])
def test_bad_arguments_give_one_line_errors(article_dir, built, args, message):
    args = [a.replace("{docs}", str(article_dir)).replace("{graph}", str(built)) for a in args]
    r = run(*args)
    assert r.exit_code != 0
    assert message in r.output and "Traceback" not in r.output
    assert len([l for l in r.output.splitlines() if l.startswith("Error")]) == 1


def test_malformed_graph_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    r = run("stats", bad)
    assert r.exit_code == 1 and "not a valid Turtle file" in r.output


def test_every_command_and_option_is_documented():
    for name, cmd in main.commands.items():
        assert cmd.help and "Example:" in cmd.help, name
        for p in cmd.params:
            if p.param_type_name == "option":
                assert p.help, f"{name} {p.name}"


def test_shards_split_the_corpus(article_dir, tmp_path):
    (article_dir / "second.txt").write_text("绵阳高新区出台《绵阳高新区人才新政十条》。", encoding="utf-8")
    (article_dir / "third.txt").write_text("德阳高新区召开大会。", encoding="utf-8")
    sources = []
    for i in (1, 2):
        out = tmp_path / f"part-{i}.nq"
        assert run("build", article_dir, "--shard", f"{i}/2", "--output", out, "--workers", 1).exit_code == 0
        r = run("query", out, "-e", "SELECT ?s WHERE { ?a a kg:Article ; dcterms:source ?s }", "--format", "csv")
        sources.append(set(r.output.splitlines()[1:]))
    assert sources[0] and sources[1] and not sources[0] & sources[1]
    assert sources[0] | sources[1] == {"second.txt", "third.txt", "wuhu.txt"}
    assert "--shard '3/2'" in run("build", article_dir, "--shard", "3/2", "--output", tmp_path / "x.nq").output


def test_rebuilding_the_same_documents_writes_the_same_bytes(tmp_path):
    """Two processes (the store's internal order differs between them) write the samples' graph byte for byte."""
    import subprocess
    import sys
    from conftest import SHARED
    outs = [tmp_path / "a.ttl", tmp_path / "b.ttl"]
    for out in outs:
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SHARED / "seeds"), "--output", str(out)],
                       check=True, capture_output=True)
    assert outs[0].read_bytes() == outs[1].read_bytes()


def test_viz_focus_is_an_exact_name_or_alias(built, tmp_path):
    html = tmp_path / "f.html"
    r = run("viz", built, "--output", html, "--focus", "星澜光电")          # an alias of the firm
    assert r.exit_code == 0 and "芜湖星澜光电科技有限公司" in html.read_text(encoding="utf-8")
    r = run("viz", built, "--output", tmp_path / "none.html", "--focus", "高新区")
    assert r.exit_code == 1 and "no entity has this name or alias" in r.output and "芜湖高新区" in r.output
    assert len(r.output.strip().splitlines()) == 1 and not (tmp_path / "none.html").exists()


def test_viz_focus_lists_the_candidates_of_an_ambiguous_name(tmp_path):
    ttl = tmp_path / "two.ttl"
    ttl.write_text("""@prefix kg: <https://w3id.org/parkgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/parkgraph/id/enterprise/1> a kg:Enterprise ; rdfs:label "澄曜科技有限公司"@zh ; skos:altLabel "澄曜"@zh .
<https://w3id.org/parkgraph/id/enterprise/2> a kg:Enterprise ; rdfs:label "澄曜电子有限公司"@zh ; skos:altLabel "澄曜"@zh .
""", encoding="utf-8")
    r = run("viz", ttl, "--output", tmp_path / "x.html", "--focus", "澄曜")
    assert r.exit_code == 1 and "names 2 entities" in r.output
    assert "澄曜科技有限公司" in r.output and "澄曜电子有限公司" in r.output
    assert run("viz", ttl, "--output", tmp_path / "x.html", "--focus", "澄曜电子有限公司").exit_code == 0
