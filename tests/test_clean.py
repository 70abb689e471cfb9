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
