"""Word classes from jieba's dictionary: whether a run of characters can be a proper name or is a common word.

A park's or a firm's own name (青禾, 远帆) is rare in a general dictionary, or tagged a place or a name; the words
that stand before a bare 高新区 in running text (助力, 完善, 期间, 两个) are common verbs, adverbs, times and numbers."""
from __future__ import annotations

from functools import cache, lru_cache

# jieba tags of words that are no proper name: verbs, adverbs, adjectives, times, places in a sentence (方位),
# numbers, measure words, pronouns, distinguishing words, idioms, conjunctions, prepositions, particles
_FREQUENT = 100             # a common noun this frequent in jieba's dictionary is a word, not a name
_COMMON_TAGS = ("v", "vn", "vd", "d", "a", "ad", "an", "f", "t", "m", "q", "r", "b", "l", "i", "c", "p", "u")


@cache
def _dictionary():
    import jieba
    import jieba.posseg
    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba, jieba.posseg.dt.word_tag_tab


@lru_cache(maxsize=1 << 14)
def proper_name(chars: str) -> bool:
    """Whether chars can be a proper name: none of its dictionary words (of two or more characters) is a common
    word of another class, or a frequent common noun."""
    jieba, tags = _dictionary()
    for word in jieba.lcut(chars, HMM=False):
        tag = tags.get(word, "")
        if len(word) > 1 and (tag.startswith(_COMMON_TAGS) or tag == "n" and jieba.dt.FREQ.get(word, 0) >= _FREQUENT):
            return False
    return True


@lru_cache(maxsize=1 << 14)
def word_starts(text: str) -> frozenset[int]:
    """Where jieba's words start in text: a place name read inside another word (晋中 read across 新晋 and the next word) starts none."""
    jieba, _ = _dictionary()
    starts, pos = set(), 0
    for word in jieba.lcut(text, HMM=False):
        starts.add(pos)
        pos += len(word)
    return frozenset(starts)


@lru_cache(maxsize=1 << 14)
def function_word(chars: str) -> bool:
    """Whether chars is a word of a closed class in jieba's dictionary (a pronoun, adverb, numeral, time, measure,
    locality, conjunction, preposition, particle: 本次, 一旦, 数次) or a verb, never a brand (唯美, 长虹 may be)."""
    _, tags = _dictionary()
    return tags.get(chars, "").startswith(("r", "d", "m", "q", "t", "f", "c", "p", "u", "v"))


def known_word(chars: str) -> bool:
    """Whether jieba's dictionary holds chars as a word (充分发挥): a 字号 of three or four characters seldom is."""
    jieba, _ = _dictionary()
    return bool(jieba.dt.FREQ.get(chars))
