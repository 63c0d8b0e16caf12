"""Report branding from the configuration: accent colour and an embedded logo."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from iso20k_cli.settings.config import Settings

DEFAULT_ACCENT = "#1F5F8B"
MAX_LOGO_BYTES = 2 * 1024 * 1024
# WCAG AA for normal text: the accent is used for headings and rules on white.
_MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Logo:
    mime: str
    data: bytes

    @property
    def data_uri(self) -> str:
        # Embedded, never linked: the report must open without any network or file access.
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass(frozen=True)
class Branding:
    accent_colour: str = DEFAULT_ACCENT
    logo: Logo | None = None

    @property
    def accent_ink(self) -> str:
        """The accent, darkened until it reads as text on white."""
        return readable_on_white(self.accent_colour)


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


def load_branding(settings: Settings) -> Branding:
    """Branding from the configuration; a logo that cannot be used is a ConfigError."""
    accent = settings.report.accent_colour or DEFAULT_ACCENT
    path = settings.logo_path()
    if path is None:
        return Branding(accent_colour=accent)
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
    return Branding(accent_colour=accent, logo=Logo(mime, data))


def _luminance(colour: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def readable_on_white(hex_colour: str) -> str:
    """``hex_colour`` (#RRGGBB), mixed with black just enough to reach AA contrast on white."""
    rgb = tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    for step in range(21):
        factor = 1 - step / 20
        mixed = (rgb[0] * factor, rgb[1] * factor, rgb[2] * factor)
        if 1.05 / (_luminance(mixed) + 0.05) >= _MIN_CONTRAST:
            return "#" + "".join(f"{round(c * 255):02X}" for c in mixed)
    return "#000000"
