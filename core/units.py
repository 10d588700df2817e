"""Who a report is for: the unit's name, type, administrative level and contact details.

Unit types and levels decide which checks apply (a format's template names them by these keys)."""

from __future__ import annotations

from core.records import field_names, record

UNIT_KINDS = {"government": "人民政府", "department": "部门/机构"}
UNIT_LEVELS = {"province": "省级", "city": "设区的市", "county": "县级", "township": "乡镇街道"}

UNIT_FIELD_LABELS = {
    "name": "单位全称", "kind": "单位类型", "level": "行政层级", "region": "所在地区",
    "address": "地址", "postcode": "邮编", "phone": "电话", "fax": "传真",
    "email": "电子邮箱", "website": "网站", "reporter": "填报人", "reporter_phone": "联系电话",
}


@record
class UnitInfo:
    """Who the report is for and how the public reaches them."""

    name: str = ""  # full official name, e.g. "某某县某某镇人民政府"
    kind: str = "government"  # a key of UNIT_KINDS
    level: str = "township"  # a key of UNIT_LEVELS
    region: str = ""  # e.g. "宁夏回族自治区吴忠市利通区"
    address: str = ""
    postcode: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    # Who filled in the statistics, for the office above (the Excel 填报信息); not printed.
    reporter: str = ""
    reporter_phone: str = ""

    @property
    def kind_label(self) -> str:
        return UNIT_KINDS.get(self.kind, self.kind)

    @property
    def level_label(self) -> str:
        return UNIT_LEVELS.get(self.level, self.level)

    @classmethod
    def field_names(cls) -> list[str]:
        return list(field_names(cls))
