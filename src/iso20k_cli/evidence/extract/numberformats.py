"""Which number formats show a date or a duration, decided as openpyxl decides it.

A number cell is a date when its style's number format is one; openpyxl tests the
format code with regular expressions. The same tests are made here with string
operations, each character looked at a bounded number of times, so a crafted format
code costs time in proportion to its length and nothing more.
"""

from __future__ import annotations

from typing import Final

# Excel's built-in formats, by number (ECMA-376 18.8.30), as openpyxl lists them.
BUILTIN_FORMATS: Final[dict[int, str]] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}

_DATE_LETTERS = frozenset("dmhysDMHYS")
_ESCAPES = frozenset("_\\")
# "[h]", "[mm]" and the like are elapsed time, not a locale or a colour.
_ELAPSED = ("h]", "hh]", "m]", "mm]", "s]", "ss]")
# The letters of elapsed time in any case, as a case-blind regular expression matches
# them (the long s "ſ" is an "s" to it).
_UNIT: Final[dict[str, str]] = {
    "h": "h",
    "H": "h",
    "m": "m",
    "M": "m",
    "s": "s",
    "S": "s",
    "ſ": "s",
}


def _without_literals(code: str) -> str:
    """The code without quoted text ("...", on one line) or bracketed parts ([Red],
    [$-409]) other than elapsed time: openpyxl's ``STRIP_RE.sub("", code)``."""
    kept: list[str] = []
    at, size = 0, len(code)
    # Past the last bracket closed, no bracket opened can close: "[[[[..." is not
    # searched to its end once for each "[". A quote's search stops at the next
    # quote, and a match skips what was searched, so each character is looked at
    # a bounded number of times.
    last_close = code.rfind("]")
    while at < size:
        char = code[at]
        if char == '"':
            end = code.find('"', at + 1)
            if end >= 0 and "\n" not in code[at + 1 : end]:
                at = end + 1
                continue
        elif char == "[" and at < last_close and not code.startswith(_ELAPSED, at + 1):
            end = code.find("]", at + 1)
            at = end + 1
            continue
        kept.append(char)
        at += 1
    return "".join(kept)


def is_date_format(code: str | None) -> bool:
    """Whether a number shown in this format is a date or a time: a date or time letter
    in its first section, outside quotes and brackets and not escaped."""
    if code is None:
        return False
    stripped = _without_literals(code.split(";")[0])
    previous = ""
    for char in stripped:
        if char in _DATE_LETTERS and previous not in _ESCAPES:
            return True
        previous = char
    return False


def is_timedelta_format(code: str | None) -> bool:
    """Whether this format shows elapsed time ("[h]:mm", "[ss]"): its first section
    holds an hour, minute or second unit in brackets, once or twice."""
    if code is None:
        return False
    first = code.split(";")[0]
    at = first.find("[")
    while at >= 0:
        unit = _UNIT.get(first[at + 1 : at + 2])
        if unit is not None:
            after = first[at + 2 : at + 3]
            if after == "]" or (_UNIT.get(after) == unit and first[at + 3 : at + 4] == "]"):
                return True
        at = first.find("[", at + 1)
    return False
