"""Cross-year rules (R8, R9) and the copied-text measure (C11), with last year's report."""

from __future__ import annotations

from core.checks import run_checks
from core.report_file import load_report
from core.similarity import compare, sentence_forms, sentences
from resources import SAMPLE_REPORT


def _two_years():
    last = load_report(SAMPLE_REPORT)
    this = load_report(SAMPLE_REPORT)
    this.year, last.year = last.year, last.year - 1
    return this, last


def test_carried_over_must_equal_last_years_carried_forward():
    this, last = _two_years()
    last.set_value("t3.carried_forward.natural", 4)
    found = {f.id: f for f in run_checks(this, previous=last).findings}
    r8 = found["R8:natural"]
    assert r8.severity == "warning" and r8.targets == ("t3.carried_over.natural",)
    assert r8.message == (f"三、二、上年结转·自然人：表中 {this.value('t3.carried_over.natural')}，"
                          "上年报告的 四、结转下年度继续办理 为 4，两者应相等")


def test_documents_in_force_continue_from_last_year_as_a_formula():
    this, last = _two_years()
    last.set_value("t2.normative_documents.in_force", 5)
    this.set_value("t2.normative_documents.issued", 3)
    this.set_value("t2.normative_documents.repealed", 0)
    this.set_value("t2.normative_documents.in_force", 9)
    r9 = {f.id: f for f in run_checks(this, previous=last).findings}["R9:normative_documents"]
    assert r9.message == ("第二十条第（一）项 行政规范性文件·现行有效件数：应为上年现行有效件数 + 本年制发件数 − 本年废止件数，"
                          "上年 5 + 本年 3 − 本年 0 = 8，表中 9")
    this.explanations[r9.id] = "本年清理文件后重新统计"
    result = run_checks(this, previous=last)
    assert result.is_confirmed(next(f for f in result.findings if f.id == r9.id))
    this.set_value("t2.normative_documents.in_force", 8)
    assert "R9:normative_documents" not in {f.id for f in run_checks(this, previous=last).findings}


def test_copied_chapter_is_reported_with_its_share():
    this, last = _two_years()
    result = run_checks(this, previous=last)
    copied = {f.id: f for f in result.findings if f.rule_id == "C11"}
    overview = copied["C11:overview"]
    assert overview.severity == "warning" and "约 100% 的内容与上年报告相同" in overview.message
    assert "overview.proactive" in overview.targets  # the sections with repeated sentences
    this.set_text("problems", "本年度发现三个新问题：一是网站栏目更新不及时，二是政策解读形式单一，三是依申请公开答复文书不够规范。"
                              "下一步将建立栏目巡查制度，增加图解和视频解读，统一答复文书模板。")
    below = {f.id: f for f in run_checks(this, previous=last).findings}["C11:problems"]
    assert below.severity == "info" and "约 0% 的内容与上年报告相同" in below.message


def test_repeats_survive_changed_numbers_and_dates():
    last = "2024年，我镇收到政府信息公开申请3件，均已按期答复。全年召开专题会议2次，培训干部45人次。"
    this = "2025年，我镇收到政府信息公开申请5件，均已按期答复。全年组织开展政务公开进村入户宣传活动12场次。"
    similarity = compare(this, last)
    assert len(similarity.repeats) == 1 and this[similarity.repeats[0].start:].startswith("2025年，我镇收到")
    assert 30 < similarity.percent < 70


def test_r8_fires_across_the_2019_to_2021_change_with_last_years_figure():
    from core.carry_over import report_from_last_year
    from tests.conftest import FIXTURES

    last = load_report(FIXTURES / "sample_2020.nianbao")
    this, _ = report_from_last_year(last)
    carried = last.value("t3.carried_forward.natural")
    this.set_value("t3.carried_over.natural", carried + 2)
    result = run_checks(this)
    r8 = {f.id: f for f in result.findings}["R8:natural"]
    assert r8.message == (f"三、二、上年结转·自然人：表中 {carried + 2}，上年报告的 四、结转下年度继续办理 为 {carried}，"
                          "两者应相等")
    # 2019's 对外公开总数量 is not 2021's 现行有效件数: R9 cannot be assessed, and says why in plain words
    r9 = [n for n in result.not_assessable if n.rule_id == "R9"]
    assert [n.reason for n in r9] == ["上年报告的格式没有对应的数据"] * 2
    assert r9[0].message == "第二十条第（一）项 规章·现行有效件数：应为上年现行有效件数 + 本年制发件数 − 本年废止件数"


def test_without_last_years_report_the_cross_year_rules_are_not_assessable_never_errors():
    report = load_report(SAMPLE_REPORT)
    result = run_checks(report)
    cross = [n for n in result.not_assessable if n.rule_id in ("R8", "R9", "C11")]
    assert {n.reason for n in cross} == {"没有上年报告"} and len(cross) == 10
    assert not any("{" in n.message for n in result.not_assessable)
    assert not any(f.rule_id in ("R8", "R9", "C11", "C12") for f in result.findings)


def test_sentence_forms_are_the_forms_of_the_sentences():
    from tests.conftest import FIXTURES

    texts = ["", "  \n", "短句。", "2024年收到申请3件；２０２５年收到申请５件！\n\n  （一）主动公开情况。本机关高度重视"]
    for path in sorted(FIXTURES.glob("*.nianbao")):
        report = load_report(path)
        texts += [report.opening, *(text for _, text in report.iter_texts())]
    for text in texts:
        assert sentence_forms(text) == [s.form for s in sentences(text)]
    assert sum(len(sentence_forms(t)) for t in texts) > 200
