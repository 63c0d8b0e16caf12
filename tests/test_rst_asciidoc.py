"""reStructuredText and AsciiDoc handbooks end to end through the CLI: real pages in the
shapes Sphinx and Antora sites use, read into the same model as Markdown and counted as
the same content in Markdown would be."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import AS_OF, Folder, Invoke
from iso20k_cli.evidence.model import ControlSource, DocStatus
from test_document_model import outline, read
from test_recognise_folder import PROSE, check, counted, paths

INCIDENT_SOP_RST = f"""\
:orphan:

=========================
Incident Management SOP
=========================

:Owner: Service Desk Manager
:Version: 1.4
:Status: Approved
:Next review: 2027-03-01

.. contents:: On this page
   :local:

Purpose
=======

This **procedure** describes how the *service desk* records, classifies and resolves
incidents. It follows the `ITIL practice <https://example.org/itil>`_ and the
:doc:`change process <change-process>`.

Steps
=====

{PROSE}

Logging an incident
-------------------

Every call is logged in the ticketing tool::

    $ ticket create --priority P3 "Mail down"

.. note::

   Major incidents are handed to the duty manager at once.

Priorities
----------

.. list-table:: Response targets
   :header-rows: 1

   * - Priority
     - Response
     - Resolution
   * - P1
     - 15 minutes
     - 4 hours
   * - P2
     - 1 hour
     - 8 hours

.. Internal note for the editors: keep the targets in line with the SLA.
"""

INCIDENT_SOP_MD = f"""\
---
owner: Service Desk Manager
version: "1.4"
status: Approved
next_review: 2027-03-01
---
# Incident Management SOP

## Purpose

This **procedure** describes how the *service desk* records, classifies and resolves
incidents. It follows the [ITIL practice](https://example.org/itil) and the
[change process](change-process.md).

## Steps

{PROSE}

### Logging an incident

Every call is logged in the ticketing tool:

### Priorities

| Priority | Response | Resolution |
|---|---|---|
| P1 | 15 minutes | 4 hours |
| P2 | 1 hour | 8 hours |
"""

CHANGE_PROCESS_ADOC = f"""\
= Change Management Process
:author: Jane Doe
:revnumber: 2.1
:revdate: 2026-04-15
:owner: Head of Service Delivery
:status: Approved
:review-date: 2027-04-15
:product: Acme Cloud
:toc: left

// Maintained by the service delivery team.

== Purpose

This *process* says how changes to {{product}} are _assessed_, `approved` and
scheduled. See xref:incident.adoc[the incident procedure].

{PROSE}

== Change types

.Change types and who approves them
[cols="1,3,1", options="header"]
|===
|Type |Description |Approver

|Standard
|Pre-approved, low risk, done from a template
|Change manager

|Normal |Assessed at the weekly CAB |CAB
|Emergency |Restores a service; reviewed after the fact |ECAB
|===

[source,bash]
----
kubectl apply -f release.yaml
----

////
Old wording kept for reference.
////

NOTE: A change that fails is backed out and reviewed.
"""

CHANGE_PROCESS_MD = f"""\
---
owner: Head of Service Delivery
status: Approved
review_date: 2027-04-15
version: "2.1"
---
# Change Management Process

Last revised: 2026-04-15

## Purpose

This *process* says how changes to Acme Cloud are _assessed_, `approved` and
scheduled. See [the incident procedure](incident.md).

{PROSE}

## Change types

| Type | Description | Approver |
|---|---|---|
| Standard | Pre-approved, low risk, done from a template | Change manager |
| Normal | Assessed at the weekly CAB | CAB |
| Emergency | Restores a service; reviewed after the fact | ECAB |

NOTE: A change that fails is backed out and reviewed.
"""

CHANGE_PROCESS_RST = f"""\
.. _change-process:

Change Management Process
=========================

:Owner: Change Manager
:Version: 3.2
:Approved: 2026-05-20

Purpose
-------

{PROSE}

Change types
------------

+-------------+--------------------------------------+-----------------+
| Type        | When it is used                      | Approved by     |
+=============+======================================+=================+
| Standard    | Pre-approved, low risk, from a       | Change manager  |
|             | template in the catalogue            |                 |
+-------------+--------------------------------------+-----------------+
| Normal      | Every other change                   | CAB             |
+-------------+--------------------------------------+-----------------+
| Emergency   | Restores a service                   | ECAB            |
+-------------+--------------------------------------+-----------------+
"""

HANDBOOK_RST = f"""\
Service Operations Handbook
###########################

Service desk
************

{PROSE}

Major incident handling
***********************

{PROSE}

Roles
=====

The incident commander leads; the scribe keeps the timeline.
"""

POLICIES = ("access-control", "asset", "continuity", "cryptography", "supplier")

INDEX_RST = (
    "Information Security Policies\n=============================\n\n"
    ".. toctree::\n   :maxdepth: 1\n   :caption: Policies\n\n"
    + "".join(
        f"   {name.replace('-', ' ').title()} policy <policies/{name}>\n" for name in POLICIES
    )
)
INDEX_ADOC = "= Information Security Policies\n\n" + "".join(
    f"* xref:policies/{name}.adoc[{name.replace('-', ' ').title()} policy]\n" for name in POLICIES
)
INDEX_MD = "# Information Security Policies\n\n" + "".join(
    f"- [{name.replace('-', ' ').title()} policy](policies/{name}.md)\n" for name in POLICIES
)

CHANGE_LOG_RST = """\
Change log 2026
===============

.. list-table::
   :header-rows: 1

   * - Change
     - Raised
     - Summary
     - Status
{rows}"""
CHANGE_ROWS = [
    (f"CHG-{n:03d}", f"2026-0{n}-1{n}", f"Patch the mail relay, batch {n}", "Closed")
    for n in range(1, 8)
]


def _counted_by_stem(cli: Invoke, evidence: Folder) -> dict[str, set[str]]:
    """Each item counted and the stems of its files (the format left out)."""
    return {
        item: {path.rsplit(".", 1)[0] for path in {p for p, _, _ in links}}
        for item, links in counted(check(cli, evidence)).items()
    }


def _files(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["path"]: f for f in data["files"]}


def test_an_rst_sop_is_read_and_counted_as_the_same_markdown_page(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    evidence.add("sops/incident-management.rst", INCIDENT_SOP_RST)
    markdown = Folder(tmp_path / "markdown")
    markdown.root.mkdir()
    markdown.add("sops/incident-management.md", INCIDENT_SOP_MD)
    as_rst, as_markdown = check(cli, evidence), check(cli, markdown)
    assert counted(as_rst), "nothing counted from the page"
    assert _counted_by_stem(cli, evidence) == _counted_by_stem(cli, markdown)
    assert paths(counted(as_rst), "incident-management-procedure") == {
        "sops/incident-management.rst"
    }
    page = _files(as_rst)["sops/incident-management.rst"]
    same = _files(as_markdown)["sops/incident-management.md"]
    assert (page["format"], page["readable"], page["error"]) == ("rst", True, None)
    assert page["title"] == same["title"] == "Incident Management SOP"
    assert page["genre"] == same["genre"]
    # The field list at the head is the page's document control, as front-matter is.
    control = page["control"]
    assert control["owner"] == "Service Desk Manager"
    assert (control["version"], control["status"], control["review_due"]) == (
        "1.4",
        "approved",
        "2027-03-01",
    )
    assert control["sources"]["owner"] == "front-matter"
    assert control == same["control"]


def test_the_rst_model_has_its_sections_tables_and_text_without_markup(evidence: Folder) -> None:
    path = evidence.add("incident-management.rst", INCIDENT_SOP_RST)
    f = read(path)
    assert (f.title, f.title_source) == ("Incident Management SOP", "heading")
    assert outline(f) == [
        (1, "Incident Management SOP"),
        (2, "Purpose"),
        (2, "Steps"),
        (3, "Logging an incident"),
        (3, "Priorities"),
    ]
    (targets,) = f.tables
    assert targets.header == ("Priority", "Response", "Resolution")
    assert targets.rows == (("P1", "15 minutes", "4 hours"), ("P2", "1 hour", "8 hours"))
    assert targets.section == "Priorities"
    purpose = next(s for s in f.sections if s.heading == "Purpose")
    text = " ".join(f.text[purpose.start : purpose.end].split())
    assert "This procedure describes how the service desk records" in text
    assert "follows the ITIL practice and the change process." in text
    # Code, comments and directive options are no text of the page; a note's body is.
    assert "ticket create" not in f.text and "Internal note" not in f.text
    assert ":local:" not in f.text and "On this page" not in f.text
    assert "Major incidents are handed to the duty manager" in f.text
    assert "logged in the ticketing tool:" in f.text
    assert f.control.status is DocStatus.APPROVED
    assert f.control.sources["review_due"] is ControlSource.FRONT_MATTER


def test_an_asciidoc_process_keeps_its_header_revision_and_table(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    path = evidence.add("modules/ROOT/pages/change-management.adoc", CHANGE_PROCESS_ADOC)
    f = read(path)
    assert (f.format, f.title, f.title_source) == (
        "asciidoc",
        "Change Management Process",
        "heading",
    )
    assert outline(f) == [(1, "Change Management Process"), (2, "Purpose"), (2, "Change types")]
    (types,) = f.tables
    assert types.header == ("Type", "Description", "Approver")
    assert types.rows[0] == (
        "Standard",
        "Pre-approved, low risk, done from a template",
        "Change manager",
    )
    assert [row[0] for row in types.rows] == ["Standard", "Normal", "Emergency"]
    assert types.section == "Change types"
    # The revision date is the last revision; the other attribute entries are front-matter.
    c = f.control
    assert (c.version, c.owner, c.status) == ("2.1", "Head of Service Delivery", DocStatus.APPROVED)
    assert (c.revised, c.review_due) == (dt.date(2026, 4, 15), dt.date(2027, 4, 15))
    assert c.sources["owner"] is ControlSource.FRONT_MATTER
    # Attributes are replaced, markup and listings left out, a comment block dropped.
    words = " ".join(f.text.split())
    assert "how changes to Acme Cloud are assessed, approved and scheduled." in words
    assert "See the incident procedure." in words
    assert "kubectl" not in f.text and "Old wording" not in f.text
    assert "Change types and who approves them" in f.text
    # Counted as the same page in Markdown, with the same control.
    markdown = Folder(tmp_path / "markdown")
    markdown.root.mkdir()
    markdown.add("modules/ROOT/pages/change-management.md", CHANGE_PROCESS_MD)
    assert _counted_by_stem(cli, evidence) == _counted_by_stem(cli, markdown)
    assert paths(counted(check(cli, evidence)), "change-management-policy") == {
        "modules/ROOT/pages/change-management.adoc"
    }
    page = _files(check(cli, evidence))["modules/ROOT/pages/change-management.adoc"]
    same = _files(check(cli, markdown))["modules/ROOT/pages/change-management.md"]
    for key in ("version", "owner", "status", "review_due", "revised"):
        assert page["control"][key] == same["control"][key], key


def test_an_rst_change_process_with_a_grid_table_of_change_types(
    cli: Invoke, evidence: Folder
) -> None:
    path = evidence.add("process/change.rst", CHANGE_PROCESS_RST)
    f = read(path)
    assert outline(f) == [(1, "Change Management Process"), (2, "Purpose"), (2, "Change types")]
    (types,) = f.tables
    assert types.header == ("Type", "When it is used", "Approved by")
    assert types.rows == (
        ("Standard", "Pre-approved, low risk, from a template in the catalogue", "Change manager"),
        ("Normal", "Every other change", "CAB"),
        ("Emergency", "Restores a service", "ECAB"),
    )
    assert (types.row_count, types.section) == (3, "Change types")
    page = _files(check(cli, evidence))["process/change.rst"]
    assert page["used_for"] == ["change-management-policy"]
    assert (page["control"]["owner"], page["control"]["approved"]) == (
        "Change Manager",
        "2026-05-20",
    )


def test_explain_names_the_rst_section_that_made_the_link(cli: Invoke, evidence: Folder) -> None:
    evidence.add("handbook/operations.rst", HANDBOOK_RST)
    links = counted(check(cli, evidence))
    assert links["major-incident-procedure"] == {
        ("handbook/operations.rst", "section", "§Major incident handling")
    }
    out = cli("explain", evidence.root, "major-incident-procedure", "--as-of", AS_OF).stdout
    text = " ".join(out.split())
    assert "handbook/operations.rst (§Major incident handling)" in text
    assert "recognised by section" in text


def test_a_toctree_or_a_list_of_xrefs_is_an_index_as_a_markdown_one_is(
    cli: Invoke, evidence: Folder
) -> None:
    evidence.add("sphinx/policies.rst", INDEX_RST)
    evidence.add("antora/policies.adoc", INDEX_ADOC)
    evidence.add("mkdocs/policies.md", INDEX_MD)
    data = check(cli, evidence)
    used = {path for links in counted(data).values() for path, _, _ in links}
    assert not used & {"sphinx/policies.rst", "antora/policies.adoc", "mkdocs/policies.md"}
    reasons = {
        m["path"]: m["reason"] for item in data["items"] for m in item.get("near_misses", [])
    }
    for page in ("sphinx/policies.rst", "antora/policies.adoc", "mkdocs/policies.md"):
        assert "an index" in reasons[page], (page, reasons.get(page))


def test_a_register_in_a_list_table_counts_its_entries_as_markdown_does(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    rows = "".join(
        "   * - {}\n     - {}\n     - {}\n     - {}\n".format(*row) for row in CHANGE_ROWS
    )
    evidence.add("registers/change-log-2026.rst", CHANGE_LOG_RST.format(rows=rows))
    markdown = Folder(tmp_path / "markdown")
    markdown.root.mkdir()
    markdown.add(
        "registers/change-log-2026.md",
        "# Change log 2026\n\n| Change | Raised | Summary | Status |\n|---|---|---|---|\n"
        + "".join("| {} | {} | {} | {} |\n".format(*row) for row in CHANGE_ROWS),
    )
    page = _files(check(cli, evidence))["registers/change-log-2026.rst"]
    same = _files(check(cli, markdown))["registers/change-log-2026.md"]
    assert page["genre"] == same["genre"] == "register"
    for key in ("entries", "first_record", "last_record", "used_for"):
        assert page[key] == same[key], key
    assert page["entries"] == len(CHANGE_ROWS)
    assert _counted_by_stem(cli, evidence) == _counted_by_stem(cli, markdown)


def test_rst_and_asciidoc_files_are_no_longer_listed_as_not_read(
    cli: Invoke, evidence: Folder
) -> None:
    evidence.add("incident.rst", INCIDENT_SOP_RST)
    evidence.add("change.adoc", CHANGE_PROCESS_ADOC)
    evidence.add("index.asciidoc", INDEX_ADOC)
    data = check(cli, evidence)
    for f in data["files"]:
        assert f["readable"] and f["error"] is None, f
    assert {f["format"] for f in data["files"]} == {"rst", "asciidoc"}
    out = cli("check", evidence.root, "--as-of", AS_OF, "--exit-zero").stdout
    summary = " ".join(out.split()).split("assessed as of")[0]
    assert "3 files (2 AsciiDoc, 1 reStructuredText); " in summary
    assert "not read" not in summary
