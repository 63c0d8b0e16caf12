"""A service desk's how-to pages titled for what they do ("Add GitHub User", "Requesting a
virtual machine for a project") are its instructions for fulfilling those requests;
titles that only look alike are not. End to end through the CLI on Markdown and Word
files as operations teams write them."""

from __future__ import annotations

from pathlib import Path

from conftest import Folder, Invoke
from factories import write_docx
from test_catalogue_loader import VALID_HEAD, error_of
from test_recognise_folder import PROSE, check, counted, paths

STEPS = (
    "1. Check that the request was approved by the requester's line manager in the ticket.\n"
    "2. Open the organisation settings and invite the user by their work e-mail address.\n"
    "3. Add them to the team the ticket names, then resolve the ticket with a note.\n"
)

INSTRUCTIONS = "fulfilment-instructions"


def page(evidence: Folder, rel: str, title: str) -> None:
    evidence.add(rel, f"# {title}\n\n{STEPS}\n{PROSE}\n", title=title, owner="Service Desk")


def test_a_runbook_titled_for_the_request_it_fulfils_instructs_it(
    cli: Invoke, evidence: Folder
) -> None:
    page(evidence, "runbooks/add-github-user.md", "Add GitHub User")
    page(evidence, "runbooks/add-new-user-1password.md", "Add New Users to 1Password")
    page(evidence, "runbooks/how-to-offboard.md", "How to offboard a leaver")
    write_docx(
        evidence.root / "Service Desk/Requesting a virtual machine.docx",
        [("Title", "Requesting a virtual machine for a project"), STEPS, PROSE],
    )
    links = counted(check(cli, evidence))
    assert paths(links, INSTRUCTIONS) == {
        "runbooks/add-github-user.md",
        "runbooks/add-new-user-1password.md",
        "runbooks/how-to-offboard.md",
        "Service Desk/Requesting a virtual machine.docx",
    }


def test_titles_that_only_look_like_a_request_instruct_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    # The act is on something else: stories of users, a chart of accounts, a survey.
    page(evidence, "agile/adding-user-stories.md", "Adding user stories")
    page(evidence, "finance/chart.md", "Create chart of accounts")
    page(evidence, "cx/survey.md", "Add user satisfaction survey")
    # A form to fill in and a product's manual say what they are.
    page(evidence, "forms/new-user.md", "Add new user - request form")
    page(evidence, "guides/portal.md", "User Guide: Adding users")
    # Granting access is what a platform's users do for themselves.
    page(evidence, "platform/grant.md", "Grant user access in OpenShift")
    # A sheet of rows records requests; it instructs nothing.
    evidence.add(
        "exports/add-user.csv",
        "Ticket,Opened,Summary\n"
        + "".join(f"RQ-{n},2026-0{n % 9 + 1}-10,Add user {n}\n" for n in range(30)),
    )
    assert INSTRUCTIONS not in counted(check(cli, evidence))


def test_explain_says_which_act_the_title_instructs(cli: Invoke, evidence: Folder) -> None:
    page(evidence, "runbooks/add-github-user.md", "Add GitHub User")
    result = cli("explain", evidence.root, INSTRUCTIONS)
    assert result.exit_code == 0, result.stderr
    assert "runbooks/add-github-user.md" in result.stdout
    said = " ".join(result.stdout.split())
    assert 'title "Add GitHub User" instructs a request\'s fulfilment' in said
    assert "'add' done on 'user'" in said


def test_acts_without_the_things_they_are_done_on_are_refused(tmp_path: Path) -> None:
    text = VALID_HEAD + (
        '  - id: "1"\n    title: One\n    documents:\n'
        "      - id: a\n        title: Alpha doc\n        mandatory: true\n        basis: x\n"
        "        match:\n          acts: [add]\n"
    )
    err = error_of(tmp_path, text)
    assert "'acts' and 'acted_on' go together" in err.message
