"""Date columns of registers and exports: where their record dates are.

A column is a date column by what its header means, not by a list of names: it
says when something happened ("Opened", "Verified on", "Date of review", "Month
covered", "Last reviewed"). Due, target, planned and next-review dates are plans,
not records that something happened, so they never count. The header is only the
first test: most of the column's cells must also be dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from iso20k_cli.evidence.datereader import DateReader, orders_shown
from iso20k_cli.evidence.dates import DateOrder, OpenOrder, excel_serial, period_dates, scan_date
from iso20k_cli.evidence.extract.structure import header_index

# Words of a header that say when something happened.
_EVENT_WORDS = frozenset(
    {
        "date", "dated", "dates", "day", "when", "time", "timestamp", "datetime", "on",
        "opened", "created", "creation", "logged", "raised", "reported", "received", "requested",
        "submitted", "resolved", "closed", "closure", "completed", "completion",
        "implemented", "held", "occurred", "verified", "verification", "audited",
        "reviewed", "review", "updated", "modified", "month", "period", "covers",
        "covered", "week", "quarter", "detected", "identified", "started", "ended",
        "performed", "conducted", "tested", "checked", "signed", "approved", "issued",
        "recorded", "acknowledged", "escalated", "notified", "assessed", "accepted",
        "deployed", "released", "restored", "fixed",
        # As French, Spanish, Portuguese, Italian, German and Dutch exports head them.
        "ouvert", "ouverture", "créé", "cree", "création", "clôture", "cloture",
        "résolu", "resolu", "fermé", "ferme", "signalé", "signale", "mois", "période",
        "fecha", "apertura", "cierre", "creado", "creación", "resuelto", "cerrado", "mes",
        "periodo", "data", "abertura", "fechamento", "encerramento", "criação", "criacao",
        "criado", "resolvido", "fechado", "aberto", "mês", "período", "chiusura",
        "creazione", "risolto", "chiuso", "mese", "erstellt", "eröffnet", "gemeldet",
        "beantragt", "erfasst", "geschlossen", "gelöst", "abgeschlossen", "durchgeführt",
        "geprüft", "genehmigt", "aktualisiert", "zeitpunkt", "monat", "zeitraum",
        "aangemaakt", "gemeld", "opgelost", "gesloten", "afgesloten", "maand", "periode",
    }
)  # fmt: skip
# Parts of a word that say so in run-together headers ("CreatedDate", "sys_updated_on",
# "Meldedatum", "Fechacreacion").
_EVENT_PARTS = ("date", "when", "month", "period", "datum", "fecha")
# Words of a plan: a date something should happen is no record that it did.
_PLANNED_WORDS = frozenset(
    {
        "due", "overdue", "target", "deadline", "expiry", "expires", "expiration", "expire",
        "plan", "planned", "next", "sla", "scheduled", "forecast", "estimated", "eta",
        "proposed", "renewal", "until", "upcoming", "future", "expected", "anticipated",
        "projected", "promised", "intended", "required",
        "échéance", "echeance", "prévu", "prevu", "prévue", "prevue", "cible", "prochaine",
        "vencimiento", "prevista", "previsto", "objetivo", "próxima", "proxima", "prazo",
        "previsão", "previsao", "meta", "scadenza", "prossima", "obiettivo", "geplant",
        "nächste", "naechste", "frist", "bis", "gepland", "volgende",
    }
)  # fmt: skip
# "Fälligkeitsdatum", "Zieldatum", "Plandatum", "Streefdatum", "Vervaldatum" are plans
# ("Unplanned outage date" is not).
_PLANNED_PARTS = (
    "due", "target", "deadline", "expir", "scheduled", "fällig", "faellig", "ziel",
    "plandat", "streef", "verval", "termin",
)  # fmt: skip
MAX_HEADER_CHARS = 200
MIN_SHARE = 0.6  # of a column's non-empty cells that must be dates
MAX_CELLS = 200_000  # date cells kept per file: more is a data dump, not a register


def _words(header: str) -> list[str]:
    text = "".join(c.lower() if c.isalnum() else " " for c in header[:MAX_HEADER_CHARS])
    return text.split()


def means_when(header: str) -> bool:
    """Whether a column headed ``header`` records when something happened."""
    words = _words(header)
    if not words or words[-1] == "by":  # "Reviewed by" is a person, "Complete by" a deadline
        return False
    if any(w in _PLANNED_WORDS or any(p in w for p in _PLANNED_PARTS) for w in words):
        return False
    # "Review date" in a register, as in document control, is the next review;
    # "Last review date", "Reviewed", "Date of review" are reviews that took place.
    if "review" in words and "last" not in words:
        at = words.index("review")
        if words[at + 1 : at + 2] in (["date"], ["due"], ["by"]):
            return False
    return any(w in _EVENT_WORDS or any(p in w for p in _EVENT_PARTS) for w in words)


def date_columns(rows: Sequence[Sequence[object]]) -> list[tuple[object, ...]]:
    """The non-empty cells of each column whose header means when something happened.

    The header row is found as for every table (:func:`header_index`). Whether the
    cells are dates is decided when the file's dates are read (:func:`column_dates`),
    once the order of day and month the file uses is known.
    """
    header_at = header_index(rows)
    if header_at is None:
        return []
    header = [str(v or "") for v in rows[header_at]]
    body = rows[header_at + 1 :]
    found: list[tuple[object, ...]] = []
    for column, name in enumerate(header):
        if means_when(name):
            cells = tuple(
                row[column] for row in body if column < len(row) and row[column] not in (None, "")
            )
            if cells:
                found.append(cells)
    return found


def _cell(
    value: object, found: dt.date | OpenOrder | None, reader: DateReader
) -> tuple[dt.date, ...] | str | None:
    """The dates a cell gives; its text when it is a date of unknown order; else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        serial = excel_serial(value)  # a date typed into a cell not formatted as one
        return None if serial is None else (serial,)
    read = reader.resolve(found, value)
    if isinstance(read, dt.date):
        return (read,)
    if read is not None or not isinstance(value, str):
        return read
    text = value.strip()
    # "2026-08-03 (approx.)": the date is the first word; "Jan 2026", "Q1 2026": a period.
    first = reader.attempt(text.split(" ")[0]) if " " in text else None
    if isinstance(first, dt.date):
        return (first,)
    return period_dates(text) or None


class DateColumns:
    """The date columns of one file, each cell scanned once: what order of day and
    month they show, then their dates in that order."""

    def __init__(self, columns: Sequence[Sequence[object]]) -> None:
        self._columns: list[tuple[Sequence[object], list[dt.date | OpenOrder | None]]] = []
        kept = 0
        for cells in columns:
            cells = cells[: max(0, MAX_CELLS - kept)]
            kept += len(cells)
            if cells:
                self._columns.append((cells, [scan_date(c) for c in cells]))

    def shows(self) -> set[DateOrder]:
        """The orders the columns show between them."""
        return orders_shown(found for _, scanned in self._columns for found in scanned)

    def dates(self, reader: DateReader) -> set[dt.date]:
        """Dates of the columns mostly made of dates, each read in the order it shows
        (else the order ``reader`` has). A date of unknown order in such a column is
        noted on ``reader``, not guessed."""
        found: set[dt.date] = set()
        for cells, scanned in self._columns:
            column_reader = reader.shown_by(orders_shown(scanned))
            readings = [_cell(c, f, column_reader) for c, f in zip(cells, scanned, strict=True)]
            dated = [r for r in readings if r is not None]
            if len(dated) / len(cells) < MIN_SHARE:
                continue
            for reading in dated:
                if isinstance(reading, str):
                    reader.unresolved.add(reading)
                else:
                    found.update(reading)
        return found


def column_dates(columns: Sequence[Sequence[object]], reader: DateReader) -> set[dt.date]:
    """The dates of ``columns`` (see :meth:`DateColumns.dates`)."""
    return DateColumns(columns).dates(reader)
