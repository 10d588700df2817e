"""How many lines a text takes in a given width: the Word export's own line breaking, used to
plan where pages end (docx_flow) and how tall table rows are (docx_table_layout).

The estimate errs on the long side, as LibreOffice lays out our files: no punctuation hangs in the
margin (see docx_styles), a closing mark never starts a line and takes the character before it
along, an opening mark never ends one, a run of Latin letters and digits breaks only at spaces
unless it is longer than a line. Word and WPS hang a line-end mark and so take a line less now and
then, never more.
"""

from __future__ import annotations

import math
import unicodedata

# Times New Roman advance widths (1/1000 em) of printable ASCII, from its metrics; other Latin
# characters count as a digit.
_TIMES = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    (250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
     500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722,
     611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444,
     500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722,
     500, 500, 444, 480, 200, 480, 541), strict=True))
CLOSING = set("，。、；：？！）》」』】〕〉”’·…—％‰℃,.;:!?)]}%")  # never at the start of a line
OPENING = set("（《「『【〔〈“‘([{")  # never at the end of a line
AUTOSPACE_EM = 0.25  # LibreOffice and Word set off digits and Latin letters from Chinese by up to ¼ em
SLACK = 1e-6


def char_em(ch: str) -> float:
    """Advance of one character in em: Chinese and full-width 1, Latin by Times New Roman's metrics.

    Curly quotes, dashes and ellipses take the Chinese font (w:hint="eastAsia") and so a full em.
    """
    if ch in _TIMES:
        return _TIMES[ch] / 1000
    if unicodedata.east_asian_width(ch) in "WFA" or ord(ch) > 0x2000:
        return 1.0
    return 0.5


def is_wide(ch: str) -> bool:
    return char_em(ch) == 1.0 and ch not in _TIMES


def _tokens(text: str) -> list[str]:
    """Units that never break inside: a Chinese character, a Latin word, a space; closing marks
    joined to what precedes them, opening marks to what follows."""
    tokens: list[str] = []
    for ch in text:
        latin = not is_wide(ch) and not ch.isspace()
        if tokens and (ch in CLOSING or (latin and ch not in OPENING and _ends_latin(tokens[-1]))
                       or _ends_opening(tokens[-1])):
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def _ends_latin(token: str) -> bool:
    last = token[-1]
    return not is_wide(last) and not last.isspace() and last not in CLOSING


def _ends_opening(token: str) -> bool:
    return token[-1] in OPENING


def text_width(text: str, size: float, spacing: float = 0.0) -> float:
    """Width in points of ``text`` at ``size`` points with ``spacing`` points added to every character,
    including the space set between Chinese and Latin characters."""
    width = sum(char_em(ch) * size + spacing for ch in text)
    changes = sum(is_wide(a) != is_wide(b) and not a.isspace() and not b.isspace()
                  for a, b in zip(text, text[1:], strict=False))
    return width + changes * AUTOSPACE_EM * size


def line_count(text: str, width: float, size: float, spacing: float = 0.0, first_indent: float = 0.0) -> int:
    """Lines ``text`` takes in a line ``width`` points wide (the first line indented by
    ``first_indent``), breaking explicit newlines too. At least one line, even for no text."""
    return sum(_paragraph_lines(part, width, size, spacing, first_indent if i == 0 else 0.0)
               for i, part in enumerate(text.split("\n")))


def _paragraph_lines(text: str, width: float, size: float, spacing: float, first_indent: float) -> int:
    lines, used, room = 1, 0.0, width - first_indent
    previous = ""
    for token in _tokens(text):
        advance = text_width(token, size, spacing)
        if previous and is_wide(previous[-1]) != is_wide(token[0]) and not token[0].isspace():
            advance += AUTOSPACE_EM * size
        if used + advance > room + SLACK and used > 0:
            if token.isspace():  # a space at a line end takes no room
                continue
            lines, used, room = lines + 1, 0.0, width
            advance = text_width(token, size, spacing)
        if advance > room + SLACK:  # a word longer than the line breaks where it must
            extra = math.ceil(advance / room - SLACK) - 1
            lines += extra
            used = advance - extra * room
        else:
            used += advance
        previous = token
    return lines

