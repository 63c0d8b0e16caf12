"""``iso20k report`` end to end: formats, output, exit codes, branding and templates."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from conftest import AS_OF, MINI, Folder, Invoke
from iso20k_cli import cli as cli_module
from report_helpers import EXAMPLE, partly_ready, report

# A 1x1 PNG, the smallest real logo.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'


def digest(root: Path) -> dict[str, tuple[str, float]]:
    return {
        str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "docx", "xlsx"])
def test_every_format_is_written_and_exits_zero_despite_majors(
    cli: Invoke, evidence: Folder, tmp_path: Path, fmt: str
) -> None:
    partly_ready(evidence)
    target = tmp_path / f"out.{fmt}"
    result = report(cli, evidence.root, "--format", fmt, "--output", target)
    # A major finding remains, yet a report is not a gate: it exits 0 once written.
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"to {target}" in result.stderr
    assert target.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


@pytest.mark.parametrize(
    ("fmt", "start"), [("md", "# "), ("html", "<!DOCTYPE html>"), ("csv", "Ref,")]
)
def test_text_formats_go_to_stdout_without_output(
    cli: Invoke, evidence: Folder, fmt: str, start: str
) -> None:
    result = report(cli, partly_ready(evidence).root, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(start)


def test_html_is_the_default_and_the_suffix_picks_the_format(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    assert report(cli, evidence.root).stdout.startswith("<!DOCTYPE html>")
    target = tmp_path / "plan.xlsx"
    assert report(cli, evidence.root, "-o", target).exit_code == 0
    assert target.read_bytes()[:2] == b"PK"
    # An explicit --format wins over the suffix.
    odd = tmp_path / "report.txt"
    assert report(cli, evidence.root, "-f", "md", "-o", odd).exit_code == 0
    assert odd.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_binary_formats_need_output(cli: Invoke, evidence: Folder, fmt: str) -> None:
    result = report(cli, partly_ready(evidence).root, "-f", fmt)
    assert result.exit_code == 2
    assert "give --output FILE" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "docx", "xlsx"])
def test_same_input_and_date_give_the_same_bytes(
    cli: Invoke, evidence: Folder, tmp_path: Path, fmt: str
) -> None:
    partly_ready(evidence)
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    assert report(cli, evidence.root, "-o", first).exit_code == 0
    assert report(cli, evidence.root, "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_evidence_folder_is_never_modified_and_never_written_into(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    before = digest(evidence.root)
    for fmt in ("md", "html", "docx"):
        assert report(cli, evidence.root, "-o", tmp_path / f"r.{fmt}").exit_code == 0
    inside = report(cli, evidence.root, "-o", evidence.root / "report.html")
    assert inside.exit_code == 2
    assert "inside the evidence folder" in inside.stderr
    assert digest(evidence.root) == before


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_failed_run_leaves_the_existing_report_alone(
    cli: Invoke,
    evidence: Folder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    partly_ready(evidence)
    target = tmp_path / f"report.{fmt}"
    target.write_bytes(b"the reviewed report")
    # Input errors stop the run before anything is written ...
    missing = report(cli, tmp_path / "nope", "-o", target)
    assert missing.exit_code == 2 and "not found" in missing.stderr
    bad_date = report(cli, evidence.root, "-o", target, "--audit-date", "soon")
    assert bad_date.exit_code == 2
    # ... and a failure while writing leaves no temporary file and the old report intact.
    real_replace = Path.replace

    def failing_replace(self: Path, other: Path) -> Path:
        if Path(other) == target.resolve():
            raise OSError(28, "No space left on device")
        return real_replace(self, other)

    monkeypatch.setattr(Path, "replace", failing_replace)
    full = report(cli, evidence.root, "-o", target)
    assert full.exit_code == 2 and "No space left on device" in full.stderr
    assert target.read_bytes() == b"the reviewed report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evidence", target.name]


def test_unwritable_output_is_an_input_error(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    result = report(cli, partly_ready(evidence).root, "-o", tmp_path / "no" / "such" / "r.md")
    assert result.exit_code == 2
    assert "the output folder does not exist" in result.stderr


def test_internal_error_while_rendering_is_exit_three(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], evidence: Folder
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("renderer broke")

    partly_ready(evidence)
    monkeypatch.setattr("iso20k_cli.render.report.md_report.render_markdown", boom)
    monkeypatch.setattr(
        "sys.argv", ["iso20k", "report", str(evidence.root), "--catalogue", str(MINI), "-f", "md"]
    )
    monkeypatch.delenv("ISO20K_DEBUG", raising=False)
    with pytest.raises(SystemExit) as info:
        cli_module.main()
    assert info.value.code == 3
    assert "internal error: RuntimeError: renderer broke" in capsys.readouterr().err


def test_branding_logo_colour_and_assessor_from_configuration(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "logo.png").write_bytes(PNG)
    config = brand / "iso20k.yaml"
    config.write_text(
        "organisation: Acme Hosting Ltd\nassessor: J. Smith\n"
        'report:\n  logo: logo.png\n  accent_colour: "#7B1FA2"\n',
        encoding="utf-8",
    )
    result = report(cli, evidence.root, "--config", config, "-f", "html")
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    assert f'src="data:image/png;base64,{base64.b64encode(PNG).decode()}"' in html
    assert "--accent: #7B1FA2;" in html
    assert "Acme Hosting Ltd" in html and "J. Smith" in html
    docx_out = tmp_path / "r.docx"
    assert report(cli, evidence.root, "--config", config, "-o", docx_out).exit_code == 0


def test_svg_logo_is_embedded_as_an_image_never_inline(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    (tmp_path / "logo.svg").write_bytes(SVG)
    config = tmp_path / "c.yaml"
    config.write_text("report:\n  logo: logo.svg\n", encoding="utf-8")
    html = report(cli, evidence.root, "--config", config, "-f", "html").stdout
    assert (
        f'<img class="logo" src="data:image/svg+xml;base64,{base64.b64encode(SVG).decode()}"'
        in html
    )
    assert 'width="4" height="4"/>' not in html
    # Word cannot embed SVG; the document is still written, without the logo.
    assert report(cli, evidence.root, "--config", config, "-o", tmp_path / "r.docx").exit_code == 0


@pytest.mark.parametrize(
    ("text", "files", "message", "line"),
    [
        ("organisation: A\nreport:\n  logo: missing.png\n", {}, "report.logo:", 3),
        ("report:\n  logo: notes.txt\n", {"notes.txt": b"hello"}, "is not a PNG, JPEG or SVG", 2),
        ("report:\n  logo: sub\n", {"sub/x": b""}, "is a folder, not an image", 2),
        ("report:\n  accent_colour: blue\n", {}, "not a colour in the form #RRGGBB", 2),
        ("report:\n  accent_colour: #123456\n", {}, "empty: quote the colour", 2),
        ("report:\n  font: Comic\n", {}, "unknown key 'font'", 2),
        ("audit_date: next spring\n", {}, "audit_date", 1),
    ],
)
def test_bad_branding_is_a_configuration_error_with_file_and_line(
    cli: Invoke,
    evidence: Folder,
    tmp_path: Path,
    text: str,
    files: dict[str, bytes],
    message: str,
    line: int,
) -> None:
    partly_ready(evidence)
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    config = tmp_path / "c.yaml"
    config.write_text(text, encoding="utf-8")
    target = tmp_path / "r.html"
    result = report(cli, evidence.root, "--config", config, "-o", target)
    assert result.exit_code == 2
    assert f"{config}:{line}: " in result.stderr
    assert message in result.stderr
    assert not target.exists()


def test_a_bad_logo_is_reported_before_the_folder_is_read(cli: Invoke, tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("report:\n  logo: missing.png\n", encoding="utf-8")
    result = report(cli, tmp_path / "no-such-folder", "--config", config, "-f", "md")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"iso20k: error: {config}:2: report.logo: ")
    # check does not use the logo, so the same configuration does not stop it.
    assert "report.logo" not in cli("check", tmp_path / "no-such-folder", "--config", config).stderr


def test_audit_date_turns_targets_into_dates_and_the_option_wins(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    config = tmp_path / "c.yaml"
    config.write_text("audit_date: 2027-03-01\n", encoding="utf-8")
    from_config = report(cli, evidence.root, "--config", config, "-f", "md").stdout
    assert "| Planned Stage 1 audit | 2027-03-01 |" in from_config
    # The draft incident policy is a minor document finding: 4 weeks before Stage 1.
    assert "4 weeks before Stage 1 (by 2027-02-01)" in from_config
    from_option = report(
        cli, evidence.root, "--config", config, "--audit-date", "2026-12-01", "-f", "md"
    ).stdout
    assert "4 weeks before Stage 1 (2026-11-03, already past: act now)" in from_option
    csv_text = report(cli, evidence.root, "--config", config, "-f", "csv").stdout
    assert ",4 weeks before Stage 1,2027-02-01," in csv_text


def test_template_dir_overrides_one_template_and_keeps_the_rest(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    templates = tmp_path / "templates"
    (templates / "partials").mkdir(parents=True)
    (templates / "partials" / "strengths.html.j2").write_text(
        '<section id="strengths"><h2>Our view</h2><p>{{ report.strengths|length }} strengths '
        "for {{ report.cover.organisation or 'you' }}</p></section>\n",
        encoding="utf-8",
    )
    (templates / "report.md.j2").write_text(
        "Score {{ report.summary.score_text }}; {{ report.evidence.files[0].path }}\n",
        encoding="utf-8",
    )
    html = report(cli, evidence.root, "--template-dir", templates, "-f", "html").stdout
    assert "<h2>Our view</h2><p>5 strengths for you</p>" in html
    assert 'id="action-plan"' in html  # the shipped partials are still used
    md = report(cli, evidence.root, "--template-dir", templates, "-f", "md").stdout
    # The user's Markdown template is escaped by default too.
    assert md == "Score 70/100; \\<script\\>alert(1)\\</script\\>.md\n"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% for x in %}", "template syntax error"),
        ("{{ report.no_such_thing }}", "no_such_thing"),
        ("{% include 'partials/absent.md.j2' %}", "template not found"),
    ],
)
def test_broken_user_template_is_an_input_error(
    cli: Invoke, evidence: Folder, tmp_path: Path, template: str, message: str
) -> None:
    partly_ready(evidence)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text(template, encoding="utf-8")
    target = tmp_path / "r.md"
    result = report(cli, evidence.root, "--template-dir", templates, "-o", target)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_missing_template_dir_is_an_input_error(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    result = report(cli, partly_ready(evidence).root, "--template-dir", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "template folder does not exist" in result.stderr


def test_example_report_in_every_format(cli: Invoke, tmp_path: Path) -> None:
    for fmt in ("md", "html", "docx", "csv", "xlsx"):
        target = tmp_path / f"harbourside.{fmt}"
        result = cli("report", EXAMPLE, "--as-of", AS_OF, "-o", target)
        assert result.exit_code == 0, result.stderr
    md = (tmp_path / "harbourside.md").read_text(encoding="utf-8")
    assert md.startswith("# Readiness assessment for certification: Harbourside Digital Services")
    assert "| Scope | Managed cloud hosting, 24x7 service desk" in md


def test_scope_falls_back_to_the_scope_document_title(cli: Invoke, tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("ignore: [README.md]\n", encoding="utf-8")
    md = cli("report", EXAMPLE, "--as-of", AS_OF, "--config", config, "-f", "md").stdout
    assert (
        "| Scope | SMS Scope Statement (from the title of the scope document "
        "(01-context/SMS Scope Statement.md); see it for the scope) |"
    ) in md


def test_help_documents_the_report_options_and_exit_codes(cli: Invoke) -> None:
    result = cli("report", "--help", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for needle in (
        "--format",
        "--output",
        "--as-of",
        "--catalogue",
        "--config",
        "--audit-date",
        "--template-dir",
        "0 the report was written",
        "2 usage or input error",
    ):
        assert needle in text


def test_accepted_findings_are_listed_apart_not_as_actions(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    config = tmp_path / "c.yaml"
    config.write_text(
        "accepted:\n"
        "  - finding: incident-policy:approved\n"
        "    justification: The policy is being rewritten for the new service desk tool.\n"
        "    accepted_by: Managing Director\n"
        "    expires: 2027-06-30\n",
        encoding="utf-8",
    )
    md = report(cli, evidence.root, "--config", config, "-f", "md").stdout
    plan = md[md.index("## 5. Action plan") : md.index("### Accepted findings")]
    assert "Incident policy" not in plan
    accepted = md[md.index("### Accepted findings") : md.index("## 6. Evidence index")]
    assert "Accepted by Managing Director until 2027-06-30" in accepted
    assert "| △ Minor | 0 |" in md
    assert "1 further finding accepted by the organisation is not counted; it is listed" in md
    csv_text = report(cli, evidence.root, "--config", config, "-f", "csv").stdout
    assert "incident-policy:approved" not in csv_text
