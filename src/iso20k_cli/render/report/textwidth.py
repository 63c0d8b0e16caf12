"""How wide a line of text is drawn, estimated without a font engine.

Charts are laid out before any browser, WeasyPrint or Word sees them, so the space a
label needs is estimated here from the advance widths of the widest sans-serif fonts
the report's font stack may fall back to (DejaVu Sans and Liberation Sans, the larger
of the two for each character). Any font of the stack draws a label at most this wide,
so a chart laid out with these widths keeps every label inside its box.
"""

from __future__ import annotations

# Advance widths in ems, rounded up to 0.05, grouped by character class.
_REGULAR = {
    0.30: "'Iijl",
    0.35: " ,./:;\\|",
    0.40: "()-[]ft",
    0.45: "!r",
    0.50: '"*J`',
    0.55: "csz",
    0.60: "?L_kvxy",
    0.65: "$0123456789FTabdeghnopqu{}",
    0.70: "ABEKPSVXYZ",
    0.75: "CNRU",
    0.80: "&DGHOQ",
    0.85: "#+<=>^w~",
    0.90: "M",
    0.95: "%",
    1.00: "Wm…",
    1.05: "@",
}
_BOLD = {
    0.35: " 'ijl",
    0.40: ",./:;I\\|",
    0.45: "-f",
    0.50: "!()[]`rt",
    0.55: '"*',
    0.60: "J_csz",
    0.65: "?Lx",
    0.70: "$0123456789EFTaekovy",
    0.75: "CPSYZbdghnpqu{}",
    0.80: "ABKRVX",
    0.85: "#+<=>DGHNOQU^~",
    0.90: "&",
    0.95: "w",
    1.00: "@M…",
    1.05: "%m",
    1.15: "W",
}
# Letters beyond ASCII (accented Latin, Greek, Cyrillic) are no wider than a capital W;
# ideographs and other full-width characters take a whole em and a little more.
_OTHER, _WIDE, _WIDE_FROM = 1.05, 1.15, 0x2E80
BOLD_FROM = 600


def _table(classes: dict[float, str]) -> dict[str, float]:
    return {char: width for width, chars in classes.items() for char in chars}


_WIDTHS = {False: _table(_REGULAR), True: _table(_BOLD)}


def text_width(text: str, size: float, weight: int = 400) -> float:
    """The width of ``text`` drawn at ``size`` (in the units of the chart), at most."""
    widths = _WIDTHS[weight >= BOLD_FROM]
    ems = 0.0
    for char in text:
        width = widths.get(char)
        if width is None:
            width = _WIDE if ord(char) >= _WIDE_FROM else _OTHER
        ems += width
    return ems * size


def wrap(text: str, limit: float, size: float, weight: int = 400, lines: int = 3) -> list[str]:
    """``text`` broken between words into lines no wider than ``limit``, at most ``lines``
    of them; a word too long for a line is broken inside, and what is left after the last
    line is replaced by an ellipsis (the chart's tooltip and table keep the whole name)."""
    result: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, weight) <= limit:
            current = candidate
            continue
        if current:
            result.append(current)
        current = word
        while text_width(current, size, weight) > limit and len(current) > 1:
            cut = _fit(current, limit, size, weight)
            result.append(current[:cut])
            current = current[cut:]
    if current:
        result.append(current)
    if len(result) <= lines:
        return result
    last = result[lines - 1]
    while last and text_width(last + "…", size, weight) > limit:
        last = last[:-1].rstrip()
    return [*result[: lines - 1], last + "…"]


def _fit(word: str, limit: float, size: float, weight: int) -> int:
    """How many leading characters of ``word`` fit in ``limit`` (at least one)."""
    width = 0.0
    for index, char in enumerate(word):
        width += text_width(char, size, weight)
        if width > limit:
            return max(index, 1)
    return len(word)
