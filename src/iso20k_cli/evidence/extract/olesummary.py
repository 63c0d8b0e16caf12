"""What every reader of an OLE2 compound file (.doc, .ppt) takes from it the same way: a
stream, read within bounds, and the summary information (title, author, status, version
and dates, as [MS-OLEPS] stores them and olefile reads them)."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import olefile

from iso20k_cli.evidence.extract.base import Unreadable, useful_title

_EARLIEST = dt.date(1980, 1, 1)  # a zero FILETIME reads as 1601: a date never set
MAX_STREAM_BYTES = 128 * 1024 * 1024


def open_compound(path: Path, kind: str) -> olefile.OleFileIO[str]:
    """The compound file at ``path`` (a ``kind``, "Word document"), or Unreadable with why."""
    try:
        return olefile.OleFileIO(str(path))
    except Exception as exc:  # noqa: BLE001 - olefile raises many kinds on a damaged file
        raise Unreadable(f"damaged {kind}: the OLE2 container cannot be read ({exc})") from None


def read_stream(ole: olefile.OleFileIO[str], name: str, kind: str) -> bytes:
    """The stream ``name`` of a ``kind`` of file ("Word document"), refused with the reason
    when it is missing, claims more than MAX_STREAM_BYTES or cannot be read."""
    if ole.get_type(name) != olefile.STGTY_STREAM:
        raise Unreadable(f"not a {kind}: the file has no {name} stream")
    size = ole.get_size(name)
    if size > MAX_STREAM_BYTES:
        raise Unreadable(
            f"its {name} stream claims {size // (1024 * 1024)} MB; refusing to read it "
            "(a damaged or crafted file?)"
        )
    try:
        with ole.openstream(name) as stream:
            data: bytes = stream.read(MAX_STREAM_BYTES)
    except Exception as exc:  # noqa: BLE001 - a broken sector chain raises anything
        raise Unreadable(f"damaged {kind}: its {name} stream cannot be read ({exc})") from None
    return data


def summary_properties(
    ole: olefile.OleFileIO[str],
) -> tuple[str | None, str | None, str | None, str | None, tuple[dt.date, ...]]:
    """Title, author, status, version and dates of the summary information streams."""
    try:
        meta = ole.get_metadata()
    except Exception:  # noqa: BLE001 - damaged properties cost the properties, not the text
        return None, None, None, None, ()

    def read(name: str) -> object:
        return getattr(meta, name, None)  # olefile sets the properties it finds

    codec = _codec(read("codepage"))
    title = useful_title(_string(read("title"), codec))
    status = _string(read("content_status"), codec) or _string(read("category"), codec)
    dates = tuple(
        sorted(
            {
                when.date()
                for when in (read("create_time"), read("last_saved_time"))
                if isinstance(when, dt.datetime) and when.date() >= _EARLIEST
            }
        )
    )
    author, version = _string(read("author"), codec), _string(read("doc_version"), codec)
    return title, author, status, version, dates


def _codec(codepage: object) -> str:
    """The codec of the properties' 8-bit strings; Windows Western when unknown."""
    if codepage == 65001:
        return "utf-8"
    if isinstance(codepage, int) and codepage not in (1200, 1201):
        try:
            return codecs.lookup(f"cp{codepage}").name
        except LookupError:
            pass
    return "cp1252"


def _string(value: object, codec: str) -> str | None:
    if isinstance(value, bytes):
        value = value.decode(codec, errors="replace")
    if not isinstance(value, str):
        return None
    text = " ".join(value.replace("\x00", " ").split())
    return text or None
