"""The synthetic corpus of the benchmarks: deterministic for a seed, different across seeds, and extractable."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import write_corpus  # noqa: E402

from kg.build import extract_article


def test_same_seed_same_corpus_other_seed_other_corpus(tmp_path):
    a = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "a", 3, seed=5)]
    b = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "b", 3, seed=5)]
    c = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "c", 3, seed=6)]
    assert a == b and a != c


def test_synthetic_articles_yield_every_kind_of_fact(tmp_path):
    text = write_corpus(tmp_path, 1, seed=5)[0].read_text(encoding="utf-8")
    kinds = {f.kind for f in extract_article("syn.txt", text).facts}
    assert kinds >= {"count", "recognition", "incentive", "located_in", "issued_by"}
