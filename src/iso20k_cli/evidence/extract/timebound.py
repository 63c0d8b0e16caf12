"""A bound on the time one file may take to read.

Every reader is bounded in what it reads (pages, rows, sizes), but a parser can still
loop on a crafted file, as PDF libraries have on unterminated streams. A file that
takes longer than :data:`MAX_READ_SECONDS` is left unread and said to be, and the run
goes on. The bound is a real-time timer, so it applies only where the timer's signal
can be received: the main thread of a process (this one, or a worker's) on a system
that has interval timers.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

MAX_READ_SECONDS = 30.0
"""Fifty PDF pages or a 50,000-row sheet take a few seconds at most."""


class TooSlow(BaseException):
    """Raised into a reader that ran past its time. Not an Exception: a parser that
    catches every error of a damaged part and goes on must not catch this one."""


def _expired(signum: int, frame: FrameType | None) -> None:
    raise TooSlow


@contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    """Raise :class:`TooSlow` into the code inside once ``seconds`` have passed.

    Where a timer is already set (a test runner's), it is left alone and nothing is
    bounded here: replacing it would cancel the outer bound.
    """
    main = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not main or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
