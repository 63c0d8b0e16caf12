"""Office files are zip archives: look at what they claim to hold before opening them.

A few kilobytes can inflate to gigabytes (a decompression bomb). The archive's
directory states each entry's uncompressed size, so the totals can be checked
before any XML is parsed; zipfile will not inflate an entry past its stated size.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from iso20k_cli.evidence.extract.base import Unreadable

MAX_ENTRIES = 10_000
MAX_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 200  # real Office XML compresses 5-20 times; 200 leaves room for padding


def check_archive(path: Path) -> None:
    """Raise :class:`Unreadable` unless ``path`` is a zip archive of a sane size."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        raise Unreadable("not a valid Office file (the zip container is damaged)") from None
    if len(entries) > MAX_ENTRIES:
        raise Unreadable(f"holds {len(entries)} entries; refusing to open (decompression bomb?)")
    total = sum(e.file_size for e in entries)
    packed = max(1, sum(e.compress_size for e in entries))
    if total > MAX_UNCOMPRESSED or (total > 16 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise Unreadable(
            f"would inflate to {total // (1024 * 1024)} MB from {packed // 1024} KB; refusing "
            "to open it (decompression bomb?)"
        )
