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


@pytest.mark.parametrize("raw, expected", [
    # a page without columns: its unpunctuated opening line or lines are its headline
    ("长沙高新区企业喜获多项荣誉\n澜峰科技入选长沙市“专精特新”中小企业，名单日前公布。",
     "长沙高新区企业喜获多项荣誉#澜峰科技入选长沙市“专精特新”中小企业，名单日前公布。"),
    ("绵阳高新区7家企业获评四川省瞪\n羚企业\n日前，四川省科学技术厅公布了认定结果。",
     "绵阳高新区7家企业获评四川省瞪羚企业#日前，四川省科学技术厅公布了认定结果。"),
    # …unless the next line goes on with a company's name
    ("潍坊高新区企业山东澜\n晟生物科技股份有限公司日前获评瞪羚企业。",
     "潍坊高新区企业山东澜晟生物科技股份有限公司日前获评瞪羚企业。"),
])
def test_headlines_end_as_headings(raw, expected):
    assert clean(raw).text == expected


def test_a_short_line_after_a_sentence_is_a_heading_on_a_page_in_columns():
    body = "园区科技型中小企业数量持续快速\n增长，服务体系不断优化，创新生态\n日益完善。\n" * 8     # 16 characters a line
    doc = clean(body + "企业创新能力突出\n瞪羚企业即高成长性企业，是指进入\n高成长期的中小企业。\n" + body)
    assert "企业创新能力突出#瞪羚企业即高成长性企业，是指进入高成长期的中小企业。" in doc.text
    assert "持续快速增长" in doc.text                   # a broken line of the column is joined


def test_numbered_rows_under_a_table_head_are_marked_rows():
    raw = "以下为部分入选企业名单：\n序号 企业名称 所在园区\n1 湖南澜峰动力科技有限公司 郴州高新区\n2 长沙晟远智能科技有限公司 长沙高新区\n"
    assert clean(raw).text == "以下为部分入选企业名单：#|序号企业名称所在园区#|1湖南澜峰动力科技有限公司郴州高新区#|2长沙晟远智能科技有限公司长沙高新区#"
    assert clean("12 家企业入选江苏省 2022 年瞪羚企业名单").text == "12家企业入选江苏省2022年瞪羚企业名单"


def test_a_headline_before_a_line_opening_with_a_latin_brand_is_a_headline():
    raw = "惠州仲恺高新区：新型显示产业集群加速成长\nTCL华星光电技术有限公司、惠州亿纬锂能股份有限公司等龙头企业带动作用明显。"
    assert clean(raw).text.startswith("惠州仲恺高新区：新型显示产业集群加速成长#TCL华星光电技术有限公司")


def test_a_short_line_whose_sentence_goes_on_is_no_heading():
    body = "园区科技型中小企业数量持续快速\n增长，服务体系不断优化，创新生态\n日益完善。\n" * 8
    doc = clean(body + "二是加强人才引进\n，完善配套服务体系。\n" + body)
    assert "二是加强人才引进，完善配套服务体系。" in doc.text


def test_an_exclamation_mark_inside_a_brand_ends_no_sentence():
    assert clean("Go!创客空间入选。他说!好。").text == "Go!创客空间入选。他说！好。"
