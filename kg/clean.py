"""Text cleaning: PDF-extracted newspaper text → CleanText with a map back to the raw characters."""
from __future__ import annotations

import re

from .model import CleanText

# Punctuation is unified to one form so later patterns have one spelling; every mapping is 1:1 so
# offsets stay exact.
_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})
_CJK = re.compile(r"[\u3400-\u9fff“”‘’《》（）、，。：；！？]")
_DOUBLED_CHARS = re.compile(r"((?:([\u3400-\u9fff“”‘’])\2){3,})")
_DOUBLED_PHRASE = re.compile(r"([\u3400-\u9fff“”]{4,16})\1")


def _halfwidth(ch: str) -> str:
    code = ord(ch)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return chr(code - 0xFEE0)
    return ch


def clean(raw: str) -> CleanText:
    """Join broken lines, drop stray spaces, unify punctuation and undo doubled headlines."""
    chars: list[str] = []
    offsets: list[int] = []
    n = len(raw)
    for i, ch in enumerate(raw):
        if ch.isspace():
            prev = chars[-1] if chars else ""
            nxt = next((raw[j] for j in range(i + 1, min(n, i + 8)) if not raw[j].isspace()), "")
            if prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum() and not (prev.isdigit() and nxt.isdigit()) \
                    and prev != " ":
                chars.append(" ")
                offsets.append(i)
            continue
        ch = _halfwidth(ch)
        if ch == "," and chars and chars[-1].isdigit() and raw[i + 1: i + 2].isdigit():
            pass                                  # thousands separator stays a comma
        else:
            ch = ch.translate(_PUNCT)
        chars.append(ch)
        offsets.append(i)
    text = "".join(chars)
    keep = [True] * len(text)
    for m in _DOUBLED_CHARS.finditer(text):
        for k in range(m.start() + 1, m.end(), 2):
            keep[k] = False
    for m in _DOUBLED_PHRASE.finditer(text):
        for k in range(m.start(1) + len(m.group(1)), m.end()):
            keep[k] = False
    if not all(keep):
        text = "".join(c for c, k in zip(text, keep) if k)
        offsets = [o for o, k in zip(offsets, keep) if k]
    return CleanText(text=text, raw=raw, offsets=tuple(offsets))
