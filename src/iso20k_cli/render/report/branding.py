"""Report branding from the configuration: accent colour and an embedded logo.

Pure: the logo is read with the configuration (``settings/logo.py``), not here.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.settings.config import Settings
from iso20k_cli.settings.logo import Logo

DEFAULT_ACCENT = "#1F5F8B"
# WCAG AA for normal text: the accent is used for headings and rules on white.
_MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Branding:
    accent_colour: str = DEFAULT_ACCENT
    logo: Logo | None = None

    @property
    def accent_ink(self) -> str:
        """The accent, darkened until it reads as text on white."""
        return readable_on_white(self.accent_colour)


def branding(settings: Settings, logo: Logo | None) -> Branding:
    """The configuration's accent colour, and its logo as the run read it."""
    return Branding(accent_colour=settings.report.accent_colour or DEFAULT_ACCENT, logo=logo)


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
