"""The `nianbao` command: new, check, export and import; no arguments (or one .nianbao file) opens the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from cli.exit_codes import EXIT_FAILURE
from core import __version__

# The commands (and the core they need) are imported once the arguments are parsed: `--version`,
# `--help` and usage errors answer without loading them.


class _ChineseParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_FAILURE, f"参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _ChineseParser(prog="nianbao", description="政府信息公开工作年度报告编制工具。不带参数运行时打开图形界面。")
    parser.add_argument("--version", action="version", version=f"nianbao {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_ChineseParser)

    new = sub.add_parser("new", help="新建一份空白年报，或从上年报告新建")
    new.add_argument("--from", dest="from_file", metavar="LAST",
                     help="从上年报告新建（.nianbao、Excel 工作簿或已发布的 .docx/.html/.txt）：沿用单位信息，文字作为草稿，上年结转的数字按上年报告的结转数填入")
    new.add_argument("--year", type=int, help="报告年度，例如 2025（用 --from 时默认为上年报告年度 + 1）")
    new.add_argument("--unit", help="单位全称，例如 “某某县某某镇人民政府”（不用 --from 时必填）")
    new.add_argument("--kind", choices=["government", "department"],
                     help="单位类型：government 人民政府（默认），department 部门/机构")
    new.add_argument("--level", choices=["province", "city", "county", "township"],
                     help="行政层级：province 省级，city 设区的市，county 县级，township 乡镇街道（默认）")
    new.add_argument("--accept-partial", action="store_true", help="上年工作簿有无法识别的内容时，仍用能读取的部分")
    new.add_argument("-o", "--output", required=True, help="保存到的 .nianbao 文件")
    new.add_argument("--force", action="store_true", help="目标文件已存在时覆盖（原文件保留为 .bak）")
    new.set_defaults(handler="new_report")

    check = sub.add_parser("check", help="检查年报，按章节列出所有问题；有错误时退出码为 1")
    check.add_argument("file", help=".nianbao 文件")
    check.add_argument("--json", action="store_true", help="以 JSON 格式输出，供其他程序读取")
    check.add_argument("--previous", metavar="LAST",
                       help="上年报告（.nianbao 或 Excel 工作簿），本次检查用它做跨年度检查和文字重复比对；报告文件不改动")
    check.add_argument("--keep-previous", action="store_true",
                       help="与 --previous 一起用：把该上年报告保存到报告文件中（原文件保留为 .bak）")
    check.add_argument("--accept-partial", action="store_true", help="上年工作簿有无法识别的内容时，仍用能读取的部分")
    check.set_defaults(handler="check_report")

    export = sub.add_parser("export", help="导出 Word 和/或 Excel")
    export.add_argument("file", help=".nianbao 文件")
    export.add_argument("--docx", metavar="OUT", help="导出 Word 文件（.docx）")
    export.add_argument("--xlsx", metavar="OUT", help="导出 Excel 文件（.xlsx）")
    export.add_argument("--fonts", choices=["official", "windows"], default="official",
                        help="Word 字体：official 公文字体（仿宋_GB2312 等，默认），windows 系统自带字体（仿宋、楷体、宋体）")
    export.add_argument("--run-in-headings", action="store_true", default=None,
                        help="Word 中小标题与正文接排（如“（一）小标题。正文……”）；不加时按报告自己的设置")
    export.add_argument("--no-signature", action="store_true",
                        help="Word 中不打印落款（单位名称和日期）；不加时按报告自己的设置")
    export.set_defaults(handler="export_report")

    imports = sub.add_parser("import", help="从 Excel 统计表或已发布的年报（Word、网页、文字）导入为年报文件")
    imports.add_argument("file", help=".xlsx 工作簿，或已发布的年度报告：.docx、.html/.htm、.txt（从 PDF 复制出的文字）")
    imports.add_argument("-o", "--output", required=True, help="保存到的 .nianbao 文件")
    imports.add_argument("--year", type=int, help="报告年度（文件中没有写明年度时必须指定）")
    imports.add_argument("--unit", help="单位全称（文件中没有写明单位时填写；填写后以此为准）")
    imports.add_argument("--kind", choices=["government", "department"],
                         help="单位类型：government 人民政府，department 部门/机构（不填时按单位名称判断）")
    imports.add_argument("--level", choices=["province", "city", "county", "township"],
                         help="行政层级：province 省级，city 设区的市，county 县级，township 乡镇街道（不填时按单位名称判断）")
    imports.add_argument("--accept-partial", action="store_true", help="有无法识别的内容时，仍保存能读取的部分")
    imports.add_argument("--force", action="store_true", help="目标文件已存在时覆盖（原文件保留为 .bak）")
    imports.set_defaults(handler="import_workbook")

    agg = sub.add_parser("aggregate", help="汇总下级单位的报表：逐个审核，并生成本级的汇总报告；有单位出错时退出码为 1")
    agg.add_argument("files", nargs="+", metavar="文件或文件夹", help="单位的 .xlsx 工作簿、.nianbao 年报文件，或存放它们的文件夹")
    agg.add_argument("--year", type=int, required=True, help="汇总的报告年度，例如 2025")
    agg.add_argument("--unit", required=True, help="汇总报告的单位全称，例如 “某某县人民政府”")
    agg.add_argument("--kind", choices=["government", "department"], default="government",
                     help="汇总单位的类型：government 人民政府（默认），department 部门/机构")
    agg.add_argument("--level", choices=["province", "city", "county", "township"], default="county",
                     help="汇总单位的行政层级：province 省级，city 设区的市，county 县级（默认），township 乡镇街道")
    agg.add_argument("-o", "--output", required=True, help="汇总报告保存到的 .nianbao 文件")
    agg.add_argument("--xlsx", metavar="OUT", help="同时导出汇总工作簿（官方表格、明细、审核）")
    agg.add_argument("--roster", help="应报送单位名单（.csv 或 .xlsx，标题行含“单位名称”，可有“分组”“类型”“层级”）")
    agg.add_argument("--groups", help="只汇总名单中这些分组（本级），用逗号分隔，例如 “区直部门,直属事业单位”")
    agg.add_argument("--exclude", action="append", default=[], metavar="单位", help="不汇总此单位（可多次使用）")
    agg.add_argument("--include", action="append", default=[], metavar="单位",
                     help="此单位虽有错误仍然汇总（可多次使用）")
    agg.add_argument("--workers", type=int, default=0, help="同时读取文件的进程数（默认按处理器核数，最多 2 个）")
    agg.add_argument("--json", action="store_true", help="以 JSON 格式输出审核结果，供其他程序读取")
    agg.add_argument("--force", action="store_true", help="目标文件已存在时覆盖（原文件保留为 .bak）")
    agg.set_defaults(handler="aggregate_reports")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _make_output_safe()
    if not argv or (len(argv) == 1 and argv[0].lower().endswith(".nianbao")):
        from gui.app import main as gui_main

        return gui_main(argv)
    args = build_parser().parse_args(argv)
    if not getattr(args, "handler", None):
        build_parser().print_help()
        return EXIT_FAILURE
    from cli import commands

    try:
        return getattr(commands, args.handler)(args)
    except BrokenPipeError:  # the reader stopped early (`nianbao check … | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE


def _make_output_safe() -> None:
    """A console that cannot show a character must not crash a check run (e.g. GBK on Windows)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


if __name__ == "__main__":
    sys.exit(main())
