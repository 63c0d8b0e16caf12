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
MAX_SNIFF_CHARS = 8192


_DELIMITERS = ",;\t|"  # in order of preference when two fit equally well
_SNIFF_RECORDS = 50


class _Found(csv.Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


def _dialect(sample: str, tab: bool) -> type[csv.Dialect]:
    """The delimiter the sample's records agree on, read in one pass.

    The standard library's sniffer reads the sample with back-referencing patterns that
    take seconds on a crafted line; this counts each candidate outside double quotes
    per record and keeps the one with the same count in the most records.
    """
    if tab:
        return csv.excel_tab
    counts: list[dict[str, int]] = []
    spaced = dict.fromkeys(_DELIMITERS, 0)  # delimiters followed by a space
    record = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    lines = sample.split("\n")
    # The sample's last line is cut short unless the sample is the whole file.
    whole = len(sample) < MAX_SNIFF_CHARS
    for number, line in enumerate(lines):
        if not quoted and '"' not in line:
            for delimiter in _DELIMITERS:
                record[delimiter] += line.count(delimiter)
                spaced[delimiter] += line.count(delimiter + " ")
        else:
            previous = ""
            for char in line:
                if char == '"':
                    quoted = not quoted
                elif not quoted and char in record:
                    record[char] += 1
                elif char == " " and previous in spaced:
                    spaced[previous] += 1
                previous = "" if quoted else char
        if quoted or (number == len(lines) - 1 and not whole):
            continue  # a quoted cell runs on to the next line, or the record is cut short
        if any(record.values()):
            counts.append(record)
            if len(counts) >= _SNIFF_RECORDS:
                break
        record = dict.fromkeys(_DELIMITERS, 0)
    best: tuple[int, int, int] | None = None
    chosen = None
    for rank, delimiter in enumerate(_DELIMITERS):
        per_record = [c[delimiter] for c in counts if c[delimiter]]
        if not per_record:
            continue
        usual = max(set(per_record), key=lambda n: (per_record.count(n), n))
        score = (per_record.count(usual), usual, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    if chosen is None:
        return csv.excel
    # "a, b, c": the space after each delimiter belongs to it, so a quoted cell after it
    # is still read as quoted.
    total = sum(c[chosen] for c in counts)
    skip = total > 0 and spaced[chosen] * 2 > total
    return type("Found", (_Found,), {"delimiter": chosen, "skipinitialspace": skip})


def extract(candidate: Candidate) -> Extracted:
    # One line end for every system, so that the delimiter count sees records as lines.
    text = read_text(candidate).replace("\r\n", "\n")
    dialect = _dialect(text[:MAX_SNIFF_CHARS], candidate.rel.lower().endswith(".tsv"))
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
