"""A file whose reader runs past its time is left unread and the run goes on."""

from __future__ import annotations

import contextlib
import signal
import time

import pytest

from conftest import AS_OF, Folder, Invoke
from factories import write_pdf
from iso20k_cli.evidence import extract as extract_package
from iso20k_cli.evidence.collect import collect
from iso20k_cli.evidence.extract import markdown
from iso20k_cli.evidence.extract.base import Extracted
from iso20k_cli.evidence.scan import Candidate

GOOD = "# Incident procedure\n\nHow incidents are logged, classified and closed.\n"


def _stuck(candidate: Candidate) -> Extracted:
    """A parser caught in a loop that also swallows every error it meets."""
    while True:
        with contextlib.suppress(Exception):
            time.sleep(0.01)


@pytest.fixture
def stuck_on_loop_md(monkeypatch: pytest.MonkeyPatch) -> None:
    real = markdown.extract

    def read(candidate: Candidate) -> Extracted:
        return _stuck(candidate) if candidate.rel.startswith("loop") else real(candidate)

    monkeypatch.setattr(markdown, "extract", read)
    monkeypatch.setattr(extract_package, "MAX_READ_SECONDS", 0.2)


@pytest.mark.usefixtures("stuck_on_loop_md")
def test_a_reader_that_never_returns_is_stopped(evidence: Folder) -> None:
    evidence.add("loop.md", GOOD)
    evidence.add("procedure.md", GOOD)
    handler = signal.getsignal(signal.SIGALRM)
    files = {f.path: f for f in collect(evidence.root, jobs=1).files}
    assert not files["loop.md"].readable
    assert files["loop.md"].error == (
        "reading it took longer than 0.2 s (a damaged or crafted file?) and was stopped"
    )
    assert files["procedure.md"].readable and files["procedure.md"].title == "Incident procedure"
    # The timer is off and the handler this process had is back.
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) == handler


@pytest.mark.usefixtures("stuck_on_loop_md")
def test_the_run_reports_the_file_and_assesses_the_rest(cli: Invoke, evidence: Folder) -> None:
    evidence.add("loop.md", GOOD)
    evidence.add("procedure.md", GOOD)
    result = cli("check", evidence.root, "--as-of", AS_OF, "-f", "json", "--no-cache")
    assert result.exit_code in (0, 1), result.stderr
    files = {f["path"]: f for f in result.json()["files"]}
    assert files["loop.md"]["readable"] is False
    assert "took longer than 0.2 s" in files["loop.md"]["error"]
    assert files["procedure.md"]["readable"] is True


def test_an_outer_timer_is_left_alone(evidence: Folder) -> None:
    # A test runner's own time limit keeps running; this read is not bounded by ours.
    evidence.add("procedure.md", GOOD)
    previous = signal.signal(signal.SIGALRM, lambda *_: None)
    try:
        signal.setitimer(signal.ITIMER_REAL, 60)
        collect(evidence.root, jobs=1)
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 0 < remaining <= 60
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_worker_stops_a_reader_that_never_returns(
    evidence: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iso20k_cli.evidence.extract import pdf

    real = pdf.extract

    def read(candidate: Candidate) -> Extracted:
        return _stuck(candidate) if candidate.rel.startswith("loop") else real(candidate)

    # Forked workers inherit both: the stuck reader and the short bound.
    monkeypatch.setattr(pdf, "extract", read)
    monkeypatch.setattr(extract_package, "MAX_READ_SECONDS", 0.2)
    for name in ("loop.pdf", "plan.pdf", "policy.pdf"):
        write_pdf(evidence.root / name, [["Continuity plan", "How services are recovered."]])
    files = {f.path: f for f in collect(evidence.root, jobs=2).files}
    assert "took longer than 0.2 s" in (files["loop.pdf"].error or "")
    assert files["plan.pdf"].readable and files["policy.pdf"].readable
