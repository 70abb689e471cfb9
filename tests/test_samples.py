"""The sample pages: the score bar of the issue, and outputs/ is what the committed code builds."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import SHARED
from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("samples") / "graph.ttl"
    r = CliRunner().invoke(main, ["build", str(SHARED / "seeds"), "--output", str(out)])
    assert r.exit_code == 0, r.output
    return out


def test_score_bar_on_samples(sample_graph):
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(sample_graph),
                          str(SHARED / "eval" / "gold" / "seeds"), "--docs", str(SHARED / "seeds"), "--json"],
                         capture_output=True, text=True, check=True)
    score = json.loads(res.stdout)
    assert score["macro_f1"] >= 0.90
    assert score["evidence"]["rate"] == 1.0


def test_outputs_are_what_the_code_builds(sample_graph):
    assert isomorphic(Graph().parse(sample_graph), Graph().parse(ROOT / "outputs" / "graph.ttl")), \
        "regenerate outputs/ (README: 'Regenerate outputs')"


def test_sample_graph_validates(sample_graph):
    from kg.sources import open_source
    from kg.validate import validate_source
    assert validate_source(open_source(sample_graph)) == []
