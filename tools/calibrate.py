"""Measure every rule's precision on the development corpus and write it into the registry (kg/data/rules/) as its
confidence;
print the precision–recall curve that `kg build --min-confidence` walks along.

Usage (from the project root, with the dev texts restored into .dev-corpus/ as ../shared/eval/dev/README.md says):
    python tools/calibrate.py [--docs .dev-corpus] [--gold ../shared/eval/gold/dev] [--dry-run]

A fact is right when score.py counts it a true positive (its relation is in the gold); a rule's confidence is its
precision with one right and one wrong reading added (Laplace), so a rule seen few times stays near one half of the
evidence. Rules that made fewer than MIN_FACTS facts on the corpus keep the confidence they have (their prior).
The texts are never read by CI: this script is run by hand, and its results are the data it writes.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "kg" / "data" / "rules"
MIN_FACTS = 4
THRESHOLDS = (0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)

# each relation as score.py reads it, with the rule of the fact that states it
QUERIES = {
    "located_in": """SELECT ?rule ?a ?b WHERE { ?f a rdf:Statement ; rdf:predicate kg:locatedIn ; rdf:subject ?a ;
                     rdf:object ?b ; kg:rule ?rule }""",
    "policies": """SELECT ?rule ?a ?b WHERE { ?f a rdf:Statement ; rdf:predicate kg:issuedBy ; rdf:subject ?a ;
                   rdf:object ?b ; kg:rule ?rule }""",
    "recognitions": "SELECT ?rule ?a ?d WHERE { ?f a kg:Recognition ; kg:recipient ?a ; kg:designation ?d ; kg:rule ?rule }",
    "counts": """SELECT ?rule ?a ?d ?v WHERE { ?f a kg:Observation ; kg:park ?a ; kg:designation ?d ; kg:value ?v ;
                 kg:rule ?rule }""",
    "incentives": """SELECT ?rule ?a ?d ?v WHERE { ?f a kg:Incentive ; kg:offeredBy ?a ; kg:designation ?d ; kg:amount ?v ;
                     kg:rule ?rule }""",
}


def build(docs: Path, out: Path, min_confidence: float = 0.0) -> None:
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(docs), "--output", str(out),
                    "--min-confidence", str(min_confidence)], check=True, capture_output=True, cwd=ROOT)


def rule_precision(graph: Path, gold_dir: Path) -> dict[str, Counter]:
    """rule id → Counter(right=…, wrong=…) over the facts it stated."""
    sys.path.insert(0, str(gold_dir.parent.parent))
    import score                                    # the evaluation's own reader and matcher
    g = score.load_graph(graph)
    gold = score.Gold(gold_dir)
    scorer = score.Scorer(g, gold)
    out: dict[str, Counter] = {}
    for key, query in QUERIES.items():
        truth = gold.relation(key)
        for rule, *terms in score.rows(g, query):
            t = tuple(scorer.to_gold(x) for x in terms[:1]) + (
                (scorer.to_gold(terms[1]),) if key in ("located_in", "policies") else
                (scorer.codes.get(str(terms[1])),) + ((float(terms[2]),) if len(terms) > 2 else ()))
            out.setdefault(str(rule), Counter())["right" if t in truth else "wrong"] += 1
    return out


def write_confidences(measured: dict[str, Counter]) -> list[str]:
    """Set each measured rule's confidence in its family's file (text edits, so comments stay); the lines it changed."""
    changed = []
    for path in sorted(RULES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for rule, c in sorted(measured.items()):
            n = c["right"] + c["wrong"]
            if n < MIN_FACTS:
                continue
            value = round((c["right"] + 1) / (n + 2), 2)
            pattern = re.compile(rf"(- id: {re.escape(rule)}\n(?:  .*\n)*?  confidence: )[0-9.]+.*")
            text, k = pattern.subn(lambda m: f"{m.group(1)}{value}  # dev: {c['right']}/{n} right", text, count=1)
            if k:
                changed.append(f"{rule}: {value} ({c['right']}/{n})")
        path.write_text(text, encoding="utf-8")
    return changed


def curve(docs: Path, gold_dir: Path, work: Path) -> list[str]:
    """score.py's macro F1 and the relations' pooled precision and recall at each --min-confidence."""
    lines = ["min-confidence  facts  precision  recall  macro-F1"]
    for t in THRESHOLDS:
        out = work / f"g{t}.ttl"
        build(docs, out, t)
        report = subprocess.run([sys.executable, str(gold_dir.parent.parent / "score.py"), str(out), str(gold_dir)],
                                capture_output=True, text=True, check=True).stdout
        tp = fp = fn = 0
        for line in report.splitlines():
            cells = line.split()
            if cells and cells[0] in ("located_in", "policy_issuer", "recognitions", "counts", "incentives"):
                tp, fp, fn = tp + int(cells[4]), fp + int(cells[5]), fn + int(cells[6])
        macro = re.search(r"macro F1 ([0-9.]+)", report).group(1)
        lines.append(f"{t:>14.2f}  {tp + fp:>5}  {tp / max(tp + fp, 1):>9.3f}  {tp / max(tp + fn, 1):>6.3f}  {macro:>8}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=Path, default=ROOT / ".dev-corpus")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "gold" / "dev")
    ap.add_argument("--dry-run", action="store_true", help="measure and print, write nothing")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "dev.ttl"
        build(args.docs, graph)
        measured = rule_precision(graph, args.gold)
        for rule, c in sorted(measured.items()):
            n = c["right"] + c["wrong"]
            print(f"{rule:40} {c['right']:>4}/{n:<4} precision {c['right'] / n:.2f}")
        if not args.dry_run:
            print("\n".join(["", "confidences written:"] + write_confidences(measured)))
        print("\n".join([""] + curve(args.docs, args.gold, Path(tmp))))


if __name__ == "__main__":
    main()
