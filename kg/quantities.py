"""Quantities as news writes them: numbers (1,200 · 1.2万 · 二十三) and the years a text states."""
from __future__ import annotations

import re

_YEAR = re.compile(r"((?:19|20)\d\d)(?:\s*年)")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def number(s: str) -> float:
    """A number as written in the text: 1,200 · 1.2万 · 二十三."""
    if s[0].isdigit():
        return float(s.rstrip("万").replace(",", "")) * (1e4 if s.endswith("万") else 1)
    total, digit = 0, None
    for c in s:
        if c in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[c]
            digit = None
        else:
            digit = _DIGITS[c]
    return float(total + (digit or 0))


def year_in(text: str) -> int | None:
    """The first year text states as a list's or an event's (not a founding year, one end of a range, or a year
    since when: 自2019年以来)."""
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 3):m.start()]
        after, prev = text[m.end():m.end() + 1], text[m.start() - 1:m.start()] if m.start() else ""
        if before.endswith(("成立于", "始于", "创建于")) or after and after in "—-至" or prev and prev in "—-" \
                or text.startswith(("以来", "来"), m.end()):
            continue
        return int(m.group(1))
    return None
