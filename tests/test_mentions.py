import pytest

from kg.clean import clean
from kg.mentions import find_mentions, short_names
from kg.sentences import split_sentences


def mentions(text):
    doc = clean(text)
    ms = find_mentions(doc, split_sentences(doc))
    for m in ms:
        assert doc.text[m.start:m.end] == m.surface
    return ms


def keys(text, kind):
    return {m.key for m in mentions(text) if m.kind == kind}


@pytest.mark.parametrize("text, expected", [
    ("绵阳高新技术产业开发区出台政策。", {"绵阳高新区"}),
    ("绵阳国家高新区出台政策。", {"绵阳高新区"}),
    ("绵阳市高新区出台政策。", {"绵阳高新区"}),
    ("推动四川省绵阳高新区发展。", {"绵阳高新区"}),
    ("泉州晋江高新区出台政策。", {"泉州晋江高新区"}),
    ("厦门火炬高新区出台政策。", {"厦门火炬高新区"}),
    ("宁波甬江高新区出台政策。", {"宁波甬江高新区"}),
    ("无锡工业园区出台政策。", {"无锡工业园区"}),
    ("中国（福建）自由贸易试验区厦门片区挂牌。", {"中国福建自由贸易试验区厦门片区"}),
    ("重庆高新区出台政策。", {"重庆高新区"}),                      # a province-level city is a city too
    ("吉林高新区出台政策。", {"吉林高新区"}),                      # 吉林 names a province and the city 吉林市
    ("青海高新区出台政策。", {"青海高新技术产业开发区"}),            # official names no place + kind can form
    ("黄石大冶湖高新区出台政策。", {"黄石大冶湖高新技术产业开发区"}),
    ("天津滨海高新区出台政策。", {"天津滨海高新技术产业开发区"}),      # a zone's official name wins
])
def test_park_variants_resolve_to_one_key(text, expected):
    assert keys(text, "park") == expected


@pytest.mark.parametrize("text", [
    "高新区出台政策。", "全国169家国家高新区排名。", "江苏省高新区名单发布。", "考核结果出炉，赣州市开发区第一。",
])
def test_generic_park_words_are_no_park(text):
    assert keys(text, "park") == set()


def test_legal_name_and_its_short_names():
    text = "此次入选的芜湖星澜光电科技有限公司，自成立以来深耕光学领域。星澜光电营业收入增长。星澜表示。"
    ms = mentions(text)
    ent = [m for m in ms if m.kind == "enterprise"]
    assert {m.key for m in ent} == {"芜湖星澜光电科技有限公司"}
    assert {m.surface for m in ent} == {"芜湖星澜光电科技有限公司", "星澜光电", "星澜"}


def test_short_name_initials():
    assert "启远金信" in short_names("南京启远金融信息有限公司")


def test_short_name_keeps_the_last_industry_word():
    assert {"澜铂科技", "澜铂网络"} <= set(short_names("成都澜铂网络科技有限公司"))
    assert "晟睿科技" in short_names("陕西晟睿半导体科技股份有限公司")


def test_trade_names_in_company_lists():
    text = "推动晨拓精密、蓝衡锂业、云杉股份等企业发展。"
    assert keys(text, "enterprise") == {"晨拓精密", "蓝衡锂业", "云杉股份"}


def test_legal_name_ending_in_zi_is_a_firm_but_a_subsidiary_is_not():
    assert keys("晟澜电子有限公司获评瞪羚企业。", "enterprise") == {"晟澜电子有限公司"}
    assert keys("其全资子公司获评瞪羚企业。", "enterprise") == set()


@pytest.mark.parametrize("text", [
    "助力企业挖潜力、促提升、保增长。",
    "发展生物医药、新能源、新材料等产业。",
    "该公司营业收入增长。",
    "为成长期的公司提供服务。",
])
def test_hard_negatives_are_no_enterprise(text):
    assert keys(text, "enterprise") == set()


def test_designations_with_quotes_and_levels():
    ms = [m for m in mentions("入选江西省“专精特新”中小企业，获批国家级专精特新“小巨人”企业。") if m.kind == "designation"]
    assert [(m.key, m.level) for m in ms] == [("SRDI_SME", "ProvincialLevel"), ("LITTLE_GIANT", "NationalLevel")]


def test_gaoqi_is_not_found_inside_tigao_qiye():
    assert not [m for m in mentions("不断提高企业创新能力。") if m.kind == "designation"]


def test_policy_titles_but_not_abbreviations():
    text = "绵阳高新区印发《绵阳高新区科技企业培育办法（试行）》（以下简称《办法》）。"
    assert keys(text, "policy") == {"绵阳高新区科技企业培育办法（试行）"}


@pytest.mark.parametrize("text, expected", [
    ("上半年，澜铂科技追加投资20亿元。", {"澜铂科技"}),
    ("；晟睿电子的图像处理技术占行业主导地位。", {"晟睿电子"}),
    ("推动云杉电气绵阳项目二期、翊朔药业德阳生产基地等重大项目尽快实施。", {"云杉电气", "翊朔药业"}),
])
def test_trade_names_as_subjects_and_as_builders(text, expected):
    assert keys(text, "enterprise") == expected


@pytest.mark.parametrize("text", [
    "包括总投资额10亿元绵阳新能源项目、总投资额5亿元德阳储能项目等。",
    "上半年，项目投资增长20%。",
])
def test_amounts_and_projects_are_no_firm(text):
    assert keys(text, "enterprise") == set()


@pytest.mark.parametrize("text, expected", [
    ("近日，绵阳高新区四川晨拓精密材料有限公司入选瞪羚企业。", {"四川晨拓精密材料有限公司"}),
    ("区内企业澜铂光电获评国家知识产权示范企业。", {"澜铂光电"}),
    ("辖区企业晟睿新材获评瞪羚企业。", {"晟睿新材"}),
    ("绵阳高新区投资服务有限公司承办活动。", {"绵阳高新区投资服务有限公司"}),   # the park's own firm keeps its name
    ("绵阳高新区今年已获批国家级专精特新企业7家。", set()),
])
def test_words_for_the_host_park_are_not_part_of_a_name(text, expected):
    assert keys(text, "enterprise") == expected


def test_facilities_that_open_a_clause_are_bodies():
    assert keys("此外，秦翊智能制造加速器入选省级众创空间。", "organization") == {"秦翊智能制造加速器"}
    assert keys("此外，拥有众创空间5个。", "organization") == set()
    assert keys("西安光谷科技园获批国家级科技企业孵化器。", "park") == {"西安光谷科技园"}


@pytest.mark.parametrize("text, expected", [
    ("澜铂、晟睿、云杉等互联网巨头纷纷布局。", {"澜铂", "晟睿", "云杉"}),
    ("由某某大学孵化的瑞澜光电获评瞪羚企业。", {"瑞澜光电"}),
    ("记者获悉，该区企业晟铂科技日前正式登陆科创板。", {"晟铂科技"}),
    ("着力提升区内企业自主创新能力。", set()),
    ("重点从园区企业循环采购、主导产业扶持入手。", set()),
    ("覆盖研发、生产、销售等环节的企业超过百家。", set()),                  # what firms do, not firms
    ("组织金融、法律、财税等专业服务机构为企业服务。", set()),
    ("园区还汇聚了晟铂、澜铂、云杉等一大批世界和国内500强企业。", {"晟铂", "澜铂", "云杉"}),
])
def test_trade_names_by_what_surrounds_them(text, expected):
    assert keys(text, "enterprise") == expected


@pytest.mark.parametrize("text, expected", [
    ("韩国晟铂半导体核心零部件制造项目签约落户。", {"晟铂半导体"}),      # a country is no part of the name
    ("日本澜铂株式会社与园区签约。", {"日本澜铂株式会社"}),
    ("项目由晟铂电子投资建设，总投资20亿元。", {"晟铂电子"}),
    ("美国经济增长放缓。", set()),
    ("美国高科技企业加大投资。", set()),
    ("来自德国、日本等国家的企业。", set()),
])
def test_foreign_firms_and_firms_after_a_cut(text, expected):
    assert keys(text, "enterprise") == expected


def test_firm_before_a_region_or_city_and_its_facility():
    assert keys("推动晟铂连锁川南分拨中心、澜铂物流华东物流中心等项目建设。", "enterprise") == {"晟铂连锁", "澜铂物流"}
    assert keys("推进云杉电气绵阳项目二期、翊朔药业德阳生产基地等重大项目。", "enterprise") == {"云杉电气", "翊朔药业"}
    assert keys("加速构建科技创新基地、总部集聚基地。", "enterprise") == set()


@pytest.mark.parametrize("text, expected", [
    ("目前，嘉兴晟铂乐叶年产7GW高效组件等重点项目全面开展建设。", {"嘉兴晟铂乐叶"}),     # named by its capacity
    ("某高新区与黑龙江澜铂众等6个精密超精密产业化项目签约。", {"黑龙江澜铂众"}),         # a party to projects signed
    ("今年年产值超100亿元。", set()),
    ("园区年产值达120亿元。", set()),
])
def test_firms_by_capacity_and_by_projects_signed(text, expected):
    assert keys(text, "enterprise") == expected


def test_a_preposition_opens_a_clause_not_a_name():
    assert keys("对新认定的企业给予奖励，对首次入选省级瞪羚企业的给予20万元奖励。", "enterprise") == set()


def test_a_zone_named_with_its_committee_is_a_zone():
    text = "日前，翊澜示范区党工委网络安全和信息化委员会印发《翊澜示范区数字乡村行动计划》。翊澜示范区将加快建设。"
    assert keys(text, "park") == {"翊澜示范区"}
    assert keys(text, "organization") == {"翊澜示范区党工委网络安全和信息化委员会"}
    assert keys("国家高新区管委会主任会议召开。国家高新区发展迅速。", "park") == set()
    assert keys("建设数字乡村示范区。乡村示范区建设取得成效。", "park") == set()


@pytest.mark.parametrize("text", [
    "绵阳晟铂新能源汽车零部件有限公司（以下简称“晟铂汽零”）成立于2015年。晟铂汽零获评瞪羚企业。",
    "今年，晟铂汽零（绵阳晟铂新能源汽车零部件有限公司）获评瞪羚企业。晟铂汽零表示。",
])
def test_short_names_the_article_defines(text):
    ent = [m for m in mentions(text) if m.kind == "enterprise"]
    assert {m.key for m in ent} == {"绵阳晟铂新能源汽车零部件有限公司"}
    assert "晟铂汽零" in {m.surface for m in ent}


def test_newspapers_and_programmes_in_title_marks_are_no_policy():
    assert keys("据《人民日报》报道，央视《新闻联播》关注某高新区发布的《某高新区创新发展报告》。", "policy") == {"某高新区创新发展报告"}


@pytest.mark.parametrize("text, expected", [
    ("晟铂电子年产值突破10亿元。", {"晟铂电子"}),
    ("一期工程年产能达10万吨。", set()),
    ("预计达产后年产值超20亿元。", set()),
    ("园区的新材料科技获批省级平台。", set()),            # a sector and an ending, no 字号
])
def test_capacity_names_firms_but_not_phrases(text, expected):
    assert keys(text, "enterprise") == expected


def test_short_names_by_legal_form():
    assert "晟铂股份" in short_names("四川晟铂电子股份有限公司")
    assert "晟铂集团" in short_names("四川晟铂（集团）有限公司")
    text = "四川晟铂电子股份有限公司获评瞪羚企业。晟铂股份营业收入增长。"
    assert {m.key for m in mentions(text) if m.kind == "enterprise"} == {"四川晟铂电子股份有限公司"}


def test_trade_name_inside_one_legal_name_is_that_firm():
    text = "洛阳中科晶铂智能装备科技有限公司入选名单。2024年，区内企业晶铂智能被评为瞪羚企业。"
    assert keys(text, "enterprise") == {"洛阳中科晶铂智能装备科技有限公司"}
    two = "洛阳中科晶铂智能科技有限公司、洛阳华晶铂智能装备有限公司入选。区内企业晶铂智能被评为瞪羚企业。"
    assert "晶铂智能" in keys(two, "enterprise")         # held by two legal names: which one is not known


def test_a_designation_is_no_organisation():
    assert keys("全区拥有市级以上众创空间14家、科技企业孵化器9家。", "organization") == set()


@pytest.mark.parametrize("text, expected", [
    ("园区召开会议。晟源新能获评2024年江苏省潜在独角兽企业。", {"晟源新能"}),
    ("晟源新能获评2024年江苏省潜在独角兽企业。", {"晟源新能"}),
    ("园区召开会议。创新成果获评一等奖。", set()),                     # no designation firms hold
    ("园区召开会议。光电产业入选国家创新型产业集群。", set()),           # a cluster is a platform's honour
    ("园区召开会议。相关产品入选国家级制造业单项冠军。", set()),
    ("园区召开会议。技术团队获评瞪羚企业。", set()),
])
def test_a_sentence_opening_name_before_a_firm_honour(text, expected):
    assert keys(text, "enterprise") == expected


@pytest.mark.parametrize("text, expected", [
    ("潜在瞪羚企业", ["POTENTIAL_GAZELLE"]),                         # the longest form wins over 瞪羚企业
    ("专精特新“小巨人”企业", ["LITTLE_GIANT"]),
    ("专精特新小巨人企业", ["LITTLE_GIANT"]),                          # quotes are optional
    ("“专精特新”中小企业", ["SRDI_SME"]),
    ("高新技术企业、高企", ["HIGH_TECH_ENTERPRISE", "HIGH_TECH_ENTERPRISE"]),
    ("高企业", []),                                                   # 高企 does not run on into 企业
])
def test_designation_forms(text, expected):
    assert [m.key for m in mentions(text) if m.kind == "designation"] == expected


@pytest.mark.parametrize("text, expected", [
    ("3家企业获评瞪羚企业，分别是澜途、极客帮和晟蓝精密。", {"澜途", "极客帮", "晟蓝精密"}),
    ("该区有5家企业入选，分别是制造业、服务业。", set()),
    ("全区新增高新技术企业3家，分别是研发、生产和销售。", set()),
])
def test_a_list_after_a_count_of_firms_names_them(text, expected):
    assert keys(text, "enterprise") == expected


def test_a_hosted_name_ends_before_a_time_word():
    assert keys("无锡工业园区企业澜海生物今年入选江苏省潜在独角兽企业榜单。", "enterprise") == {"澜海生物"}


def test_a_legal_short_form_of_a_longer_legal_name_is_that_firm():
    text = "湖南澜宇（集团）股份有限公司入选单项冠军企业名单。此外，澜宇集团旗下的长沙澜宇电子科技有限公司获评知识产权优势企业。"
    assert keys(text, "enterprise") == {"湖南澜宇（集团）股份有限公司", "长沙澜宇电子科技有限公司"}


def test_a_city_before_a_named_zone_is_part_of_it():
    assert keys("武汉东湖高新区新增独角兽企业3家。东湖高新区表示。", "park") == {"东湖新技术开发区"}


def test_sector_endings_bar_trade_names_not_legal_names():
    assert keys("浪潮电子信息产业股份有限公司、安徽丰源农业有限公司参加了活动。", "enterprise") == {
        "浪潮电子信息产业股份有限公司", "安徽丰源农业有限公司"}


@pytest.mark.parametrize("text, expected", [
    ("澜晟半导体华东总部、骁岚医疗西南总部等项目签约。", {"澜晟半导体", "骁岚医疗"}),
    ("建设华东总部、西南总部等功能区。", set()),
    ("园区领导走访华东总部、西南总部等。", set()),
])
def test_firms_before_a_region_and_their_headquarters(text, expected):
    assert keys(text, "enterprise") == expected


@pytest.mark.parametrize("text, expected", [
    ("宁波市镇海区出台《关于支持企业创新的若干措施》。", {"镇海区"}),     # its government, by its own name
    ("成都市印发了《成都市科技创新规划》。", {"成都市"}),
    ("园区印发《工作方案》。企业要落实《若干措施》。", set()),
])
def test_a_place_that_issues_a_document_is_its_government(text, expected):
    assert keys(text, "organization") == expected


def test_a_short_title_the_article_defines_is_that_policy():
    text = ("温州高新区印发《温州高新区关于推动优质中小企业梯度培育的实施办法》（以下简称《实施办法》）。"
            "《实施办法》明确，对首次认定为瞪羚企业的给予20万元奖励。")
    assert keys(text, "policy") == {"温州高新区关于推动优质中小企业梯度培育的实施办法"}


def test_a_short_title_the_article_named_in_full_before_is_that_policy():
    text = "温州高新区印发《温州高新区关于推动优质中小企业梯度培育的若干措施》。《若干措施》明确，对瞪羚企业给予奖励。"
    assert keys(text, "policy") == {"温州高新区关于推动优质中小企业梯度培育的若干措施"}


def test_a_listing_designation_is_no_firm_name():
    assert keys("绵阳高新区今年新增上市公司2家，园区上市公司总数达到15家。", "enterprise") == set()


def test_a_joining_word_right_after_the_opening_place_is_part_of_the_name():
    assert keys("9月，绵阳联合澜芯光电科技股份有限公司登陆科创板。", "enterprise") == {"绵阳联合澜芯光电科技股份有限公司"}


@pytest.mark.parametrize("text, expected", [
    ("此外，绵阳高新区还有云图数智、川流科技等6家企业入选潜在独角兽企业。", {"云图数智", "川流科技"}),
    ("绵阳高新区已集聚澜芯微电子、华虹等龙头企业。", {"澜芯微电子", "华虹"}),
    ("绵阳高新区集聚了人才、资本、技术等创新要素，集聚电子信息、生物医药等产业企业500余家。", set()),
])
def test_lists_after_verbs_of_gathering(text, expected):
    assert keys(text, "enterprise") == expected


def test_a_group_named_without_its_legal_form_is_the_same_firm():
    ms = mentions("龙头企业澜虹控股集团有限公司带动配套企业集聚。2025年，澜虹控股集团入选中国企业500强。")
    assert {m.key for m in ms if m.kind == "enterprise"} == {"澜虹控股集团有限公司"}


@pytest.mark.parametrize("text, expected", [
    ("今年，绵阳高新区澜星LCD产线、晟铂锂电池二期、12英寸晶圆封装测试基地、蓝屹整车制造基地等15个重大项目集中开工。",
     {"澜星", "晟铂", "蓝屹"}),
    ("绵阳高新区签约晟铂储能电池、蓝晶新能源电池等12个项目。", {"晟铂", "蓝晶"}),
    ("绵阳高新区今年推进智能制造产业园、绿色建材基地、数字经济产业园等重点项目。", set()),
    ("以“一村一特色”为目标，大力发展家庭农场、种养殖等项目，实施高性能钛粉制备、长寿命球阀等23个成果转化项目。", set()),
])
def test_brands_that_open_the_projects_of_a_list(text, expected):
    assert keys(text, "enterprise") == expected


def test_a_verb_before_a_sub_park_word_makes_no_sub_park():
    assert keys("绵阳高新区今年推进智能制造产业园建设。绵阳高新区先进制造产业园开园。", "park") == \
        {"绵阳高新区", "绵阳高新区先进制造产业园"}


@pytest.mark.parametrize("text, expected", [
    ("世界500强澜晟旗下的智能装备企业落户绵阳高新区。", {"澜晟"}),
    ("公司旗下拥有3家子公司，该集团旗下企业均已投产。", set()),
])
def test_the_group_before_its_holdings(text, expected):
    assert keys(text, "enterprise") == expected


def test_a_verb_of_service_ends_a_name_on_its_left():
    assert keys("园区正在优化澜储世纪公司的产线布局。", "enterprise") == {"澜储世纪公司"}


def test_works_of_a_trade_are_firms():
    assert keys("澜江机械厂是园区的老牌企业。园区推进数字化工厂建设，打造智能化工厂。", "enterprise") == {"澜江机械厂"}


def test_a_verb_after_the_host_words_opens_no_name():
    assert keys("郴州高新区企业获殊荣\n近日，湖南澜峰动力科技有限公司入选湖南省专精特新中小企业名单。", "enterprise") == \
        {"湖南澜峰动力科技有限公司"}


def test_a_body_named_after_a_passive_marker_starts_there():
    assert keys("江西理工大学国家大学科技园被科技部认定为国家级大学科技园。", "organization") == {"江西理工大学", "科技部"}


@pytest.mark.parametrize("text, expected", [
    ("“我们每年将收入的一成投入研发。”澜海智控董事长李强说。蓝晶电子创始人张华是一名海归博士。", {"澜海智控", "蓝晶电子"}),
    ("澜海智控副总经理李强表示，入选是对公司研发能力的肯定。", {"澜海智控"}),
    ("会上，集团董事长发言。民营企业董事长座谈会召开，公司总经理、上市公司董事长参加。据该企业总经理介绍，市场向好。", set()),
])
def test_the_company_of_an_executive(text, expected):
    assert keys(text, "enterprise") == expected


def test_a_brand_after_a_firms_short_name_is_that_firm():
    ms = mentions("贵州澜凯斯智能技术有限公司落户高新区。”澜凯斯PIX创始人王磊说。")
    assert {m.key for m in ms if m.kind == "enterprise"} == {"贵州澜凯斯智能技术有限公司"}


@pytest.mark.parametrize("text, name", [
    ("骁驰电子（位于郴州高新区）去年营收增长30%。", "骁驰电子"),
    ("澜星光电扎根郴州高新区已有十年。", "澜星光电"),
    ("园区内企业晟铂医药正在扩建厂房。", "晟铂医药"),
])
def test_trade_names_that_settle_or_sit_in_a_park(text, name):
    assert keys(text, "enterprise") == {name}


@pytest.mark.parametrize("text, name", [
    ("在刚刚公布的第三批湖南省专精特新“小巨人”企业名单中，郴州高新区的晟远智能榜上有名。", "晟远智能"),
    ("骁驰电子继2022年入选国家级专精特新“小巨人”企业后，今年又获评国家级制造业单项冠军企业。", "骁驰电子"),
])
def test_honoured_trade_names_after_a_parks_de_and_before_ji(text, name):
    assert keys(text, "enterprise") == {name}


def test_software_parks_and_science_cities_after_a_city_are_parks():
    text = "成都天府软件园入驻企业超过600家。武汉光谷生物城聚集生物企业2000余家。园区将建设科技城。"
    assert keys(text, "park") == {"成都天府软件园", "武汉光谷生物城"}


def test_a_kind_of_firm_is_no_name():
    text = "旗下拥有多个品牌的文旅集团董事长表示，将与投资公司、电子科技公司合作。印刷厂旧址改造为文创园区。"
    assert keys(text, "enterprise") == set()


def test_a_trade_name_a_park_holds_before_its_honour():
    assert keys("厦门澜海科技园区内的澜鲸生物获评福建省专精特新中小企业。", "enterprise") == {"澜鲸生物"}


@pytest.mark.parametrize("text, expected", [
    ("杭州青禾数字信息高新区荣获省级荣誉。", {"杭州青禾数字信息高新区"}),   # a place, a trade, the kind
    ("其中，青禾工业园、远山工业园被认定为省级中小企业创业基地。", {"青禾工业园", "远山工业园"}),   # own names after marks
    ("各地要积极发挥高新区的作用。", set()),                                  # a verb before the bare kind
    ("考核结果出炉，宜春市开发区第一。", set()),                              # a city's zones, no one zone
])
def test_parks_beyond_a_place_and_a_kind(text, expected):
    assert keys(text, "park") == expected


def test_a_listed_zone_by_its_own_name_alone():
    assert keys("大连长兴岛再添12家小巨人企业。长兴岛表示。", "park") == {"大连长兴岛经济技术开发区"}


def test_no_body_is_named_by_a_number_or_a_verb():
    assert keys("郑州13家众创空间入选，科技部确定639家众创空间。", "organization") == {"科技部"}


def test_a_word_of_a_closed_class_is_no_trade_name_but_a_brand_may_be_a_common_word():
    assert keys("本次、一旦等企业获评瞪羚企业。", "enterprise") == set()
    assert "唯美" in keys("青禾科技获批瞪羚企业，唯美、和乐获得省科技进步奖二等奖。", "enterprise")


def test_a_university_science_park_of_a_city():
    assert keys("宁波市国家大学科技园获评优秀。", "park") == {"宁波国家大学科技园"}


@pytest.mark.parametrize("text, expected", [
    ("青岳科技上月完成了新一轮融资。", {"青岳科技"}),          # a 字号 and an industry's ending open the clause
    ("充分发挥科技的作用。", set()),                               # a verb phrase is no 字号
    ("瞪羚企业是指以科技创新为支撑的企业。", set()),
])
def test_a_clause_that_opens_with_a_firm(text, expected):
    assert keys(text, "enterprise") == expected


def test_a_firm_brought_in_after_了():
    assert "星澜半导体" in keys("园区引进了星澜半导体、博川智能等一批优质项目。", "enterprise")
