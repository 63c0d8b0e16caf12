"""The Word report's look, matched to the HTML report's: fonts, headings, table style.

Direct formatting is what a consultant fights when editing, so the look lives in the
document's styles: Normal and the headings name the HTML's fonts (Arial, which
LibreOffice draws as the metric-compatible Liberation Sans), the first heading level
carries the accent colour and its rule as the HTML's section headings do, and one
table style ("Report Table") gives every table a header row shaded with the accent,
banded rows and light rules, and a header row that repeats on every page. A row a
consultant adds to a table takes the same look.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.table import Table

FONT = "Arial"
INK, MUTED = "1C2430", "56606E"
# The HTML report's table rule and panel colours (partials/report.css.j2).
RULE, PANEL = "D5DAE1", "F4F6F9"
TABLE_STYLE = "Report Table"
_HEADINGS = {"Title": 26, "Heading 1": 17, "Heading 2": 13, "Heading 3": 11}


def _fonts(rpr_parent: object) -> None:
    """Name ``FONT`` for every script, replacing the template's theme fonts (which would
    otherwise win over the name)."""
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for script in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{script}"), None)
    for script in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{script}"), FONT)


def _border(side: str, colour: str, size: int) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="{colour}"/>'


def table_style_xml(accent: str) -> str:
    """The table style: ``accent`` (RRGGBB) fills the header row, its text white."""
    # Rules between rows only, as the HTML's tables have; sides in the schema's order.
    rules = "".join(
        _border(side, RULE, 4)
        if side in ("top", "bottom", "insideH")
        else f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="ReportTable">'
        f'<w:name w:val="{TABLE_STYLE}"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr><w:color w:val="{INK}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
        f"<w:tblPr><w:tblBorders>{rules}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"
        '<w:tblStylePr w:type="firstRow">'
        '<w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
        "<w:trPr><w:tblHeader/></w:trPr>"
        f"<w:tcPr><w:tcBorders>{_border('bottom', accent, 8)}</w:tcBorders>"
        f'<w:shd w:val="clear" w:color="auto" w:fill="{accent}"/></w:tcPr>'
        "</w:tblStylePr>"
        '<w:tblStylePr w:type="band1Horz">'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{PANEL}"/></w:tcPr>'
        "</w:tblStylePr>"
        "</w:style>"
    )


def rgb(colour: str) -> RGBColor:
    """A colour written ``#RRGGBB`` (or without the ``#``) as Word takes it."""
    return RGBColor.from_string(colour.lstrip("#").upper())


def apply(doc: Document, accent: str) -> None:
    """Fonts, headings and the table style, for a report whose accent is ``accent``
    (#RRGGBB, dark enough for white text on it)."""
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10)
    normal.font.color.rgb = rgb(INK)
    _fonts(normal.element)
    for name, size in _HEADINGS.items():
        style = styles[name]
        _fonts(style.element)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = rgb(accent if name in ("Title", "Heading 1") else INK)
    # The HTML's section headings are underlined with a rule in the accent colour.
    # The border goes before the spacing, where the schema places it.
    heading = styles["Heading 1"].element.get_or_add_pPr()
    rule = parse_xml(f"<w:pBdr {nsdecls('w')}>{_border('bottom', accent.lstrip('#'), 18)}</w:pBdr>")
    spacing = heading.find(qn("w:spacing"))
    if spacing is not None:
        spacing.addprevious(rule)
    else:
        heading.append(rule)
    if not any(s.type == WD_STYLE_TYPE.TABLE and s.name == TABLE_STYLE for s in styles):
        styles.element.append(parse_xml(table_style_xml(accent.lstrip("#").upper())))


def style_table(table: Table, header: bool) -> None:
    """Give ``table`` the report's style: shaded header row (when it has one) and bands."""
    table.style = TABLE_STYLE
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblLook")):
        properties.remove(old)
    first = "1" if header else "0"
    properties.append(
        parse_xml(
            f'<w:tblLook {nsdecls("w")} w:val="{"0420" if header else "0400"}" '
            f'w:firstRow="{first}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/>'
        )
    )
