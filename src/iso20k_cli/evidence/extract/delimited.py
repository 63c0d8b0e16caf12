"""CSV and TSV evidence: ticket exports and registers, whose date columns give record dates."""

from __future__ import annotations

import csv
import io

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import Extracted
from iso20k_cli.evidence.extract.structure import header_index, make_table
from iso20k_cli.evidence.extract.tables import date_columns
from iso20k_cli.evidence.extract.textfile import read_text
from iso20k_cli.evidence.scan import Candidate

MAX_ROWS = 50_000


def _dialect(sample: str, tab: bool) -> type[csv.Dialect] | csv.Dialect:
    if tab:
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def extract(candidate: Candidate) -> Extracted:
    # The sniffer misreads Windows line ends as part of the last field.
    text = read_text(candidate).replace("\r\n", "\n")
    dialect = _dialect(text[:8192], candidate.rel.lower().endswith(".tsv"))
    rows: list[list[str]] = []
    unread = 0  # non-empty rows past MAX_ROWS: counted as entries, not kept
    for index, row in enumerate(csv.reader(io.StringIO(text), dialect)):
        if index >= MAX_ROWS:
            unread += any(cell.strip() for cell in row)
            continue
        rows.append([cell.strip() for cell in row])
    header_at = header_index(rows)
    tables = [] if header_at is None else [make_table(rows, header_at, None)]
    if unread and tables:
        tables[0] = tables[0].model_copy(update={"row_count": tables[0].row_count + unread})
    return Extracted(
        text="\n".join(" | ".join(c for c in row if c) for row in rows if any(row)),
        tables=tables,
        control_lines=table_lines(rows[:10]),
        date_cells=date_columns(rows),
    )
