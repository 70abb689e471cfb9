"""Rules read the language, not the names: the score on a counterfactual copy of the samples (invented names of
the same shape, changed numbers and years) stays within 0.03 of the score on the originals."""
import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import SHARED
from counterfactual import make_counterfactual
from kg.cli import main

GOLD = SHARED / "eval" / "gold" / "seeds"


def macro_f1(docs, gold, out):
    r = CliRunner().invoke(main, ["build", str(docs), "--output", str(out), "--workers", "1"])
    assert r.exit_code == 0, r.output
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(out), str(gold), "--docs", str(docs),
                          "--json"], capture_output=True, text=True, check=True)
    score = json.loads(res.stdout)
    assert score["evidence"]["rate"] == 1.0
    return score["macro_f1"]


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return make_counterfactual(SHARED / "seeds", GOLD, tmp_path_factory.mktemp("cf"), seed=11)


def test_the_copy_changes_names_numbers_and_years(copy):
    docs, gold = copy
    text = "".join(re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in docs.iterdir())
    originals = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD.glob("*.json")]
    changed = [json.loads(p.read_text(encoding="utf-8")) for p in gold.glob("*.json")]
    legal = [n for g in originals for e in g["enterprises"] for n in e["names"] if n.endswith("公司")]
    assert legal and not any(n in text for n in legal)
    assert sorted(c["value"] for g in originals for c in g["counts"]) != sorted(c["value"] for g in changed for c in g["counts"])
    assert {r["year"] for g in changed for r in g["recognitions"]} - {None} == \
        {r["year"] + 1 for g in originals for r in g["recognitions"] if r["year"]}


def test_score_on_counterfactual_within_003(copy, tmp_path):
    docs, gold = copy
    original = macro_f1(SHARED / "seeds", GOLD, tmp_path / "orig.ttl")
    counterfactual = macro_f1(docs, gold, tmp_path / "cf.ttl")
    assert abs(original - counterfactual) <= 0.03, (original, counterfactual)
