"""What a report needs besides the Assessment: branding, templates and the audit date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from iso20k_cli.render.report.branding import Branding, load_branding
from iso20k_cli.render.report.templates import check_template_dir
from iso20k_cli.settings.config import find_config, load_settings


@dataclass(frozen=True)
class ReportContext:
    branding: Branding = field(default_factory=Branding)
    template_dir: Path | None = None
    """Templates here override the shipped ones of the same name (md and html only)."""
    audit_date: dt.date | None = None
    """The planned Stage 1 audit, which turns action targets into dates."""


def load_context(
    evidence_dir: Path,
    config: Path | None,
    audit_date: dt.date | None = None,
    template_dir: Path | None = None,
) -> ReportContext:
    """Branding and audit date from the configuration; the option's audit date wins.

    Read before the evidence folder is scanned, so that a missing logo or template
    folder is reported at once rather than after a long scan.
    """
    check_template_dir(template_dir)
    settings = load_settings(find_config(evidence_dir, config))
    return ReportContext(
        branding=load_branding(settings),
        template_dir=template_dir,
        audit_date=audit_date or settings.audit_date,
    )
