"""Deterministic Office files: the same report gives the same bytes.

python-docx and openpyxl stamp every zip entry with the current time; rewriting
the archive with one fixed time (the assessment date) removes the only source of
difference between two runs on the same input.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def normalise_zip(data: bytes, when: dt.date) -> bytes:
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # the same bytes whichever system writes them
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
