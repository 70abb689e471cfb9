"""Text cleaning: PDF-extracted newspaper text → CleanText with a map back to the raw characters."""
from __future__ import annotations

import re

from .model import HEADING_END, CleanText
from .vocabulary import vocabulary

# Punctuation and full-width letters are unified to one form so later patterns have one spelling; every
# mapping is 1:1 so offsets stay exact.
_UNIFIED = dict(zip(",;:!?()", "，；：！？（）"))
_UNIFIED.update({chr(c): chr(c - 0xFEE0) for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)})
_TO_UNIFY = re.compile("[" + "".join(map(re.escape, _UNIFIED)) + "]")   # a regex: str.translate visits every character
_SPACE = re.compile(r"\s+")
_DOUBLED_CHARS = re.compile(r"((?:([\u3400-\u9fff“”‘’])\2){3,})")
_DOUBLED_PHRASE = re.compile(r"([\u3400-\u9fff“”]{4,16})\1")
_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3})")
_LINE = re.compile(r"[^\n]+")


def _page_lines(raw: str) -> tuple[set[int], set[int]]:
    """Where headings and table rows end (a line that starts with # or |: the page's own marks; a column break
    never runs a paragraph into one), and which characters are picture captions (a line that starts with a caption word,
    put by the layout into the middle of a sentence)."""
    captions = vocabulary().words("clean", "caption_openers")
    heading_ends: set[int] = set()
    caption_chars: set[int] = set()
    for m in _LINE.finditer(raw):
        line = m.group().strip()
        if line.startswith(("#", "|")):     # a heading, or a table's row: each a sentence of its own
            heading_ends.add(m.start() + len(m.group().rstrip()))
        elif line.startswith(captions):
            caption_chars.update(range(m.start(), m.end()))
    return heading_ends, caption_chars


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


def clean(raw: str) -> CleanText:
    """Join broken lines, drop stray spaces and picture captions, end headings, unify punctuation and undo
    doubled headlines."""
    heading_ends, caption_chars = _page_lines(raw)
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACE.finditer(raw):
        start, end = m.span()
        if start > pos:
            parts.append(raw[pos:start])
            offsets.extend(range(pos, start))
        if start in heading_ends:        # the mark stands for the heading's last character, so spans stay whole
            parts.append(HEADING_END)
            offsets.append(start - 1)
        # a space between two ASCII words is a word break; anywhere else it is a PDF artefact
        if start and end < len(raw) and _ascii_word(raw[start - 1]) and _ascii_word(raw[end]) \
                and not (raw[start - 1].isdigit() and raw[end].isdigit()):
            parts.append(" ")
            offsets.append(start)
        pos = end
    if pos < len(raw):
        parts.append(raw[pos:])
        offsets.extend(range(pos, len(raw)))
    text = _TO_UNIFY.sub(lambda m: _UNIFIED[m.group()], "".join(parts))
    text = _THOUSANDS.sub(",", text)
    drop = {i for i, o in enumerate(offsets) if o in caption_chars} if caption_chars else set()
    for m in _DOUBLED_CHARS.finditer(text):
        drop.update(range(m.start() + 1, m.end(), 2))
    for m in _DOUBLED_PHRASE.finditer(text):
        drop.update(range(m.start(1) + len(m.group(1)), m.end()))
    if drop:                             # keep the runs between dropped characters (few: captions, doubles)
        pieces, kept, prev = [], [], 0
        for i in sorted(drop):
            if i > prev:
                pieces.append(text[prev:i])
                kept.extend(offsets[prev:i])
            prev = i + 1
        pieces.append(text[prev:])
        kept.extend(offsets[prev:])
        text, offsets = "".join(pieces), kept
    return CleanText(text=text, raw=raw, offsets=tuple(offsets))
