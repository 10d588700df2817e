"""Write tests/fixtures/sample_2020.nianbao: a filled 2020 report of a fictitious county bureau in the
2019 format (国办公开办函〔2019〕60号). Run once; the output is committed.

Every block of the 2019 table 二 is used (a negative 本年增/减, 政府集中采购 in 万元), table 三 has
results in （六）其他处理, table 四 has cases, and the prose states the figures the checks compare
with the tables, so the report passes every check.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.document import Report, UnitInfo  # noqa: E402
from core.report_file import save_report  # noqa: E402
from scripts.make_sample import fill_applications  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "sample_2020.nianbao"

UNIT = UnitInfo(
    name="清河县市场监督管理局", kind="department", level="county", region="某某省清河县",
    address="清河县人民路66号", postcode="123400", phone="0000-7654321", fax="0000-7654322",
    email="qhxscjgj@example.gov.cn", website="http://www.qinghe.example.gov.cn",
)

OPENING = (
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于"
    "政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，清河县市场监督管理局编制本报告。"
    "本报告中所列数据统计期限自2020年1月1日起至2020年12月31日止。本报告电子版可在清河县人民政府门户网站"
    "“政府信息公开”专栏查阅或下载。如对本报告有疑问，请与清河县市场监督管理局办公室联系（地址：清河县人民路66号，"
    "邮编：123400，电话：0000-7654321，传真：0000-7654322，电子邮箱：qhxscjgj@example.gov.cn）。"
)

TEXTS = {
    "overview": "2020年，清河县市场监督管理局认真贯彻新修订的《条例》，围绕疫情防控、复工复产和市场秩序，"
                "坚持“以公开为常态、不公开为例外”，推进政府信息公开工作。",
    "overview.proactive": "全年通过县政府门户网站本局专栏和“清河市场监管”微信公众号主动公开政府信息2106条，"
                          "其中行政许可决定信息1268条、行政处罚决定信息214条。制作并公开规范性文件1件，"
                          "政府集中采购项目9个。"
                          "疫情期间及时公开口罩等防疫物资价格监测和执法检查信息。",
    "overview.requests": "全年新收政府信息公开申请18件，上年结转1件。已办结18件，其中予以公开8件、部分公开2件、"
                         "不予公开1件、无法提供4件、不予处理2件、其他处理1件；结转下年度继续办理1件。",
    "overview.management": "落实公开前保密审查和公开属性源头认定，按新《条例》更新政府信息公开指南和目录，"
                           "清理本局制发的规范性文件，及时调整权责清单事项。",
    "overview.platforms": "维护县政府门户网站本局政府信息公开专栏，规范栏目设置；在局政务服务窗口设立政府信息公开查阅点。",
    "overview.supervision": "局办公室明确2名兼职人员负责政府信息公开工作，全年组织业务培训2次，"
                            "将政府信息公开纳入股室年度考核。本年度被申请行政复议1件，被提起行政诉讼1件。",
    "problems": "本年度工作仍存在以下问题：一是部分执法信息公开不够及时；二是政策解读形式较为单一。\n"
                "下一步，我局将建立执法信息公开定期检查机制，增加图解、问答等解读形式。",
    "other_matters": "本年度未收取信息处理费。本年度无其他需要报告的事项。",
}

# Table 二 as typed: 2019 columns, including a negative 本年增/减 and the purchase amount in 万元.
TABLE_2 = {
    "t2.regulations": ["0", "0", "0"],
    "t2.normative_documents": ["1", "1", "6"],
    "t2.licensing": ["36", "-3", "1268"],
    "t2.other_services": ["52", "4", "3415"],
    "t2.penalty": ["1125", "38", "214"],
    "t2.coercion": ["25", "0", "17"],
    "t2.fees": ["2", "-1"],
    "t2.purchase": ["9", "386.42"],
}
APPLICATIONS = {  # row: counts by applicant kind, in APPLICANTS order
    "new": (14, 3, 0, 0, 1, 0),
    "carried_over": (1, 0, 0, 0, 0, 0),
    "disclosed": (6, 2, 0, 0, 0, 0),
    "partly_disclosed": (2, 0, 0, 0, 0, 0),
    "withheld_third_party": (1, 0, 0, 0, 0, 0),
    "unavailable_not_held": (3, 0, 0, 0, 1, 0),
    "unprocessed_petition": (1, 0, 0, 0, 0, 0),
    "unprocessed_repeat": (1, 0, 0, 0, 0, 0),
    "other_processing": (0, 1, 0, 0, 0, 0),
    "carried_forward": (1, 0, 0, 0, 0, 0),
}
APPEALS = {  # 结果维持, 结果纠正, 其他结果, 尚未审结
    "review": (1, 0, 0, 0),
    "direct_suit": (0, 0, 0, 1),
    "suit_after_review": (0, 0, 0, 0),
}


def build_sample_2020() -> Report:
    report = Report.new(2020, UNIT.name)
    report.unit = UNIT
    report.signing_date = dt.date(2021, 1, 22)
    report.opening = OPENING
    for key, text in TEXTS.items():
        report.set_text(key, text)
    t2 = report.template.table("t2")
    for prefix, typed in TABLE_2.items():
        row = t2.row(prefix.split(".")[1])
        for column, text in zip(row.columns, typed, strict=True):
            report.set_text_value(f"{prefix}.{column}", text)
    fill_applications(report, APPLICATIONS)
    for row, counts in APPEALS.items():
        for column, count in zip(("upheld", "corrected", "other", "pending"), counts, strict=True):
            report.set_value(f"t4.{row}.{column}", count)
    return report


if __name__ == "__main__":
    save_report(build_sample_2020(), FIXTURE)
    FIXTURE.with_name(FIXTURE.name + ".bak").unlink(missing_ok=True)
    print(f"wrote {FIXTURE}")
