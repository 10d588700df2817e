"""Rules about the texts: chapters and sections filled, not trivial, mentioning what they must, and the
reporting period stated in the right year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.checks.context import CheckContext
from core.checks.findings import FRONT_MATTER, Finding, Outcome, Passed
from core.template.model import Rule


def _chapter_key(context: CheckContext, text_key: str) -> str:
    chapter = context.report.chapter_of_text(text_key)
    return chapter.key if chapter else FRONT_MATTER


def chapters_filled(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    for chapter in context.report.chapters:
        if chapter.table is not None:
            continue
        if context.report.chapter_text(chapter.key).strip():
            yield Passed(rule.id, chapter.key)
        else:
            yield Finding(rule.id, rule.severity, rule.message.format(heading=chapter.heading), chapter.key,
                          (chapter.key,), chapter.key)


def topics_covered(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    """A written chapter covers each topic the format requires, under whatever sub-headings the unit
    chose (or none): the topic's words appear in its text or its headings."""
    key = rule.params["text"]
    text = context.text(key)
    if not text.strip():
        return  # an empty chapter is reported as such
    for topic, pattern in rule.params["topics"].items():
        if pattern.search(text):
            yield Passed(rule.id, topic)
        else:
            message = rule.message.format(heading=context.heading(key), topic=topic)
            yield Finding(rule.id, rule.severity, message, _chapter_key(context, key), (key,), topic)


def text_not_trivial(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    """A text that says nothing ("无", "暂无") where the format asks for substance."""
    key = rule.params["text"]
    text = context.text(key)
    words = "|".join(re.escape(w) for w in rule.params["trivial"])
    if text.strip() and re.fullmatch(rf"[\s　]*(?:{words})[\s　。.]*", text):
        message = rule.message.format(heading=context.heading(key), text=text.strip())
        yield Finding(rule.id, rule.severity, message, _chapter_key(context, key), (key,))
    else:
        yield Passed(rule.id)


def text_mentions(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    """A written text must mention each of its terms (only for the unit kinds given, if any)."""
    params = rule.params
    kinds = params.get("unit_kinds")
    key = params["text"]
    text = context.text(key)
    if (kinds and context.report.unit.kind not in kinds) or not text.strip():
        yield Passed(rule.id)
        return
    missing = [term for term, pattern in params["terms"].items() if not pattern.search(text)]
    if not missing:
        yield Passed(rule.id)
        return
    target = params.get("target") or key
    message = rule.message.format(heading=context.heading(key), missing="、".join(missing))
    yield Finding(rule.id, rule.severity, message, _chapter_key(context, key), (target,))


def reporting_period(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    """The text states the period the data covers, in the report's year."""
    params, messages, report = rule.params, rule.messages, context.report
    key = params["text"]
    text = context.text(key)
    chapter = _chapter_key(context, key)
    if not text.strip():
        yield Finding(rule.id, rule.severity, messages["missing"], chapter, (key,), "missing")
        return
    years = {int(y) for y in params["year_pattern"].findall(text)}
    if years and report.year not in years:
        message = messages["wrong_year"].format(written=min(years), year=report.year)
        yield Finding(rule.id, rule.severity, message, chapter, (key,), "year")
    elif not years and params["keyword"] not in text:
        yield Finding(rule.id, rule.severity, messages["not_stated"].format(year=report.year), chapter, (key,),
                      "missing_period")
    else:
        yield Passed(rule.id)


def unedited_drafts(rule: Rule, context: CheckContext) -> Iterator[Outcome]:
    """Texts carried over from last year's report as drafts and not yet rewritten."""
    from core.drafts import unchanged_drafts

    report = context.report
    by_chapter: dict[str, list[str]] = {}
    for key in unchanged_drafts(report):
        by_chapter.setdefault(_chapter_key(context, key), []).append(key)
    for chapter_key, keys in by_chapter.items():
        chapter = report.find_chapter(chapter_key)
        written = [k for k in report.text_keys if report.text(k).strip() and _chapter_key(context, k) == chapter_key]
        if chapter is not None and len(keys) > 1 and keys == written:
            heading = chapter.heading  # the whole chapter is still last year's
        elif len(keys) == 1 or chapter is None:
            heading = context.heading(keys[0]) or report.template.front_matter.opening_title
        else:  # one finding per chapter, naming its parts still as drafted
            parts = [section.title if (section := report.section(key)) else "章首文字" for key in keys]
            heading = f"{chapter.heading}中的{'、'.join(parts)}"
        yield Finding(rule.id, rule.severity, rule.message.format(heading=heading), chapter_key, tuple(keys),
                      keys[0] if len(keys) == 1 else chapter_key)
    yield Passed(rule.id)
