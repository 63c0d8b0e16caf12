"""A file that leaves its numeric dates open reads them as the rest of the folder writes."""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

import pytest

from conftest import AS_OF, Folder, Invoke
from factories import write_csv, write_xlsx
from folders import write_undated_policy
from iso20k_cli.evidence import collect as collect_module
from iso20k_cli.evidence.folderorder import MIN_SHOWING, folder_order
from iso20k_cli.evidence.model import EvidenceFile

POLICY = "Change Management Policy.docx"


def _policy(evidence: Folder) -> None:
    # The approval date is the policy's only date, and it reads either way round.
    write_undated_policy(evidence.root / POLICY)


def _day_first_registers(evidence: Folder, count: int = 3) -> None:
    registers = [
        ("Incident Log.xlsx", ["Ref", "Logged", "Summary"], "INC"),
        ("change-register.csv", ["Ref", "Raised", "Summary"], "CHG"),
        ("problem-register.csv", ["Ref", "Opened", "Summary"], "PRB"),
        ("Service Requests.xlsx", ["Ref", "Logged", "Summary"], "REQ"),
    ]
    for name, header, prefix in registers[:count]:
        rows = [
            header,
            [f"{prefix}-1", "25/04/2026", "First"],
            [f"{prefix}-2", "13/03/2026", "Second"],
            [f"{prefix}-3", "02/10/2026", "Third"],
        ]
        if name.endswith(".xlsx"):
            write_xlsx(evidence.root / name, {"Log": rows})
        else:
            write_csv(evidence.root / name, rows)


def _run(cli: Invoke, evidence: Folder) -> tuple[dict[str, Any], str]:
    result = cli("check", evidence.root, "-f", "json", "--as-of", AS_OF, "--exit-zero")
    assert result.exit_code == 0, result.stderr
    return result.json(), result.stdout


def _approved(data: dict[str, Any]) -> dict[str, Any]:
    policy = next(i for i in data["items"] if i["id"] == "change-management-policy")
    found: dict[str, Any] = next(c for c in policy["checks"] if c["check"] == "approved")
    return found


def _file(data: dict[str, Any], path: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in data["files"] if f["path"] == path)
    return found


def _unread_findings(data: dict[str, Any]) -> list[str]:
    return [f["id"] for f in data["findings"] if f["id"].endswith(":unread-dates")]


def test_a_policy_reads_its_date_as_the_folder_writes(cli: Invoke, evidence: Folder) -> None:
    _policy(evidence)
    _day_first_registers(evidence)
    data, first = _run(cli, evidence)
    approved = _approved(data)
    assert approved["severity"] is None and approved["message"].endswith("is approved")
    policy = _file(data, POLICY)
    assert policy["control"]["approved"] == "2026-04-05"
    assert policy["warnings"] == [
        "1 numeric date (05/04/2026) was read day first, as 3 other files of the folder "
        "write their dates; set date_order in the configuration to say otherwise"
    ]
    assert _unread_findings(data) == []
    # No finding is made of the note: the date was read, and the file says how.
    assert not [f for f in data["findings"] if f["id"].startswith(f"file:{POLICY}:")]
    # A second run, from the cache, says exactly the same.
    _, second = _run(cli, evidence)
    assert second == first

    explained = cli("explain", evidence.root, "change-management-policy", "--as-of", AS_OF)
    assert explained.exit_code in (0, 1), explained.stderr
    assert "05/04/2026) was read day first" in explained.stdout


def test_one_month_first_file_leaves_the_folder_without_an_order(
    cli: Invoke, evidence: Folder
) -> None:
    _policy(evidence)
    _day_first_registers(evidence, count=4)
    write_csv(
        evidence.root / "capacity-reviews.csv",
        [["Review", "Held on"], ["Q1", "04/25/2026"], ["Q2", "07/13/2026"]],
    )
    data, _ = _run(cli, evidence)
    assert _file(data, POLICY)["control"]["approved"] is None
    assert _unread_findings(data) == [f"file:{POLICY}:unread-dates"]
    assert "(05/04/2026) could be day first or month first" in _approved(data)["message"]


def test_two_files_are_too_few_to_speak_for_the_folder(cli: Invoke, evidence: Folder) -> None:
    _policy(evidence)
    _day_first_registers(evidence, count=MIN_SHOWING - 1)
    data, _ = _run(cli, evidence)
    assert _file(data, POLICY)["control"]["approved"] is None
    assert _unread_findings(data) == [f"file:{POLICY}:unread-dates"]


def test_a_configured_order_is_not_overruled(cli: Invoke, evidence: Folder) -> None:
    _policy(evidence)
    _day_first_registers(evidence)
    evidence.add(".iso20k.yaml", "date_order: mdy\n")
    data, first = _run(cli, evidence)
    policy = _file(data, POLICY)
    assert policy["control"]["approved"] == "2026-05-04"
    assert policy["warnings"] == []
    # The registers still read day first: their own dates show it.
    assert _file(data, "change-register.csv")["last_record"] == "2026-10-02"
    _, second = _run(cli, evidence)
    assert second == first


def _shown(path: str, *orders: str) -> EvidenceFile:
    return EvidenceFile(path=path, format="csv", size=1, readable=True, dates_shown=orders)


def test_folder_order_needs_agreement() -> None:
    agreeing = [_shown(f"r{i}.csv", "mdy") for i in range(3)]
    found = folder_order([*agreeing, _shown("open.md")])
    assert found is not None and (found.order, found.showing) == ("mdy", 3)
    assert folder_order(agreeing[:2]) is None
    assert folder_order([*agreeing, _shown("mixed.csv", "dmy", "mdy")]) is None
    assert folder_order([*agreeing, _shown("other.csv", "dmy")]) is None


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork" or (os.cpu_count() or 1) < 2,
    reason="files are settled in workers when forked, on more than one core",
)
def test_files_settled_in_workers_give_the_folder_its_order(
    cli: Invoke, evidence: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _policy(evidence)
    _day_first_registers(evidence, count=4)
    monkeypatch.setattr(collect_module, "SETTLE_IN_WORKERS_MIN", 0)
    in_workers, output = _run(cli, evidence)
    assert _file(in_workers, POLICY)["control"]["approved"] == "2026-04-05"
    monkeypatch.setattr(collect_module, "SETTLE_IN_WORKERS_MIN", 10**9)
    here = cli("check", evidence.root, "-f", "json", "--as-of", AS_OF, "--exit-zero", "--no-cache")
    assert here.stdout == output
