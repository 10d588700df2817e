"""Write the test fixtures: seed 001 entered as a report, and a report with deliberate errors.

Seed 001 (吴忠市利通区 2021) is read from ../shared/seeds; its prose is kept verbatim (page-break
line splits joined), its sub-headings of 一 are its own run-in headings ("（四）平台建设。"), it prints
no signature, its table values are as printed, and its five blank 行政复议 cells stay blank.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.document import Report, UnitInfo  # noqa: E402
from core.outline import OutlineChapter, OutlineSection, check_outline, default_outline  # noqa: E402
from core.report_file import save_report  # noqa: E402
from core.values import SLASH  # noqa: E402
from scripts.make_sample import build_sample  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "001_7769b43667f38014.txt"
FIXTURES = ROOT / "tests" / "fixtures"
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
SECTIONS = [("proactive", "（一）主动公开情况。"), ("requests", "（二）依申请公开情况。"),
            ("management", "（三）政府信息管理情况。"), ("platforms", "（四）平台建设。"), ("supervision", "（五）监督保障。")]


def _paragraphs(block: str) -> list[str]:
    """Join lines that a page break split in the middle of a sentence."""
    paragraphs: list[str] = []
    for line in (x.strip() for x in block.splitlines()):
        if not line:
            continue
        if paragraphs and not re.search(r"[。：；]$|\*\*$", paragraphs[-1]):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return [p.replace("**", "") for p in paragraphs]


def build_seed001() -> Report:
    text = SEED.read_text(encoding="utf-8")
    parts = re.split("|".join(map(re.escape, HEADINGS)), text)
    front, chapters = parts[0], dict(zip(HEADINGS, parts[1:], strict=True))
    report = Report.new(2021, "吴忠市利通区")
    report.unit = UnitInfo(name="吴忠市利通区", kind="government", level="county", region="宁夏回族自治区吴忠市",
                           address="利通区朝阳东街131号", postcode="751100", phone="0953-2666586",
                           fax="0953-2666585", email="ltqzfb@163.com", website="www.ltq.gov.cn")
    report.opening = [line for line in front.splitlines() if line.strip()][-1].strip()
    report.print_signature = False  # the seed ends with chapter 六
    report.run_in_headings = True  # "（四）平台建设。一是…": each sub-heading opens its paragraph
    outline = default_outline(report.template)
    own = tuple(OutlineSection(f"overview.{key}", title) for key, title in SECTIONS)
    report.outline = (OutlineChapter(outline[0].key, outline[0].title, own), *outline[1:])
    check_outline(report.template, report.outline)
    overview = _paragraphs(chapters[HEADINGS[0]])
    report.set_text("overview", overview[0])
    for key, title in SECTIONS:
        body = next(p for p in overview if p.startswith(title))
        report.set_text(f"overview.{key}", body[len(title):])
    report.set_text("problems", "\n".join(_paragraphs(chapters[HEADINGS[4]])))
    report.set_text("other_matters", "\n".join(_paragraphs(chapters[HEADINGS[5]])))

    values = {
        "t2.regulations": ["0", "0", "0"], "t2.normative_documents": ["9", "173", "49"],
        "t2.licensing": ["10723"], "t2.penalty": ["334"], "t2.coercion": ["0"], "t2.fees": ["3056.81805"],
    }
    for prefix, typed in values.items():
        row = report.template.table("t2").row(prefix.split(".")[1])
        for column, value in zip(row.columns, typed, strict=True):
            report.set_text_value(f"{prefix}.{column}", value)
    applicants = ("natural", "commercial", "research", "public_interest", "legal_services", "other")
    for cell in report.template.table("t3").cells:
        _, row, column = cell.split(".")
        if column in applicants and not report.template.cells[cell].computed:
            report.set_value(cell, {"new": 3, "disclosed": 2, "unprocessed_petition": 1}.get(row, 0) if column == "natural" else 0)
    for row in ("direct_suit", "suit_after_review"):
        for column in ("upheld", "corrected", "other", "pending"):
            report.set_value(f"t4.{row}.{column}", 0)
    # The seed prints 行政复议 blank: its 5 cells (including the total) stay blank.
    return report


def build_errors() -> Report:
    """The sample with one deliberate defect per rule, each with a known left/right/difference.

    Edits through set_value come first; the hand-typed totals after them would be recomputed otherwise.
    """
    report = build_sample()
    report.set_value("t3.new.natural", 6)  # R1 自然人: 6 + 1 vs 5 + 1
    report.set_value("t2.regulations.issued", 1)  # C7: 规章 in a township
    report.set_value("t4.review.pending", None)  # R7: a blank cell
    report.set_value("t4.direct_suit.pending", SLASH)  # R7: "/"
    report.set_text("problems", "无")  # C4
    report.set_text("other_matters", "本年度无其他需要报告的事项。")  # C5
    report.set_text("overview.supervision", "")  # C3, and C6: 考核/评议/责任追究 are no longer mentioned
    report.signing_date = report.signing_date.replace(year=2025)  # C8: signed before the period ended
    report.cells["t3.total_results.commercial"] = 3  # R3 商业企业: 3 vs 1 (a hand-typed total)
    report.cells["t3.disclosed.total"] = 4  # R4 予以公开: 4 vs 3
    report.cells["t4.suit_after_review.total"] = 2  # R5 复议后起诉: 2 vs 0
    report.cells["t2.penalty.decisions"] = -1  # R6: a negative count kept from a file
    return report


if __name__ == "__main__":
    save_report(build_seed001(), FIXTURES / "seed001_litong_2021.nianbao")
    save_report(build_errors(), FIXTURES / "errors_2025.nianbao")
    for stale in FIXTURES.glob("*.bak"):
        stale.unlink()
    print("wrote fixtures")
