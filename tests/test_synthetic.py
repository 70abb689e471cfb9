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


def test_default_pages_state_facts_as_sparsely_as_news_and_dense_ones_densely(tmp_path):
    from kg.clean import clean
    from kg.sentences import split_sentences

    def fact_share(dense):
        text = write_corpus(tmp_path / str(dense), 1, seed=5, dense=dense)[0].read_text(encoding="utf-8")
        sentences = split_sentences(clean(text))
        stated = {clean(f.evidence).text for f in extract_article("syn.txt", text).facts}
        return sum(s.text in stated for s in sentences) / len(sentences)
    assert 0.1 < fact_share(False) < 0.3          # the sample pages: 0.17
    assert fact_share(True) > 0.5
