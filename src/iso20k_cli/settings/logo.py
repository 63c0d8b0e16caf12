"""The report logo the configuration names: read and checked with the configuration, so
that a logo that cannot be used is reported, with the configuration's file and line,
before the evidence folder is scanned, and no renderer reads a file."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from iso20k_cli.settings.config import Settings

MAX_LOGO_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Logo:
    mime: str
    data: bytes

    @property
    def data_uri(self) -> str:
        # Embedded, never linked: the report must open without any network or file access.
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


def sniff_image(data: bytes) -> str | None:
    """The MIME type of a PNG, JPEG or SVG image from its first bytes, else None.

    The suffix is not trusted: a renamed file would be embedded under the wrong type.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg"))) and b"<svg" in head:
        return "image/svg+xml"
    return None


def read_logo(settings: Settings) -> Logo | None:
    """The logo of ``report.logo``, if any; one that cannot be used is a ConfigError."""
    path = settings.logo_path()
    if path is None:
        return None
    loc: list[int | str] = ["report", "logo"]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise settings.error_at(loc, f"report.logo: {path} not found") from None
    except IsADirectoryError:
        raise settings.error_at(loc, f"report.logo: {path} is a folder, not an image") from None
    except OSError as exc:
        raise settings.error_at(loc, f"report.logo: cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_LOGO_BYTES:
        raise settings.error_at(
            loc,
            f"report.logo: {path} is larger than {MAX_LOGO_BYTES // (1024 * 1024)} MB; "
            "every report embeds it",
        )
    mime = sniff_image(data)
    if mime is None:
        raise settings.error_at(loc, f"report.logo: {path} is not a PNG, JPEG or SVG image")
    return Logo(mime, data)
