"""The layout: labels of the sample graph rarely overlap at zoom 1, and large graphs are laid out in linear time."""
import time
from pathlib import Path

import numpy as np

from kg.layout import layout, overlaps
from kg.sources import open_source
from kg.viz import explorer_payload

SAMPLE = Path(__file__).resolve().parents[1] / "outputs" / "graph.ttl"


def test_sample_labels_rarely_overlap():
    p = explorer_payload(open_source(SAMPLE))
    linked = {i for f in p["facts"] for i in f[1:3]}
    labels = [p["nodes"][i]["label"] for i in sorted(linked)]
    pos = np.array([(p["nodes"][i]["x"], p["nodes"][i]["y"]) for i in sorted(linked)])
    assert overlaps(labels, pos) <= 0.05 * len(labels)


def test_time_grows_about_linearly():
    rng = np.random.default_rng(1)

    def seconds(n: int) -> float:
        labels = ["某" * int(k) for k in rng.integers(3, 9, n)]
        edges = [(int(a), int(b)) for a, b in zip(rng.integers(0, n, n), rng.integers(0, n, n))]
        start = time.perf_counter()
        assert layout(labels, edges).shape == (n, 2)
        return time.perf_counter() - start
    small, large = seconds(1000), seconds(4000)
    assert large < 8 * small + 1                       # quadratic would be 16×
