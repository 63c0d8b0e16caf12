"""``current_version``: one current version of each document; others are reported as versions.

When several files are versions of one document (the same document id, or the same
title once version words are set aside), the current one is judged and the others
are named, so a superseded draft in an archive folder never downgrades the approved
document. Two current-looking versions that differ are uncontrolled copies (7.5.3).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Literal

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded, is_current
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import listed

NAME = "current_version"
EXAMPLE = "- type: current_version"
LABEL = "more than one current version"
METHOD = (
    "current version: each document has one current version; two current-looking versions "
    "that disagree are uncontrolled copies"
)
READS_CONTENT = False

_NOISE = re.compile(
    r"\b(v(ersion)?\s*\d+([._]\d+)*|rev(ision)?\s*\d+|draft|final|approved|signed|copy|"
    r"old|new|superseded|obsolete|\d{4}[-_.]?\d{2}([-_.]?\d{2})?|\d+)\b",
    re.IGNORECASE,
)


class Spec(CheckSpec):
    type: Literal["current_version"]


def _key(file: EvidenceFile) -> str:
    if file.control.doc_id:
        return "id:" + file.control.doc_id.strip().lower()
    name = file.title or file.stem
    return (
        "title:"
        + " ".join(_NOISE.sub(" ", name.replace("_", " ").replace("-", " ")).split()).lower()
    )


def _label(file: EvidenceFile) -> str:
    parts = [file.path]
    if file.control.version:
        parts.append(f"version {file.control.version}")
    if file.control.status_text:
        parts.append(file.control.status_text.lower())
    if not is_current(file) and file.control.status_text is None:
        parts.append("archived")
    return ", ".join(parts)


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    groups: dict[str, list[EvidenceFile]] = defaultdict(list)
    for file in ctx.files:
        groups[_key(file)].append(file)
    current = ctx.current
    outcomes: list[Outcome] = []
    for key, files in sorted(groups.items()):
        if len(files) < 2:
            continue
        others = [f for f in files if f is not current]
        live = [f for f in files if is_current(f)]
        versions = {f.control.version for f in live}
        paths = tuple(f.path for f in files)
        if len(live) > 1 and len(versions) > 1:
            outcomes.append(
                Outcome(
                    NAME,
                    graded(spec, Severity.MINOR),
                    f"{len(live)} current-looking versions of '{ctx.item.title}' disagree: "
                    + listed([_label(f) for f in live], "; "),
                    "Keep one current version; move the others to an archive folder or mark "
                    "them superseded, so that only the approved version is in use.",
                    paths,
                    key=key,
                )
            )
        elif current in files:
            outcomes.append(
                Outcome(
                    NAME,
                    Severity.OBSERVATION,
                    f"{len(files)} versions of '{ctx.item.title}' were found; judged on the "
                    f"current one, {_label(current)}; also: "
                    + listed([_label(f) for f in others], "; "),
                    "Nothing to do if the older versions are kept as history; make sure they "
                    "are marked superseded.",
                    paths,
                    key=key,
                )
            )
    return outcomes or [Outcome(NAME, None, "one version of each document")]
