"""``audit_impartiality``: no auditor audits a process they own or is among the auditees, and
no planned audit is overdue or postponed.

Internal audits must be objective and impartial and follow the programme (9.2). The
audits are the rows of an audit programme (a table with an auditor column and what,
when and the status of each audit) or audit reports ("Auditor: …", "Scope: …",
"Auditees: …", in a table or as lines). Process owners come from the process table
("Process", "Owner") of the items in ``owners_from``, from any RACI matrix of the
evidence (the role marked A, else R, owns the row; role holders from a table with role
and name columns, the same workbook first), from the "Process owner: …" field of any
document and the document owner of the items in ``process_documents_from``, and from
an owner column of the programme itself. An auditor matches an owner by name or role;
process names match through the catalogue's vocabulary, whatever their case or
"management"/"process" words.

Grades: an auditor who owns an audited process, or is among its auditees, is minor (an
auditor would raise it against 9.2), as is an audit whose planned date has passed with
no completed status or date (in a programme with a status or completion column; without
one, the programme does not track what was held); an audit marked postponed, deferred,
cancelled or rescheduled is an observation (re-planning is allowed; be ready to say why
and show the cycle still covers everything); a report that names no auditor is an
observation.
"""

from __future__ import annotations

from itertools import islice
from typing import Literal

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.checks.owners import Owner, OwnerFinder, process_title
from iso20k_cli.checks.process_names import ProcessNames, person, same
from iso20k_cli.checks.programme import Audit, people, planned_audits, reported_audit
from iso20k_cli.severity import Severity
from iso20k_cli.text.counts import agree, listed, plural
from iso20k_cli.text.normalise import words

NAME = "audit_impartiality"
EXAMPLE = """- type: audit_impartiality
  owners_from: [sms-processes, roles-responsibilities]
  process_documents_from: [incident-management-procedure, change-management-policy]"""
LABEL = "audit impartiality or timing in doubt"
METHOD = (
    "audit impartiality: no auditor audits a process they own (owners from process tables, "
    "RACI matrices and process documents), and no planned audit is overdue or postponed"
)
READS_CONTENT = True

MAX_CONFLICTS = 20  # listed in one finding; more would bury the first
MAX_AUDITS = 500  # rows of programmes compared with every owner


class Spec(CheckSpec):
    type: Literal["audit_impartiality"]
    owners_from: tuple[str, ...] = ()
    process_documents_from: tuple[str, ...] = ()


def _process_items(spec: Spec, ctx: CheckContext) -> dict[str, tuple[str, ...]]:
    return {
        item_id: ((process_title(title),) if (title := ctx.titles.get(item_id)) else ())
        for item_id in spec.process_documents_from
    }


class _Owned:
    """The owners, found by the person or role an auditor mention names."""

    def __init__(self, owners: list[Owner]) -> None:
        self._owners = owners
        self._forms = [tuple(person(p) for p in o.people) for o in owners]
        # Two mentions that name one person share a word: only owners sharing one of
        # the auditor's words are compared, not every owner with every auditor.
        self._by_word: dict[str, list[int]] = {}
        self._known: dict[str, list[Owner]] = {}
        for index, forms in enumerate(self._forms):
            for word in {w for form in forms for w in form.split()}:
                self._by_word.setdefault(word, []).append(index)

    def of(self, who: str) -> list[Owner]:
        # A programme names the same few auditors row after row.
        if (known := self._known.get(who)) is not None:
            return known
        candidates = sorted({i for w in set(who.split()) for i in self._by_word.get(w, ())})
        known = self._known[who] = [
            self._owners[i] for i in candidates if any(same(who, f) for f in self._forms[i])
        ]
        return known


def _conflicts(audit: Audit, owners: _Owned, names: ProcessNames) -> tuple[list[str], set[str]]:
    """What puts ``audit`` in doubt, and the files of the owners involved.

    One process owned by one auditor is one conflict, however many documents say so
    and whether the auditor is named by name or by role: its sources are listed."""
    scope = names.scope(audit.scope)
    row_owners = [person(o) for o in audit.owners]
    owned: dict[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], tuple[str, str, list[str]]]
    owned = {}
    found: dict[str, None] = {}
    paths: set[str] = set()
    for auditor in audit.auditors:
        who = person(auditor)
        for owner in owners.of(who):
            if not names.covers(scope, owner.process):
                continue
            holder = owner.people[-1]
            key = (tuple(words(holder)), names.processes(owner.process))
            entry = owned.setdefault(key, (auditor, owner.process, []))
            if owner.source not in entry[2]:
                entry[2].append(owner.source)
            paths.add(owner.path)
        if any(same(who, o) for o in row_owners):
            found[
                f"{auditor} is named as the process owner of {audit.ref} ({audit.where}), "
                "which they audit"
            ] = None
        if any(same(person(a), who) for a in people(audit.auditees)):
            found[f"{auditor} is also listed as an auditee of {audit.ref}"] = None
    conflicts = [
        f"{auditor} owns '{process}' ({'; '.join(sources)}) and audits it in {audit.ref} "
        f"({audit.where})"
        for auditor, process, sources in owned.values()
    ]
    return conflicts + list(found), paths


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    finder = OwnerFinder(ctx)
    owners = finder.owners(spec.owners_from, _process_items(spec, ctx))
    owned = _Owned(owners)
    names = ProcessNames(ctx.lexicon)
    severity = graded(spec, Severity.MINOR)
    outcomes: list[Outcome] = []
    unnamed: list[str] = []
    postponed: list[Audit] = []
    overdue: list[Audit] = []
    planned = reported = 0
    for file in ctx.files:
        if not file.readable:
            continue
        audits = list(islice(planned_audits(file), max(0, MAX_AUDITS - planned)))
        planned += len(audits)
        programmed = bool(audits)
        if not audits and (report := reported_audit(file)) is not None:
            audits, reported = [report], reported + 1
        if not any(a.auditors for a in audits):
            unnamed.append(file.path)
        conflicts: list[str] = []
        paths: set[str] = set()
        for audit in audits:
            found, involved = _conflicts(audit, owned, names)
            conflicts.extend(found)
            paths |= involved
            if audit.postponed:
                postponed.append(audit)
            elif audit.overdue(ctx.as_of):
                overdue.append(audit)
        if conflicts:
            outcomes.append(
                Outcome(
                    NAME,
                    severity,
                    f"impartiality of the {'audits planned' if programmed else 'audit'} in "
                    f"{file.path} is in doubt: " + listed(conflicts, "; ", MAX_CONFLICTS),
                    "Have the process audited by someone who does not own or work in it (another "
                    "internal auditor or an external associate), and record why they are "
                    "independent.",
                    (file.path, *sorted(paths - {file.path})),
                    key=file.path,
                )
            )
    if overdue:
        outcomes.append(
            Outcome(
                NAME,
                severity,
                f"{plural(len(overdue), 'planned audit')} {agree(len(overdue), 'is', 'are')} "
                "past the planned date with no completion recorded: "
                + listed(
                    [
                        f"{a.ref} (planned {a.planned}, status '{a.status[:40] or 'none'}', "
                        f"{a.where})"
                        for a in overdue
                    ],
                    "; ",
                    MAX_CONFLICTS,
                ),
                "Hold the overdue audits, or re-plan them in the programme with the reason, "
                "and record each audit's completion.",
                tuple(dict.fromkeys(a.path for a in overdue)),
                key="overdue",
            )
        )
    if postponed:
        outcomes.append(
            Outcome(
                NAME,
                Severity.OBSERVATION,
                f"{plural(len(postponed), 'planned audit')} "
                f"{agree(len(postponed), 'is', 'are')} postponed or cancelled: "
                + listed(
                    [f"{a.ref} (status '{a.status[:60]}', {a.where})" for a in postponed],
                    "; ",
                    MAX_CONFLICTS,
                ),
                "Record why each audit moved and when it will be held, and check that the "
                "programme still covers every clause in its cycle.",
                tuple(dict.fromkeys(a.path for a in postponed)),
                key="postponed",
            )
        )
    if unnamed:
        outcomes.append(
            Outcome(
                NAME,
                Severity.OBSERVATION,
                f"the auditor is not named in {listed(unnamed)}; impartiality cannot be shown",
                "Name the auditors and the audit scope in each audit report and in the "
                "audit programme.",
                tuple(unnamed),
                key="unnamed",
            )
        )
    if outcomes:
        return outcomes
    note = f" against {len(owners)} process owners" if owners else ""
    checked = [
        *(
            [f"{plural(planned, 'programmed audit')}, none overdue or postponed,"]
            if planned
            else []
        ),
        *([plural(reported, "audit report")] if reported else []),
    ]
    return [
        Outcome(NAME, None, f"{' and '.join(checked) or 'no audit'} checked{note}; no conflict")
    ]
