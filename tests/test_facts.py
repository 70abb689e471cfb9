import pytest

from kg.build import extract_article


def facts(text, kind):
    return [f for f in extract_article("t.txt", text).facts if f.kind == kind]


def test_counts_several_in_one_sentence_with_enclosing_year():
    got = {(f.subject, f.designation, f.value, f.year) for f in facts(
        "截至2023年底，芜湖高新区累计培育科技型中小企业 512家、高新技术企业超236 家、潜在瞪羚企业 4 家。", "count")}
    assert got == {("park:芜湖高新区", "TECH_SME", 512, 2023), ("park:芜湖高新区", "HIGH_TECH_ENTERPRISE", 236, 2023),
                   ("park:芜湖高新区", "POTENTIAL_GAZELLE", 4, 2023)}


def test_count_before_designation_and_figure_reached():
    got = {(f.designation, f.value) for f in facts(
        "绵阳高新区 36家企业入选四川省2023年“专精特新”中小企业。绵阳高新区有效高新技术企业总数突破900家达到958家。", "count")}
    assert got == {("SRDI_SME", 36), ("HIGH_TECH_ENTERPRISE", 958)}


def test_money_and_projects_are_no_count():
    assert facts("绵阳高新区向符合条件的 120 家企业兑现奖补资金1500万元，培育国家备案众创空间 2个。", "count") == []


def test_first_and_repeated_recognition_are_two_incentives():
    got = {(f.designation, f.value) for f in facts(
        "绵阳高新区对首次认定为瞪羚企业的，给予企业20万元一次性奖励；对连续认定为瞪羚企业的，给予企业40万元奖励。", "incentive")}
    assert got == {("GAZELLE", 200000), ("GAZELLE", 400000)}


def test_totals_paid_are_no_incentive():
    assert facts("绵阳高新区累计发放高企认定补贴3200万元。", "incentive") == []


def test_recognitions_of_a_list_with_levels():
    got = {(f.subject, f.designation, f.level) for f in facts(
        "绵阳高新区企业发展势头良好，晨拓精密获批国家级专精特新“小巨人”企业、蓝衡锂业获批四川省级专精特新中小企业。", "recognition")}
    assert ("enterprise:晨拓精密", "LITTLE_GIANT", "NationalLevel") in got
    assert ("enterprise:蓝衡锂业", "SRDI_SME", "ProvincialLevel") in got


def test_located_in_but_not_for_business_partners():
    text = ("绵阳高新区推动晨拓精密、蓝衡锂业等企业发展。"
            "蓝衡锂业已与德阳农商银行、遂宁银行等金融机构建立合作关系。")
    located = {(f.subject, f.obj) for f in facts(text, "located_in")}
    assert ("enterprise:晨拓精密", "park:绵阳高新区") in located
    assert not any("银行" in s for s, _ in located)


def test_policy_issuer_from_title_and_not_from_citation():
    text = "绵阳高新区出台《关于支持科技企业发展的若干措施》。根据《四川省科技企业培育指引》，绵阳高新区推进工作。"
    got = {(f.subject, f.obj) for f in facts(text, "issued_by")}
    assert got == {("policy:关于支持科技企业发展的若干措施", "park:绵阳高新区")}


def test_every_fact_keeps_verbatim_evidence():
    raw = "截至2023年底，芜湖高新区累计培育科技型中小企业 512\n\n家。"
    for f in extract_article("t.txt", raw).facts:
        assert "".join(f.evidence.split()) in "".join(raw.split())


def recognitions(text):
    return {(f.subject, f.designation, f.honour, f.level, f.year) for f in facts(text, "recognition")}


def test_reward_condition_is_no_recognition():
    assert recognitions("绵阳高新区对首次认定为瞪羚企业的，给予企业20万元一次性奖励。") == set()


def test_a_firm_of_the_park_not_the_park_is_honoured():
    got = recognitions("绵阳高新区一企业入选“达沃斯”技术先锋社区。")
    assert not any(s.startswith("park:") for s, *_ in got)


def test_passive_honour_goes_to_the_subject_with_the_opening_year():
    got = recognitions("2021年，绵阳高新区综合实力排名第5位，被国家发改委、科技部等五部委授予“优秀产城融合示范区”。")
    assert ("park:绵阳高新区", "OTHER", "优秀产城融合示范区", "NationalLevel", 2021) in got


def test_titles_a_sentence_opens_with_belong_to_its_subject():
    got = recognitions("作为国家级科技企业孵化器、四川省高质量发展园区，绵阳高新区集聚了一批企业。")
    assert ("park:绵阳高新区", "INCUBATOR", None, "NationalLevel", None) in got
    assert ("park:绵阳高新区", "OTHER", "四川省高质量发展园区", "ProvincialLevel", None) in got
    assert recognitions("作为高成长性企业，晨拓精密致力于研发。") == set()


def test_honour_list_subjects_and_listing():
    got = recognitions("绵阳高新区企业表现突出，晨拓精密、云杉获得四川省科技进步奖一等奖。蓝衡锂业是一家新能源企业，于2020年在深交所挂牌上市。")
    assert ("enterprise:云杉", "OTHER", "四川省科技进步奖一等奖", "ProvincialLevel", None) in got
    assert ("enterprise:蓝衡锂业", "LISTED", None, None, 2020) in got


def test_anaphoric_honour_is_ignored():
    assert not any(h and h.startswith("该") for *_, h, _, _ in
                   [(s, d, h, l, y) for s, d, h, l, y in recognitions("绵阳高新区创业服务中心连续三年斩获该项荣誉。")])


def test_count_carried_to_the_next_clause_and_sentence():
    got = {(f.designation, f.value) for f in facts(
        "2023年，绵阳高新区认定高新技术企业数量超过300家，有效数量近900家。其中，本年度认定120家。", "count")}
    assert got == {("HIGH_TECH_ENTERPRISE", 300), ("HIGH_TECH_ENTERPRISE", 900), ("HIGH_TECH_ENTERPRISE", 120)}
    assert facts("绵阳高新区完成投资50亿元。其中，本年度认定120家。", "count") == []


def test_firm_in_a_sub_park_is_in_its_park_too():
    text = "在位于绵阳高新区的科创汇（绵阳）数字产业园内，四川晨拓精密机械有限公司总经理介绍了产品。"
    located = {(f.subject, f.obj) for f in facts(text, "located_in")}
    assert located == {("enterprise:四川晨拓精密机械有限公司", "park:绵阳高新区"),
                       ("enterprise:四川晨拓精密机械有限公司", "park:科创汇数字产业园")}


def test_platforms_are_no_count_of_enterprises():
    got = {(f.designation, f.value) for f in facts(
        "绵阳高新区拥有国家级科技企业孵化器5家、众创空间12家，高新技术企业320家。", "count")}
    assert got == {("HIGH_TECH_ENTERPRISE", 320)}


def test_reward_conditions_in_their_common_phrasings():
    got = {(f.designation, f.value) for f in facts(
        "绵阳高新区对首次认定的国家高新技术企业，给予30万元奖励；对新入选省级瞪羚企业的企业，一次性奖励50万元；"
        "对获得国家级专精特新“小巨人”称号的企业奖励80万元。", "incentive")}
    assert got == {("HIGH_TECH_ENTERPRISE", 300000), ("GAZELLE", 500000), ("LITTLE_GIANT", 800000)}
    assert facts("绵阳高新区为高新技术企业提供贷款支持500万元。", "incentive") == []


def test_named_firms_then_their_number_are_recipients():
    got = {(f.subject, f.designation) for f in facts("绵阳高新区晟睿星云、澜铂科技2家企业入选2023年四川省瞪羚企业名单。",
                                                     "recognition")}
    assert got == {("enterprise:晟睿星云", "GAZELLE"), ("enterprise:澜铂科技", "GAZELLE")}


def test_count_of_a_list_named_before_its_park():
    got = {(f.designation, f.value, f.year) for f in facts(
        "在2023年度中国潜在独角兽企业榜单中，绵阳高新区有18家企业上榜。", "count")}
    assert got == {("POTENTIAL_UNICORN", 18, 2023)}
    assert facts("近日，四川省发布2023年瞪羚企业名单，62家企业入选。", "count") == []


def test_a_firm_said_to_be_a_designation_holds_it():
    got = {(f.designation, f.year) for f in facts(
        "晟铂科技有限公司是一家集研发、生产、销售于一体的国家高新技术企业。澜铂电子有限公司是2023年新认定的瞪羚企业之一。",
        "recognition")}
    assert got == {("HIGH_TECH_ENTERPRISE", None), ("GAZELLE", 2023)}
    assert facts("晟铂科技有限公司是高新技术企业培育库入库企业。", "recognition") == []


def test_level_word_after_a_verb_of_building():
    got = [(f.designation, f.level) for f in facts("晟铂科技有限公司获批建设省级企业技术中心。", "recognition")]
    assert got == [("ENTERPRISE_TECH_CENTER", "ProvincialLevel")]


def test_joint_issuers_give_the_first_and_ministries_are_bodies():
    got = [(f.subject, f.obj) for f in facts("科技部、财政部、国家税务总局联合印发《高新技术企业认定管理办法》。", "issued_by")]
    assert got == [("policy:高新技术企业认定管理办法", "organization:科技部")]
    got = [f.obj for f in facts("江苏省科技厅、省财政厅近日联合下发《江苏省高新技术企业培育库建设工作方案》。", "issued_by")]
    assert got == ["organization:江苏省科技厅"]


@pytest.mark.parametrize("text, expected", [
    ("绵阳高新区新增国家级专精特新“小巨人”企业二十三家。", {("LITTLE_GIANT", 23)}),
    ("绵阳高新区两家企业入选国家级专精特新“小巨人”企业。", {("LITTLE_GIANT", 2)}),
    ("绵阳高新区科技型中小企业达1.2万家。", {("TECH_SME", 12000)}),
    ("绵阳高新区高新技术企业总数达到1,200余家。", {("HIGH_TECH_ENTERPRISE", 1200)}),
    ("绵阳高新区现有高新技术企业超1000家，其中今年新认定312家。", {("HIGH_TECH_ENTERPRISE", 1000), ("HIGH_TECH_ENTERPRISE", 312)}),
    ("绵阳高新区瞪羚企业和潜在瞪羚企业数量分别达到35家和48家。", {("GAZELLE", 35), ("POTENTIAL_GAZELLE", 48)}),
    ("绵阳高新区有数十家高新技术企业。", set()),
])
def test_counts_as_numbers_are_written(text, expected):
    assert {(f.designation, f.value) for f in facts(text, "count")} == expected


def test_a_he_inside_a_trade_name_and_an_autonomous_region_level():
    got = {(f.subject, f.designation, f.level) for f in facts(
        "今年以来，赣州稀土高新区天和磁材、金蒙汇磁等企业获评自治区级专精特新中小企业。", "recognition")}
    assert got == {("enterprise:天和磁材", "SRDI_SME", "ProvincialLevel"), ("enterprise:金蒙汇磁", "SRDI_SME", "ProvincialLevel")}


def test_a_firm_named_after_its_park_is_located_there():
    got = [(f.subject, f.obj) for f in facts("无锡工业园区晟澜软件股份有限公司获评瞪羚企业。", "located_in")]
    assert got == [("enterprise:无锡工业园区晟澜软件股份有限公司", "park:无锡工业园区")]


def test_a_park_that_created_a_base_holds_it_but_not_one_it_is_creating():
    got = [(f.subject, f.designation) for f in facts("绵阳高新区成功创建国家级大众创业万众创新示范基地。", "recognition")]
    assert got == [("park:绵阳高新区", "MASS_INNOVATION_DEMO_BASE")]
    assert facts("绵阳高新区正在创建国家级大众创业万众创新示范基地。", "recognition") == []


@pytest.mark.parametrize("text, firms", [
    ("其中，晟铂电子被认定为国家级专精特新“小巨人”企业，澜铂科技被认定为省级瞪羚企业。", {"晟铂电子", "澜铂科技"}),
    ("近日，四川省公布2023年四川省瞪羚企业名单，绵阳高新区晟铂电子、澜铂科技入选。", {"晟铂电子", "澜铂科技"}),
    ("绵阳高新区晟铂、澜铂入选省级瞪羚企业。", {"晟铂", "澜铂"}),
    ("区内晟铂、澜铂获评瞪羚企业。", {"晟铂", "澜铂"}),
])
def test_honoured_trade_names_after_their_park_and_before_passive_verbs(text, firms):
    assert {f.subject.split(":", 1)[1] for f in facts(text, "recognition")} == firms


def test_a_facility_a_title_is_about_is_not_its_issuer():
    got = [f.obj for f in facts("绵阳高新区科技创新局牵头制定了《科技企业孵化器管理办法》。", "issued_by")]
    assert got == ["organization:绵阳高新区科技创新局"]


def test_firms_invited_to_visit_are_named_but_not_located():
    text = ("绵阳高新区组织招商活动5次，“请进来”如浙江澜铂控股、北京晟铂科技、云杉九天、北京翊朔苑等多家智能制造、"
            "数字经济等领域优质企业8批次。")
    a = extract_article("t.txt", text)
    assert {e.key for e in a.entities if e.kind == "enterprise"} == {"浙江澜铂控股", "北京晟铂科技", "云杉九天", "北京翊朔苑"}
    assert [f for f in a.facts if f.kind == "located_in"] == []


def test_other_titles_beside_designations_in_one_phrase():
    got = {(f.designation, f.honour) for f in facts(
        "绵阳高新区先后获批国家火炬新材料特色产业基地、国家创新型产业集群试点等。", "recognition")}
    assert got == {("OTHER", "国家火炬新材料特色产业基地"), ("INNOVATIVE_CLUSTER", None)}
    got = {(f.designation, f.honour) for f in facts("晟铂光电等28家企业入选“瞪羚企业”。", "recognition")}
    assert got == {("GAZELLE", None)}


def test_categories_that_are_honour_lists_are_counted_as_other():
    got = {(f.designation, f.honour, f.value) for f in facts(
        "绵阳高新区现有上云企业202家、两化融合示范企业16家，其中四川省战略性新兴产业骨干企业7家。", "count")}
    assert got == {("OTHER", "两化融合示范企业", 16), ("OTHER", "四川省战略性新兴产业骨干企业", 7)}
    assert facts("绵阳高新区有规上工业企业120家。", "count") == []


def test_seats_a_park_holds_on_a_list_are_a_count():
    got = {(f.honour, f.value) for f in facts(
        "上榜名单显示，工业50强企业中，绵阳高新区占18席；重点纳税企业中，绵阳高新区占24席。", "count")}
    assert got == {("工业50强企业", 18), ("重点纳税企业", 24)}


def test_a_named_sub_park_stands_alone_and_its_firms_are_in_both():
    a = extract_article("t.txt", "绵阳高新区绵阳国家大学科技园内的晟铂电子有限公司获评瞪羚企业。")
    assert {e.key for e in a.entities if e.kind == "park"} == {"绵阳高新区", "绵阳国家大学科技园"}
    assert {f.obj for f in a.facts if f.kind == "located_in"} == {"park:绵阳高新区", "park:绵阳国家大学科技园"}


def test_a_trade_name_before_its_legal_name_is_the_same_firm():
    a = extract_article("t.txt", "绵阳高新区企业晟澜光电、澜铂股份入选500强。其中，晟澜光电科技股份有限公司获评示范企业。")
    firms = {e.key: e.names for e in a.entities if e.kind == "enterprise"}
    assert "晟澜光电" in firms["晟澜光电科技股份有限公司"] and "晟澜光电" not in firms


@pytest.mark.parametrize("text, firm", [
    ("日前，绵阳高新区企业晟铂科技（688123）在科创板上市。", "晟铂科技"),
    ("绵阳高新区晟铂电子成功登陆深交所创业板，成为园区第12家上市企业。", "晟铂电子"),
])
def test_listing_names_a_firm_and_its_listing(text, firm):
    assert [(f.subject, f.designation) for f in facts(text, "recognition")] == [(f"enterprise:{firm}", "LISTED")]


def test_honours_of_bodies_without_the_verb_of_building():
    got = [(f.designation, f.honour) for f in facts("晟铂电子获批组建四川省工程技术研究中心。", "recognition")]
    assert got == [("OTHER", "四川省工程技术研究中心")]
    got = [(f.subject, f.honour) for f in facts("绵阳晟铂新材料研究院入选四川省新型研发机构。", "recognition")]
    assert got == [("organization:绵阳晟铂新材料研究院", "四川省新型研发机构")]


def test_firms_of_a_list_take_its_level_and_year():
    got = {(f.subject, f.level, f.year) for f in facts(
        "近日，2023年度四川省专精特新中小企业名单公布，绵阳高新区12家企业上榜。其中，晟铂电子、澜铂科技入选专精特新中小企业。",
        "recognition")}
    assert got == {("enterprise:晟铂电子", "ProvincialLevel", 2023), ("enterprise:澜铂科技", "ProvincialLevel", 2023)}


@pytest.mark.parametrize("text, expected", [
    ("2023年第一批科技型中小企业入库名单公示，绵阳高新区共有356家企业入库。", {("TECH_SME", 356)}),
    ("绵阳高新区申报高新技术企业320家，通过认定256家。", {("HIGH_TECH_ENTERPRISE", 256)}),   # applied is not held
])
def test_counts_of_lists_entered_and_of_applications_passed(text, expected):
    assert {(f.designation, f.value) for f in facts(text, "count")} == expected


def test_a_range_of_reward_is_its_upper_limit():
    got = {(f.designation, f.value) for f in facts("绵阳高新区对新认定高新技术企业给予10万元至30万元奖励。", "incentive")}
    assert got == {("HIGH_TECH_ENTERPRISE", 300000)}


def test_an_honour_opened_by_its_year_without_nian():
    got = [(f.designation, f.honour) for f in facts("绵阳高新区荣获“2023中国最具投资价值园区”称号。", "recognition")]
    assert got == [("OTHER", "中国最具投资价值园区")]


def test_section_park_does_not_move_a_firm_placed_by_name():
    text = ("宁波高新区企业宁波晟铂传感技术有限公司获评瞪羚企业。宁波高新区智造科技园获批国家级科技企业孵化器。"
            "晟铂传感已连续两年获评宁波市隐形冠军企业。晨拓精密获评瞪羚企业。")
    got = {(f.subject, f.obj) for f in facts(text, "located_in")}
    assert got == {("enterprise:宁波晟铂传感技术有限公司", "park:宁波高新区"), ("enterprise:晨拓精密", "park:宁波高新区智造科技园"),
                   ("enterprise:晨拓精密", "park:宁波高新区")}


def test_section_park_is_the_one_where_the_article_first_speaks_of_the_firm():
    text = "宁波高新区晨拓精密获评瞪羚企业。宁波高新区智造科技园获批国家级科技企业孵化器。据悉，晨拓精密获评隐形冠军企业。"
    assert {f.obj for f in facts(text, "located_in")} == {"park:宁波高新区"}


def test_a_firm_of_another_city_is_not_in_the_section_park():
    text = "温州经开区今年新增瞪羚企业7家。长春市企业长晟卫星技术股份有限公司入围独角兽企业榜单。"
    assert facts(text, "located_in") == []


def test_firms_named_after_the_list_hold_its_designation():
    text = ("近日，宁波市经信局公布2025年度市级“专精特新”中小企业名单，宁波高新区21家企业上榜。"
            "上榜企业包括：宁波晟铂传感技术有限公司、宁波澜翔微电子股份有限公司等。")
    got = {(f.subject, f.designation, f.level, f.year) for f in facts(text, "recognition")}
    assert got == {("enterprise:宁波晟铂传感技术有限公司", "SRDI_SME", "MunicipalLevel", 2025),
                   ("enterprise:宁波澜翔微电子股份有限公司", "SRDI_SME", "MunicipalLevel", 2025)}


def test_firms_after_the_lead_beside_no_list_are_no_recognition():
    assert facts("签约企业包括宁波晟铂传感技术有限公司、宁波澜翔微电子股份有限公司等。", "recognition") == []


@pytest.mark.parametrize("verb", ["入围", "荣登", "被列入"])
def test_verbs_of_entering_a_list(verb):
    got = {(f.subject, f.designation) for f in facts(f"长晟卫星技术股份有限公司{verb}2025年中国独角兽企业榜单。", "recognition")}
    assert got == {("enterprise:长晟卫星技术股份有限公司", "UNICORN")}


def test_the_company_is_the_firm_last_named():
    text = "湖北晟铂新材料股份有限公司去年落户襄阳高新区。公司研发中心被认定为省级企业技术中心。该公司还获评瞪羚企业。"
    got = {(f.subject, f.designation) for f in facts(text, "recognition")}
    assert got == {("enterprise:湖北晟铂新材料股份有限公司", "ENTERPRISE_TECH_CENTER"),
                   ("enterprise:湖北晟铂新材料股份有限公司", "GAZELLE")}


def test_the_company_with_no_firm_named_is_no_recipient():
    assert facts("襄阳高新区召开大会。公司研发中心被认定为省级企业技术中心。", "recognition") == []


def test_a_name_ends_before_the_adverb_of_its_verb():
    text = "华轩智控去年被认定为国家高新技术企业，澜沣生物则入选湖北省科技型中小企业。"
    assert {f.subject for f in facts(text, "recognition")} == {"enterprise:华轩智控", "enterprise:澜沣生物"}


def test_reward_for_a_list_entered():
    got = {(f.designation, f.value) for f in facts("温州高新区对列入市级瞪羚企业名单的企业，每家奖励15万元。", "incentive")}
    assert got == {("GAZELLE", 150000)}


def test_firms_named_after_a_count_of_them():
    text = "去年，绵阳高新区还有3家企业获评国家级专精特新“小巨人”企业，分别是澜途、极客帮和晟蓝精密。"
    got = {(f.subject, f.designation) for f in facts(text, "recognition")}
    assert got == {("enterprise:澜途", "LITTLE_GIANT"), ("enterprise:极客帮", "LITTLE_GIANT"), ("enterprise:晟蓝精密", "LITTLE_GIANT")}


def test_firms_that_passed_the_review_of_a_list():
    text = "云南省科技厅发布2024年度云南省瞪羚企业名单。九元智能、云帆、翼鸥等4家企业为复评通过。"
    got = {(f.subject, f.designation) for f in facts(text, "recognition")}
    assert got == {("enterprise:九元智能", "GAZELLE"), ("enterprise:云帆", "GAZELLE"), ("enterprise:翼鸥", "GAZELLE")}


def test_a_firm_a_park_fostered_or_hosts_before_its_honour():
    text = ("由南昌高新区孵化的澜芯微电子，去年成功登陆科创板。"
            "位于南昌高新区启明科技园内的启衡量子，已获评国家高新技术企业。")
    assert {(f.subject, f.designation) for f in facts(text, "recognition")} == {
        ("enterprise:澜芯微电子", "LISTED"), ("enterprise:启衡量子", "HIGH_TECH_ENTERPRISE")}
    assert {(f.subject, f.obj) for f in facts(text, "located_in")} == {
        ("enterprise:澜芯微电子", "park:南昌高新区"), ("enterprise:启衡量子", "park:南昌高新区启明科技园"),
        ("enterprise:启衡量子", "park:南昌高新区")}           # a sub-park's firm is in its parent park too


def test_a_park_is_never_a_firm_designation_holder():
    assert facts("位于南昌高新区启明科技园内，已获评国家高新技术企业。", "recognition") == []


def test_a_city_wide_figure_is_no_count_of_the_section_park():
    text = "南昌高新区新增瞪羚企业12家。南昌市科技局提出到2026年全市高新技术企业突破1万家，全市瞪羚企业达到300家。"
    assert {(f.designation, f.value) for f in facts(text, "count")} == {("GAZELLE", 12)}


def test_the_designation_a_list_title_names():
    text = ("江西省工业和信息化厅公布的《2024年度江西省专精特新中小企业名单》中，南昌高新区有168家企业入选。"
            "芜湖高新区的安徽澜川汽车部件有限公司也在名单之列。")
    assert {(f.subject, f.designation, f.value, f.year) for f in facts(text, "count")} == {
        ("park:南昌高新区", "SRDI_SME", 168, 2024)}
    assert {(f.subject, f.designation, f.level, f.year) for f in facts(text, "recognition")} == {
        ("enterprise:安徽澜川汽车部件有限公司", "SRDI_SME", "ProvincialLevel", 2024)}
    assert [p.key for p in extract_article("t.txt", text).entities if p.kind == "policy"] == ["2024年度江西省专精特新中小企业名单"]


def test_parks_listed_before_respective_counts():
    got = {(f.subject, f.value) for f in facts("长沙高新区、郑州高新区分别拥有国家级专精特新“小巨人”企业68家、52家。", "count")}
    assert got == {("park:长沙高新区", 68), ("park:郑州高新区", 52)}


def test_a_running_total_goes_on_with_the_designation_of_its_sentence():
    text = "郑州高新区新增瞪羚企业5家。郑州高新区新增独角兽企业3家，累计达到15家。"
    assert {(f.designation, f.value) for f in facts(text, "count")} == {("GAZELLE", 5), ("UNICORN", 3), ("UNICORN", 15)}


def test_a_programme_holding_a_designations_form_is_an_honour_of_its_own():
    text = "泉州高新区现有各类企业2300余家，其中国家高新技术企业186家、省级科技小巨人企业64家。"
    assert {(f.designation, f.honour, f.value) for f in facts(text, "count")} == {
        ("HIGH_TECH_ENTERPRISE", None, 186), ("OTHER", "省级科技小巨人企业", 64)}
    assert {e.key for e in extract_article("t.txt", text).entities if e.kind == "enterprise"} == set()


def test_level_words_of_a_designation_and_of_a_parks_city():
    text = "泉州澜晟光电科技有限公司是一家位于泉州高新区的国家高新技术企业。"
    assert {(f.designation, f.level) for f in facts(text, "recognition")} == {("HIGH_TECH_ENTERPRISE", "NationalLevel")}
    text = "泉州高新区的澜途科技、晟源机械获评瞪羚企业。"
    assert {f.level for f in facts(text, "recognition")} == {None}      # the city is the park's, not a list's


def test_each_table_row_is_a_sentence_that_places_only_its_own_firm():
    text = ("| 序号 | 企业名称 | 所在区域 |\n| --- | --- | --- |\n| 1 | 绵阳澜晟科技有限公司 | 绵阳高新区 |\n"
            "| 2 | 绵阳骁岚生物医药股份有限公司 | 天府生物城 |\n")
    assert {(f.subject, f.obj) for f in facts(text, "located_in")} == {("enterprise:绵阳澜晟科技有限公司", "park:绵阳高新区")}


def test_rewards_for_several_designations_respectively_or_each():
    got = {(f.designation, f.value) for f in facts(
        "温州高新区对首次入选瞪羚企业、独角兽企业的，分别给予50万元、200万元奖励。", "incentive")}
    assert got == {("GAZELLE", 500000), ("UNICORN", 2000000)}
    got = {(f.designation, f.value) for f in facts(
        "温州高新区对首次认定为国家高新技术企业、科技型中小企业的，给予10万元奖励。", "incentive")}
    assert got == {("HIGH_TECH_ENTERPRISE", 100000), ("TECH_SME", 100000)}


def test_the_firm_named_before_the_body_that_recognised_it():
    text = "洛阳高新区的河南澜锐电子材料有限公司被河南省科技厅认定为河南省科技型中小企业。"
    assert {f.subject for f in facts(text, "recognition")} == {"enterprise:河南澜锐电子材料有限公司"}


def test_members_of_a_named_list_that_is_no_designation():
    text = "河南省科技厅日前公布了2024年度河南省创新龙头企业名单，洛阳晟澜轴承股份有限公司等5家企业上榜。"
    got = {(f.subject, f.designation, f.honour, f.level) for f in facts(text, "recognition")}
    assert got == {("enterprise:洛阳晟澜轴承股份有限公司", "OTHER", "河南省创新龙头企业", "ProvincialLevel")}


def test_firms_taking_part_in_an_event_are_not_placed_by_it():
    text = "潍坊高新区举办创新大会。潍坊澜重汽车集团有限公司、浪潮电子信息产业股份有限公司等单位参加了活动。"
    assert facts(text, "located_in") == []


def test_a_firm_said_to_be_several_designations_holds_each():
    got = {(f.designation, f.level) for f in facts("四川澜泽电子有限公司是国家高新技术企业和四川省专精特新中小企业。", "recognition")}
    assert got == {("HIGH_TECH_ENTERPRISE", "NationalLevel"), ("SRDI_SME", "ProvincialLevel")}


def test_titles_of_a_subject_after_a_headline_without_a_full_stop():
    text = "绵阳高新区：专精特新企业梯队加速成长\n作为国家级专精特新“小巨人”企业，绵阳澜驰新材料股份有限公司深耕新材料领域。"
    assert {(f.subject, f.designation) for f in facts(text, "recognition")} == {
        ("enterprise:绵阳澜驰新材料股份有限公司", "LITTLE_GIANT")}
    assert facts("该区将招商引资作为重点工作，绵阳晟铂科技有限公司落户。", "recognition") == []


def test_a_figure_reached_in_a_year_goes_on_with_its_designation_and_a_streak_is_no_count():
    text = "全区科技型中小企业评价入库数量连续三年突破1000家，2024年达到1350家。"
    assert {(f.designation, f.value, f.year) for f in facts("郴州高新区召开大会。" + text, "count")} == {
        ("TECH_SME", 1350, 2024)}


def test_a_district_issues_a_document():
    assert {(f.subject, f.obj) for f in facts("宁波市镇海区制定《镇海区企业研发投入后补助办法》。", "issued_by")} == {
        ("policy:镇海区企业研发投入后补助办法", "organization:镇海区")}


def test_a_count_of_firms_entering_a_list_that_is_no_designation():
    got = {(f.designation, f.honour, f.value) for f in facts("绵阳高新区8家企业入选四川省创新型领军企业名单。", "count")}
    assert got == {("OTHER", "四川省创新型领军企业名单", 8)}
    assert facts("绵阳高新区12家企业入选重点项目名单。", "count") == []


def test_a_bracket_is_read_whole_when_clauses_are_split():
    text = "成都澜图科技股份有限公司（股票代码：688123）获评瞪羚企业。"
    assert {(f.subject, f.designation) for f in facts(text, "recognition")} == {
        ("enterprise:成都澜图科技股份有限公司", "GAZELLE")}


def test_a_recognition_this_year_takes_no_year_from_another_firms():
    text = ("陕西澜光光电科技有限公司2023年入选国家级专精特新“小巨人”企业。"
            "西安晟骁半导体有限公司也于今年入选第六批国家级专精特新“小巨人”企业。")
    assert {(f.subject, f.year) for f in facts(text, "recognition")} == {
        ("enterprise:陕西澜光光电科技有限公司", 2023), ("enterprise:西安晟骁半导体有限公司", None)}


def test_a_firm_named_by_a_body_after_a_time_word_is_the_recipient():
    text = "洛阳澜锐电子材料股份有限公司成立于2009年，2021年被工信部评为国家级专精特新“小巨人”企业。"
    got = {(f.subject, f.designation, f.year) for f in facts(text, "recognition")}
    assert got == {("enterprise:洛阳澜锐电子材料股份有限公司", "LITTLE_GIANT", 2021)}


def test_a_clause_saying_what_the_firm_is_speaks_of_the_sentence_firm():
    text = "坐落于洛阳高新区的河南澜锐电子材料有限公司，是一家专注于电子浆料研发的国家高新技术企业。"
    got = {(f.subject, f.designation) for f in facts(text, "recognition")}
    assert got == {("enterprise:河南澜锐电子材料有限公司", "HIGH_TECH_ENTERPRISE")}


def test_having_is_an_honour_of_a_firm_only():
    firm = "河南澜锐电子材料有限公司落户洛阳高新区。公司拥有省级企业技术中心和自主构建的检测平台。"
    assert {(f.designation, f.level) for f in facts(firm, "recognition")} == {("ENTERPRISE_TECH_CENTER", "ProvincialLevel")}
    assert facts("洛阳高新区拥有国家级众创空间和省级企业技术中心。", "recognition") == []


def test_a_reward_for_listing_by_the_zone_the_article_is_about():
    text = "绵阳经开区资本市场再传捷报。开发区对在境内主板上市的企业给予最高1000万元奖励。"
    assert {(f.subject, f.designation, f.value) for f in facts(text, "incentive")} == \
        {("park:绵阳经开区", "LISTED", 10_000_000)}


def test_a_count_that_goes_on_after_a_ranking():
    got = {(f.designation, f.value) for f in facts("绵阳高新区召开大会。全区国家级“小巨人”企业数量位居全省第一，达12家。", "count")}
    assert got == {("LITTLE_GIANT", 12)}
    assert facts("绵阳高新区瞪羚企业发展势头良好，达到历史新高。", "count") == []


def test_members_of_a_result_announced_before_and_placed_by_the_section():
    text = ("日前，四川省科学技术厅公布了2025年度四川省瞪羚企业认定结果，绵阳高新区7家企业榜上有名。"
            "其中，四川澜星光电科技有限公司、绵阳九鼎智控股份有限公司为首次获评；天瑞达医疗、蜀峰新材等5家企业通过复评。")
    firms = {"四川澜星光电科技有限公司", "绵阳九鼎智控股份有限公司", "天瑞达医疗", "蜀峰新材"}
    assert {(f.subject, f.designation, f.level, f.year) for f in facts(text, "recognition")} == \
        {(f"enterprise:{n}", "GAZELLE", "ProvincialLevel", 2025) for n in firms}
    assert {f.subject for f in facts(text, "located_in")} == {f"enterprise:{n}" for n in firms}


def test_the_year_of_a_joint_list_is_each_designations():
    text = ("近日，科技部公布2025年度国家级科技企业孵化器和国家备案众创空间名单。绵阳高新区创业服务中心获批国家级科技企业孵化器，"
            "澜创之星（绵阳）众创空间入选国家备案众创空间。")
    assert {(f.designation, f.year) for f in facts(text, "recognition")} == {("INCUBATOR", 2025), ("MAKERSPACE", 2025)}


def test_a_citys_reward_is_not_the_zones():
    city = "绵阳高新区出台政策。此外，绵阳市政府出台的《绵阳市支持企业上市的若干措施》明确，企业在主板上市的，给予最高800万元奖励。"
    assert facts(city, "incentive") == []
    own = "绵阳高新区出台政策。《绵阳高新区支持企业上市的若干措施》明确，企业在主板上市的，给予最高800万元奖励。"
    assert {(f.subject, f.value) for f in facts(own, "incentive")} == {("park:绵阳高新区", 8_000_000)}


def test_respective_rewards_for_designations_with_their_own_levels():
    text = ("《德阳高新区促进企业梯度培育若干措施》明确，对首次认定为国家级专精特新“小巨人”企业、省级专精特新中小企业、"
            "创新型中小企业的，分别给予50万元、20万元、5万元奖励。")
    assert {(f.designation, f.value) for f in facts(text, "incentive")} == \
        {("LITTLE_GIANT", 500_000), ("SRDI_SME", 200_000), ("INNOVATIVE_SME", 50_000)}


def test_the_owner_of_a_firm_that_settles_is_not_placed():
    text = "澜晟集团旗下的配套企业晟铂科技有限公司去年签约落户绵阳高新区。"
    assert ("enterprise", "澜晟集团") in {(e.kind, e.key) for e in extract_article("t.txt", text).entities}
    assert "enterprise:澜晟集团" not in {f.subject for f in facts(text, "located_in")}
    assert "enterprise:晟铂科技有限公司" in {f.subject for f in facts(text, "located_in")}


def test_names_right_after_a_designation_hold_it():
    text = "会上，新晋国家级专精特新“小巨人”企业澜途科技、蓝晶电子分别作典型发言。"
    assert {(f.subject, f.designation, f.level) for f in facts(text, "recognition")} == \
        {("enterprise:澜途科技", "LITTLE_GIANT", "NationalLevel"), ("enterprise:蓝晶电子", "LITTLE_GIANT", "NationalLevel")}
    listed = "2025年度郴州高新区瞪羚企业：湖南澜峰动力科技有限公司、郴州晟远轨道装备有限公司。"
    assert {(f.designation, f.level, f.year) for f in facts(listed, "recognition")} == {("GAZELLE", "ParkLevel", 2025)}


def test_a_notice_that_announces_a_list_names_its_designation():
    text = "近日，江西省科技厅发布《关于公布2025年度江西省瞪羚企业名单的通知》，赣州高新区4家企业入选。"
    assert {(f.subject, f.designation, f.value, f.year) for f in facts(text, "count")} == \
        {("park:赣州高新区", "GAZELLE", 4, 2025)}


def test_a_partner_signing_an_agreement_is_not_placed_but_a_settler_is():
    text = "内江高新区打造装备制造产业集群。近日，四川澜锐新材料有限公司与德阳某高校签署合作协议。"
    assert facts(text, "located_in") == []
    settling = "内江高新区打造装备制造产业集群。近日，四川澜锐新材料有限公司与内江高新区签署入驻协议。"
    assert {f.subject for f in facts(settling, "located_in")} == {"enterprise:四川澜锐新材料有限公司"}


def test_rows_of_a_table_under_an_announced_list():
    text = ("近日，湖南省科技厅公布2025年度湖南省瞪羚企业名单。以下为部分入选企业名单：\n序号 企业名称 所在园区\n"
            "1 湖南澜峰动力科技有限公司 郴州高新区\n2 长沙晟远智能科技有限公司 长沙高新区\n")
    assert {(f.subject, f.designation, f.level, f.year) for f in facts(text, "recognition")} == {
        ("enterprise:湖南澜峰动力科技有限公司", "GAZELLE", "ProvincialLevel", 2025),
        ("enterprise:长沙晟远智能科技有限公司", "GAZELLE", "ProvincialLevel", 2025)}
    assert {(f.subject, f.obj) for f in facts(text, "located_in")} == {
        ("enterprise:湖南澜峰动力科技有限公司", "park:郴州高新区"), ("enterprise:长沙晟远智能科技有限公司", "park:长沙高新区")}


def test_a_level_of_another_clause_is_not_a_nationally_defined_designations():
    text = "澜峰科技获评国家级专精特新重点小巨人企业，晟铂医药入选省级专精特新企业，澜江机械获评『小巨人』企业，蓝屹新材入选种子独角兽企业。"
    got = {(f.subject, f.designation, f.level) for f in facts(text, "recognition")}
    assert ("enterprise:澜峰科技", "LITTLE_GIANT", "NationalLevel") in got
    assert ("enterprise:澜江机械", "LITTLE_GIANT", "NationalLevel") in got
    assert {d for s, d, _ in got if s == "enterprise:澜峰科技"} == {"LITTLE_GIANT"}
    assert {d for s, d, _ in got if s == "enterprise:蓝屹新材"} == {"OTHER"}        # 种子独角兽: a programme of its own


def test_parks_listed_before_respective_figures_of_the_last_count():
    text = "长沙高新区去年新增高新技术企业520家。岳阳高新区、益阳高新区分别新增210家、180家。"
    assert {(f.subject, f.designation, f.value) for f in facts(text, "count")} == {
        ("park:长沙高新区", "HIGH_TECH_ENTERPRISE", 520), ("park:岳阳高新区", "HIGH_TECH_ENTERPRISE", 210),
        ("park:益阳高新区", "HIGH_TECH_ENTERPRISE", 180)}


def test_bodies_before_a_count_of_platforms_hold_their_title():
    text = "泸州高新区目前已建成澜川大学、泸州澜新能源研究院等3个泸州市级工程技术研究中心。"
    assert {(f.subject, f.honour, f.level) for f in facts(text, "recognition")} == {
        ("organization:澜川大学", "泸州市级工程技术研究中心", "MunicipalLevel"),
        ("organization:泸州澜新能源研究院", "泸州市级工程技术研究中心", "MunicipalLevel")}
    assert facts("郴州高新区与湖南大学、中南大学等10个单位签约，与湖南大学、中南大学等3个高校共建研究院。", "recognition") == []


def test_the_firm_named_before_lists_as_该公司():
    text = "“支持让企业更有底气。”常州晟锐新材料科技有限公司董事长王磊说。该公司今年6月成功登陆北交所，成为园区第38家上市企业。"
    assert {(f.subject, f.designation) for f in facts(text, "recognition")} == \
        {("enterprise:常州晟锐新材料科技有限公司", "LISTED")}
    assert facts(text, "count") == []


def test_members_after_a_count_in_chinese_numerals():
    text = "工信部公布第七批专精特新“小巨人”企业名单，常州高新区三家企业入选，分别是澜动机器人、晟锐新材和骁腾精工。"
    assert {f.subject for f in facts(text, "recognition")} == \
        {"enterprise:澜动机器人", "enterprise:晟锐新材", "enterprise:骁腾精工"}


def test_a_reward_clause_about_another_designation_does_not_carry_the_last_condition():
    text = "泸州高新区对新认定为国家级科技企业孵化器的，给予100万元一次性奖励；对新备案的国家级众创空间，给予50万元奖励。"
    assert {(f.designation, f.value) for f in facts(text, "incentive")} == {("INCUBATOR", 1_000_000), ("MAKERSPACE", 500_000)}


def test_firms_that_respectively_obtain_listed_honours():
    text = "遵义高新区区内企业澜云数据、黔智科技分别获评贵州省瞪羚企业、贵州省“专精特新”中小企业。"
    assert {(f.subject, f.designation) for f in facts(text, "recognition")} == {
        ("enterprise:澜云数据", "GAZELLE"), ("enterprise:黔智科技", "SRDI_SME")}


def test_a_count_of_firms_on_a_joint_list_is_no_count_of_either():
    text = "浙江省科技厅公布潜在独角兽企业和瞪羚企业名单，湖州高新区共有17家企业上榜，其中潜在独角兽企业2家、瞪羚企业15家。"
    assert {(f.designation, f.value) for f in facts(text, "count")} == {("POTENTIAL_UNICORN", 2), ("GAZELLE", 15)}


def test_a_reward_to_the_holders_of_a_designation_named_after_对():
    text = "湖州高新区对入选的潜在独角兽企业给予100万元奖励，对瞪羚企业给予50万元奖励。"
    assert {(f.designation, f.value) for f in facts(text, "incentive")} == {
        ("POTENTIAL_UNICORN", 1_000_000), ("GAZELLE", 500_000)}


def test_a_counted_category_is_named_after_the_words_leading_into_it():
    text = "截至目前，湖州高新区已累计拥有国家知识产权示范企业4家。"
    assert {(f.honour, f.value) for f in facts(text, "count")} == {("国家知识产权示范企业", 4)}


def test_a_preposition_opens_no_firm_name():
    text = "嘉兴澜舟科技有限公司负责人说，公司凭借创新积分获得了贷款。该公司2022年被认定为浙江省专精特新中小企业。"
    assert {(f.subject, f.designation) for f in facts(text, "recognition")} == {
        ("enterprise:嘉兴澜舟科技有限公司", "SRDI_SME")}


def test_a_pronoun_after_a_firm_described_is_that_firm():
    text = ("——走进湖州高新区浙江澜帆精工科技有限公司\n在湖州高新区，有这样一家企业：它深耕精密零部件十余年，"
            "先后获评国家高新技术企业、浙江省隐形冠军企业，2024年入选制造业单项冠军企业名单。")
    assert {(f.subject, f.designation) for f in facts(text, "recognition")} == {
        ("enterprise:浙江澜帆精工科技有限公司", "HIGH_TECH_ENTERPRISE"), ("enterprise:浙江澜帆精工科技有限公司", "OTHER"),
        ("enterprise:浙江澜帆精工科技有限公司", "SINGLE_CHAMPION")}


def test_a_pronoun_for_a_park_is_neither_a_firm_nor_a_name():
    text = "嘉兴澜帆科技有限公司落户湖州高新区。湖州高新区成立于2012年，它先后获评国家级生态工业示范园区。"
    assert facts(text, "recognition") == []


def test_firms_joined_by_及_share_a_research_stations_title():
    text = "柳州高新区的广西澜柳智造有限公司及柳州澜洲生物科技有限公司获批建设国家级博士后科研工作站。"
    assert {(f.subject, f.honour, f.level) for f in facts(text, "recognition")} == {
        ("enterprise:广西澜柳智造有限公司", "国家级博士后科研工作站", "NationalLevel"),
        ("enterprise:柳州澜洲生物科技有限公司", "国家级博士后科研工作站", "NationalLevel")}


def test_firms_each_after_its_own_park_are_placed_in_that_park_alone():
    text = "其中，泉州高新区的泉州澜晶光电有限公司、漳州高新区的福建澜芯微电子有限公司入选。"
    assert {(f.subject, f.obj) for f in facts(text, "located_in")} == {
        ("enterprise:泉州澜晶光电有限公司", "park:泉州高新区"), ("enterprise:福建澜芯微电子有限公司", "park:漳州高新区")}


def test_a_list_of_another_honour_announced_before_its_members_and_counts():
    text = ("福建省工信厅公布2025年度省级企业研究院名单，全省共有120家企业入选。其中，泉州高新区的泉州澜晶光电有限公司、"
            "漳州高新区的福建澜芯微电子有限公司榜上有名。泉州高新区此次共有5家企业入选。")
    assert {(f.subject, f.honour, f.year) for f in facts(text, "recognition")} == {
        ("enterprise:泉州澜晶光电有限公司", "省级企业研究院", 2025), ("enterprise:福建澜芯微电子有限公司", "省级企业研究院", 2025)}
    assert {(f.subject, f.honour, f.value, f.year) for f in facts(text, "count")} == {
        ("park:泉州高新区", "省级企业研究院", 5, 2025)}


def test_partners_of_a_park_are_not_placed_but_a_firm_named_联合_is():
    text = "泉州高新区联合泉州银行、厦门澜海证券股份有限公司推出科创贷。泉州联合澜合科技有限公司位于泉州高新区。"
    assert {(f.subject, f.obj) for f in facts(text, "located_in")} == {
        ("enterprise:泉州联合澜合科技有限公司", "park:泉州高新区")}


def test_firms_that_enter_a_list_at_a_clauses_end_but_not_the_body_announcing_it():
    text = "国家科技评估中心公布了2025年度第二批入库科技型中小企业名单，泉州高新区的泉州澜湖科技有限公司等30家企业入库。"
    assert {(f.subject, f.designation, f.year) for f in facts(text, "recognition")} == {
        ("enterprise:泉州澜湖科技有限公司", "TECH_SME", 2025)}


def test_a_cumulative_count_since_a_year_has_no_year():
    assert {(f.value, f.year) for f in facts("自2019年以来，泉州高新区累计培育瞪羚企业45家。", "count")} == {(45, None)}


def test_trade_names_listed_before_their_count_hold_the_list():
    text = "泉州高新区的澜天电气、澜海科技、澜星智能三家企业入选2025年度福建省瞪羚企业名单。"
    assert {(f.subject, f.year) for f in facts(text, "recognition")} == {
        ("enterprise:澜天电气", 2025), ("enterprise:澜海科技", 2025), ("enterprise:澜星智能", 2025)}


def test_a_policy_issued_by_the_bodies_after_由():
    text = "《福建省高新技术企业倍增计划》由福建省科技厅、福建省财政厅联合印发。《泉州高新区人才新政》已由泉州高新区管委会发布。"
    assert {(f.subject, f.obj) for f in facts(text, "issued_by")} == {
        ("policy:福建省高新技术企业倍增计划", "organization:福建省科技厅"),
        ("policy:泉州高新区人才新政", "organization:泉州高新区管委会")}


def test_a_parks_own_name_that_is_no_place():
    text = "省工信厅同意认定青禾经开区园区内远帆精密股份有限公司为省级小巨人企业。"
    assert ("enterprise:远帆精密股份有限公司", "park:青禾经开区") in {(f.subject, f.obj) for f in facts(text, "located_in")}


def test_a_sentence_about_a_citys_firms_places_them_in_no_section_park():
    text = "青禾高新区今年新增瞪羚企业7家。在徐州市的120家瞪羚企业中，远帆精密、岭南芯材等企业营收居前。"
    assert facts(text, "located_in") == []


def test_recognitions_take_their_lists_level_and_year_but_not_when_gathered_over_years():
    text = ("远山省科技厅公布2024年度瞪羚企业名单。青禾精密、远帆光电入选瞪羚企业。"
            "园区累计有岭南芯材、北辰数控等企业入选瞪羚企业。")
    got = {(f.subject, f.level, f.year) for f in facts(text, "recognition") if f.designation == "GAZELLE"}
    assert ("enterprise:青禾精密", "ProvincialLevel", 2024) in got
    assert ("enterprise:岭南芯材", "ProvincialLevel", None) in got


def test_a_body_named_by_its_governments_level_issues_the_title_after_it():
    text = "根据省工信厅《关于做好瞪羚企业培育工作的通知》，青禾高新区组织申报。"
    assert {(f.subject, f.obj) for f in facts(text, "issued_by")} == {
        ("policy:关于做好瞪羚企业培育工作的通知", "organization:省工信厅")}


def test_the_members_named_after_a_count_of_firms_hold_its_designation():
    text = "2024年，园区入驻企业中有3家被认定为省级瞪羚企业，分别为江川微电子、海岳智能、北岸材料。"
    assert {f.subject for f in facts(text, "recognition")} == {
        "enterprise:江川微电子", "enterprise:海岳智能", "enterprise:北岸材料"}


def test_a_citys_government_issues_and_its_reward_is_no_parks():
    text = "青禾科技城获评国家级科技企业孵化器。市政府出台《关于加快孵化器建设的实施意见》，对新认定的国家级孵化器给予100万元奖励。"
    assert {(f.subject, f.obj) for f in facts(text, "issued_by")} == {
        ("policy:关于加快孵化器建设的实施意见", "organization:市政府")}
    assert facts(text, "incentive") == []


def test_numbered_items_one_per_line_under_a_list_hold_its_designation():
    text = ("经专家评审，现认定以下2家企业为2025年度省级瞪羚企业，名单如下：\n1.远帆云数信息技术有限公司\n"
            "2.岭南北斗精密制造股份有限公司\n")
    assert {(f.subject, f.designation, f.year) for f in facts(text, "recognition")} == {
        ("enterprise:远帆云数信息技术有限公司", "GAZELLE", 2025), ("enterprise:岭南北斗精密制造股份有限公司", "GAZELLE", 2025)}
