"""Mentions: CleanText + sentences → list[Mention] of parks, enterprises, organisations, policies,
designations and anaphora. Matchers find candidates; resolve_overlaps decides; then every name found
is looked up again across the whole article, so a trade name found once is seen everywhere."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import Iterator

from .model import SECTION_MARKS, CleanText, Mention, Sentence
from .regions import zone_names
from .words import function_word, known_word, proper_name, word_starts
from .vocabulary import COUNT, QUOTES, designation_code, vocabulary, trie_pattern

NAME_CHARS = r"\u4e00-\u9fffA-Za-z0-9·（）."
_PUNCT = set("，。；：！？、“”‘’《》「」『』▶#—…")
_MAX_NAME = 24
_NAME_CHAR = re.compile(f"[{NAME_CHARS}]")
_TWO_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_BRACKETED_PLACE = re.compile(r"（([\u4e00-\u9fff]{2,10})）")               # 某高新区（某某区）
_SUB_PARK = re.compile(r"([\u4e00-\u9fff]{2,8}?)(产业园|科技园|主题园区)(?![区\u4e00-\u9fff]{0,1}[区])")
_COUNTED_FIRMS = re.compile(f"{COUNT}家(?=[^，。；]{{0,16}}?(?:企业|公司))")     # 3家企业, 5家国家级…“小巨人”企业
_YEAR_WORD = r"(?:19|20)\d\d年度?"
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_PARK_OWN_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,4}")
_NOT_IN_PARK_NAME = re.compile("[了在于与和及把将为对由被向等地的性级强个批该本各全这那其此每]")
_LEVEL_CHARS = "省市区县"                  # a body named by its government's level alone (省工信厅) opens with one
_NAME_OPENING_MARKS = "，。；：、“《（和与及由经据"
_BARE_KINDS = ("开发区", "新区")          # kinds that name one zone only after a place's short form
_LIST_OPENERS = ("名单为", "分别为", "分别是", "包括", "如")     # words a list of names follows: its first item opens there
_NO_BODY = re.compile(r"\d+[家个所项]|共有|上榜|确定|入选|获评")     # 某市12家孵化器, 本省上榜孵化器: a number, no body
_FUNCTION_CHARS = "是以在为对把被将于与和及从向由"   # open a clause's words, never a 字号
_ITEM_NUMBER = re.compile(r"^\d{1,3}[.．、]")
_PREPOSITIONS = "为以对向与如"           # open a clause before a name, never a name
_AGENT_AFTER_PARK = "被经由向从将对"
_OPENING_MARKS = "，。；：、“”《（）#▶|\n"
_YEAR_OPENING = re.compile(f"^{_YEAR_WORD}")
_BATCH_WORDS = re.compile(f"{_YEAR_WORD}|首批|第[一二三四五六七八九十]+批")   # between a level word and its list


# ------------------------------------------------------------------ patterns, built once from the vocabulary

@cache
def _named_zone_pattern() -> re.Pattern:
    return re.compile(trie_pattern(list(_named_zones())))


@cache
def _named_zones() -> dict[str, str]:
    """Every form of a zone of the official lists (kg/data/zones.tsv) or of the lexicon's named zones → the zone's
    key: a lexicon row's first name, else the place + kind key its official name reads as (某某高新区), else its
    official name (青海高新技术产业开发区: no place + kind can form it)."""
    official = zone_names()
    keys: dict[str, str] = {}                        # official name → key
    for row in vocabulary().lexicon["park"]["named_zones"]:
        for form in row:
            keys.setdefault(official.get(form, form), row[0])
    out = {}
    for form, name in official.items():
        if name not in keys:
            read = [key for s, e, key in _place_kind_parks(name) if (s, e) == (0, len(name))]
            keys[name] = read[0] if read else name
        out[form] = keys[name]
    for row in vocabulary().lexicon["park"]["named_zones"]:
        out.update({form: row[0] for form in row if form not in out})
    return out


@cache
def _patterns() -> dict[str, re.Pattern]:
    v = vocabulary()
    alt = v.alternation
    # where a clause's subject can start: after a clause mark, or after the words for its park (某高新区甲乙…)
    hosts = v.words("enterprise", "host_words")
    last = re.escape("".join(sorted({w[-1] for w in hosts})))     # one cheap test first: most characters end none
    marks = "，。；：" + re.escape(SECTION_MARKS)                  # a clause's or a heading's end
    opening = f"(?:^|(?<=[{marks}{last}])(?:(?<=[{marks}])" + "".join(f"|(?<={re.escape(w)})" for w in hosts) + "))"
    return {
        "park_kind": re.compile(f"(?:{alt('park', 'kinds')})"),
        "qualifier_before": re.compile(f"(?:{alt('park', 'qualifiers')})\\Z"),    # searched up to a park's kind
        "legal": re.compile(f"(?:{alt('enterprise', 'legal_suffixes')}|公司|集团|厂)"),
        "org": re.compile(f"(?:{alt('organization', 'suffixes')})(?![长]|科技园)"),   # 大学科技园 is a park
        "national_body": re.compile(f"(?:{alt('organization', 'national_bodies')})"),
        "policy": re.compile(r"《([^《》]{3,80})》"),
        # 《某某高新区关于…的实施办法》（以下简称《实施办法》）: the short title the article goes on to use
        "defined_title": re.compile(r"《([^《》]{3,80})》（(?:以下)?简称《([^《》]{2,20})》）"),
        "issuing": re.compile(rf"(?:{alt('policies', 'issue_verbs')})了?《"),
        # overlapping look-ahead: every boundary word, so the last one that leaves a name can be found
        "boundary": re.compile(f"(?=({alt('name_boundaries')}))"),
        "joined": re.compile(alt("joined_words")),
        "ftz": re.compile(r"中国（([\u4e00-\u9fff]{2,8})）自由贸易试验区(?:([\u4e00-\u9fff]{2,5})片区)?"),
        "bracket_park": re.compile(r"([\u4e00-\u9fff]{2,5})（([\u4e00-\u9fff]{2,4})）([\u4e00-\u9fff]{2,8}?)(产业园|科技园)"),
        # items of a list of names: name characters but 等 (U+7B49), which ends a list
        "list": re.compile(r"[\u4e00-\u7b48\u7b4a-\u9fffA-Za-z0-9·（）.]{2,14}(?:、[\u4e00-\u7b48\u7b4a-\u9fffA-Za-z0-9·（）.]{2,14})+"),
        "after_verb": re.compile(rf"(?:推动|支持|助推|引进|吸引|帮助|鼓励)了?([{NAME_CHARS}]{{2,4}}?({alt('enterprise', 'trade_endings')}))"),
        "honour_list": re.compile(rf"{opening}"
                                  rf"((?:[\u4e00-\u9fff]{{2,6}}、)+[\u4e00-\u9fff]{{2,6}}?)"
                                  rf"(?=(?:{alt('enterprise', 'subject_adverbs')}){{0,2}}(?:成功)?(?:{alt('enterprise', 'honour_verbs')}))"),
        "trade_single": re.compile(rf"(?:^|(?<=[{marks}、（的]))([{NAME_CHARS}]{{2,10}}?)(?:(?P<list>等\d*家?(?:企业|公司))|"
                                   rf"(?=(?P<honour>等?(?:{alt('enterprise', 'subject_adverbs')}|(?:19|20)\d\d年){{0,2}}(?:成功)?(?:{alt('enterprise', 'honour_verbs')}))|(?P<copula>是一家|也是)))"),
        # 由某高新区孵化的甲乙，去年成功上市 / 位于某园区内的甲乙已获评…: a name a park fosters or hosts, then its honour
        "fostered": re.compile(rf"(?:(?:{alt('enterprise', 'fostering_words')})的|位于[^，。；]{{2,24}}?的)([{NAME_CHARS}]{{2,8}}?)"
                               rf"(?=，?(?:{alt('enterprise', 'subject_adverbs')}){{0,2}}(?:成功)?"
                               rf"(?:{alt('enterprise', 'honour_verbs')}|登陆|挂牌上市|上市|是一家))"),
        # a clause-opening 字号 and an industry's ending, before the clause goes on (青岳科技完成了…)
        "opening_trade": re.compile(rf"(?:^|(?<=[，。；：！？{re.escape(SECTION_MARKS)}]))([\u4e00-\u9fff]{{2,4}}?"
                                    rf"(?:{alt('enterprise', 'trade_endings')}))(?=[\u4e00-\u9fff])"),
        # a clause-opening name ending like a firm that invests, or whose technology is described
        "trade_subject": re.compile(rf"{opening}([{NAME_CHARS}]{{1,6}}?(?:{alt('enterprise', 'trade_endings')}))"
                                    rf"(?=(?:{alt('enterprise', 'subject_verbs')})|的[^，。；]{{0,12}}(?:技术|产品|业务))"),
        # a clause-opening name followed by its production capacity (某某乐叶年产7GW…), or the party to projects
        # signed (与某某等6个…项目签约)
        "producer": re.compile(rf"(?:^|(?<=[，。；：]))([{NAME_CHARS}]{{2,8}}?)(?=年产(?:能|值)?(?:达到|达|超过|超|突破)?\d)"),
        # 甲乙科技（688123）, 甲乙股份（600123.SH）: a name with its stock code is a listed firm
        "stock_code": re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,8}?)（(?:股票|证券)?(?:代码[：:])?\d{6}(?:\.(?:SH|SZ|BJ|HK))?）"),
        "defined_short": re.compile(rf"（(?:以下)?(?:简称|称)[{QUOTES}]?([{NAME_CHARS}]{{2,8}}?)[{QUOTES}]?）"),
        "bracketed_by": re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,8})（$"),     # the name before 甲乙（某某有限公司）
        "executive": re.compile(rf"(?:^|(?<=[{marks}、“”]))([{NAME_CHARS}]{{2,8}}?)(?:{alt('enterprise', 'executive_roles')})"),
        "parent_firm": re.compile(rf"(?:\d+强)?([{NAME_CHARS}]{{2,6}}?)旗下"),
        "project_tail": re.compile(r"等[^，。；]{0,16}?项目"),
        "project_party": re.compile(rf"与([{NAME_CHARS}]{{2,10}}?)等\d+个[^，。；]{{0,14}}?项目(?:成功)?签约"),
        # 区内企业…, 高新区…有限公司: the words for the host park, then the firm's name
        "host": re.compile(rf"^(?:[\u4e00-\u9fff]{{0,6}}?(?:{alt('enterprise', 'host_words')})[内的]?)?(?:企业|公司)?"),
        # 3家企业获评…，分别是: a list after it names those firms, whatever their names end with
        "counted_lead": re.compile(rf"{COUNT}家[^。]{{0,40}}[，：](?:{alt('recognition', 'counted_member_leads')})[：:]?$"),
        "company_tail": re.compile(rf"等[^，。；]{{0,24}}?(?:{alt('enterprise', 'list_tail_nouns')})|{COUNT}家[^，。；]{{0,16}}?(?:企业|公司)"),
        "hosted": re.compile(rf"(?:{alt('enterprise', 'host_words')})[内的]?(?:企业|公司)([{NAME_CHARS}]{{3,8}}?)"
                             rf"(?={alt('enterprise', 'name_followers')}|[，。、与和])"),
        # 韩国某某半导体…: after a country, a name ending like a firm is a foreign firm
        "foreign": re.compile(rf"(?:{alt('enterprise', 'countries')})([{NAME_CHARS}]{{1,6}}?(?:{alt('enterprise', 'trade_endings')}))"),
        "facility": re.compile(rf"(?:{alt('enterprise', 'facilities')})(?:[一二三四五]期)?(?=[、等])"),
    }


@cache
def _trade_subject_needs() -> tuple[str, ...]:
    """Words one of which a sentence must hold for "trade_subject" to match in it (its verbs, or what 的 leads to)."""
    return vocabulary().words("enterprise", "subject_verbs") + ("技术", "产品", "业务")


@cache
def _trade_single_needs() -> tuple[str, ...]:
    """Words one of which a sentence must hold for "trade_single" to match in it (its list, honour, copula)."""
    return ("等", "是一家", "也是") + vocabulary().words("enterprise", "honour_verbs")


def _finditer_where(pattern: re.Pattern, text: str, needs: tuple[str, ...]) -> Iterator[re.Match]:
    """pattern.finditer over the sentences (to 。) that hold one of the words it needs, with positions in text:
    most sentences of a page hold none, and a name pattern never runs across a full stop."""
    needed = _alternation_of(needs)
    hit = needed.search(text)
    while hit:
        start = text.rfind("。", 0, hit.start()) + 1
        end = text.find("。", hit.end())
        done = len(text) if end < 0 else end + 1
        yield from pattern.finditer(text, start, done)
        hit = needed.search(text, done)               # the next sentence that holds one


@cache
def _alternation_of(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _sentence_index(sentences: list[Sentence]):
    starts = [s.start for s in sentences]
    return lambda pos: (bisect.bisect_right(starts, pos) or 1) - 1     # before the first sentence: the first


@cache
def _place_lengths_by_last_char() -> dict[str, tuple[int, ...]]:
    """For each character a place name can end with, the lengths (2 to 9, longest first) of the names that do: a
    scan tries those lengths alone, and stops at once before a character no place ends with."""
    lengths: dict[str, set[int]] = {}
    for name in vocabulary().places:
        if 2 <= len(name) <= 9:
            lengths.setdefault(name[-1], set()).add(len(name))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}


def _place_chain_before(text: str, end: int) -> tuple[int, list[str]]:
    """The longest run of place names ending at end, scanned right to left."""
    places, by_last = vocabulary().places, _place_lengths_by_last_char()
    p, tokens = end, []
    while p > 0:
        for length in by_last.get(text[p - 1], ()):
            s = text[p - length:p] if length <= p else ""
            if s in places:
                tokens.insert(0, s)
                p -= length
                break
        else:
            break
    return p, tokens


def starts_with_place(text: str) -> str | None:
    """The longest place name text opens with (places are at most nine characters)."""
    return _place_opening(text[:9])


@lru_cache(maxsize=1 << 16)
def _place_opening(head: str) -> str | None:
    places = vocabulary().places
    for length in range(len(head), 1, -1):
        if head[:length] in places:
            return head[:length]
    return None


def canonical_place(tokens: list[str]) -> str:
    v = vocabulary()
    shorts = [v.place_short.get(t, t) for t in tokens]
    if len(shorts) > 1 and v.places.get(tokens[0]) == "province":
        shorts = shorts[1:]                 # 安徽省芜湖高新区 is 芜湖高新区
    return "".join(shorts)


def park_key(place: str, qualifier: str, kind: str) -> str:
    v = vocabulary()
    kind = v.lexicon["park"]["canonical_kind"].get(kind, kind)
    if qualifier in ("国家", "国家级"):
        qualifier = ""
    return place + qualifier + kind


# ------------------------------------------------------------------ matchers: each returns candidates

def _parks(text: str) -> list[tuple[int, int, str]]:
    """Parks by a place (or a name of their own) and a kind, free-trade-zone areas, and the zones of the official
    lists by any of their names."""
    return _zone_parks(text, _place_kind_parks(text))


def _place_kind_parks(text: str) -> list[tuple[int, int, str]]:
    """Parks read as a place (or a name of their own), qualifiers and a kind, with the sub-parks after them."""
    v = vocabulary()
    qualifiers = v.words("park", "qualifiers")
    qualifier_before = _patterns()["qualifier_before"]
    strong = set(v.lexicon["park"]["prefixed_only"])
    out = []
    for m in _patterns()["park_kind"].finditer(text):
        kind, p = m.group(), m.start()
        qualifier = qualifier_before.search(text, max(0, p - len(qualifiers[0])), p)
        qualifier = qualifier.group() if qualifier else ""
        if not qualifier and kind in v.lexicon["park"]["free_qualifier_kinds"] and p >= 4:
            two = text[p - 2:p]
            chain = _place_chain_before(text, p - 2)[1]
            if _TWO_HAN.fullmatch(two) and two not in v.places and chain and \
                    v.places[chain[-1]] == "city" and not _place_chain_before(text, p)[1]:
                qualifier = two
        if not qualifier and kind == "高新区" and not _place_chain_before(text, p)[1]:
            qualifier = _trade_qualifier(text, p)     # 某地生物医药高新区: a province's zones named by place and trade
        start, tokens = _place_chain_before(text, p - len(qualifier))
        if not tokens and not qualifier:
            own = _own_park_name(text, p, kind)
            if own:
                out.append((p - len(own), m.end(), park_key(own, "", kind)))
            continue
        if not tokens:                       # a generic qualifier needs a place in front of it
            start, tokens = _place_chain_before(text, p - len(qualifier))
            if not tokens:
                continue
        if kind in _BARE_KINDS and tokens[-1].endswith(("市", "省", "县")):
            continue                          # 某某市开发区: the city's zones, no one zone (某地开发区 is one)
        levels = {v.places[t] for t in tokens}
        if levels <= {"county-short"} and kind not in strong or levels == {"province"} and not v.municipalities & set(tokens):
            continue
        end = m.end()
        bracket = _BRACKETED_PLACE.match(text[end:end + 12])
        if bracket and _place_chain_before(bracket.group(1), len(bracket.group(1).rstrip("区市县")) or 1)[1]:
            end += bracket.end()
        key = park_key(canonical_place(tokens), qualifier, kind)
        out.append((start, end, key))
        sub = _SUB_PARK.match(text[end:end + 14])
        if sub and not any(b in sub.group(1) for b in ("的", "在", "将", "和", "与", "把", "内")) and \
                not any(len(w) > 1 and w in sub.group(1)               # 某高新区今年推进…产业园: a verb, no name
                        for w in v.words("clause_openers") + v.words("enterprise", "project_heads")):
            if starts_with_place(sub.group(1)):     # 某高新区+某地国家大学科技园: a sub-park with a name of its own
                out.append((end, end + sub.end(), sub.group()))
            else:
                out.append((start, end + sub.end(), key + sub.group()))
    return out


def _zone_parks(text: str, out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Free-trade-zone areas and listed zones, added to the place + kind readings they win over."""
    v = vocabulary()
    for m in _patterns()["ftz"].finditer(text):
        out.append((m.start(), m.end(), re.sub(r"（|）", "", m.group())))
    named = _named_zones()
    zones = []
    for m in _named_zone_pattern().finditer(text):
        key = named[m.group()]
        start, tokens = _place_chain_before(text, m.start())
        own = starts_with_place(key)
        if tokens and own and v.places[own] in ("city", "province") and canonical_place(tokens) != canonical_place([own]):
            continue                          # 厦门火炬高新区 is not 中山火炬…: another city's zone of that name
        zones.append((start, m.end(), key))   # 武汉东湖高新区 is 东湖高新区
    # a listed zone's name wins over place + kind read inside it or across it; a longer name holding it (a sub-park) stays
    out = [c for c in out if not any(c[0] < ze and zs < c[1] and not (c[0] <= zs and ze <= c[1] and c[1] - c[0] > ze - zs)
                                     for zs, ze, _ in zones)]
    out += [z for z in zones if not any(c[0] < z[0] and z[1] <= c[1] for c in out)]    # a sub-park opens with its zone
    for m in _finditer_where(_patterns()["bracket_park"], text, ("（",)):
        head = _trim_left(m.group(1)) if len(m.group(1)) > 2 else m.group(1)
        if m.group(2) in vocabulary().places and len(head) >= 2:
            out.append((m.end() - len(m.group()) + len(m.group(1)) - len(head), m.end(), head + m.group(3) + m.group(4)))
    return out


def _trade_qualifier(text: str, p: int) -> str:
    """The trade between a city or county and 高新区 (某地生物医药高新区, 某地青禾港数字信息高新区): the longest run of
    three to seven characters before p, after a place, that holds no function word and no place of its own."""
    v = vocabulary()
    for length in range(7, 2, -1):
        q = text[max(0, p - length):p]
        if len(q) == length and _HAN_RUN.fullmatch(q) and not _NOT_IN_PARK_NAME.search(q) \
                and not any(w in q for w in v.words("park", "name_openers") if len(w) > 1) \
                and _place_chain_before(text, p - length)[1] and not starts_with_place(q):
            return q
    return ""


def _own_park_name(text: str, p: int, kind: str) -> str | None:
    """The name of a park that is no place (某某经开区 after 认定, a clause's start or a mark): the longest run of two
    to four name characters before its kind that opens after a mark or a word that opens a park's name, holds no
    function word and is no common word of another class (积极发挥高新区, 大力建设高新区: a verb before the bare kind)."""
    v = vocabulary()
    if kind not in v.lexicon["park"]["named_kinds"]:
        return None
    openers = v.words("park", "name_openers")
    not_names = v.lexicon["park"]["not_zone_names"]
    for length in (4, 3, 2):
        name = text[max(0, p - length):p]
        if len(name) < length or not _PARK_OWN_NAME.fullmatch(name) or name in not_names:
            continue
        before = text[:p - length]
        if (not before or before[-1] in _OPENING_MARKS or before.endswith(openers)) and \
                not _NOT_IN_PARK_NAME.search(name) and not name.startswith(openers) and proper_name(name):
            return name
    return None


def parent_park(key: str) -> str | None:
    """The park whose name opens a sub-park's (某某高新区 of 某某高新区甲乙科技园): its firms are in both."""
    return next((k for s, e, k in _parks_in_name(key) if s == 0 and e < len(key) and k != key), None)


@lru_cache(maxsize=1 << 16)
def _parks_in_name(name: str) -> tuple[tuple[int, int, str], ...]:
    """The parks inside a name: names recur across a corpus, pages do not (so only names are cached)."""
    return tuple(_parks(name))


def _committee_zones(text: str) -> list[tuple[int, int, str]]:
    """甲乙示范区…甲乙示范区党工委: a zone whose name is no place, named at least twice and once with its governing
    committee, is a zone; every occurrence is a mention of it."""
    v = vocabulary()
    kinds, committees = v.alternation("park", "committee_kinds"), v.alternation("park", "committees")
    named = {m.group(1) for m in re.finditer(rf"([\u4e00-\u9fff]{{2}}(?:{kinds}))(?:{committees})", text)}
    out = []
    for zone in named:
        if zone[:2] in v.places or zone[:2] in v.words("park", "not_zone_names") or len(occurrences(text, zone)) < 2:
            continue
        out += [(i, i + len(zone), zone) for i in occurrences(text, zone)]
    return out


@lru_cache(maxsize=1 << 16)
def _trim_left(candidate: str) -> str:
    """Cut a left-extended name after the last word that cannot be inside a name."""
    best = 0
    joined = [range(j.start(), j.end()) for j in _patterns()["joined"].finditer(candidate)]
    after_place = vocabulary().words("joined_after_place")
    for m in _patterns()["boundary"].finditer(candidate):
        if (len(candidate) - m.end(1) >= 2 or candidate[m.end(1):] in _LEVEL_CHARS) \
                and not (len(m.group(1)) == 1 and starts_with_place(candidate[m.start(1):])) \
                and not any(m.start(1) in span for span in joined) \
                and not (m.group(1) in after_place and _place_chain_before(candidate, m.start(1))[0] == 0
                         and m.start(1) > 0) \
                and not (m.group(1) in ("和", "与", "及") and (m.start(1) == 1 or _joins_nothing(candidate, m.start(1)))):
            best = max(best, m.end(1))           # 和 of 和田 opens a place, of 工业和信息化 a portfolio: no conjunction
    name = candidate[best:]
    place = None
    for i in range(len(name) - 2):           # a name that starts at a place wins over its left context
        if name[i] in "（":
            break
        place = starts_with_place(name[i:])
        if place and i > 0 and vocabulary().places.get(place) in ("province", "city"):
            return name[i:]
        if place:
            break
    return name


def _joins_nothing(candidate: str, at: int) -> bool:
    """天和磁材, 四川青和精密…: a one-character conjunction one or two characters after the name's start, or after
    the place that opens it, is a character of the 字号, not a conjunction."""
    place = starts_with_place(candidate[:at]) or ""
    return 1 <= at - len(place) <= 2 and place != candidate[:at]


def _left_run(text: str, end: int) -> str:
    start = end
    while start > 0 and end - start < _MAX_NAME and _NAME_CHAR.match(text, start - 1):
        start -= 1
    return text[start:end]


def _legal_names(text: str) -> list[tuple[int, int, str]]:
    v = vocabulary()
    not_company = v.words("enterprise", "not_company_endings")
    industry = v.words("enterprise", "industry_words") + v.words("enterprise", "trade_endings")
    out = []
    trades = v.words("enterprise", "factory_trades")
    sectors = v.lexicon["enterprise"]["sector_words"]
    for m in _patterns()["legal"].finditer(text):
        if text[m.end():m.end() + 1] in ("（",) and m.group() == "集团":
            continue
        suffix, at = m.group(), m.start()
        if suffix == "厂":                   # 某某机械厂: a trade's works; 西安厂, 数字化工厂 are none
            trade = next((t for t in trades if text.endswith(t, 0, at)), None)
            if trade is None:
                continue
            suffix, at = trade + suffix, at - len(trade)
        core = _trim_left(_left_run(text, at))
        if "（" in core and "）" not in core[core.rindex("（"):]:
            core = core[core.rindex("（") + 1:]      # 甲乙（某某有限公司）: an unclosed bracket opens the legal name
        if len(core) >= 3 and core[0] in _PREPOSITIONS:
            core = core[1:]
        core = _ITEM_NUMBER.sub("", core)              # 1.某某有限公司: the item's number is no part of its name
        host = _host_prefix(core)
        if host and starts_with_place(core[len(host):]):
            core = core[len(host):]          # 某高新区+江西某某有限公司; a park's own firm keeps its name (某高新区投资有限公司)
        if len(core) < 2 or core[-1] in "该本子分母家总型级的了和与及在是们对" and not core.endswith(industry) \
                or core in ("上市", "科技型", "一家", "多家") or core in v.words("clause_openers"):   # 子公司, 该公司, 我们公司,
            continue                         # 上半年公司 (a time, then the firm named before), but 某某电子有限公司
        if any(core.endswith(w) for w in not_company) or designation_code(core) or \
                (core + suffix).endswith(v.words("enterprise", "designation_tails")):
            continue                         # 新增上市公司: a designation, not a firm's name
        if suffix == "集团" and (len(core) > 6 or text[m.end():m.end() + 2] in ("公司", "有限", "股份")):
            continue
        if suffix in ("集团", "公司") and (core in sectors or all(a in industry for a in _industry_atoms(core))):
            continue                         # 文旅集团, 投资公司: a kind of firm, no name
        if suffix == "公司" and len(core) > 8 or suffix.endswith("厂") and not 2 <= len(core) <= 6:
            continue
        out.append((m.end() - len(core) - len(suffix), m.end(), core + suffix))
    return out


def _organizations(text: str, zones: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Bodies by their suffixes, where a place, a park (or one of the article's `zones`) or a head opens the name,
    or the suffix makes a name on its own."""
    v = vocabulary()
    generic = set(v.lexicon["organization"]["generic"])
    out = []
    heads = v.words("organization", "heads")
    free = v.words("organization", "free_suffixes")
    for m in _patterns()["org"].finditer(text):
        run = _left_run(text, m.start())
        name = "" if run.endswith(v.words("organization", "agent_markers")) else _trim_left(run)   # …被科技部
        for h in heads:
            i = name.find(h)
            if i > 0:
                name = name[i:]
                break
        name = _YEAR_OPENING.sub("", (name + m.group()).lstrip("."))     # 2025年度省级企业研究院: a year opens no body
        park = next((e for s, e, _ in _parks_in_name(name) if s == 0 and e < len(name) - 2), 0)
        if park and name[park] in _AGENT_AFTER_PARK:
            name = name[park + 1:]               # 某工业园区被省政府, 某园区经省发改委: the park is no part of the body
        if name in generic or len(name) < (3 if name[:1] in _LEVEL_CHARS else 4) or name.startswith(_LEVEL_OPENERS) or designation_code(name) or "的" in name \
                or _NO_BODY.search(name):
            continue                             # 省级孵化器, 科技企业孵化器: an honour, not a body
        opened = starts_with_place(name) or name.startswith(tuple(heads) + tuple(zones)) or any(
            s == 0 for s, _, _ in _parks_in_name(name)) or len(name) >= 3 and name[0] in _LEVEL_CHARS \
            and text[m.end() - len(name) - 1:m.end() - len(name)] in _NAME_OPENING_MARKS    # 省工信厅, 市科技局
        clause_subject = (text[m.end() - len(name) - 1:m.end() - len(name)] in "，。；：、"
                          or text.endswith(_LIST_OPENERS, 0, m.end() - len(name))) and \
            m.group().endswith(v.words("organization", "clause_subject_suffixes")) and \
            not name.startswith(v.words("organization", "not_subject_openers") + v.words("clause_openers"))
        if not opened and not (m.group() in free and len(name) >= 4) and not clause_subject:
            continue
        out.append((m.end() - len(name), m.end(), name))
    return out


_LEVEL_OPENERS = ("国家级", "省级", "市级", "区级", "国家备案")


def _host_prefix(name: str) -> str:
    """The words for the host park a name starts with (区内企业, 南昌高新区), when a name of two or more is left."""
    m = _patterns()["host"].match(name)
    return m.group() if m and len(name) - m.end() >= 2 and not _patterns()["park_kind"].search(name, m.end()) else ""


@lru_cache(maxsize=1 << 16)
def _trade_ok(item: str) -> bool:
    v = vocabulary()
    if not (2 <= len(item) <= 8) or item in v.places or designation_code(item) or item in v.words("enterprise", "countries"):
        return False
    if re.search(r"^\d+$|\d年|\d(?:亿|万|元|%|家)|投资|(?:项目|基地|二期|园区|中心|生产线|行动|计划|政策|城市)$", item) or \
            item.endswith(("企业", "公司", "机构")) or item.startswith(_LEVEL_OPENERS):
        return False
    if item.endswith(v.words("enterprise", "not_company_endings") + v.words("enterprise", "not_trade_endings")):
        return False
    if _patterns()["park_kind"].search(item) or _patterns()["org"].search(item):
        return False
    sectors = v.lexicon["enterprise"]["sector_words"]
    if item in sectors or item.startswith(v.words("clause_openers")):
        return False
    endings = v.words("enterprise", "trade_endings")
    if item.endswith(endings):
        stem = item[: -len(next(e for e in endings if item.endswith(e)))]
        if not stem or stem in sectors:              # 集团 alone
            return False                             # 新材料科技: a sector and an ending, no 字号
    if item[0] in "对为向把被让给从如":
        return False                                 # 对首次入选…的, 为某某精机配套: a preposition opens a clause, not a name
    if len(item) == 2 and function_word(item):
        return False                                 # 本次, 一旦, 数次: a word of a closed class, no trade name
    if item.startswith(("该", "这", "此", "它", "他", "她", "我")):
        return False                                 # 该集团, 它先后: the firm named before, or a pronoun, not a name
    return not any(w in item for w in ("等", "的", "与")) and not any(w in item[2:] for w in ("和", "及"))


def _trade_names(text: str) -> list[tuple[int, int, str]]:
    """Trade names without a legal form, where the sentence makes them companies: every rule's candidates
    (start, name) that pass the checks every name must pass."""
    return [(start, start + len(name), name) for rule in _NAME_RULES for start, name in rule(text) if _trade_ok(name)]


Candidates = Iterator[tuple[int, str]]


def _listed_names(text: str) -> Candidates:
    """甲乙、丙丁等企业 / 企业甲乙、丙丁 / 3家企业获评…，分别是甲、乙和丙: a list the words around it make one of firms."""
    v = vocabulary()
    heads = v.words("enterprise", "list_heads")
    endings = v.words("enterprise", "trade_endings")
    for m in _finditer_where(_patterns()["list"], text, ("、",)):
        items = m.group().split("、")
        first = items[0]
        cut = max((first.rfind(h) + len(h) for h in heads if 0 <= first.rfind(h) <= len(first) - len(h) - 2), default=0)
        if cut:                                      # the list opens after the last word that leads into it
            first = first[cut:]
        else:
            first = _trim_left(first[len(_host_prefix(first)):])
        if len(first) >= 3 and first[0] in _PREPOSITIONS:
            first = first[1:]                        # 为甲乙、丙丁等企业配套: the list opens after the preposition
        items[0] = first
        last = items[-1]
        end = m.end()
        verb = min((i for i in (last.find(w) for w in v.words("enterprise", "honour_verbs")) if i >= 2), default=0)
        if verb:                                     # 甲、乙入选: the list ends at its verb, and its adverbs
            end -= len(last) - verb
            last = items[-1] = last[:verb]
            adverbs = re.search(f"(?:{v.alternation('enterprise', 'subject_adverbs')})+$", last)
            if adverbs and adverbs.start() >= 2:
                end -= len(last) - adverbs.start()
                last = items[-1] = last[:adverbs.start()]
        at = end - len(last)
        count = _COUNTED_FIRMS.search(text, at)       # its look-ahead reads past the item (5家国家级…企业)
        if count and 2 <= count.start() - at and count.start() < end:   # 甲、乙、丙3家企业入选: the list ends at its count
            end = count.start()
            last = items[-1] = text[at:end]
        if not _trade_ok(last):
            cut = min((last.find(e) + len(e) for e in endings if 0 < last.find(e) and last.find(e) + len(e) >= 4),
                      default=0)
            if cut:
                end -= len(last) - cut
                items[-1] = last[:cut]
        company_tail = _patterns()["company_tail"].match(text[end:end + 30])
        first_at = m.start() + len(m.group().split("、")[0]) - len(first)
        company_head = any(text[max(0, m.start() - 6):first_at].endswith(h)
                           for h in ("企业", "公司", "引进了", "吸引", "汇聚了", "助推"))
        counted = bool(_patterns()["counted_lead"].search(text, max(0, first_at - 60), first_at))
        joined = re.split("[和及]", items[-1], maxsplit=1)
        if not _trade_ok(items[-1]) and len(joined) == 2 and all(map(_trade_ok, joined)):
            items[-1:] = joined                      # …、乙和丙: the last two
        fine = [x for x in items if _trade_ok(x)]
        if company_tail and not company_head and \
                any(w in company_tail.group() for w in v.words("enterprise", "weak_tail_words")) and \
                not any(x.endswith(endings) or starts_with_place(x) for x in fine):
            company_tail = None                      # 研发、生产、销售等环节的企业: activities of firms, not firms
        if len(fine) < len(items) and not (company_tail and 2 * len(fine) > len(items)):
            continue
        all_trade = all(x.endswith(endings) and len(x) >= 4 for x in items)
        if not company_tail and not all_trade and not counted and \
                not (company_head and any(x.endswith(endings) for x in items)):
            continue
        pos = first_at
        for item in items:
            yield pos, item
            pos += len(item) + 1


def _supported_names(text: str) -> Candidates:
    """推动甲乙科技…: a name ending like a firm after a verb of support or attraction."""
    for m in _patterns()["after_verb"].finditer(text):
        if len(m.group(1)) > len(m.group(2)) and not m.group(1).startswith(vocabulary().words("not_name_openers")):
            yield m.start(1), m.group(1)


def _honoured_lists(text: str) -> Candidates:
    """甲乙、丙丁获得…奖 (区内甲乙、丙丁获评…): the subjects of an honour."""
    for m in _finditer_where(_patterns()["honour_list"], text, ("、",)):
        host = _host_prefix(m.group(1))
        pos = m.start(1) + len(host)
        for item in m.group(1)[len(host):].split("、"):
            if not starts_with_place(item):
                yield pos, item
            pos += len(item) + 1


def _honoured_names(text: str) -> Candidates:
    """区内企业甲乙获评… / 甲乙等企业 / 甲乙是一家…: one name the sentence makes a firm's."""
    v = vocabulary()
    endings = v.words("enterprise", "trade_endings")
    for m in _finditer_where(_patterns()["trade_single"], text, _trade_single_needs()):
        host = _host_prefix(m.group(1))             # named as the park's firm
        item, start = m.group(1)[len(host):], m.start(1) + len(host)
        before = text[start - 1:start] if start else "。"
        parks_own = bool(m.group("honour")) and host.endswith("的")   # 某高新区的甲乙榜上有名: a park's firm
        if not _trade_ok(item) or before == "的" and not parks_own and \
                not (item.endswith(endings) and (m.group("honour") or m.group("copula"))):
            continue                                 # …孵化的甲乙光电获评: after 的 only a name ending like a firm
        if m.group("list") or m.group("copula") or item.endswith(endings) \
                or m.group("honour") and (host.endswith(("企业", "公司")) or (before in "、，" or parks_own) and len(item) <= 6
                                          or before in "。\n" and len(item) <= 6 and _firm_honour_at(text, m.end())
                                          and not item.startswith(v.words("not_name_openers"))):
            yield start, item


def _investing_subjects(text: str) -> Candidates:
    """项目由甲乙电子投资建设, 甲乙科技的…技术: a clause's subject ending like a firm, before what firms do."""
    for m in _finditer_where(_patterns()["trade_subject"], text, _trade_subject_needs()):
        name = _trim_left(m.group(1)) if len(m.group(1)) > 4 else m.group(1)
        yield m.end(1) - len(name), name


def _foreign_names(text: str) -> Candidates:
    """韩国某某半导体: after a country, a name ending like a firm."""
    return ((m.start(1), m.group(1)) for m in _patterns()["foreign"].finditer(text))


def _stock_listed(text: str) -> Candidates:
    """甲乙科技（688123）: a name with its stock code."""
    for m in _finditer_where(_patterns()["stock_code"], text, ("（",)):
        name = m.group(1)[len(_host_prefix(m.group(1))):]
        yield m.end(1) - len(name), name


def _producers(text: str) -> Candidates:
    """某某乐叶年产7GW…: a name before its production capacity, ending like a firm or opening with a city."""
    v = vocabulary()
    for m in _finditer_where(_patterns()["producer"], text, ("年产",)):
        name = m.group(1)
        place = starts_with_place(name)
        if not name.startswith(v.words("clause_openers")) and (name.endswith(v.words("enterprise", "trade_endings")) or
                                                                place and v.places[place] in ("province", "city") and len(name) - len(place) >= 2):
            yield m.start(1), name


def _project_parties(text: str) -> Candidates:
    """与某某等6个…项目签约: the party to projects signed."""
    return ((m.start(1), m.group(1)) for m in _patterns()["project_party"].finditer(text)
            if not m.group(1).startswith(vocabulary().words("clause_openers")))


def _hosted_names(text: str) -> Candidates:
    """该区企业甲乙科技日前…: a name after its host's words."""
    v = vocabulary()
    for m in _patterns()["hosted"].finditer(text):
        item = m.group(1)
        if not item.startswith(v.words("not_name_openers") + v.words("clause_openers") + v.words("recognition", "verbs")) and \
                (text[m.end(1):m.end(1) + 1] not in "，。、与和" or item.endswith(v.words("enterprise", "trade_endings"))):
            yield m.start(1), item


def _fostered_names(text: str) -> Candidates:
    """由某高新区孵化的甲乙，去年成功上市 / 位于某园区内的甲乙已获评…: a name a park fosters or hosts, then its honour."""
    v = vocabulary()
    return ((m.start(1), m.group(1)) for m in _finditer_where(_patterns()["fostered"], text, ("的",))
            if not m.group(1).startswith(v.words("not_name_openers") + v.words("clause_openers")))


def _firm_honour_at(text: str, pos: int) -> bool:
    """Whether the clause from pos names a designation firms hold (not a platform's): what makes a sentence-opening
    word before 获评 a firm's name (甲乙获评瞪羚企业), where 创新成果获评一等奖 is none."""
    v = vocabulary()
    clause = re.split(r"[，。；]", text[pos:pos + 40], maxsplit=1)[0]
    return any(not v.designations[designation_code(m.group())].platform
               for m in v.designation_re.finditer(clause) if designation_code(m.group()))


def _firms_of_facilities(text: str) -> Candidates:
    """甲乙电气丙市项目二期、…: in a list of projects, the name before a city is the firm that builds there."""
    v = vocabulary()
    regions = v.words("enterprise", "regions")
    openers = v.words("enterprise", "list_heads") + v.words("not_name_openers")
    for m in _patterns()["facility"].finditer(text):
        run = _left_run(text, m.start())
        cut = None
        for i in range(2, len(run) - 1):          # a city or a region (华东, 川南) says where the facility is
            place = starts_with_place(run[i:])
            if place and v.places.get(place) in ("province", "city") or run.startswith(regions, i):
                cut = i
                break
        if cut:
            firm = _trim_left(run[:cut])
            opener = next((w for w in openers if firm.startswith(w) and len(firm) - len(w) >= 2), "")
            firm = firm[len(opener):]
            if v.places.get(starts_with_place(firm) or "") not in ("province", "city") and firm not in openers \
                    and not firm.endswith(v.words("name_boundaries")):   # 建设华东总部, …走访西南总部: a verb, no firm
                yield m.start() - len(run) + cut - len(firm), firm


def _led_firms(text: str) -> Candidates:
    """甲乙董事长李强说: the name before a role only a company has is that company."""
    v = vocabulary()
    for m in _finditer_where(_patterns()["executive"], text, v.words("enterprise", "executive_roles")):
        name = _trim_left(m.group(1))
        if not name.startswith(v.words("not_name_openers") + v.words("clause_openers")):
            yield m.end(1) - len(name), name


def _parent_firms(text: str) -> Candidates:
    """世界500强甲乙旗下…: the name before 旗下 is the group that owns what follows."""
    for m in _finditer_where(_patterns()["parent_firm"], text, ("旗下",)):
        name = _trim_left(m.group(1))
        yield m.end(1) - len(name), name


def _project_brands(text: str) -> Candidates:
    """甲乙M-Fab、丙丁硅产业基地二期、…等一系列项目: in a list of projects, the brand that opens an item before
    the products or facilities it names."""
    v = vocabulary()
    words = v.words("enterprise", "project_words") + v.words("enterprise", "sector_words") + \
        v.words("enterprise", "industry_words")
    heads = v.words("enterprise", "list_heads") + v.words("enterprise", "project_heads")
    openers = v.words("not_name_openers") + v.words("clause_openers")
    endings = v.words("enterprise", "trade_endings")
    for m in _patterns()["project_tail"].finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "，。；：\n") + 1     # the clause the list is in
        items = text[start:m.start()].split("、")
        if len(items) < 2 or not all(2 <= len(x) <= 24 for x in items[1:]) or len(items[0]) < 2:
            continue
        opens_clause = len(items[0]) <= 24
        if not opens_clause:
            start += len(items[0]) - 24
            items[0] = items[0][-24:]
        pos = start
        for k, item in enumerate(items):
            head = item
            if k == 0:                                 # 推进甲乙基地、…: the brand follows the list's verb
                lead = next((w for w in heads if w in item[:-2]), None)
                head = item[item.index(lead) + len(lead):] if lead else \
                    _trim_left(item[len(_host_prefix(item)):]) if opens_clause else ""
            at = pos + len(item) - len(head)
            pos += len(item) + 1
            cut = next((i for i in range(2, min(5, len(head) - 1))
                        if head.startswith(words, i) or head[i].isascii() and head[i].isalnum()), None)
            if not head or not cut or head.startswith(words + openers) or starts_with_place(head) or head[0].isdigit():
                continue
            ending = next((e for e in endings if head.startswith(e, cut) and len(head) - cut - len(e) >= 2), "")
            yield at, head[:cut + len(ending)]        # 甲乙电气风电基地: the brand keeps the ending of a firm's name


def _opening_trade_names(text: str) -> Candidates:
    """青岳科技完成了…, 某某纺机推出…: a clause that opens with a 字号 no dictionary knows as a common word and an
    industry's ending is about that firm, whatever its verb."""
    for m in _patterns()["opening_trade"].finditer(text):
        name = m.group(1)
        stem = name[:len(name) - len(next(e for e in vocabulary().words("enterprise", "trade_endings") if name.endswith(e)))]
        if len(stem) >= 2 and proper_name(stem) and not starts_with_place(name) and not function_word(stem) \
                and not name.startswith(vocabulary().words("enterprise", "countries")) \
                and (len(stem) == 2 or not known_word(stem) and stem[0] not in _FUNCTION_CHARS):
            yield m.start(1), name


_NAME_RULES = (_listed_names, _supported_names, _honoured_lists, _honoured_names, _investing_subjects, _foreign_names,
               _stock_listed, _producers, _project_parties, _hosted_names, _fostered_names, _firms_of_facilities,
               _project_brands, _parent_firms, _led_firms, _opening_trade_names)


@cache
def _industry_atoms(word: str) -> tuple[str, ...]:
    """An industry word split into the shorter industry words it is made of, if it is."""
    for w in vocabulary().words("enterprise", "industry_words"):
        if w != word and word.endswith(w) and len(word) > len(w):
            head = _industry_atoms(word[: -len(w)])
            if head and "".join(head) == word[: -len(w)] and head[-1] in vocabulary().words("enterprise", "industry_words"):
                return head + (w,)
    return (word,)


def _without_places(name: str) -> str:
    """A name without the places that open it, leaving at least two characters (四川某某电子 → 某某电子)."""
    place = starts_with_place(name)
    while place and len(name) - len(place) >= 2:
        name = name[len(place):]
        place = starts_with_place(name)
    return name


@lru_cache(maxsize=1 << 16)
def short_names(full: str) -> tuple[str, ...]:
    """Short names a newspaper derives from a legal name: 字号, 字号+industry, 字号+industry initials."""
    v = vocabulary()
    name = full
    for suffix in v.words("enterprise", "legal_suffixes") + ("公司", "集团"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    name = re.sub(r"（[^）]*）", "", name)
    for s, e, _ in _parks_in_name(name):
        if s == 0 and len(name) - e >= 2:
            name = name[e:]
    name = _without_places(name)
    industry = []
    words = v.words("enterprise", "industry_words")
    changed = True
    while changed:
        changed = False
        for w in words:
            if name.endswith(w) and len(name) - len(w) >= 2:
                industry.insert(0, w)
                name = name[: -len(w)]
                changed = True
                break
    atoms = [a for w in industry for a in _industry_atoms(w)]      # 网络科技 → 网络, 科技
    industry = atoms
    out = [name]
    acc = name
    for w in industry:
        acc += w
        out.append(acc)
    if industry:
        out.append(name + industry[-1])             # 某某半导体科技 → 某某科技
        out.append(name + "".join(w[0] for w in industry))
        out.append(name + "".join(w[0] for w in "".join(industry)[::2]))
    for form in ("股份", "集团"):                  # 某某电子股份有限公司 → 某某股份; 某某（集团）有限公司 → 某某集团
        if form in full:
            out.append(name + form)
    if "集团" in full and not full.endswith("集团"):   # 某某控股集团有限公司 → 某某控股集团, with its place or not
        group = re.sub(r"（[^）]*）", "", full[: full.rindex("集团") + 2])
        out += [group, _without_places(group)]
    return tuple(s for s in dict.fromkeys(out) if len(s) >= 2 and s != full)


# ------------------------------------------------------------------ deciding

_PRIORITY = {"policy": 6, "organization": 5, "enterprise": 4, "park": 3, "designation": 2, "anaphor": 1}


def _may_nest(inner: Mention, outer: Mention) -> bool:
    """A park that opens an organisation's or a firm's name, an issuer that opens a policy title, and the
    designation a list's title names stay visible."""
    if outer.kind in ("organization", "enterprise") and inner.kind == "park":
        return inner.start == outer.start
    if outer.kind == "policy" and inner.kind == "designation":
        v = vocabulary()
        notice = next((e for e in v.words("policies", "notice_endings") if outer.key.endswith(e)), "")
        return outer.key[: len(outer.key) - len(notice)].endswith(v.words("policies", "list_endings"))
    return outer.kind == "policy" and inner.kind in ("park", "organization") and inner.start == outer.start + 1


def resolve_overlaps(cands: list[Mention]) -> list[Mention]:
    """Keep the longest, then highest-priority, of overlapping candidates; policies hide what they contain."""
    ordered = sorted(set(cands), key=lambda m: (-(m.end - m.start), -_PRIORITY[m.kind], m.start, -m.confidence, m.key))
    owner = [-1] * max((m.end for m in ordered), default=0)     # character → index in taken of who took it
    taken: list[Mention] = []
    for m in ordered:
        holders = set(owner[m.start:m.end])
        holders.discard(-1)
        if not holders or all(_may_nest(m, taken[h]) for h in holders):
            k = len(taken)
            taken.append(m)
            if holders:
                for i in range(m.start, m.end):
                    if owner[i] < 0:
                        owner[i] = k
            else:
                owner[m.start:m.end] = [k] * (m.end - m.start)
    return sorted(taken, key=lambda m: (m.start, m.end))


def _designations(text: str) -> list[tuple[int, int, str, str | None]]:
    v = vocabulary()
    out = []
    for m in v.designation_re.finditer(text):
        surface = m.group()
        code = designation_code(surface)
        if code is None or _inside_other_programme(text, m.start()):
            continue
        own = next((level for level, words in _level_words() if surface.startswith(words)), None)
        out.append((m.start(), m.end(), code, own or level_before(text, m.start())))   # 国家高新技术企业: its own
    return out


def _inside_other_programme(text: str, pos: int) -> bool:
    """Whether pos falls inside the name of another programme that holds a designation's form (科技小巨人企业)."""
    for name in vocabulary().words("other_programmes"):
        i = text.find(name, max(0, pos - len(name) + 1), pos + len(name))
        if 0 <= i <= pos < i + len(name):
            return True
    return False


@cache
def _level_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((level, vocabulary().words("levels", level)) for level in vocabulary().lexicon["levels"])


def _level_covering(window: str, i: int) -> str | None:
    """The level of a longer level word that starts before i and runs past it (自治区 over 区级)."""
    for j in range(max(0, i - 3), i):
        for level, words in _level_words():
            if any(window.startswith(w, j) and j + len(w) > i for w in words):
                return level
    return None


def level_before(text: str, pos: int) -> str | None:
    """The level a list or honour has from the words just before it (国家级, 江苏省, 苏州市 …)."""
    return _level_of_window(text[max(0, pos - 12):pos])


@lru_cache(maxsize=1 << 16)
def _level_of_window(window: str) -> str | None:
    """level_before's reading of the twelve characters before a designation (they recur: cached)."""
    v = vocabulary()
    for ch in "，。；：、！？":
        window = window.rsplit(ch, 1)[-1]
    window = _BATCH_WORDS.sub("", window)
    verbs = list(_alternation_of(vocabulary().words("recognition", "verbs")).finditer(window))
    if verbs:                                          # the words after the last verb of obtaining
        window = window[verbs[-1].end():]
    kinds = list(_patterns()["park_kind"].finditer(window))
    if kinds and any(v.places[t] != "province" for t in _place_chain_before(window, kinds[-1].start())[1]):
        window = window[kinds[-1].end():]      # 位于泉州高新区的…: the city is the park's (江苏省高新区… is a list's)
    for i in range(len(window) - 1, -1, -1):
        tail = window[i:]
        for level, words in _level_words():
            if tail.startswith(words):
                longer = _level_covering(window, i)
                if longer:                                   # 自治区级 is provincial, not 区级
                    return longer
                bare = not tail.startswith(("省级", "市级"))          # 省, 市 alone are levels only after a place
                if bare and level == "ProvincialLevel" and tail.startswith("省") and i > 0 and not _place_chain_before(window, i)[1]:
                    continue
                if bare and level == "MunicipalLevel" and tail.startswith("市"):
                    before = _place_chain_before(window, i)[1]
                    if not before:
                        continue
                    if before[-1] + "市" in v.municipalities or before[-1] in v.municipalities:
                        return "ProvincialLevel"      # 上海市: a province's level
                return level
        place = tail[:4]
        for length in (4, 3, 2):
            if place[:length] in v.places and i + length <= len(window) and i in word_starts(window) \
                    and (i + length == len(window) or i + length in word_starts(window)):   # 晋中 read across 新晋 and the next word: no place
                if place[:length] in v.municipalities:      # 上海市, 北京: a province's level
                    return "ProvincialLevel"
                lvl = v.places[place[:length]]
                return {"province": "ProvincialLevel", "city": "MunicipalLevel"}.get(lvl)
    return None


def find_mentions(doc: CleanText, sentences: list[Sentence]) -> list[Mention]:
    """Every mention in the article, overlaps resolved, each with text[start:end] == surface."""
    text = doc.text
    sent_of = _sentence_index(sentences)
    v = vocabulary()

    def mk(kind, s, e, key, **kw):
        return Mention(kind, s, e, text[s:e], key, sent_of(s), **kw)

    zones = _committee_zones(text)
    cands = [mk("park", s, e, key) for s, e, key in _parks(text) + zones]
    legal = _legal_names(text)
    cands += [mk("enterprise", s, e, name) for s, e, name in legal]
    cands += [mk("enterprise", s, e, name, confidence=0.7) for s, e, name in _trade_names(text)]
    cands += [mk("organization", s, e, _org_key(name))
              for s, e, name in _organizations(text, frozenset(key for _, _, key in zones))]
    cands += [mk("organization", m.start(), m.end(), _org_key(m.group())) for m in _patterns()["national_body"].finditer(text)]
    cands += [mk("organization", s, e, key) for s, e, key in _issuing_places(text)]
    cands += _policies(text, mk)
    cands += [mk("designation", s, e, code, level=lvl) for s, e, code, lvl in _designations(text)]
    for w in v.words("park", "anaphora"):
        cands += [mk("anaphor", i, i + len(w), "park") for i in occurrences(text, w)]
    for w in v.words("enterprise", "coreference"):
        cands += [mk("anaphor", i, i + len(w), "enterprise") for i in occurrences(text, w)]
    for w in v.words("enterprise", "clause_coreference"):
        cands += [mk("anaphor", i, i + len(w), "enterprise") for i in occurrences(text, w)
                  if i == 0 or text[i - 1] in "，。；：！？\n"]
    for w in v.words("enterprise", "firm_pronouns"):
        cands += [mk("anaphor", i, i + len(w), "enterprise") for i in occurrences(text, w)
                  if i > 0 and text[i - 1] in "，：" and text.endswith(("企业", "公司"), 0, i - 1)
                  and text[i + len(w):i + len(w) + 1] != "们"]
    mentions = _fold_short_legal_names(resolve_overlaps(cands))
    return resolve_overlaps(mentions + _aliases(text, mentions, mk))


def _fold_short_legal_names(mentions: list[Mention]) -> list[Mention]:
    """A name with a legal form that is the short name of a longer legal name of the article is that firm
    (湖南某某（集团）股份有限公司 … 某某集团)."""
    legal = sorted({m.key for m in mentions if m.kind == "enterprise" and m.confidence == 1.0}, key=len, reverse=True)
    into = {}
    for full in legal:
        for short in short_names(full):
            if short in legal and short not in into and short != full:
                into[short] = into.get(full, full)
    return [replace(m, key=into[m.key]) if m.kind == "enterprise" and m.key in into else m for m in mentions]


def _policies(text: str, mk) -> list[Mention]:
    """Documents in 《》: not newspapers, and a short title (《实施办法》) is the one the article defined as such
    (以下简称《实施办法》) or the one it named before whose title ends with it."""
    v = vocabulary()
    short_titles = {m.group(2): m.group(1) for m in _patterns()["defined_title"].finditer(text)}
    out: list[Mention] = []
    for m in _patterns()["policy"].finditer(text):
        title = m.group(1)
        if text[max(0, m.start() - 4):m.start()].endswith(("简称", "称")) or title.endswith(v.words("policies", "media_endings")):
            continue
        if title not in short_titles and len(title) <= 6:
            short_titles[title] = next((p.key for p in reversed(out) if p.key.endswith(title) and p.key != title), title)
        out.append(mk("policy", m.start(), m.end(), short_titles.get(title, title)))
    return out


def _issuing_places(text: str) -> list[tuple[int, int, str]]:
    """某某区制定《…》: a district, city or province that issues a document is its government, an organisation
    (keyed by its own name: 宁波市镇海区 and 镇海区 are one)."""
    v = vocabulary()
    out = []
    for m in _finditer_where(_patterns()["issuing"], text, ("《",)):
        start, tokens = _place_chain_before(text, m.start())
        if tokens and tokens[-1].endswith(("区", "市", "县", "州", "省")) and v.places[tokens[-1]] != "county-short":
            out.append((start, m.start(), tokens[-1]))
    for i in occurrences(text, "《"):                 # 《某某区关于…》: the place's government issues it
        place = starts_with_place(text[i + 1:i + 10])
        if place and place.endswith(("区", "市", "县", "州", "省")) and v.places[place] != "county-short" \
                and text.startswith("关于", i + 1 + len(place)):
            out.append((i + 1, i + 1 + len(place), place))
    return out


def occurrences(text: str, word: str) -> list[int]:
    """Start of every occurrence of word: str.find, not a regex per word (a corpus has a name per firm)."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


@lru_cache(maxsize=1 << 16)
def _org_key(name: str) -> str:
    """An organisation's name with its park written canonically (two spellings of one centre → one key), and
    without the 中国 before a central body (中国科技部火炬中心 is 科技部火炬中心)."""
    if name.startswith("中国") and _patterns()["national_body"].match(name, 2):
        return name[2:]
    for s, e, key in _parks_in_name(name):
        if s == 0:
            return key + name[e:]
    return name


def _legal_holding(trade: str, legal: dict[str, str]) -> str | None:
    """The key of the one legal name of the article whose words hold a trade name not derived from it by the usual
    rules (中科晶上智能装备科技有限公司 → 晶上智能): four characters at least, and not only industry words."""
    if len(trade) < 4 or trade in legal or "".join(_industry_atoms(trade)) == trade and len(_industry_atoms(trade)) > 1:
        return None
    keys = {key for name, key in legal.items() if trade in name}
    return next(iter(keys)) if len(keys) == 1 else None


_LATIN_TAIL = re.compile(r"[A-Za-z0-9]+$")


def _aliases(text: str, mentions: list[Mention], mk) -> list[Mention]:
    """Every other occurrence of a name found once, and of the short names of legal names."""
    found: dict[str, str] = {}
    for m in mentions:                          # names the article defines: 某某有限公司（以下简称“甲乙”）, 甲乙（某某有限公司）
        if m.kind == "enterprise" and m.confidence == 1.0:
            defined = _patterns()["defined_short"].match(text, m.end)
            before = _patterns()["bracketed_by"].search(text, max(0, m.start - 10), m.start) \
                if text[m.start - 1:m.start] == "（" and text[m.end:m.end + 1] == "）" else None
            for name in (defined and defined.group(1), before and before.group(1)):
                if name and _trade_ok(name):
                    found[name] = m.key
    # legal names first: a trade name that is a legal name's short name is that firm, wherever it stands
    legal = {m.surface: m.key for m in mentions if m.kind == "enterprise" and m.confidence == 1.0}
    firms = {m.key for m in mentions if m.kind == "enterprise"}
    for m in sorted(mentions, key=lambda m: -m.confidence):
        if m.kind == "enterprise":
            stem = _LATIN_TAIL.sub("", m.surface)      # 甲乙PIX: the firm 甲乙 stands for, with its brand
            brand_of = found.get(stem) if stem != m.surface and found.get(stem) in firms else None
            found.setdefault(m.surface, _legal_holding(m.surface, legal) or brand_of or m.key)
            if m.confidence == 1.0:
                for short in short_names(m.surface):
                    if short not in vocabulary().places and not designation_code(short) \
                            and short not in vocabulary().lexicon["park"]["anaphora"]:
                        found.setdefault(short, m.key)
        elif m.kind == "park":
            found.setdefault(m.surface, m.key)
    kinds = {m.key: m.kind for m in mentions}
    industry = set(vocabulary().words("enterprise", "industry_words"))
    certain = {(x.surface, x.key) for x in mentions if x.confidence == 1.0}
    known = {(x.kind, x.start, x.end, x.key, x.confidence) for x in mentions if x.level is None}
    out = []
    for name, key in found.items():
        conf = 1.0 if (name, key) in certain else 0.8
        kind = kinds.get(key, "enterprise")
        for i in occurrences(text, name):
            end = i + len(name)
            if len(name) == 2 and text[end:end + 2] in industry:
                continue                     # 铂宸 inside 铂宸医药 is another company
            if (kind, i, end, key, conf) not in known:      # most occurrences are the mentions themselves
                out.append(mk(kind, i, end, key, confidence=conf))
    return out
