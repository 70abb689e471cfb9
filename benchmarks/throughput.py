"""Extraction throughput on one core: characters of article text per second, against the 250k chars/s target,
and against a plain regular-expression pass over the same text in the same run (one pattern for legal names and park
kinds, the cost floor of reading text with regexes at all).

Run: .venv/bin/python benchmarks/throughput.py [DOCS_DIR] [ROUNDS]
"""
import re
import statistics
import sys
import time
from pathlib import Path

from kg.build import extract_article
from kg.vocabulary import vocabulary

TARGET = 250_000
PLAIN = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:有限公司|高新区|经开区|开发区|园区)|\d+家")


def main(folder: str = "../shared/seeds", rounds: int = 10) -> None:
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.txt"))]
    vocabulary()                                   # loading the vocabulary is start-up, not throughput
    for name, text in docs:                        # one warm-up pass: regex compilation is start-up too
        extract_article(name, text)
    chars = sum(len(t) for _, t in docs)
    rates = []
    for _ in range(rounds):                        # each round timed alone: this machine's speed varies by the minute
        start = time.perf_counter()
        for name, text in docs:
            extract_article(name, text)
        rates.append(chars / (time.perf_counter() - start))
    plain = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _, text in docs:
            sum(1 for _ in PLAIN.finditer(text))
        plain.append(chars / (time.perf_counter() - start))
    median = statistics.median(rates)
    print(f"{chars} chars, {rounds} rounds: median {median:,.0f} chars/s on one core (rounds {min(rates):,.0f}–"
          f"{max(rates):,.0f}); ratio of the median to target {median / TARGET:.2f}; a plain regex pass "
          f"{statistics.median(plain):,.0f} chars/s, extraction at {median / statistics.median(plain):.3f} of it")


if __name__ == "__main__":
    main(*(sys.argv[1:2] or ["../shared/seeds"]), *(map(int, sys.argv[2:3])))
