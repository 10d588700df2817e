"""Compare a report's printed text with the published text of its seed, paragraph by paragraph.

Both are reduced to one stream of characters: whitespace removed (the PDF extraction broke lines and
spaced digits), half-width brackets made full-width (the extraction produced both), "**" dropped (the
extraction's marks for bold runs), page numbers ("- 4 -", "— 4 —") dropped. Each printed block — title
line, paragraph, heading, table row, signature — must then continue the seed's stream where the previous
one ended, and begin where a line of the seed begins (a run-in heading's text excepted). Where the seed
prints one paragraph per line, every line of the seed must also begin a block, so two paragraphs joined
into one are found too. Whatever does not match is listed, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.printed_text import PrintedBlock
from tests.conftest import SEEDS_DIR

PAGE_NUMBER = re.compile(r"^\s*[-—–]\s*\d+\s*[-—–]\s*$")


@dataclass(frozen=True)
class Repair:
    """A place where the extraction garbled the seed, put right: ``old`` → ``new``, ``count`` times."""

    old: str
    new: str
    why: str
    count: int = 1


FILES = {"000": "000_3de0323ae760b06b.txt", "001": "001_7769b43667f38014.txt", "002": "002_228735099014d1ff.txt",
         "003": "003_f7e992f8f73b9ee1.txt", "004": "004_7192ca63686b88e7.txt"}
# Seeds whose extraction prints each paragraph (and table row) on one line; 000 and 003 wrap at the page width.
ONE_LINE_PER_PARAGRAPH = {"001", "002", "004"}
HEADER_004 = "统计指标\t单位\t统计数\n"

# Where the PDF extraction garbled a seed, put right before comparing (each must be found as often as said).
REPAIRS: dict[str, tuple[Repair, ...]] = {
    "001": (
        Repair("全面保障人民\n\n群众知情权", "全面保障人民群众知情权", "a paragraph of 一 split by a page break"),
        Repair("等 18\n\n个政务公开专区", "等 18个政务公开专区", "（四）平台建设 split by a page break"),
        Repair("根据平时工作情况对\n\n重点部门", "根据平时工作情况对重点部门", "a paragraph of 五 split by a page break"),
        Repair("(一) 予以公开\t2\t0\t0\t0\t0\t2\n\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\n"
               "\t(三) 不予公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\n2. 其他法律行政\t\t0\t0\t0\t0\t0\t0\n\n\t法规禁止公开\t\t\t\t\t\t\t",
               "(一) 予以公开\t2\t0\t0\t0\t0\t0\t2\n\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0\n"
               "\t(三) 不予公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0",
               "beside the vertical 三、本年度办理结果 the extraction lost five zeros of 表三 (each row's 总计, 2 and 0, "
               "is the sum of its six columns, so they are 0) and split 2.其他法律行政法规禁止公开 over a page break"),
        Repair("政府信息公开申\t0\t0\t0\t0\t0\t0\t0\n\n\t请\t\t\t\t\t\t\t", "政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
               "表三（六）2. split over a page break"),
    ),
    "002": (Repair("领导小组，指\n\n定了", "领导小组，指定了", "a paragraph of 一（二） split by a page break"),),
    "004": (
        Repair("该段\n\n于2018年7月23日", "该段于2018年7月23日", "a paragraph of 五 split by a page break"),
        Repair("回应解读的情况\t\t\n" + HEADER_004, "回应解读的情况\t\t\n", "the header row repeated on a new page"),
        Repair("驳回原告诉讼请求数\t件\t0\n" + HEADER_004, "驳回原告诉讼请求数\t件\t0\n", "the header row repeated on a new page"),
        Repair("\t统计指标\t单位 统计数\n", "", "the header row repeated on a new page, garbled"),
        Repair("危及国家安全、公共安全、经济\t件\t0\n\n安全和社会稳定\t\t", "危及国家安全、公共安全、经济安全和社会稳定\t件\t0",
               "a row label split over a page break"),
        Repair("1. 专职人员数(不包括政府公报及政府\t人\t1\n\n网站工作人员数)\t\t", "1. 专职人员数(不包括政府公报及政府网站工作人员数)\t人\t1",
               "a row label split over a page break"),
    ),
}


def seed_text(name: str, repaired: bool = False) -> str:
    """A seed's published text, with its REPAIRS applied when ``repaired`` (each found as often as said)."""
    text = (SEEDS_DIR / FILES[name]).read_text(encoding="utf-8")
    for repair in REPAIRS.get(name, ()) if repaired else ():
        found = text.count(repair.old)
        if found != repair.count:
            raise AssertionError(f"repair {repair.why!r}: found {found} times, expected {repair.count}")
        text = text.replace(repair.old, repair.new)
    return text


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("**", "").replace("(", "（").replace(")", "）")


def seed_stream(text: str) -> tuple[str, list[int]]:
    """A seed's text as one normalised stream, and where each of its non-blank lines starts in it."""
    stream, starts = "", []
    for line in text.splitlines():
        if not line.strip() or PAGE_NUMBER.match(line):
            continue
        starts.append(len(stream))
        stream += normalise(line)
    return stream, starts


def differences(blocks: list[PrintedBlock], stream: str, line_starts: list[int],
                one_line_per_paragraph: bool = False) -> list[str]:
    """Every difference between the printed blocks and the seed's stream, in reading order."""
    found: list[str] = []
    starts = set(line_starts)
    spans: list[tuple[int, int]] = []  # where matched blocks lie in the stream
    cursor = 0
    pending: list[str] = []  # printed text not found where it should be
    previous = ""
    for block in blocks:
        text = normalise(block.text)
        if not text:
            continue
        at = stream.find(text, cursor)
        if at < 0:
            pending.append(text)
            previous = block.kind
            continue
        if at > cursor or pending:
            seed_part = stream[cursor:at]
            if pending:
                found.append(f"the seed prints {seed_part!r} where the report prints {''.join(pending)!r}")
            else:
                found.append(f"the report leaves out {seed_part!r}")
            pending = []
        if at not in starts and previous != "section":
            found.append(f"{text[:20]!r} starts a paragraph in the report but not in the seed")
        spans.append((at, at + len(text)))
        cursor = at + len(text)
        previous = block.kind
    if pending or cursor < len(stream):
        tail = stream[cursor:]
        if pending:
            found.append(f"the seed prints {tail!r} where the report prints {''.join(pending)!r}")
        else:
            found.append(f"the report leaves out {tail!r}")
    if one_line_per_paragraph:  # a seed line that starts inside a printed block: two paragraphs made one
        for start in line_starts:
            if any(a < start < e for a, e in spans):
                found.append(f"the seed starts a paragraph at {stream[start:start + 20]!r}, the report does not")
    return found
