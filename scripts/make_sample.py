"""Write the bundled sample report (a fictitious township, 2025). Run once; the output is committed.

Kept as a script so the sample can be regenerated when the template or file format changes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.document import Report, UnitInfo  # noqa: E402
from core.report_file import save_report  # noqa: E402
from resources import SAMPLE_REPORT  # noqa: E402

UNIT = UnitInfo(
    name="清河县柳溪镇人民政府", kind="government", level="township", region="某某省清河县",
    address="清河县柳溪镇政府街18号", postcode="123400", phone="0000-1234567", fax="0000-1234568",
    email="lxzzwgk@example.gov.cn", website="http://www.qinghe.example.gov.cn",
)

OPENING = (
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
    "（国办公开办函〔2021〕30号）要求，柳溪镇人民政府编制本报告。本报告由总体情况、主动公开政府信息情况、"
    "收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项"
    "六部分组成。本报告中所列数据统计期限自2025年1月1日起至2025年12月31日止。本报告电子版可在清河县人民政府门户网站"
    "“政府信息公开”专栏查阅或下载。如对本报告有疑问，请与柳溪镇党政办公室联系（地址：清河县柳溪镇政府街18号，"
    "邮编：123400，电话：0000-1234567，传真：0000-1234568，电子邮箱：lxzzwgk@example.gov.cn）。"
)

TEXTS = {
    "overview": "2025年，柳溪镇人民政府认真贯彻落实《条例》和上级政务公开工作部署，坚持“以公开为常态、不公开为例外”，"
                "围绕乡村振兴、民生保障和基层治理，扎实推进政府信息公开工作。",
    "overview.proactive": "全年通过县政府门户网站柳溪镇专栏、“柳溪发布”微信公众号和村务公开栏主动公开政府信息312条，"
                          "其中财政预决算信息24条、惠民惠农补贴信息86条、乡村振兴项目信息41条。制发行政规范性文件2件，"
                          "废止1件，现行有效5件。",
    "overview.requests": "全年新收政府信息公开申请6件，上年结转1件。已办结6件，其中予以公开3件、部分公开1件、"
                         "本机关不掌握相关政府信息1件、信访举报投诉类申请1件；结转下年度继续办理1件。所有申请均在法定期限内答复。",
    "overview.management": "严格执行公开前保密审查和公开属性源头认定制度，落实“谁制定、谁审查、谁公开、谁负责”。"
                           "对镇政府制发文件开展清理，及时更新政府信息公开指南和目录。",
    "overview.platforms": "维护县政府门户网站柳溪镇政府信息公开专栏，规范栏目设置；办好“柳溪发布”微信公众号；"
                          "在镇便民服务中心设立政府信息公开查阅点，在12个行政村更新村务公开栏。",
    "overview.supervision": "镇党政办公室明确1名专职人员负责政务公开工作，全年组织专题培训2次。将政务公开纳入机关工作考核，"
                            "邀请群众代表开展社会评议，本年度未发生责任追究情况。",
    "problems": "本年度工作仍存在以下问题：一是政策解读形式较为单一，图解、视频解读较少；二是村级公开内容更新不够及时；"
                "三是工作人员业务能力有待提高。\n"
                "上年度报告提出的问题已逐项整改：公开指南已更新，查阅点已调整至便民服务中心。\n"
                "下一步，我镇将丰富政策解读形式，建立村务公开定期检查机制，加强业务培训。",
    "other_matters": "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度没有产生信息处理费。"
                     "本年度未发生需要报告的其他事项。",
}

CELLS = {
    "t2.regulations": {"issued": 0, "repealed": 0, "in_force": 0},
    "t2.normative_documents": {"issued": 2, "repealed": 1, "in_force": 5},
    "t2.licensing": {"decisions": 58},
    "t2.penalty": {"decisions": 7},
    "t2.coercion": {"decisions": 0},
    "t4.review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0},
    "t4.direct_suit": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0},
    "t4.suit_after_review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0},
}
APPLICANTS = ("natural", "commercial", "research", "public_interest", "legal_services", "other")
APPLICATIONS = {  # row: counts by applicant kind, in APPLICANTS order
    "new": (5, 1, 0, 0, 0, 0),
    "carried_over": (1, 0, 0, 0, 0, 0),
    "disclosed": (2, 1, 0, 0, 0, 0),
    "partly_disclosed": (1, 0, 0, 0, 0, 0),
    "unavailable_not_held": (1, 0, 0, 0, 0, 0),
    "unprocessed_petition": (1, 0, 0, 0, 0, 0),
    "carried_forward": (1, 0, 0, 0, 0, 0),
}


def fill_applications(report: Report, applications: dict[str, tuple[int, ...]]) -> None:
    """Table 三 row by row (counts in APPLICANTS order); rows not given are 0, totals are computed."""
    for cell in report.template.table("t3").cells:
        _, row, column = cell.split(".")
        if column in APPLICANTS and not report.template.cells[cell].computed:
            counts = applications.get(row, (0,) * len(APPLICANTS))
            report.set_value(cell, counts[APPLICANTS.index(column)])


def build_sample() -> Report:
    report = Report.new(2025, UNIT.name)
    report.unit = UNIT
    report.signing_date = dt.date(2026, 1, 20)
    report.opening = OPENING
    for key, text in TEXTS.items():
        report.set_text(key, text)
    for prefix, values in CELLS.items():
        for column, value in values.items():
            report.set_value(f"{prefix}.{column}", value)
    report.set_text_value("t2.fees.amount", "12.5")
    fill_applications(report, APPLICATIONS)
    return report


if __name__ == "__main__":
    save_report(build_sample(), SAMPLE_REPORT)
    print(f"wrote {SAMPLE_REPORT}")
