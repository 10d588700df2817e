"""Standard sentences (常用语句) clerks insert into the texts, as data. ``{year}``, the unit fields
and the format's official basis (the template's ``basis``) are filled in from the report when the
sentence is inserted."""

from __future__ import annotations

from dataclasses import dataclass

from core.document import Report


@dataclass(frozen=True)
class Phrase:
    title: str  # menu entry
    text: str  # str.format template: {year}, {unit} (the unit's full name), {website}, {basis}, {contact}


PHRASES: tuple[Phrase, ...] = (
    Phrase("编制依据",
           "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{basis}要求，{unit}编制本报告。"),
    Phrase("统计期限", "本报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止。"),
    Phrase("电子版查阅", "本报告电子版可在{website}查阅。"),
    Phrase("联系方式", "{contact}"),
    Phrase("未产生信息处理费", "本年度没有产生信息处理费。"),
    Phrase("未收取信息处理费", "本年度未收取信息处理费。"),
    Phrase("无行政复议、行政诉讼", "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"),
    Phrase("无其他事项", "本年度无其他需要报告的事项。"),
)

_CONTACT_FIELDS = (("address", "地址"), ("postcode", "邮编"), ("phone", "电话"), ("fax", "传真"), ("email", "电子邮箱"))


def contact_sentence(report: Report) -> str:
    unit = report.unit
    details = "；".join(f"{label}：{getattr(unit, name)}" for name, label in _CONTACT_FIELDS if getattr(unit, name).strip())
    who = unit.name or "本机关"
    if not details:
        return f"如对本报告有任何疑问，请与{who}联系。"
    return f"如对本报告有任何疑问，请与{who}联系（{details}）。"


def fill(phrase: Phrase, report: Report) -> str:
    return phrase.text.format(
        year=report.year,
        basis=report.template.basis,
        unit=report.unit.name or "本机关",
        website=report.unit.website or "本机关门户网站",
        contact=contact_sentence(report),
    )
