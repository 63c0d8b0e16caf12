"""Text from evidence, configuration or a catalogue made safe for a terminal.

A file name, a document title or an organisation name can hold escape sequences that
set the window title, clear the screen or make the terminal answer as if typed. Every
terminal renderer prints through :func:`safe_console` (or :func:`terminal_safe` for
text it writes itself), so control characters are shown, never obeyed.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook, RenderResult
from rich.segment import Segment

# C0 controls become their Unicode control pictures (ESC shows as U+241B), one column
# wide like the character they replace; line feeds and tabs keep their meaning.
_VISIBLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
del _VISIBLE[ord("\n")], _VISIBLE[ord("\t")]
_VISIBLE[0x7F] = "\u2421"
# C1 controls: 0x9B alone starts an escape sequence on some terminals.
_VISIBLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_TABLE = str.maketrans(_VISIBLE)


def terminal_safe(text: str) -> str:
    """``text`` with every control character but line feed and tab shown visibly."""
    return text.translate(_TABLE)


class _Sanitised:
    """A renderable whose text segments are made safe; Rich's own control codes
    (cursor moves of a progress bar) and styles are left as they are."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control:
                yield segment
            else:
                yield Segment(terminal_safe(segment.text), segment.style)


class _SanitiseHook(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Sanitised(r) for r in renderables]


def make_safe(console: Console) -> Console:
    """``console``, printing every text it is given through :func:`terminal_safe`."""
    console.push_render_hook(_SanitiseHook())
    return console


def safe_console(**options: Any) -> Console:
    return make_safe(Console(**options))
