"""Workbooks laid out as the official annex (国办公开办函〔2021〕30号) and as published reports print
the three tables, built cell by cell from the annex's printed layout — not from the app's template
or its export — so that an import test cannot pass merely because reader and writer agree.

Every data cell gets a distinct number, so a value read from a neighbouring row or column shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import openpyxl

T2_BLOCKS = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("regulations", "规章"), ("normative_documents", "行政规范性文件")], ["issued", "repealed", "in_force"]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("licensing", "行政许可")], ["decisions"]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("penalty", "行政处罚"), ("coercion", "行政强制")], ["decisions"]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("fees", "行政事业性收费")], ["amount"]),
]
T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COLUMNS = ["natural", "commercial", "research", "public_interest", "legal_services", "other", "total"]
T3_CATEGORIES = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
# (key, label column text, group label starting here or None, group rows); label spans noted by level
T3_ROWS = [
    ("new", "一、本年新收政府信息公开申请数量", 0), ("carried_over", "二、上年结转政府信息公开申请数量", 0),
    ("disclosed", "（一）予以公开", 1), ("partly_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1),
    ("withheld_state_secret", "1.属于国家秘密", 2), ("withheld_prohibited", "2.其他法律行政法规禁止公开", 2),
    ("withheld_security", "3.危及“三安全一稳定”", 2), ("withheld_third_party", "4.保护第三方合法权益", 2),
    ("withheld_internal", "5.属于三类内部事务信息", 2), ("withheld_process", "6.属于四类过程性信息", 2),
    ("withheld_enforcement_file", "7.属于行政执法案卷", 2), ("withheld_inquiry", "8.属于行政查询事项", 2),
    ("unavailable_not_held", "1.本机关不掌握相关政府信息", 2), ("unavailable_needs_creation", "2.没有现成信息需要另行制作", 2),
    ("unavailable_unclear", "3.补正后申请内容仍不明确", 2),
    ("unprocessed_petition", "1.信访举报投诉类申请", 2), ("unprocessed_repeat", "2.重复申请", 2),
    ("unprocessed_publication", "3.要求提供公开出版物", 2), ("unprocessed_mass_repeat", "4.无正当理由大量反复申请", 2),
    ("unprocessed_confirmation", "5.要求行政机关确认或重新出具已获取信息", 2),
    ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2),
    ("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2),
    ("other_other", "3.其他", 2),
    ("total_results", "（七）总计", 1), ("carried_forward", "四、结转下年度继续办理", 0),
]
T3_GROUPS = [(4, 8, "（三）不予公开"), (12, 3, "（四）无法提供"), (15, 5, "（五）不予处理"), (20, 3, "（六）其他处理")]
T4_GROUPS = [("review", None), ("direct_suit", "未经复议直接起诉"), ("suit_after_review", "复议后起诉")]
T4_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T4_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]


def official(text: str) -> str:
    return text


def retyped(text: str) -> str:
    """Labels as people retype them: half-width brackets, "1、", plain quotes, 社会组织, line breaks
    inside long labels, a space inside four-character ones."""
    text = text.replace("（", "(").replace("）", ")")
    text = re.sub(r"^(\d)\.", r"\1、", text)
    text = text.replace("“", '"').replace("”", '"').replace("社会公益组织", "社会组织")
    if len(text) > 12:
        return text[:7] + "\n" + text[7:]
    if len(text) == 4:
        return text[:2] + " " + text[2:]
    return text


def seed_style(text: str) -> str:
    """As seed 001 prints them: "(一) 予以公开", "1. 属于国家秘密", 社会组织."""
    text = text.replace("（一）", "(一) ").replace("（二）", "(二) ").replace("（三）", "(三) ")
    text = text.replace("（四）", "(四) ").replace("（五）", "(五) ").replace("（六）", "(六) ").replace("（七）", "(七) ")
    text = re.sub(r"^(\d)\.", r"\1. ", text)
    return text.replace("社会公益组织", "社会组织")


@dataclass
class Layout:
    labels: Callable[[str], str] = official
    merge: bool = True
    totals: str = "typed"  # "typed", "blank" or "wrong" (a typed total that does not add up)
    old_t4_header: bool = False  # 行政复议 over header rows 1-2 and its results in row 3
    cut_labels: bool = False  # long row labels cut over two rows, as text pasted from a PDF


def expected_values(seed: int = 0) -> dict[str, object]:
    """A distinct value for every cell; totals add up."""
    values: dict[str, object] = {}
    n = seed
    for _, _, rows, columns in T2_BLOCKS:
        for key, _ in rows:
            for column in columns:
                n += 1
                values[f"t2.{key}.{column}"] = Decimal("3056.81805") if column == "amount" else n
    inputs = [r for r, _, _ in T3_ROWS if r != "total_results"]
    for r, key in enumerate(inputs):
        for c, column in enumerate(T3_COLUMNS[:-1]):
            values[f"t3.{key}.{column}"] = seed + 100 + 10 * r + c
    results = [k for k, _, _ in T3_ROWS[2:-2]]
    for column in T3_COLUMNS[:-1]:
        values[f"t3.total_results.{column}"] = sum(values[f"t3.{k}.{column}"] for k in results)
    for key, _, _ in T3_ROWS:
        values[f"t3.{key}.total"] = sum(values[f"t3.{key}.{c}"] for c in T3_COLUMNS[:-1])
    for g, (group, _) in enumerate(T4_GROUPS):
        for c, column in enumerate(T4_COLUMNS[:-1]):
            values[f"t4.{group}.{column}"] = seed + 10 * g + c + 1
        values[f"t4.{group}.total"] = sum(values[f"t4.{group}.{c}"] for c in T4_COLUMNS[:-1])
    return values


def _number(values: dict, key: str, layout: Layout):
    value = values[key]
    is_total = key.endswith(".total") or ".total_results." in key
    if is_total and layout.totals == "blank":
        return None
    if is_total and layout.totals == "wrong" and key == "t3.new.total":
        return value + 1
    return float(value) if isinstance(value, Decimal) else value


def _put(ws, row: int, col: int, text: str | None, layout: Layout, rows: int = 1, cols: int = 1) -> None:
    if text is not None:
        ws.cell(row, col, layout.labels(text))
    if layout.merge and (rows > 1 or cols > 1):
        ws.merge_cells(start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1)


def put_t2(ws, top: int, left: int, values: dict, layout: Layout) -> int:
    row = top
    for heading, headers, rows, columns in T2_BLOCKS:
        _put(ws, row, left, heading, layout, cols=4)
        ws.cell(row + 1, left, layout.labels("信息内容"))
        span = 1 if len(headers) > 1 else 3
        for n, header in enumerate(headers):
            _put(ws, row + 1, left + 1 + n, header, layout, cols=span)
        row += 2
        for key, label in rows:
            ws.cell(row, left, layout.labels(label))
            for n, column in enumerate(columns):
                ws.cell(row, left + 1 + n, _number(values, f"t2.{key}.{column}", layout))
                if span > 1 and layout.merge:
                    ws.merge_cells(start_row=row, start_column=left + 1, end_row=row, end_column=left + 3)
            row += 1
    return row


def put_t3(ws, top: int, left: int, values: dict, layout: Layout) -> int:
    _put(ws, top, left, T3_CORNER, layout, rows=3, cols=3)
    _put(ws, top, left + 3, "申请人情况", layout, cols=7)
    _put(ws, top + 1, left + 3, "自然人", layout, rows=2)
    _put(ws, top + 1, left + 4, "法人或其他组织", layout, cols=5)
    _put(ws, top + 1, left + 9, "总计", layout, rows=2)
    for n, text in enumerate(T3_CATEGORIES):
        ws.cell(top + 2, left + 4 + n, layout.labels(text))
    row = top + 3
    results_top = row + 2
    _put(ws, results_top, left, "三、本年度办理结果", layout, rows=22)
    group_rows = {start: (count, text) for start, count, text in T3_GROUPS}
    cut = 0
    for n, (key, label, level) in enumerate(T3_ROWS):
        at = row + n + cut
        if n in group_rows:
            count, text = group_rows[n]
            _put(ws, at, left + 1, text, layout, rows=count)
        col, span = (left, 3) if level == 0 else (left + 1, 2) if level == 1 else (left + 2, 1)
        if layout.cut_labels and len(label) > 12:
            ws.cell(at, col, layout.labels(label[:8]))
            ws.cell(at + 1, col, layout.labels(label[8:]))
        else:
            _put(ws, at, col, label, layout, cols=span)
        for c, column in enumerate(T3_COLUMNS):
            ws.cell(at, left + 3 + c, _number(values, f"t3.{key}.{column}", layout))
        if layout.cut_labels and len(label) > 12:
            cut += 1
    return row + len(T3_ROWS) + cut


def put_t4(ws, top: int, left: int, values: dict, layout: Layout) -> int:
    if layout.old_t4_header:
        _put(ws, top, left, "行政复议", layout, rows=2, cols=5)
        results_row = {0: top + 2}
    else:
        _put(ws, top, left, "行政复议", layout, cols=5)
        results_row = {0: top + 1}
    _put(ws, top, left + 5, "行政诉讼", layout, cols=10)
    for g, (group, heading) in enumerate(T4_GROUPS):
        first = left + 5 * g
        if heading:
            _put(ws, top + 1, first, heading, layout, cols=5)
        for c, (text, column) in enumerate(zip(T4_RESULTS, T4_COLUMNS, strict=True)):
            spans_two = g == 0 and not layout.old_t4_header
            _put(ws, results_row.get(g, top + 2), first + c, text, layout, rows=2 if spans_two else 1)
            ws.cell(top + 3, first + c, _number(values, f"t4.{group}.{column}", layout))
    return top + 4


def annex_workbook(path, layout: Layout, one_sheet: bool = False, title: bool = True, values: dict | None = None,
                   unit: str = "清河县柳溪镇人民政府", year: int = 2025):
    """The three tables as the annex prints them: on three sheets ("表二", …) or one after another on
    one sheet under the chapter headings; with or without the report's title above."""
    values = values or expected_values()
    wb = openpyxl.Workbook()
    title_text = f"{unit}{year}年政府信息公开工作年度报告" if title else None
    if one_sheet:
        ws = wb.active
        ws.title = "统计表"
        row = 1
        if title_text:
            ws.cell(1, 1, title_text)
            row = 3
        for heading, put in (("二、主动公开政府信息情况", put_t2), ("三、收到和处理政府信息公开申请情况", put_t3),
                             ("四、政府信息公开行政复议、行政诉讼情况", put_t4)):
            ws.cell(row, 1, heading)
            row = put(ws, row + 2, 1, values, layout) + 2
    else:
        sheets = [wb.active, wb.create_sheet(), wb.create_sheet()]
        for ws, name, put in zip(sheets, ("表二", "表三", "表四"), (put_t2, put_t3, put_t4), strict=True):
            ws.title = name
            top = 1
            if title_text:
                ws.cell(1, 1, f"附件：{title_text}" if name == "表二" else title_text)
                ws.cell(2, 1, f"{name}")
                top = 4
            put(ws, top, 1, values, layout)
    wb.save(path)
    return path
