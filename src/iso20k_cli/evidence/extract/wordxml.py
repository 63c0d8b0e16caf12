"""Names and plain-XML readings of WordprocessingML, as python-docx reads them.

python-docx gives each element a class whose properties the Word reader used: a
paragraph's text and style, a table's rows and cells. Here the same values are
read from plain lxml elements, rule for rule as python-docx 1.2 reads them;
whatever would read otherwise (a property python-docx would refuse, a layout it
resolves through grid offsets not read here) raises :class:`Declined`, and
python-docx reads the document instead.
"""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
P, TBL, TR, TC, BODY, SECT_PR = W + "p", W + "tbl", W + "tr", W + "tc", W + "body", W + "sectPr"
DOCUMENT, HDR, FTR = W + "document", W + "hdr", W + "ftr"
STYLE, STYLE_ID, NAME, VAL = W + "style", W + "styleId", W + "name", W + "val"
_R, _HYPERLINK, _PPR, _PSTYLE = W + "r", W + "hyperlink", W + "pPr", W + "pStyle"
_T, _TAB, _PTAB, _BR, _CR, _HYPHEN = (
    W + "t", W + "tab", W + "ptab", W + "br", W + "cr", W + "noBreakHyphen"
)  # fmt: skip
_TYPE, _TC_PR, _TR_PR = W + "type", W + "tcPr", W + "trPr"
_GRID_SPAN, _GRID_BEFORE, _V_MERGE = W + "gridSpan", W + "gridBefore", W + "vMerge"
# Word allows 63 columns; a larger span is left to python-docx, which repeats the cell.
MAX_SPAN = 64


class Declined(Exception):
    """Something python-docx would read otherwise, or refuse: python-docx reads it."""


def run_text(run: Any) -> str:
    """``CT_R.text``: text, tabs, breaks and hyphens, in order."""
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == _T:
            if len(child):
                # python-docx's parser drops blank text before a child: read otherwise
                raise Declined("an element inside a run's text")
            parts.append(child.text or "")
        elif tag in (_TAB, _PTAB):
            parts.append("\t")
        elif tag == _BR:
            # a line break; a page or column break is no text
            parts.append("\n" if child.get(_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag == _CR:
            parts.append("\n")
        elif tag == _HYPHEN:
            parts.append("-")
    return "".join(parts)


def paragraph_text(paragraph: Any) -> str:
    """``CT_P.text``: the paragraph's own runs and those of its hyperlinks; runs inside
    fields, content controls, insertions and the like are not python-docx's text."""
    parts: list[str] = []
    for child in paragraph:
        tag = child.tag
        if tag == _R:
            parts.append(run_text(child))
        elif tag == _HYPERLINK:
            parts.extend(run_text(run) for run in child if run.tag == _R)
    return "".join(parts)


_RPR, _BOLD = W + "rPr", W + "b"
_OFF = frozenset({"0", "false", "off"})
_MAX_EMPHASIS_RUNS = 20  # a line typed as a heading is a few runs


def all_bold(paragraph: Any) -> bool:
    """Whether every run of the paragraph that holds text is bold: a title or heading
    typed by hand. A Google Docs export, or a document written without heading styles,
    shows its title and headings as bold text in the Normal style; only the runs' own
    properties say so (a bold character or paragraph style is not read)."""
    runs = 0
    for child in paragraph:
        if child.tag == _HYPERLINK:
            return False  # a link is no heading
        if child.tag != _R or not run_text(child).strip():
            continue
        runs += 1
        properties = child.find(_RPR)
        bold = None if properties is None else properties.find(_BOLD)
        if runs > _MAX_EMPHASIS_RUNS or bold is None or bold.get(VAL, "1").lower() in _OFF:
            return False
    return runs > 0


def paragraph_style(paragraph: Any) -> str | None:
    """``CT_P.style``: the style id of the first ``w:pPr/w:pStyle``."""
    properties = paragraph.find(_PPR)
    if properties is None:
        return None
    style = properties.find(_PSTYLE)
    if style is None:
        return None
    value = style.get(VAL)
    if value is None:
        raise Declined("a paragraph style without its id")  # python-docx's error stands
    return str(value)


def _number(element: Any) -> int:
    """A decimal ``w:val`` as python-docx converts it, when plainly written."""
    value = element.get(VAL)
    if value is None or not (value.isascii() and value.isdigit()) or len(value) > 4:
        raise Declined("a number python-docx might read otherwise")
    return int(value)


def _span(cell: Any) -> int:
    properties = cell.find(_TC_PR)
    if properties is None:
        return 1
    span = properties.find(_GRID_SPAN)
    if span is None:
        return 1
    found = _number(span)
    if found > MAX_SPAN:
        raise Declined("a cell spanning more columns than Word allows")
    return found


def _continues(cell: Any) -> bool:
    """Whether the cell continues a vertical merge (``w:vMerge`` without "restart")."""
    properties = cell.find(_TC_PR)
    if properties is None:
        return False
    merge = properties.find(_V_MERGE)
    return merge is not None and merge.get(VAL, "continue") == "continue"


def cell_text(cell: Any) -> str:
    """``_Cell.text``: the cell's own paragraphs; a nested table is not its text."""
    return "\n".join(paragraph_text(p) for p in cell.iterchildren(P))


def _grid_before(row: Any) -> int:
    """``CT_Row.grid_before``: the empty grid columns before the row's first cell."""
    properties = row.find(_TR_PR)
    if properties is None:
        return 0
    before = properties.find(_GRID_BEFORE)
    return 0 if before is None else _number(before)


def table_rows(table: Any) -> list[list[str]]:
    """``[[c.text.strip() for c in row.cells] for row in Table.rows]``: a cell spanning
    columns repeated for each, a cell continuing a vertical merge read as the cell it
    continues (and as often as that one spans)."""
    rows: list[list[str]] = []
    above: Any = None  # the row above
    placed: list[tuple[int, Any]] = []  # (offset in its row, cell holding the text) above
    texts: dict[Any, str] = {}
    for row in table.iterchildren(TR):
        cells: list[str] = []
        here: list[tuple[int, Any]] = []
        offset = 0
        for cell in row.iterchildren(TC):
            span = _span(cell)
            source = cell
            if _continues(cell):
                # python-docx takes the cell that starts at this grid column in the row
                # above (itself resolved the same way), and repeats it as that one spans;
                # the columns a row leaves empty before its first cell are read only then.
                if above is None:
                    raise Declined("a merge continuing no cell above")  # python-docx fails
                column = _grid_before(row) + offset
                shift = _grid_before(above)
                found = [held for start, held in placed if start + shift == column]
                if not found:
                    raise Declined("a merge continuing no cell above")  # python-docx fails
                source = found[0]
                repeat = _span(source)
            else:
                repeat = span
            text = texts.get(source)
            if text is None:
                text = texts[source] = cell_text(source).strip()
            cells.extend([text] * repeat)
            here.append((offset, source))
            offset += span
        rows.append(cells)
        above, placed = row, here
    return rows
