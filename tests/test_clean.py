import pytest

from kg.clean import clean


@pytest.mark.parametrize("raw, expected", [
    ("芜湖高新\n\n区出台政策", "芜湖高新区出台政策"),
    ("认定 科技型中小企业 490 家", "认定科技型中小企业490家"),
    ("向向““高高””攀攀", "向“高”攀"),
    ("绵阳高新区搭建绵阳高新区搭建平台", "绵阳高新区搭建平台"),
    ("2023年,该园区", "2023年，该园区"),
    ("数量1,000家", "数量1,000家"),
    ("Robobus Pro 上线", "Robobus Pro上线"),
])
def test_clean_text(raw, expected):
    assert clean(raw).text == expected


def test_offsets_map_back_to_raw():
    raw = "芜湖星澜光电科技有\n\n限公司获批"
    doc = clean(raw)
    start = doc.text.index("芜湖")
    end = doc.text.index("获批")
    assert doc.raw_span(start, end) == "芜湖星澜光电科技有\n\n限公司"
    assert all(raw[o] == c or c in "，；：！？（）" for o, c in zip(doc.offsets, doc.text))


def test_heading_line_ends_its_sentence():
    """A page heading (#) is its own sentence, never run into the paragraph after it."""
    from kg.sentences import split_sentences
    doc = clean("## 培育企业成长沃土\n\n星河科技、远帆通信入选。")
    assert [s.text.strip("#") for s in split_sentences(doc)] == ["培育企业成长沃土", "星河科技、远帆通信入选。"]
    first = split_sentences(doc)[0]
    assert doc.raw_span(first.start, first.end) == "培育企业成长沃土"


def test_picture_caption_inside_a_sentence_is_dropped():
    """The layout puts a caption line between the halves of a broken sentence; the sentence is joined around
    it, while its raw span (the evidence) stays verbatim."""
    raw = "新认定科技型中\n\n图片来源:某某高新区\n\n小企业12家。"
    doc = clean(raw)
    assert doc.text == "新认定科技型中小企业12家。"
    assert doc.raw_span(0, len(doc.text)) == raw
