"""Crashes: a real `kg` process killed (SIGKILL) at several moments of a store write; run again, the store must equal
the store of a run that was never interrupted."""
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import write_corpus  # noqa: E402

from kg.cli import main  # noqa: E402

KG = [sys.executable, "-m", "kg.cli"]


def kg(*args) -> subprocess.CompletedProcess:
    r = subprocess.run(KG + [str(a) for a in args], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r


def timed(*args) -> float:
    started = time.perf_counter()
    kg(*args)
    return time.perf_counter() - started


def killed(after: float, *args) -> None:
    """Start kg, SIGKILL it after `after` seconds (or let it end first)."""
    p = subprocess.Popen(KG + [str(a) for a in args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=after)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait(timeout=30)


def quads(store: Path) -> set[str]:
    s = ox.Store.read_only(str(store))
    return {str(q) for q in s}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """v1 and v2 of 60 synthetic articles (every v2 article changed), a store of v1, and its N-Quads export."""
    root = tmp_path_factory.mktemp("crash")
    v1 = write_corpus(root / "v1", 60, seed=3)
    (root / "v2").mkdir()
    for p in v1:
        (root / "v2" / p.name).write_text(p.read_text(encoding="utf-8").replace("家", "家企业", 1) + "\n园区召开年度工作会议。",
                                          encoding="utf-8")
    kg("build", root / "v1", "--store", root / "s1", "--workers", 1)
    kg("export", root / "s1", "--output", root / "s1.nq")
    (root / "one").mkdir()
    shutil.copy(v1[0], root / "one" / v1[0].name)
    kg("build", root / "one", "--store", root / "small", "--workers", 1)
    return root


def _compare_after_kills(corpus: Path, base: Path | None, args: list, tmp_path: Path, moments: tuple) -> None:
    """The store after a kill and a rerun equals the store of an uninterrupted run, killed after each share of
    the uninterrupted run's time in `moments`."""
    def fresh(name: str) -> Path:
        target = tmp_path / name
        if base:
            shutil.copytree(base, target)
        return target
    clean = fresh("clean")
    duration = timed(*args, "--store", clean)
    expected = quads(clean)
    for share in moments:
        target = fresh(f"killed{share}")
        killed(duration * share, *args, "--store", target)
        kg(*args, "--store", target)
        got = quads(target)
        assert got == expected, (share, len(got - expected), len(expected - got))


def test_a_killed_update_build_leaves_no_stale_facts(corpus, tmp_path):
    _compare_after_kills(corpus, corpus / "s1", ["build", corpus / "v2", "--workers", 1], tmp_path,
                         (0.55, 0.75, 0.9))


@pytest.mark.parametrize("into", ["small", None], ids=["into-a-store-with-articles", "into-an-empty-store"])
def test_a_killed_load_leaves_no_half_article(corpus, tmp_path, into):
    _compare_after_kills(corpus, corpus / into if into else None, ["load", corpus / "s1.nq"], tmp_path,
                         (0.4, 0.5, 0.6, 0.7, 0.8, 0.9))


def test_validate_finds_triples_no_article_states(corpus, tmp_path):
    store = tmp_path / "s"
    shutil.copytree(corpus / "small", store)
    assert CliRunner().invoke(main, ["validate", str(store)]).exit_code == 0
    s = ox.Store(str(store))
    firm = next(s.quads_for_pattern(None, None, ox.NamedNode("https://w3id.org/parkgraph/ontology#Enterprise"))).subject
    s.add(ox.Quad(firm, ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"), ox.Literal("旧名", language="zh")))
    del s
    r = CliRunner().invoke(main, ["validate", str(store)])
    assert r.exit_code == 1 and "1 triple" in r.output and "no article" in r.output, r.output
