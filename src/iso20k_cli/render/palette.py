"""One colour for one meaning: every renderer colours a status or severity from here.

A status or severity maps to a role (good, fair, poor, info, none), and a role has one
ink (text, bars, marks), one background (badges, cell fills) and one terminal style. The
inks are dark enough for body text on white and on their own background (WCAG AA, 4.5:1),
so a badge stays legible printed in grey; the word beside the colour carries the meaning
for a reader who cannot tell the colours apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.assess.model import Severity, Status


@dataclass(frozen=True)
class Role:
    name: str
    ink: str  # "#RRGGBB"
    background: str  # "#RRGGBB"
    terminal: str  # a rich style


GOOD = Role("good", "#2E7D32", "#E7F4E8", "green")
FAIR = Role("fair", "#8A5300", "#FFF3DD", "yellow")
POOR = Role("poor", "#B71C1C", "#FDECEA", "red")
INFO = Role("info", "#1E5A8C", "#E7F0F9", "cyan")
NONE = Role("none", "#5F6670", "#EEF0F3", "dim")
ROLES = (GOOD, FAIR, POOR, INFO, NONE)

STATUS_ROLE: dict[Status, Role] = {
    Status.MET: GOOD,
    Status.PARTIAL: FAIR,
    Status.MISSING: POOR,
    Status.NOT_APPLICABLE: NONE,
    Status.NOT_ASSESSED: NONE,
}
SEVERITY_ROLE: dict[Severity, Role] = {
    Severity.MAJOR: POOR,
    Severity.MINOR: FAIR,
    Severity.OBSERVATION: INFO,
}

# Scores without a status (the overall gauge and bar) are banded as a clause's score is
# judged: at or above GOOD_SCORE reads as met, at or above FAIR_SCORE as partly met.
GOOD_SCORE, FAIR_SCORE = 80.0, 50.0


def score_role(score: float | None) -> Role:
    if score is None:
        return NONE
    if score >= GOOD_SCORE:
        return GOOD
    return FAIR if score >= FAIR_SCORE else POOR
