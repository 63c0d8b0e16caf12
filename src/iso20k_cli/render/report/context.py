"""What a report needs besides the Assessment: branding, templates and the audit date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from iso20k_cli.render.report.branding import Branding, branding
from iso20k_cli.settings.config import Settings
from iso20k_cli.settings.logo import Logo


@dataclass(frozen=True)
class ReportContext:
    branding: Branding = field(default_factory=Branding)
    template_dir: Path | None = None
    """Templates here override the shipped ones of the same name (md and html only)."""
    audit_date: dt.date | None = None
    """The planned Stage 1 audit, which turns action targets into dates."""


def report_context(
    settings: Settings,
    logo: Logo | None,
    template_dir: Path | None = None,
    audit_date: dt.date | None = None,
) -> ReportContext:
    """Branding and audit date from the configuration the run loaded (and the logo it
    read); the option's audit date wins."""
    return ReportContext(
        branding=branding(settings, logo),
        template_dir=template_dir,
        audit_date=audit_date or settings.audit_date,
    )
