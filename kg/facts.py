"""Facts: sentences + resolved mentions → list[Fact] (located_in, issued_by, recognition, count, incentive).

Each rule reads a sentence pattern of the language; its name and confidence go with the fact."""
from __future__ import annotations

import bisect
from collections import Counter
import re
from functools import cache, cached_property, lru_cache
from dataclasses import dataclass, replace

from .entities import entity_id
from .mentions import level_before, parent_park, starts_with_place
from .quantities import number, year_in
from .rules import confidence, rules
from .frames import Scene, announced_lists, anothers_reward, body_level, frame_facts
from .model import ROW_START, CleanText, Fact, Mention, Sentence
from .vocabulary import COUNT, QUOTES, designation_code, platform_codes, vocabulary

_CLAUSE = "，；：。！？"
_UNQUOTE = {ord(c): None for c in QUOTES}
_NUM = r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
# a count: digits (1,200 · 1.2万) or a Chinese numeral with a digit word in it (十家, 二十三家; not 万家, 数十家)

# a list's year opening an honour: 2023年度…, or 2023 straight before its name (2023中国…园区), not a number of
_LIST_YEAR = r"(?:19|20)\d\d(?:年度?|(?=[\u4e00-\u9fff])(?![家个项万亿元名年]))"
# the sentence patterns of the rules, compiled once
_RE = {name: re.compile(pattern) for name, pattern in {
    "settling": "签约|落户|入驻",
    "honour_separator": r"[、；]|以及|和(?=[国省市])",
    "honour_opener": rf"^(?:{_LIST_YEAR}|首批|第[一二三四五六七八九十]+批|了|为|成为|\d+项|组建|建设|设立|创建)+",
    "reward_condition": r"对[^，。；]{0,4}$",
    "applying": r"[申报]$",
    "named_total": r"等\d+(?:项|个|家)",
    "firm_number": r"\d+\s*(?:余|多)?家",
    "no_honour": r"\d|贷款|资金|订单|投资|融资|专利|授权|认定$|通过",
    "money": r"万元|亿元",
    "named_many": r"等?\d+\s*(?:余|多)?家",
    "long_number": r"\d{3,}",
    "as_titles": r"作为([^，。]{4,80})，",
    "application": r"(?:申报[^。]{0,12}通过|通过[^。，]{0,6}认定)",
    "copula_word": r"(?:也是|只是|均为|都是|是)",
    "predicate_end": r"[”’」]?(?:[，。；]|$|之一)",
    "listed": r"(?:挂牌)?上市[。，；]?$|(?:登陆|登录|挂牌|上市)(?:上交所|深交所|北交所|港交所|纽交所|纳斯达克|科创板|创业板|主板|新三板)",
    "respectively_next": r"[”」]?(?:企业)?(?:数量)?分别",
    "count_after": rf"(?:((?:19|20)\d\d)年的)?{COUNT}(?:余|多)?(?:家|户)",
    "near_gap": r"[^，。；]{0,14}$",
    "next_category": r"[、，；][\u4e00-\u9fff]{2}",
    "designation_joint": rf"[和、及与][{QUOTES}]?(?:[\u4e00-\u9fff]{{1,4}}?(?:省级|市级|国家级|省|市|级))?[{QUOTES}]?",
    "other_figure": r"\d+(?:\.\d+)?(?:%|亿|万|个)",
    "reached": "突破|达到",
    "hosted_platforms": r"等\d+个([\u4e00-\u9fff“”]{4,30}?)(?=[，。；]|$)",
    "apposition_gap": r"(?:名单)?(?:如下)?[：:]?",
    "count_continued": r"(?:已|共|总数)?(?:达到|达|为|突破|超过)(?=[\d一二两三四五六七八九十])",
    "ranked": r"[^，。；\d]{0,12}[，]$",
    "count_before": rf"{COUNT}(?:余|多)?家(?:企业|单位)?(?:成功)?(?:入选|获批|获评|被认定为|认定为|完成|通过|上榜|入围|入库)",
    "list_after": rf"[{QUOTES}]?([\u4e00-\u9fff{QUOTES}]{{4,30}}?(?:名单|榜单))",
    "list_word": r"[”」]?(?:企业)?(?:入库|认定|评价|备案|培育|评选)?(?:榜单|名单|结果)",
    "count_carried": rf"(?:其中，?)?(?:(?:19|20)\d\d年|本年度|今年|当年)?(?:(?:新|通过)?(?:认定|增|有效数量|数量|总数|存量|累计)"
                     rf"(?:达到|达|近|超过|超|突破)?|达到|突破){COUNT}(?:余|多)?家[，。；]?$",
    "count_from": rf"其中{COUNT}家来自",
    "respective": rf"分别(?:为|达到|达|有|是|新增|增加|培育)?((?:{COUNT}(?:余|多)?家[、和及]?)+)",
    "designation_tail": r"[”」]?(?:企业)?(?:数量)?",
    "count_item": rf"{COUNT}(?:余|多)?家",
    "amount": rf"(?:最高)?{_NUM}(万|亿)?元",
    # 公布2025年度省级企业研究院名单: a list announced, whose members the section goes on to name
    "announced_list": rf"(?:公布|发布|公示|揭晓)了?(?:{_LIST_YEAR})?([\u4e00-\u9fff{QUOTES}]{{4,24}}?)(?:名单|榜单)",
    # 公布了2024年度某省创新龙头企业名单: a list named, whose members the sentence goes on to give
    "named_list": rf"(?:{_LIST_YEAR}|公布了?|发布了?|印发了?|[，、：])([\u4e00-\u9fff{QUOTES}]{{4,24}}?)(?:名单|榜单)",
    "cumulative": "累计|历年|先后|至今|迄今",
    "seats": rf"(?:^|(?<=[，；：。]))([\u4e00-\u9fff\d]{{2,16}}?企业)(?:名单|榜单)?中，([^，。；]{{2,14}}?)占{COUNT}席",
}.items()}




@dataclass
class _Context:
    doc: CleanText
    sentence: Sentence
    mentions: list[Mention]
    park: str | None                  # the section's park (entity id) when no park is named
    recent_list: Mention | None = None  # the designation of the last list (名单) the section announced
    recent_designation: Mention | None = None  # the last designation the section named
    recent_count: str | None = None   # the designation the last count of this or the last sentence was of
    recent_firm: str | None = None    # the firm (entity id) last named before the sentence, for 该公司
    recent_other_list: str | None = None   # the title of the last list the section announced that is no designation's

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        return _clauses(self.sentence)

    @cached_property
    def masked(self) -> str:
        """The sentence with its policy titles blanked out (a title's words are no verbs or years of the sentence)."""
        return _mask_policies(self, self.sentence.start, self.sentence.end)

    @cached_property
    def evidence(self) -> str:
        """The sentence as the article has it, verbatim but for line breaks and white space."""
        return " ".join(self.doc.raw_span(self.sentence.start, self.sentence.end).split())


# a clause runs to its mark; a bracket is read whole (甲乙（股票代码：688123）获评…: the colon ends no clause)
_CLAUSE_RE = re.compile(f"[^{_CLAUSE}]*(?:[{_CLAUSE}]|$)")
_BRACKETED_CLAUSE_RE = re.compile(f"(?:（[^（）。！？]*）|[^{_CLAUSE}])*(?:[{_CLAUSE}]|$)")


def _clauses(s: Sentence) -> list[tuple[int, int]]:
    clause = _BRACKETED_CLAUSE_RE if "（" in s.text else _CLAUSE_RE     # the simple pattern is the faster
    return [(s.start + m.start(), s.start + m.end()) for m in clause.finditer(s.text) if m.end() > m.start()]


def _clause_of(clauses, pos):
    """The clause (a, b) of clauses (in order, adjacent) that holds pos, else the last."""
    i = bisect.bisect_right(clauses, (pos, float("inf"))) - 1
    return clauses[i] if 0 <= i and pos < clauses[i][1] else clauses[-1]


def _fact(ctx: _Context, kind: str, subject: str, rule: str, **kw) -> Fact:
    return Fact(kind=kind, subject=subject, evidence=ctx.evidence, rule=rule,
                confidence=confidence(rule), **kw)


def _entity(m: Mention, ctx: _Context) -> str | None:
    """The entity a mention stands for; 该区 for the section's park, 该公司 for the firm last named."""
    if m.kind == "anaphor" and m.key == "park":
        return ctx.park
    if m.kind == "anaphor":
        before = [x for x in ctx.mentions if x.kind == "enterprise" and x.end <= m.start]
        return entity_id("enterprise", before[-1].key) if before else ctx.recent_firm
    return entity_id(m.kind, m.key)


def _mask_policies(ctx: _Context, a: int, b: int) -> str:
    text = ctx.doc.text[a:b]
    for m in ctx.mentions:
        if m.kind == "policy" and m.start < b and a < m.end:
            s, e = max(a, m.start) - a, min(b, m.end) - a
            text = text[:s] + "□" * (e - s) + text[e:]
    return text


def _parks_in(ctx, a, b):
    return [m for m in ctx.mentions if m.kind == "park" and a <= m.start < b]


def _park_for(ctx: _Context, a: int, b: int, pos: int) -> tuple[str | None, bool]:
    """The park a clause speaks of: the nearest park named before pos in [a, b), else the section's."""
    named = [m for m in ctx.mentions if (m.kind == "park" or m.kind == "anaphor" and m.key == "park")
             and a <= m.start < b]
    before = [m for m in named if m.start < pos] or named
    if before:
        m = before[-1]
        return _entity(m, ctx), m.kind == "park"
    return ctx.park, False


# ------------------------------------------------------------------ located_in

def _located(ctx: _Context) -> list[Fact]:
    firms = [m for m in ctx.mentions if m.kind == "enterprise"]
    if not firms:
        return []                                    # most sentences: no clauses to read
    s, v = ctx.sentence, vocabulary()
    clauses = ctx.clauses
    out = []
    parks = _parks_in(ctx, s.start, s.end)
    first_firm: dict[tuple[int, int], Mention] = {}
    not_located: dict[tuple[int, int], bool] = {}     # per clause: read once, however many firms it names
    for m in firms:
        a, b = _clause_of(clauses, m.start)
        clause = ctx.doc.text[a:b]
        head = ctx.doc.text[a:m.start]
        first = first_firm.setdefault((a, b), m)
        opening = ctx.doc.text[a:first.start]        # what the clause says before its firms, not their own names
        if (a, b) not in not_located:
            not_located[(a, b)] = _says_not_located(ctx, a, b) and not v.finder("located", "settles").search(clause)
        if not_located[(a, b)] or ctx.doc.text.startswith(v.words("located", "owner_words"), m.end):
            continue
        if "与" in head and not _RE["settling"].search(clause):
            continue
        if parks:
            near = min(parks, key=lambda p: abs(p.start - m.start))
            cue = bool(v.finder("located", "cues").search(ctx.doc.text, min(near.end, m.end), max(near.start, m.start)))
            rule = "located.cue" if cue else "located.sentence"
            targets = {near.key}
            for p in parks:                          # a sub-park also places the firm in its parent park
                if p.key != near.key and (near.key.startswith(p.key) or
                                          p.end <= near.start and ctx.doc.text[p.end:near.start] in ("的", "")):
                    targets.add(p.key)                   # …位于A高新区的B产业园: in both
        elif ctx.park and not _elsewhere(opening, ctx.park) and not s.text.startswith(ROW_START) \
                and not _city_scope(ctx, s.start, first.start):             # a row says, or not
            targets, rule = {ctx.park.removeprefix("park:")}, "located.section"
        else:
            continue
        targets |= {parent for parent in map(parent_park, targets) if parent}
        for t in sorted(targets):
            out.append(_fact(ctx, "located_in", entity_id("enterprise", m.key), rule, obj=entity_id("park", t)))
    return out


def _says_not_located(ctx: _Context, a: int, b: int) -> bool:
    """Whether the clause [a, b) says its firms only deal with the park (签署合作协议, 联合…推出): a word for it outside
    the names of the clause (联合 of 某某联合科技有限公司 says nothing)."""
    names = [(m.start, m.end) for m in ctx.mentions if m.kind in ("enterprise", "organization") and a <= m.start < b]
    return any(not any(s <= w.start() < e for s, e in names)
               for w in vocabulary().finder("located", "not_located").finditer(ctx.doc.text, a, b))


def _city_scope(ctx: _Context, a: int, b: int) -> bool:
    """Whether the sentence speaks of a city's or a province's firms before b (120家某市瞪羚企业中有甲、乙):
    a city or province named in full, outside any park's name, and no park."""
    if any(m.kind in ("park", "anaphor") and a <= m.start < b for m in ctx.mentions if m.kind != "anaphor" or m.key == "park"):
        return False
    inside = [(m.start, m.end) for m in ctx.mentions if a <= m.start < b]
    for m in _FULL_PLACE.finditer(ctx.doc.text, a, b):
        name = m.group()
        place = next((name[i:] for i in range(len(name) - 2) if name[i:] in vocabulary().places), None)
        if place and vocabulary().places[place] in ("city", "province") and \
                not any(s <= m.start() < e for s, e in inside):
            return True
    return False


_FULL_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:市|省|自治区)(?!级)")


def _elsewhere(head: str, park: str) -> bool:
    """A clause that opens with a city or province not the section park's own speaks of a firm of that place
    (长春某区企业某某…, in an article about another park)."""
    place = starts_with_place(head)
    return bool(place) and vocabulary().places[place] in ("city", "province") and \
        not park.removeprefix("park:").startswith(vocabulary().place_short.get(place, place))


# ------------------------------------------------------------------ issued_by

def _issuers(ctx: _Context) -> list[Fact]:
    s = ctx.sentence
    policies = [m for m in ctx.mentions if m.kind == "policy"]
    if not policies:
        return []
    issue_verbs, cite_verbs = vocabulary().words("policies", "issue_verbs"), vocabulary().words("policies", "cite_verbs")
    out = []
    agents = [m for m in ctx.mentions if m.kind in ("park", "organization") or m.kind == "anaphor" and m.key == "park"]
    for p in policies:
        subject = None
        title = p.key
        inside = [a for a in agents if a.kind != "anaphor" and a.start == p.start + 1
                  and not a.surface.endswith(vocabulary().words("organization", "facilities"))]
        named = max(inside, key=lambda x: len(x.surface)) if inside else None
        before = [a for a in agents if a.end <= p.start and s.start <= a.start]
        lead = ctx.doc.text[max(s.start, p.start - 6):p.start]
        if before and not any(v in lead for v in cite_verbs):     # A印发《…》: the body named as issuing it
            gap = ctx.doc.text[before[-1].end:p.start]
            if any(v in gap for v in issue_verbs) and not any(v in gap for v in cite_verbs):
                k = len(before) - 1
                while k > 0 and ctx.doc.text[before[k - 1].end:before[k].start] in ("和", "、", "与", "及"):
                    k -= 1                   # A和B出台: the first named issuer
                issuer = before[k]
                # a title naming its issuer wins, unless the issuing body is one of the titled agent's own
                if named is None or issuer.surface.startswith(named.surface) and issuer.surface != named.surface:
                    subject, rule = _entity(issuer, ctx), "issuer.verb"
        if subject is None:                           # 《…》由A、B联合印发: the first body after 由
            issuer = _passive_issuer(ctx, p, agents, issue_verbs)
            if issuer is not None:
                subject, rule = _entity(issuer, ctx), "issuer.verb"
        if subject is None and named is not None:     # 《X高新区关于…》: the title names its issuer
            subject, rule = _entity(named, ctx), "issuer.title"
        if subject is None and title.startswith("高新区") and ctx.park:
            subject, rule = ctx.park, "issuer.section"
        if subject:
            out.append(_fact(ctx, "issued_by", entity_id("policy", p.key), rule, obj=subject))
    return out


def _passive_issuer(ctx: _Context, policy: Mention, agents: list[Mention], issue_verbs: tuple[str, ...]) -> Mention | None:
    """The body a title is issued by (《…》由A、B联合印发 → A): the agents joined after 由, then a verb of issuing."""
    text = ctx.doc.text
    later = [a for a in agents if a.start > policy.end and a.kind != "anaphor"]
    run: list[Mention] = []
    for a in later:
        if run and a.start == run[-1].start:          # 某高新区管委会, not the 某高新区 it opens with
            run[-1] = max(run[-1], a, key=lambda x: x.end)
            continue
        gap = text[run[-1].end if run else policy.end:a.start]
        if gap not in (("和", "、", "与", "及") if run else ("由", "已由", "，由")):
            break
        run.append(a)
    if not run:
        return None
    verb = text[run[-1].end:run[-1].end + 8].removeprefix("联合").removeprefix("共同")
    return run[0] if verb.startswith(issue_verbs) else None


# ------------------------------------------------------------------ recognitions

@cache
def _verb_pattern() -> re.Pattern:
    v = vocabulary()
    words = "|".join(map(re.escape, v.words("recognition", "verbs") + v.words("recognition", "holding_verbs")))
    return re.compile(f"{words}|(?:{v.alternation('recognition', 'clause_final_verbs')})(?=[{_CLAUSE}]|$)")


@lru_cache(maxsize=1 << 16)
def _honour_items(phrase: str) -> tuple[str, ...]:
    """The titles a phrase of honours names, one by one (cached: phrases recur across a corpus's pages)."""
    trailers = vocabulary().words("recognition", "trailers")
    out = []
    for item in _RE["honour_separator"].split(phrase):
        item = item.strip(QUOTES + "等")
        item = _RE["honour_opener"].sub("", item)
        for t in trailers:
            if item.endswith(t) and len(item) > len(t) + 2:
                item = item[: -len(t)]
        out.append(item.strip(QUOTES))
    return tuple(i for i in out if i)


@lru_cache(maxsize=1 << 16)
def _level_of_name(name: str) -> str | None:
    """The level an honour's own title names near its start (国家知识产权…, 湖南省…园区); names recur, so cached."""
    head = name[:8]
    return level_before(head + "□", len(head) + 1) if name else None


_ADVERBS = re.compile(r"^(?:(?:19|20)\d\d年度?|\d+月|此次|并且?|也|还|先后|已经?|均|又|同时|目前|今年|近年来|成功|再次|连续|曾|相继|"
                      r"该企业|该公司|其中|当年|首次|正式)*$")
_YEAR_PREFIX = re.compile(rf"^(?:{_LIST_YEAR}|首批|第[一二三四五六七八九十]+批(?:、第[一二三四五六七八九十]+批)?)+")


def _recipient_candidates(ctx: _Context, a: int, p: int) -> list[Mention]:
    """Agents named in [a, p): not a park that only opens an organisation's or a firm's name."""
    kinds = ("enterprise", "park", "organization")
    ms = [m for m in ctx.mentions if (m.kind in kinds or m.kind == "anaphor") and a <= m.start
          and m.end <= p]
    named = [m for m in ms if m.kind != "park"]
    return [m for m in ms if not (m.kind == "park" and any(o.start == m.start and o.end > m.end for o in named))]


def _clauseyear_in(ctx: _Context, masked: str, a: int, end: int) -> int | None:
    """The year of a clause, or of a time phrase opening the sentence (2021年，…)."""
    s = ctx.sentence
    year = year_in(masked[a - s.start:end - s.start])
    if year is None and ctx.clauses:
        first_a, first_b = ctx.clauses[0]
        opener = masked[: first_b - s.start]
        if first_b <= a and len(opener) <= 14 and "年" in opener:
            year = year_in(opener)
    return year


def _recognitions(ctx: _Context, list_years: dict[str, int]) -> list[Fact]:
    s = ctx.sentence
    text = ctx.doc.text
    others = _copula_recognitions(ctx) + _as_recognitions(ctx) + _application_recognitions(ctx) + \
        _member_recognitions(ctx, list_years) + _apposition_recognitions(ctx) + _row_recognitions(ctx, list_years) + \
        _hosted_platforms(ctx)
    if not _verb_pattern().search(s.text):
        return others                                # no verb of obtaining: most sentences of a page
    out = []
    clauses, masked = ctx.clauses, ctx.masked
    designations = [m for m in ctx.mentions if m.kind == "designation"]
    sent_level = _issuer_level(ctx)
    for vm in _verb_pattern().finditer(masked):
        p, q = s.start + vm.start(), s.start + vm.end()
        a, b = _clause_of(clauses, p)
        if _RE["reward_condition"].search(text[a:p]) or _RE["applying"].search(text[a:p]):
            continue                                  # 对认定为…的企业: a condition of a reward, not an honour
        phrase_end = b - 1 if text[b - 1] in _CLAUSE else b
        nxt = [m.start for m in ctx.mentions if m.kind in ("enterprise", "park", "organization") and q < m.start < phrase_end
               and text[m.start - 1] == "、"]
        phrase_end = min(nxt + [phrase_end])          # A获批X、B获批Y: A's honour stops where B begins
        cut = _RE["named_total"].search(text[q:phrase_end])
        if cut:
            phrase_end = q + cut.start()              # …等19项国家级称号: the honours are the ones named
        phrase = text[q:phrase_end]
        bare = _YEAR_PREFIX.sub("", phrase.strip(QUOTES))
        if _RE["firm_number"].search(phrase) or _RE["no_honour"].match(bare) \
                or _RE["money"].search(phrase):
            continue
        if vm.group() == "通过" and not any(q <= d.start < phrase_end for d in designations):
            continue
        cands = _recipient_candidates(ctx, a, p)
        named_many = cands and _RE["named_many"].match(text[cands[-1].end:p])
        if _RE["firm_number"].search(text[a:p]) and not named_many:
            continue                                  # 42家企业入选: a count
        rule = "recognition.verb"
        agent = text.rfind("被", a, p)
        if agent >= a and _ADVERBS.match(text[a:agent].strip("，")):   # X…，(2021年)被A授予Y: the sentence's subject
            cands = [m for m in _recipient_candidates(ctx, s.start, a) if m.kind != "organization"][:1]
        elif agent > a and any(c.end <= agent for c in cands):
            cands = [c for c in cands if c.end <= agent]   # X被A认定为Y: X, not the body that named it
        elif not cands:
            after = [m for m in ctx.mentions if m.kind in ("enterprise", "park", "organization") and q <= m.start < phrase_end
                     and text[m.start - 1] == "的"]
            if after:
                cands, phrase = after[:1], text[q:after[0].start - 1]
            elif _ADVERBS.match(text[a:p].strip("，")):       # …，已获评X: the sentence's subject, a firm for a firm's X
                cands = _recipient_candidates(ctx, s.start, a)
                firm_honour = any(q <= d.start < phrase_end and d.key not in platform_codes() for d in designations)
                firms = [c for c in cands if c.kind == "enterprise" or c.kind == "anaphor" and c.key == "enterprise"] \
                    if firm_honour else []
                cands = (firms or cands)[:1]
        holding = vm.group() in vocabulary().words("recognition", "holding_verbs")
        if holding:
            cands = [c for c in cands if c.kind in ("enterprise", "anaphor")]   # a park's 拥有 is a count or a facility
        if not cands:
            continue
        chosen, head = [cands[-1]], cands[-1].start
        for m in reversed(cands[:-1]):               # A、B获批, A及B获批: every member of the list
            if m.kind == "park" and text[m.end:head] == "的":
                head = m.start                        # 甲高新区的A、乙高新区的B: each member's park, no member
            elif text[m.end:head] in ("、", "和", "及", "以及"):
                chosen.insert(0, m)
                head = m.start
        if chosen[-1].kind == "park" and "企业" in text[chosen[-1].end:p]:
            continue                                  # 某高新区一企业入选: the honour is the firm's
        recipients = list(dict.fromkeys(x for x in (_entity(m, ctx) for m in chosen) if x))
        items = [i for i in _honours(ctx, phrase, q, p, designations) if not holding or i[0] != "OTHER"]
        if not items:
            continue
        rule = items[0][3] if items[0][3] else rule
        year = _clauseyear_in(ctx, masked, a, phrase_end)
        respective = text.endswith("分别", a, p) and len(recipients) == len(items) > 1   # 甲、乙分别获评A、B: in order
        for k, (code, name, level, _) in enumerate(items):
            relative = vocabulary().finder("time", "relative").search(text, a, phrase_end)   # 今年入选…: not that year
            y = year or (list_years.get(code if code != "OTHER" else name) if not relative else None)
            lvl = level or sent_level or (vocabulary().designations[code].default_level if code != "OTHER" else None)
            for r in recipients[k:k + 1] if respective else recipients:
                out.append(_fact(ctx, "recognition", r, rule, designation=code, honour=name, level=lvl, year=y))
    return out + others


def _honours(ctx: _Context, phrase: str, q: int, p: int, designations: list[Mention]):
    """The honours a verb's phrase names: designations, else the list just announced, else OTHER titles."""
    s = ctx.sentence
    in_phrase = [d for d in designations if q <= d.start < q + len(phrase)]
    if in_phrase:                                     # and the other titles beside them (A基地、B集群试点)
        a = _clause_of(ctx.clauses, p)[0]             # a level named before is theirs too: in the clause, or in the
        previous = [d for d in designations if s.start <= d.start < q and d.level]   # sentence for a designation
        in_clause = [d for d in previous if d.start >= a]                            # whose level varies (瞪羚)
        listed = ctx.recent_list                      # the list the section announced gives its level to its own

        def inherited(d: Mention) -> str | None:
            before = in_clause or ([] if vocabulary().designations[d.key].default_level else previous)
            return before[-1].level if before else None
        in_phrase_levels = {d.key: d.level or inherited(d) or (listed.level if listed and listed.key == d.key else None)
                            for d in in_phrase}
        named = [d.surface.translate(_UNQUOTE) for d in in_phrase]
        others = [name for name in _honour_items(phrase) if _is_honour(name)
                  and not any(n in name.translate(_UNQUOTE) for n in named)]
        return [(d.key, None, in_phrase_levels[d.key], None) for d in in_phrase] + \
            [("OTHER", name, _level_of_name(name), "recognition.other") for name in others]
    if not _YEAR_PREFIX.sub("", phrase.strip(QUOTES + "成功了其中")):
        prior = [d for d in designations if s.start <= d.start < p] or [ctx.recent_list] * bool(ctx.recent_list)
        if prior:
            return [(prior[-1].key, None, prior[-1].level, "recognition.list")]
        named = [m.group(1) for m in _RE["named_list"].finditer(ctx.doc.text, s.start, p) if _is_honour(m.group(1))]
        if named:
            return [("OTHER", named[-1], _level_of_name(named[-1]), "recognition.other")]
        title = ctx.recent_other_list                 # …公布省级企业研究院名单。其中，甲、乙榜上有名
        return [("OTHER", title, _level_of_name(title), "recognition.list")] if title else []
    return [("OTHER", name, _level_of_name(name), "recognition.other") for name in _honour_items(phrase)
            if _is_honour(name)]


def _is_honour(name: str) -> bool:
    return 4 <= len(name) <= 30 and name.endswith(vocabulary().words("recognition", "honour_endings")) \
        and not _RE["long_number"].search(name) and not name.startswith(("该", "此", "这", "其"))


def _as_recognitions(ctx: _Context) -> list[Fact]:
    """作为A、B，PARK…: the titles a sentence opens with belong to its subject (also where a headline without a
    full stop has run into the sentence)."""
    s = ctx.sentence
    m = _RE["as_titles"].search(s.text) if "作为" in s.text else None
    if not m:
        return []
    subject = next((x for x in ctx.mentions if x.start == s.start + m.end() and
                    (x.kind in ("park", "enterprise", "organization") or x.kind == "anaphor")), None)
    recipient = _entity(subject, ctx) if subject else None
    if not recipient:
        return []
    start = s.start + m.start(1)
    out = []
    pos = start
    for item in m.group(1).split("、"):
        d = next((x for x in ctx.mentions if x.kind == "designation" and pos <= x.start < pos + len(item)), None)
        if d:
            level = d.level or _level_of_name(item)
            out.append(_fact(ctx, "recognition", recipient, "recognition.as", designation=d.key, level=level,
                             year=None))
        elif _is_honour(item.strip(QUOTES)) and _level_of_name(item.strip(QUOTES)):
            name = item.strip(QUOTES)          # a title with a level, not a description (高成长性企业)
            out.append(_fact(ctx, "recognition", recipient, "recognition.as", designation="OTHER", honour=name,
                             level=_level_of_name(name), year=None))
        pos += len(item) + 1
    return out


@cache
def _members_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The leads of a list of members: after the firms selected (入选企业包括：), after a count of them (3家…，分别是)."""
    v = vocabulary()
    selected = rf"(?:{v.alternation('recognition', 'verbs')})的?(?:企业|单位)(?:{v.alternation('recognition', 'member_leads')})[：:]?"
    counted = rf"{COUNT}家[^。]*?[，：](?:{v.alternation('recognition', 'counted_member_leads')})[：:]?"
    return re.compile(selected), re.compile(counted)


def _member_recognitions(ctx: _Context, list_years: dict[str, int]) -> list[Fact]:
    """入选企业包括：甲、乙等 / 3家企业获评…，分别是甲、乙和丙: the firms named after the lead hold the designation
    the sentence names before it, else (after 入选企业) the list the section just announced."""
    s = ctx.sentence
    selected, counted = _members_patterns()
    lead = selected.search(s.text) if _verb_pattern().search(s.text) else None
    if not lead and "家" in s.text and vocabulary().finder("recognition", "counted_member_leads").search(s.text):
        lead = counted.search(s.text)
    if not lead:
        return []
    at = s.start + lead.end()
    named = [m for m in ctx.mentions if m.kind == "designation" and m.start < at]
    d = named[-1] if named else None if lead.re is counted else ctx.recent_list
    firms = [m for m in ctx.mentions if m.kind == "enterprise" and m.start >= at]
    if not d or not firms or d.key in platform_codes():
        return []
    level = d.level or vocabulary().designations[d.key].default_level
    year = year_in(ctx.doc.text[s.start:at]) or list_years.get(d.key)
    return [_fact(ctx, "recognition", entity_id("enterprise", m.key), "recognition.members", designation=d.key,
                  level=level, year=year) for m in _joined_run(ctx.doc.text, firms)]


def _designation_runs(text: str, designations: list[Mention]) -> list[list[Mention]]:
    """Designations named together (A、B和C名单), in order: a list word or a year before the run is all of theirs."""
    runs: list[list[Mention]] = []
    for d in designations:
        if runs and _RE["designation_joint"].fullmatch(text[runs[-1][-1].end:d.start]):
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def _joined_run(text: str, names: list[Mention]) -> list[Mention]:
    """The first names of a list: joined by 、 (and 和/及 before the last)."""
    chosen = names[:1]
    for m in names[1:]:
        if text[chosen[-1].end:m.start] not in ("、", "和", "及", "以及"):
            break
        chosen.append(m)
    return chosen


def _row_recognitions(ctx: _Context, list_years: dict[str, int]) -> list[Fact]:
    """A table's row under a list the section announced (…瞪羚企业名单：, then |1 甲乙有限公司 某高新区): its firms
    are the list's members."""
    d = ctx.recent_list
    if not ctx.sentence.text.startswith(ROW_START) or d is None or d.key in platform_codes():
        return []
    level = d.level or vocabulary().designations[d.key].default_level
    return [_fact(ctx, "recognition", entity_id("enterprise", m.key), "recognition.row", designation=d.key,
                  level=level, year=list_years.get(d.key)) for m in ctx.mentions if m.kind == "enterprise"]


def _hosted_platforms(ctx: _Context) -> list[Fact]:
    """已搭建甲大学、乙研究院等4个市级…中试平台: the bodies or firms named before 等N个 and an honour's title hold
    it (the platforms they host)."""
    text, s = ctx.doc.text, ctx.sentence
    out = []
    for m in _RE["hosted_platforms"].finditer(text, s.start, s.end):
        name = m.group(1).strip(QUOTES)
        hosts = [x for x in ctx.mentions if x.kind in ("organization", "enterprise") and x.end <= m.start()]
        if not hosts or hosts[-1].end != m.start() or not _is_honour(name):
            continue
        run = hosts[-1:]
        for x in reversed(hosts[:-1]):                # the list before 等: names joined by 、
            if text[x.end:run[0].start] != "、":
                break
            run.insert(0, x)
        out += [_fact(ctx, "recognition", entity_id(x.kind, x.key), "recognition.other", designation="OTHER",
                      honour=name, level=_level_of_name(name)) for x in run]
    return out


def _apposition_recognitions(ctx: _Context) -> list[Fact]:
    """新晋国家级专精特新“小巨人”企业甲乙、丙丁 / 2025年度某高新区瞪羚企业：甲、乙: the names right after a
    designation hold it."""
    text, s = ctx.doc.text, ctx.sentence
    out = []
    starts = {m.start for m in ctx.mentions if m.kind in ("enterprise", "organization")}
    for d in (m for m in ctx.mentions if m.kind == "designation"):
        if d.end not in starts and text[d.end:d.end + 1] not in ("：", ":", "名"):
            continue                                  # most designations: no name right after them
        kinds = ("organization",) if d.key in platform_codes() else ("enterprise",)
        after = [m for m in ctx.mentions if m.kind in kinds and m.start >= d.end]
        if not after or not _RE["apposition_gap"].fullmatch(text[d.end:after[0].start]):
            continue
        level = d.level or vocabulary().designations[d.key].default_level or \
            ("ParkLevel" if any(p.kind == "park" and p.end == d.start for p in ctx.mentions) else None)
        year = year_in(text[max(s.start, d.start - 12):d.start])       # 某高新区瞪羚企业：甲、乙: the park's own list
        out += [_fact(ctx, "recognition", entity_id(m.kind, m.key), "recognition.apposition", designation=d.key,
                      level=level, year=year) for m in _joined_run(text, after)]
    return out


def _application_recognitions(ctx: _Context) -> list[Fact]:
    """ENT…申报…通过 / ENT通过认定, with the designation applied for named in the sentence."""
    s = ctx.sentence
    if not _RE["application"].search(s.text):
        return []
    designation = next((m for m in ctx.mentions if m.kind == "designation"), None) or ctx.recent_designation
    ents = [m for m in ctx.mentions if m.kind == "enterprise"]
    if not designation or not ents:
        return []
    code = designation.key
    return [_fact(ctx, "recognition", entity_id("enterprise", ents[-1].key), "recognition.application",
                  designation=code, level=vocabulary().designations[code].default_level,
                  year=year_in(ctx.masked))]


def _issuer_level(ctx: _Context) -> str | None:
    for m in ctx.mentions:
        if m.kind == "organization":
            lvl = _level_of_name(m.surface)
            if lvl:
                return lvl
    return None


_COPULA = re.compile(r"^(?:也|均|都|还|已)?(?:是|为|系|成为)(?:一家|一个)?[^，。；]{0,30}$")
_COPULA_OPENING = re.compile(r"(?:也|还|已)?(?:是|系)一家")


def _copula_recognitions(ctx: _Context) -> list[Fact]:
    """ENT也是…“小巨人” / ENT…上市: a firm said to be one, or said to have listed."""
    text = ctx.doc.text
    out = []
    if not any(m.kind == "enterprise" or m.kind == "anaphor" and m.key == "enterprise" for m in ctx.mentions):
        return out
    for a, b in ctx.clauses:
        ents = [m for m in ctx.mentions if m.kind == "enterprise" and a <= m.start < b]
        head = ents[0].end if ents else a
        tail = ents[-1].end if ents else a
        if not ents and _COPULA_OPENING.match(text, a):     # 位于…的甲乙，是一家…企业: the sentence's firm
            ents = [m for m in ctx.mentions if m.kind == "enterprise" and m.end <= a][-1:]
        if not ents:
            continue
        clause = text[a:b]
        des = [m for m in ctx.mentions if m.kind == "designation" and head <= m.start < b]
        copula = _RE["copula_word"].search(text[head:b])
        run = _designation_runs(text, des)[0] if des else []   # 甲乙是国家高新技术企业和四川省专精特新中小企业: each
        said = des and _COPULA.match(text[tail:des[0].start]) and \
            _RE["predicate_end"].match(text[run[-1].end:b])   # 甲乙是一家…的高新技术企业。
        if des and copula and "的代表" in clause or des and text[head:head + 2] in ("也是",) or said:
            year = year_in(text[tail:des[0].start]) if said else None
            for e in ents:
                for d in run if said else des[:1]:
                    out.append(_fact(ctx, "recognition", entity_id("enterprise", e.key), "recognition.copula",
                                     designation=d.key, level=d.level or vocabulary().designations[d.key].default_level,
                                     year=year))
    for a, b in ctx.clauses:
        clause = text[a:b]
        if _RE["listed"].search(clause) and "上市企业" not in clause:
            ents = [m for m in ctx.mentions if m.start < b and (m.kind == "enterprise" or m.kind == "anaphor"
                                                                and m.key == "enterprise")]
            inside = [m for m in ents if m.start >= a]
            firm = _entity((inside or ents[:1])[0], ctx) if ents else None   # the clause's firm, else the sentence's
            if firm:                                                          # subject (该公司: the one named before)
                out.append(_fact(ctx, "recognition", firm, "recognition.listed", designation="LISTED",
                                 year=year_in(clause)))
    return out


# ------------------------------------------------------------------ counts

def _counts(ctx: _Context, list_years: dict[str, int]) -> list[Fact]:
    s, text = ctx.sentence, ctx.doc.text
    if "家" not in s.text and "户" not in s.text and "席" not in s.text:
        return []                                    # every count is of 家 (or 户, or seats on a list)
    cues = vocabulary().finder("counts", "not_count_cues")
    clauses = ctx.clauses
    platforms = platform_codes()
    designations = [m for m in ctx.mentions if m.kind == "designation" and s.start <= m.start < s.end
                    and m.key not in platforms]
    sentence_year = year_in(ctx.masked)
    out = []
    for i, d in enumerate(designations):
        a, b = _clause_of(clauses, d.start)
        clause = text[a:b]
        if cues.search(clause) or "对" in text[a:d.start]:
            continue
        if text[d.start - 1:d.start] == "、" and i and text[designations[i - 1].end:d.start] == "、":
            continue                                 # 专精特新、单项冠军企业32家: a count over several lists
        stop = min([x.start for x in designations if x.start > d.start] + [b])
        window = text[d.end:stop]
        if _RE["respectively_next"].match(window):
            continue                                 # 甲、乙分别为35家、48家: below, pair by pair
        found = list(_RE["count_after"].finditer(window))
        if found and _RE["next_category"].match(window, found[0].end()):
            found = found[:1]                        # 高企186家、科技小巨人企业64家: the next number is another category's
        if found and not _RE["near_gap"].match(window[:found[0].start()]):
            found = []
        if found and _RE["other_figure"].search(window[:found[0].start()]):
            found = []
        if not found and stop == b and _RE["ranked"].match(window):
            more = _RE["count_continued"].match(text, b)     # …企业数量位居全省第一，达12家: the figure goes on
            found = [_RE["count_after"].match(text, more.end())] if more else []
            found = [f for f in found if f]
        if len(found) > 1 and _RE["reached"].search(window) and not any(f.group(1) for f in found):
            found = found[-1:]                       # 总数突破4000家达到4320余家: the figure reached
        park, named = _park_for(ctx, a, b, d.start)
        if park is None:
            park, named = _park_for(ctx, s.start, s.end, d.start)
        if not named and _wider_area(text, a, d.start):
            continue
        parks = _respective_parks(ctx, a, d.start)
        for f, p in zip(found, parks if len(parks) == len(found) > 1 else [park] * len(found)):
            year = int(f.group(1)) if f.group(1) else sentence_year
            if p:
                out.append(_fact(ctx, "count", p, "count.after", designation=d.key, value=number(f.group(2)),
                                 year=year))
    joint = {d for run in _designation_runs(text, designations) if len(run) > 1 for d in run}
    for m in _RE["count_before"].finditer(s.text):
        pos = s.start + m.end()
        a, b = _clause_of(clauses, pos - 1)
        d = next((x for x in designations if pos <= x.start < b), None)
        if d is None and any(x.kind == "park" and a <= x.start < s.start + m.start() for x in ctx.mentions):
            # 在…瞪羚企业榜单中，某高新区有18家企业上榜: the list named before, the park this clause's subject
            d = next((x for x in reversed(designations) if x.end <= s.start + m.start()
                      and _RE["list_word"].match(text[x.end:x.end + 8])), None)
        if d in joint:
            continue                                  # 23家企业上榜 A和B名单: a count over several lists, each its own
        after = _RE["list_after"].match(text, pos, b) if d is None else None
        other = after.group(1) if after and _is_honour(after.group(1)) and "项目" not in after.group(1) else \
            ctx.recent_other_list if d is None else None      # …公布省级企业研究院名单。某高新区有6家企业入选
        if d is None and other is None or cues.search(text, a, b):
            continue
        park, named = _park_for(ctx, s.start, s.end, s.start + m.start())
        if park and other:                           # 25家企业入选某高新区企业梯度培育名单: a list of its own
            year = year_in(text[pos:b]) or sentence_year or list_years.get(other)
            out.append(_fact(ctx, "count", park, "count.other", designation="OTHER", honour=other,
                             value=number(m.group(1)), year=year))
        elif park and (named or not _wider_area(text, a, s.start + m.start())):
            list_year = year_in(text[max(s.start, d.start - 12):d.start]) if d.end <= pos else None
            out.append(_fact(ctx, "count", park, "count.before", designation=d.key, value=number(m.group(1)),
                             year=year_in(text[pos:b]) or sentence_year or list_year))
    out += _respective_counts(ctx, designations, sentence_year) + _other_counts(ctx, designations, sentence_year)
    # 认定高企超过1000家，有效数量近2800家 / 其中，本年度认定599家: the count goes on with its designation
    carried = ctx.recent_count or next((f.designation for f in reversed(out)), None)
    for a, b in clauses:
        clause = text[a:b]
        m = _RE["count_carried"].match(clause)
        named = next((d.key for d in reversed(designations) if d.start < a), None)
        if m and (carried or named) and not any(a <= d.start < b for d in designations):
            carried = named or carried                # 申报高新技术企业320家，通过认定256家: the one named before
            park, _ = _park_for(ctx, s.start, s.end, a)
            if park:
                out.append(_fact(ctx, "count", park, "count.carried", designation=carried, value=number(m.group(1)),
                                 year=sentence_year))
    for m in _RE["count_from"].finditer(s.text):
        pos = s.start + m.end()
        park = next((x for x in ctx.mentions if x.kind == "park" and x.start == pos), None)
        d = next((x for x in reversed(designations) if x.start < pos), None)
        if park and d:
            out.append(_fact(ctx, "count", entity_id("park", park.key), "count.from", designation=d.key,
                             value=number(m.group(1)), year=sentence_year))
    return out


def _wider_area(text: str, a: int, pos: int) -> bool:
    """Whether the clause before pos counts a wider area than a park (全市…), so that a park it does not name
    (the section's) is not what is counted."""
    return bool(vocabulary().finder("counts", "wider_scopes").search(text, a, pos))


@cache
def _other_count_pattern() -> re.Pattern:
    markers = vocabulary().alternation("counts", "other_category_markers")
    return re.compile(rf"(?:^|(?<=[，、；：。])|(?<=其中)|(?<=现有)|(?<=拥有)|(?<=共有))"
                      rf"(?!其中|现有|拥有|共有)([\u4e00-\u9fff]{{2,16}}?(?:{markers})企业)(?:达到|达|有)?{COUNT}(?:余|多)?家")


def _other_counts(ctx: _Context, designations: list[Mention], year: int | None) -> list[Fact]:
    """其中某省战略性新兴产业骨干企业7家: a category of firms that is an honour list of its own, counted as OTHER."""
    s = ctx.sentence
    out = []
    leads = vocabulary().finder("counts", "category_leads")
    for m in _other_count_pattern().finditer(s.text):
        a, b = s.start + m.start(1), s.start + m.end(1)
        a = max([a] + [s.start + lead.end() for lead in leads.finditer(s.text, a - s.start, b - s.start)])
        name = ctx.doc.text[a:b]                     # after the words that lead into it (…已累计拥有)
        if len(name) < 4 or any(a <= d.start < b for d in designations) or designation_code(name):
            continue                                 # a designation's count: counted above
        park, _ = _park_for(ctx, s.start, s.end, a)
        if park:
            out.append(_fact(ctx, "count", park, "count.other", designation="OTHER", honour=name,
                             value=number(m.group(2)), year=year))
    for m in _RE["seats"].finditer(s.text):         # 工业50强企业中，某高新区占18席: seats on a list
        a, b = s.start + m.start(2), s.start + m.end(2)
        park = next((x for x in ctx.mentions if x.kind == "park" and a <= x.start < b), None)
        if park and not any(s.start + m.start(1) <= d.start < s.start + m.end(1) for d in designations):
            out.append(_fact(ctx, "count", entity_id("park", park.key), "count.other", designation="OTHER",
                             honour=m.group(1), value=number(m.group(3)), year=year))
    return out


def _respective_parks(ctx: _Context, a: int, pos: int) -> list[str]:
    """甲高新区、乙高新区分别拥有…: the parks (entity ids, in order) a clause lists before its 分别 and pos."""
    text = ctx.doc.text
    at = text.rfind("分别", a, pos)
    run: list[Mention] = []
    for m in reversed(_parks_in(ctx, a, at) if at >= 0 else []):
        if m.end <= at and (not run and not text[m.end:at].strip() or run and text[m.end:run[0].start] in ("、", "和", "及", "与")):
            run.insert(0, m)
        elif run:
            break
    return [entity_id("park", m.key) for m in run]


def _respective_counts(ctx: _Context, designations: list[Mention], year: int | None) -> list[Fact]:
    """瞪羚企业、潜在瞪羚企业分别为35家、48家: one count for each designation, in order."""
    s, text = ctx.sentence, ctx.doc.text
    out = []
    for m in _RE["respective"].finditer(s.text):
        pos = s.start + m.start()
        run: list[Mention] = []
        for d in reversed([d for d in designations if d.end <= pos]):
            if not run and _RE["designation_tail"].fullmatch(text[d.end:pos]) or \
                    run and text[d.end:run[0].start] in ("、", "和", "及", "与"):
                run.insert(0, d)
            else:
                break
        values = [number(x.group(1)) for x in _RE["count_item"].finditer(m.group(1))]
        park, _ = _park_for(ctx, s.start, s.end, pos)
        if park and len(run) >= 2 and len(values) == len(run):
            out += [_fact(ctx, "count", park, "count.respective", designation=d.key, value=v, year=year)
                    for d, v in zip(run, values)]
        parks = _respective_parks(ctx, s.start, pos + 2)
        if not designations and ctx.recent_count and len(parks) == len(values) >= 2:
            out += [_fact(ctx, "count", p, "count.carried", designation=ctx.recent_count, value=v, year=year)
                    for p, v in zip(parks, values)]      # 甲高新区、乙高新区分别新增210家、180家: the last count's
    return out


# ------------------------------------------------------------------ incentives

@cache
def _obtained_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A designation obtained, the condition of a reward: an obtain verb before it with at most a level between
    (首次认定为、新认定的国家级、新入选省级), 对 opening the clause before it (对瞪羚企业给予…), or a verb before and
    认定/称号 after it (通过高新技术企业认定)."""
    v = vocabulary()
    verbs = v.alternation("incentives", "obtain_verbs")
    levels = "|".join(map(re.escape, sorted((w for ws in v.lexicon["levels"].values() for w in ws), key=len, reverse=True)))
    quote = f"[{re.escape(QUOTES)}]?"
    before = re.compile(rf"(?:{verbs})[为的]?(?:[\u4e00-\u9fff]{{0,3}}?(?:{levels}))?[为的]?{quote}$"
                        rf"|^对(?:{levels})?{quote}$")                 # 对瞪羚企业给予…: the holders are rewarded
    after = re.compile(rf"^{quote}(?:企业)?(?:{v.alternation('incentives', 'obtained_trailers')})")
    return before, after


def _obtained(text: str, a: int, d: Mention) -> bool:
    before, after = _obtained_patterns()
    preceding = text[max(a, d.start - 12):d.start]
    return bool(before.search(preceding)) or bool(after.match(text[d.end:d.end + 6])) and \
        bool(vocabulary().finder("incentives", "obtain_verbs").search(text, a, d.start))


def _incentives(ctx: _Context) -> list[Fact]:
    s, text = ctx.sentence, ctx.doc.text
    v = vocabulary()
    if not v.finder("incentives", "reward_words").search(s.text):
        return []
    excluded = v.finder("incentives", "excluded")
    listing_condition = v.finder("incentives", "listing_conditions")
    designations = [m for m in ctx.mentions if m.kind == "designation"]
    out = []
    condition: list[str] = []                         # the designations the reward being read is for
    for a, b in ctx.clauses:
        clause = text[a:b]
        if excluded.search(clause):
            break
        obtained: list[Mention] = []
        for d in (d for d in designations if a <= d.start < b):
            if _obtained(text, a, d) or obtained and (text[obtained[-1].end:d.start] == "或" or
                                                      _RE["designation_joint"].fullmatch(text[obtained[-1].end:d.start])):
                obtained.append(d)                    # 首次入选瞪羚企业、省级独角兽企业的: both
        listed = not obtained and listing_condition.search(text, a, b)   # 对在科创板上市的企业: a reward for listing
        named_other = not obtained and any(a <= d.start < b for d in designations)   # a clause about another one
        condition = [d.key for d in obtained] or (["LISTED"] if listed else [] if named_other else condition)
        if not condition:
            continue
        amounts = [m for m in _RE["amount"].finditer(clause)
                   if clause[m.end():m.end() + 1] not in ("至", "到", "-", "—", "~")]   # 10万元至30万元: the upper one
        respective = "分别" in clause and len(amounts) == len(condition) > 1
        for i, m in enumerate(amounts):               # …的，分别给予50万元、200万元: in order; else each one's
            amount = number(m.group(1)) * {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1)
            park, _ = _park_for(ctx, s.start, s.end, a + m.start())
            if park == ctx.park and anothers_reward(ctx.mentions, a + m.start()):
                continue
            for code in condition[i:i + 1] if respective else condition:
                if park:
                    out.append(_fact(ctx, "incentive", park, "incentive.obtain", designation=code, value=amount))
    return out


# ------------------------------------------------------------------ entry point

def extract_facts(doc: CleanText, sentences: list[Sentence], mentions: list[Mention]) -> list[Fact]:
    """Every fact of the article: the candidates every rule reads, then one decision over them."""
    return decide(find_facts(doc, sentences, mentions), mentions)


def decide(facts: list[Fact], mentions: list[Mention]) -> list[Fact]:
    """One reading per fact: a coded rule's finer reading of a sentence wins over a frame's of the same fact;
    recognitions take their lists' levels and years; the section's park yields to named ones; duplicates merge."""
    coded = {(f.evidence, f.kind, f.subject, f.designation) for f in facts if not rules()[f.rule].pattern}
    facts = [f for f in facts if not rules()[f.rule].pattern or (f.evidence, f.kind, f.subject, f.designation) not in coded]
    lists = [f for f in facts if f.kind == "list"]
    facts = [f for f in facts if f.kind != "list"]
    return _dedupe(_named_parks_win(_parks_hold_no_firm_designation(_as_lists_say(facts, lists, mentions))))


def find_facts(doc: CleanText, sentences: list[Sentence], mentions: list[Mention]) -> list[Fact]:
    """Every candidate fact of every rule, in sentence order; the section's park carries across sentences."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    list_years: dict[str, int] = {}                   # each announced list's year, by designation or other title
    park = None
    recent_list = recent_designation = recent_count = recent_firm = recent_other_list = recent_policy = listing = None
    out: list[Fact] = []
    for i, s in enumerate(sentences):
        ms = by_sentence.get(i, [])
        if not ms and "家" not in s.text:
            recent_count = None                       # no name, no designation, no count: no rule has anything
            continue
        named = [m for m in ms if m.kind == "park"]
        if named and not any(m.key == (park or "")[5:] for m in named):
            park = entity_id("park", named[0].key)
        ctx = _Context(doc, s, ms, park, recent_list, recent_designation, recent_count, recent_firm, recent_other_list)
        for run in _designation_runs(doc.text, [m for m in ms if m.kind == "designation"]):
            announced = bool(_RE["list_word"].match(doc.text, run[-1].end))   # …瞪羚企业名单 / A和B认定结果
            for d in run:
                if announced:
                    recent_list = d
                y = year_in(doc.text[max(s.start, run[0].start - 12):d.end + 4])
                if y and announced or y and "年" in doc.text[max(s.start, run[0].start - 12):d.start]:
                    list_years.setdefault(d.key, y)
            if announced:
                recent_other_list = None
        for title, y in _other_lists(ctx):
            recent_list, recent_other_list = None, title
            if y:
                list_years.setdefault(title, y)
        counts = _counts(ctx, list_years)
        recent_count = counts[-1].designation if counts else None
        out += _located(ctx) + _issuers(ctx) + _recognitions(ctx, list_years) + counts + _incentives(ctx)
        out += frame_facts(doc.text, s, ms, Scene(ctx.evidence, park, recent_policy, listing))
        out += announced_lists(doc.text, s, ms)
        listing = next(((f.designation, f.honour) for f in reversed(out) if f.kind in ("recognition", "list")), listing)
        recent_policy = next((entity_id("policy", m.key) for m in reversed(ms) if m.kind == "policy"), recent_policy)
        if named:
            park = entity_id("park", named[-1].key) if len({m.key for m in named}) == 1 else park
        recent_designation = next((m for m in reversed(ms) if m.kind == "designation"), recent_designation)
        recent_firm = next((entity_id("enterprise", m.key) for m in reversed(ms) if m.kind == "enterprise"), recent_firm)
    return out


def _as_lists_say(facts: list[Fact], lists: list[Fact], mentions: list[Mention]) -> list[Fact]:
    """A recognition that says no level or year takes those of the list of its designation the article announces
    (the first that says them; a list whose title names no level has its issuer's), else the level the article
    most often gives that designation (省级瞪羚企业 … 入选瞪羚企业)."""
    bodies = {m.key: m for m in mentions if m.kind in ("organization", "park")}
    said = Counter((m.key, m.level) for m in mentions if m.kind == "designation" and m.level)
    issuers = {f.subject: f.obj for f in facts if f.kind == "issued_by"}
    levels: dict[str, str] = {}
    years: dict[str, int] = {}
    for a in lists:
        issuer = bodies.get((issuers.get(a.obj) or ":").split(":", 1)[1])
        level = a.level or (body_level(issuer) if issuer else None)
        if level:
            levels.setdefault(a.designation, level)
        if a.year:
            years.setdefault(a.designation, a.year)
    for (code, level), _ in said.most_common():
        levels.setdefault(code, level)
    for candidate, list_of in vocabulary().lexicon["recognition"]["listed_with"].items():
        if list_of in levels:
            levels.setdefault(candidate, levels[list_of])
        if list_of in years:
            years.setdefault(candidate, years[list_of])
    return [_as_list_says(f, levels, years) if f.kind == "recognition" else f for f in facts]


def _as_list_says(f: Fact, levels: dict[str, str], years: dict[str, int]) -> Fact:
    """One recognition with its list's level and year; one the sentence says was gathered over the years
    (累计有甲、乙…入选) has no year but one the sentence states."""
    if _RE["cumulative"].search(f.evidence):
        year = f.year if f.year and str(f.year) in f.evidence else None
        return replace(f, level=f.level or levels.get(f.designation), year=year)
    return replace(f, level=f.level or levels.get(f.designation), year=f.year or years.get(f.designation))



def _other_lists(ctx: _Context) -> list[tuple[str, int | None]]:
    """The lists a sentence announces (公布2025年度省级企业研究院名单) whose titles name no designation: each
    title and its year, for the firms the section goes on to name as its members."""
    s, text = ctx.sentence, ctx.doc.text
    out = []
    for m in _RE["announced_list"].finditer(text, s.start, s.end):
        title = m.group(1)
        if _is_honour(title) and not any(x.kind == "designation" and m.start(1) <= x.start < m.end(1) for x in ctx.mentions):
            out.append((title, year_in(text[max(s.start, m.start(1) - 8):m.start(1)])))
    return out


def _parks_hold_no_firm_designation(facts: list[Fact]) -> list[Fact]:
    """A park is recognised for platforms and titles of its own, never as a 高新技术企业: such a reading has taken
    the park that opens a clause for the firm the clause is about."""
    designations = vocabulary().designations
    return [f for f in facts if not (f.kind == "recognition" and f.subject.startswith("park:")
                                     and f.designation in designations and not designations[f.designation].platform)]


def _named_parks_win(facts: list[Fact]) -> list[Fact]:
    """The section's park is only the default for a firm the article places nowhere by name, and then the park
    of the section that first speaks of it (a later mention in another park's section is news about the firm)."""
    named = {f.subject for f in facts if f.kind == "located_in" and f.rule != "located.section"}
    first: dict[str, str] = {}                    # firm → the evidence of the first sentence placing it by section
    out = []
    for f in facts:
        if f.rule == "located.section":
            if f.subject in named or first.setdefault(f.subject, f.evidence) != f.evidence:
                continue
        out.append(f)
    return out


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per content; the most confident, then the most complete, reading wins."""
    best: dict[tuple, Fact] = {}
    rank = lambda f: (f.confidence, f.year is not None, f.level is not None)
    for f in facts:
        key = (f.kind, f.subject, f.obj, f.designation, f.honour, f.value)
        if key not in best or rank(f) > rank(best[key]):
            best[key] = f
    return list(best.values())
