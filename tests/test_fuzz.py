"""The extraction entry point on generated hostile text (hypothesis): it never raises, every fact's evidence is
verbatim in the document (whitespace aside), and its time grows linearly with the length of runs without sentence
punctuation (issue 16: ≤ 2 s per 100k characters): no rule reads more than a sentence, and a run without sentence
ends is read in pieces of bounded length (kg/sentences.py)."""
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.build import extract_article

PIECES = ["芜湖高新区", "高新技术产业开发区", "星澜光电", "芜湖星澜光电科技有限公司", "甲乙（688123）", "安徽省科技厅",
          "瞪羚企业", "专精特新“小巨人”企业", "国家高新技术企业", "入选", "获评", "被认定为", "获批", "分别", "等",
          "家", "18家", "二十三家", "1.2万家", "2023年", "20万元", "给予", "对首次认定的", "名单", "《若干措施》", "由",
          "、", "，", "。", "；", "：", "“", "”", "《", "》", "（", "）", "(", ")", "\n", "\n\n", " ", "\u3000", "#", "|",
          "▶", "…", "——", "①", "１８", "\t", "😀", "\u200b", "a", "Z9"]
hostile = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=300).map("".join)
squash = lambda s: re.sub(r"\s+", "", s)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_hostile_text_never_raises_and_evidence_is_verbatim(raw):
    article = extract_article("fuzz.txt", raw)
    whole = squash(raw)
    for f in article.facts:
        assert squash(f.evidence) in whole, (f.evidence, raw)


RUNS = {
    "designation sentence without full stops": lambda n: _repeat("甲乙科技被认定为国家高新技术企业，", n),
    "designation sentence without any punctuation": lambda n: _repeat("甲乙科技被认定为国家高新技术企业", n),
    "honour sentence without full stops": lambda n: _repeat("芜湖高新区企业星澜光电获评国家级专精特新“小巨人”企业，", n),
    "、-list of firms": lambda n: "、".join(f"星澜{i}光电科技有限公司" for i in range(n))[:n],
}


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        extract_article("long.txt", text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("run", RUNS, ids=list(RUNS))
def test_time_is_linear_in_runs_without_sentence_punctuation(run):
    """4× the characters take at most 8× the time (linear is 4×; twice that for a shared machine), and at most
    4 s per 100k characters (the goal of 2 s, twice)."""
    extract_article("warm.txt", "芜湖高新区18家企业入选瞪羚企业名单。")
    n = 2500
    small, large = _cpu_seconds(RUNS[run](n)), _cpu_seconds(RUNS[run](4 * n))
    assert large <= 8 * max(small, 0.005), (small, large)
    assert large <= 4.0 * (4 * n) / 100_000, (small, large)
