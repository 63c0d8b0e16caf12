"""The text of a rich string (a shared or inline string made of formatted runs), read
as openpyxl's ``Text.from_tree(element).content`` reads it.

openpyxl builds a rich string as objects and validates every part: a run's font
properties, a phonetic run's positions. Its content is the plain text followed by
the text of each run, phonetic runs left out. Here a string is read only when each
part is one openpyxl certainly accepts; anything else (an attribute it would refuse,
an unknown element, a font value it might not take) raises :class:`NotCertain`, and
openpyxl reads the string itself, so its answer or its error stands.
"""

from __future__ import annotations

from typing import Any

from iso20k_cli.evidence.extract.spreadsheetml import SHEET_MAIN_NS

_MAIN = f"{{{SHEET_MAIN_NS}}}"
_T, _R, _RPR = _MAIN + "t", _MAIN + "r", _MAIN + "rPr"
_PHONETIC, _PHONETIC_PROPERTIES = _MAIN + "rPh", _MAIN + "phoneticPr"
_PHONETIC_TYPES = frozenset({"halfwidthKatakana", "fullwidthKatakana", "Hiragana", "noConversion"})
_ALIGNMENTS = frozenset({"noControl", "left", "center", "distributed"})
_UNDERLINES = frozenset({"single", "double", "singleAccounting", "doubleAccounting"})
_VERTICAL = frozenset({"superscript", "subscript", "baseline"})
_SCHEMES = frozenset({"major", "minor"})
_HEX = frozenset("0123456789abcdefABCDEF")
_COLOUR_KEYS = frozenset({"rgb", "theme", "indexed", "tint", "auto"})


class NotCertain(Exception):
    """A part of the string that openpyxl might read otherwise, or refuse."""


def rich_text(element: Any) -> str:
    """The text of a string element (``si`` or ``is``) of any shape openpyxl reads."""
    _plain_attributes(element, ())
    plain: str | None = None
    runs: list[str] = []
    for child in element:
        tag = child.tag
        if tag == _T:
            plain = child.text  # the last one, as openpyxl keeps it
        elif tag == _R:
            text = _run(child)
            if text is not None:
                runs.append(text)
        elif tag == _PHONETIC:
            _phonetic(child)
        elif tag == _PHONETIC_PROPERTIES:
            _phonetic_properties(child)
        else:
            raise NotCertain(f"an element {tag!r} in a string")
    return ("" if plain is None else plain) + "".join(runs)


def _plain_attributes(element: Any, allowed: tuple[str, ...]) -> dict[str, str]:
    """The element's attributes outside a namespace (openpyxl ignores those), only
    ``allowed`` ones."""
    found: dict[str, str] = {}
    for key, value in element.attrib.items():
        if key.startswith("{"):
            continue
        if key not in allowed:
            raise NotCertain(f"an attribute {key!r}")
        found[key] = value
    return found


def _digits(value: str | None) -> bool:
    return value is not None and value.isascii() and value.isdigit()


def _run(element: Any) -> str | None:
    _plain_attributes(element, ())
    text: str | None = None
    for child in element:
        if child.tag == _T:
            text = child.text
        elif child.tag == _RPR:
            _font(child)
        else:
            raise NotCertain(f"an element {child.tag!r} in a run")
    return text


def _phonetic(element: Any) -> None:
    found = _plain_attributes(element, ("sb", "eb"))
    if not (_digits(found.get("sb")) and _digits(found.get("eb"))):
        raise NotCertain("a phonetic run without its positions")
    if len(element) != 1 or element[0].tag != _T or element[0].text is None:
        raise NotCertain("a phonetic run of another shape")


def _phonetic_properties(element: Any) -> None:
    found = _plain_attributes(element, ("fontId", "type", "alignment"))
    if not _digits(found.get("fontId")) or len(element):
        raise NotCertain("phonetic properties without a font")
    if found.get("type", "Hiragana") not in _PHONETIC_TYPES:
        raise NotCertain("a phonetic type")
    if found.get("alignment", "left") not in _ALIGNMENTS:
        raise NotCertain("a phonetic alignment")


def _number(value: str | None, low: float, high: float) -> bool:
    """A plain decimal number ("11", "10.5") within bounds."""
    if value is None or not value.isascii():
        return False
    whole, _, fraction = value.partition(".")
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return False
    return low <= float(value) <= high


def _font(element: Any) -> None:
    """Unless each of a run's font properties is one openpyxl's font accepts."""
    _plain_attributes(element, ())
    for child in element:
        if len(child):
            raise NotCertain("a font property with parts")
        name = child.tag[len(_MAIN) :] if child.tag.startswith(_MAIN) else None
        if name == "color":
            _colour(child)
            continue
        value = _plain_attributes(child, ("val",)).get("val")
        if name in ("rFont", "b", "i", "strike", "outline", "shadow", "condense", "extend"):
            continue  # any text, or any flag: openpyxl takes every value
        if name == "sz":
            ok = value is None or _number(value, 0, float("inf"))
        elif name == "charset":
            ok = value is None or _digits(value)
        elif name == "family":
            ok = value is None or _number(value, 0, 14)
        elif name == "u":
            ok = value is None or value in _UNDERLINES
        elif name == "vertAlign":
            ok = value is None or value in _VERTICAL
        elif name == "scheme":
            ok = value is None or value in _SCHEMES
        else:
            ok = False
        if not ok:
            raise NotCertain(f"a font property {child.tag!r}")


def _colour(element: Any) -> None:
    found = _plain_attributes(element, tuple(_COLOUR_KEYS))
    rgb = found.get("rgb")
    if rgb is not None and not (len(rgb) in (6, 8) and set(rgb) <= _HEX):
        raise NotCertain("a colour")
    if not all(_digits(found[k]) for k in ("theme", "indexed") if k in found):
        raise NotCertain("a colour")
    if "tint" in found and not _tint(found["tint"]):
        raise NotCertain("a colour's tint")
    if found.get("auto", "1") not in ("0", "1", "true", "false"):
        raise NotCertain("a colour")


def _tint(value: str) -> bool:
    negative = value.startswith("-")
    return _number(value[1:] if negative else value, 0, 1)
