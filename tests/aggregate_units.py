"""Folders of units' files for the aggregation tests: our exports, official-layout workbooks made
cell by cell (tests/annex_workbooks.py), report files, and files that must not be summed."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from core.checks import run_checks
from core.document import Report
from core.export.xlsx_writer import write_xlsx
from core.report_file import load_report, save_report
from resources import SAMPLE_REPORT
from tests.annex_workbooks import Layout, annex_workbook, expected_values


def unit_report(name: str, seed: int, year: int = 2025) -> Report:
    """The sample with this unit's own name, texts and random inputs (totals recomputed)."""
    rng = random.Random(seed)
    report = load_report(SAMPLE_REPORT)
    old = report.unit.name
    report.unit.name = name
    report.year = year
    words = "政务公开平台建设规范制度培训监督考核信息发布解读回应依申请办理流程档案保密审查栏目更新"
    report.texts = {k: text.replace(old, name) + "".join(
        f"本单位{''.join(rng.choice(words) for _ in range(24))}。" for _ in range(max(4, len(text) // 8)))
        for k, text in report.texts.items()}
    for key, cell in report.template.cells.items():
        if cell.computed:
            continue
        if cell.type == "money":
            report.cells[key] = Decimal(rng.randint(0, 10**6)).scaleb(-rng.randint(0, 4))
        else:
            report.cells[key] = rng.choice([0, 0, 1, 2, rng.randint(0, 300)])
    balance(report)
    return report


def balance(report: Report) -> None:
    """Make 本年新收 + 上年结转 = 办理结果总计 + 结转下年度 hold in every column of 表三 (R1)."""
    report.recompute()
    for column in ("natural", "commercial", "research", "public_interest", "legal_services", "other"):
        need = report.value(f"t3.total_results.{column}") + report.value(f"t3.carried_forward.{column}")
        report.cells[f"t3.new.{column}"] = need - report.value(f"t3.carried_over.{column}")
        if report.cells[f"t3.new.{column}"] < 0:
            report.cells[f"t3.carried_over.{column}"] = need
            report.cells[f"t3.new.{column}"] = 0
    report.recompute()


def foreign_values(seed: int) -> dict:
    """The annex workbook's distinct values, balanced like a real unit's (totals typed, adding up)."""
    report = Report.new(2025, "")
    for key, value in expected_values(seed).items():
        if not report.template.cells[key].computed:
            report.cells[key] = value
    balance(report)
    return dict(report.cells)


def own_workbook(folder: Path, name: str, seed: int, year: int = 2025) -> tuple[Path, Report]:
    report = unit_report(name, seed, year)
    path = folder / f"{name}.xlsx"
    write_xlsx(report, path, run_checks(report))
    return path, report


def foreign_workbook(folder: Path, name: str, seed: int, year: int = 2025) -> tuple[Path, dict]:
    values = foreign_values(seed)
    path = folder / f"{name}.xlsx"
    annex_workbook(path, Layout(), unit=name, year=year, values=values)
    return path, values


def report_file(folder: Path, name: str, seed: int) -> tuple[Path, Report]:
    report = unit_report(name, seed)
    path = folder / f"{name}.nianbao"
    save_report(report, path)
    return path, report
