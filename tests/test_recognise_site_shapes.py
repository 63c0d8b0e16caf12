"""How documentation sites and policy sets are really written: titles kept in the site's
navigation or in Pelican-style metadata, HTML tables inside Markdown, index pages, and
sections that are parts of a document about something else."""

from __future__ import annotations

from typing import Any

from conftest import AS_OF, Folder, Invoke
from iso20k_cli.evidence.extract import markdown
from iso20k_cli.evidence.frontmatter import parse_front_matter
from iso20k_cli.evidence.model import Section
from iso20k_cli.evidence.sitenav import titles_in
from iso20k_cli.recognise.model import FileRecognition
from iso20k_cli.recognise.unwritten import is_index
from test_recognise import PROSE, SHIPPED, counted, ef

STEPS = (
    "The incident commander opens the bridge, names a scribe and a deputy, and posts an "
    "update to the status page every thirty minutes until the service is restored. "
) * 6

MKDOCS = """\
site_name: Operations
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
nav:
  - Home: 'index.md'
  - Before an Incident:
    - Severity Levels: 'before/severity.md'
  - During an Incident:
    - During an Incident: 'during/during.md'
  - External: 'https://status.example.com'
  - 'bare.md'
theme:
  name: material
"""


def check(cli: Invoke, evidence: Folder) -> dict[str, Any]:
    result = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    data: dict[str, Any] = result.json()
    return data


def counted_for(data: dict[str, Any], item_id: str) -> set[str]:
    item = next(i for i in data["items"] if i["id"] == item_id)
    return {e["path"] for e in item["evidence"] if e["counted"]}


# ------------------------------------------------------------------ where titles are kept


def test_the_site_navigation_names_pages_that_have_no_title_of_their_own() -> None:
    assert titles_in(MKDOCS) == {
        "docs/index.md": "Home",
        "docs/before/severity.md": "Severity Levels",
        "docs/during/during.md": "During an Incident",
    }
    moved = titles_in("docs_dir: site/pages\nnav:\n  - Runbook: run.md\n")
    assert moved == {"site/pages/run.md": "Runbook"}
    # A page path that climbs out of the site is not a page of it.
    assert titles_in("nav:\n  - Away: ../../etc/passwd\n") == {}
    assert titles_in("nav: [unclosed\n") == {}


def test_a_page_named_in_the_navigation_is_recognised_by_that_name(
    cli: Invoke, evidence: Folder
) -> None:
    evidence.add("mkdocs.yml", MKDOCS)
    # The page opens without a heading; its first heading is a part's, not its title.
    opening = "Information on what to do during a major incident.\n\n## Don't Panic!\n\n"
    evidence.add("docs/during/during.md", opening + STEPS)
    data = check(cli, evidence)
    files = {f["path"]: f for f in data["files"]}
    assert files["docs/during/during.md"]["title"] == "During an Incident"
    assert files["docs/during/during.md"]["title_source"] == "navigation"
    # The opening sets the page's scope: major incidents, not incidents at large.
    assert counted_for(data, "major-incident-procedure") == {"docs/during/during.md"}
    assert counted_for(data, "incident-management-procedure") == set()


def test_front_matter_keeps_its_title_over_the_navigation(cli: Invoke, evidence: Folder) -> None:
    evidence.add("mkdocs.yml", MKDOCS)
    evidence.add("docs/before/severity.md", STEPS, title="Incident Classification Procedure")
    files = {f["path"]: f for f in check(cli, evidence)["files"]}
    assert files["docs/before/severity.md"]["title"] == "Incident Classification Procedure"


def test_pelican_metadata_gives_the_title() -> None:
    text = "Title: Backup policy: what we keep\nlicense: https://example.org/l\n\nWe keep backups."
    assert parse_front_matter(text).title == "Backup policy: what we keep"
    # A first line that is prose with a colon is not metadata.
    assert parse_front_matter("Note: read this first\n\nBody.").title is None
    assert parse_front_matter("Title: A\nthis line is prose\n\nBody").title is None


def test_a_metadata_titled_page_counts_by_its_title(cli: Invoke, evidence: Folder) -> None:
    evidence.add("pages/bcp.md", "Title: Business Continuity Plan\nAuthor: Ops\n\n" + STEPS)
    assert counted_for(check(cli, evidence), "continuity-plan") == {"pages/bcp.md"}


def test_quoted_metadata_values_are_read_without_their_quotes() -> None:
    # Metadata exported from a YAML front-matter keeps its quotes.
    text = "title: 'Mail outage'\ndate: '2014-05-07T09:12:00+00:00'\n\nMail is down."
    front = parse_front_matter(text)
    assert front.title == "Mail outage"
    assert [str(d) for d in front.record_dates] == ["2014-05-07"]


def test_a_dated_blog_post_reports_its_day(cli: Invoke, evidence: Folder) -> None:
    notice = "Mail has been down since 07:00; we are restoring the queue from the backup.\n"
    evidence.add("blog/mail-outage.md", "title: Mail outage\ndate: 2026-05-07\n\n" + notice * 3)
    # Undated, a post is an announcement; a training page is not a report even dated.
    evidence.add("blog/outage-faq.md", "title: Mail outage\n\n" + notice * 3)
    evidence.add("training/mail-outage.md", "title: Mail outage\ndate: 2026-05-07\n\n" + notice * 3)
    assert counted_for(check(cli, evidence), "incident-records") == {"blog/mail-outage.md"}


def test_a_dated_notice_of_planned_work_records_one_change(cli: Invoke, evidence: Folder) -> None:
    work = (
        "On Sunday 29 October from 12:00 to 17:00 the storage controllers are replaced and "
        "the cluster nodes rebooted; jobs queued before then will wait until it is over.\n"
    )
    evidence.add(
        "announce/2026-10-05-october-maintenance.md",
        "# Scheduled Maintenance for HPC\n\n" + work * 3,
    )
    evidence.add("announce/2026-11-24-config-change.md", "# Storage Config Change\n\n" + work * 3)
    # Undated, the same words are a page about how maintenance is done; a dated page
    # about a change that is only one of its subjects records nothing, and maintenance
    # alone may be any kind of upkeep.
    evidence.add("ops/maintenance.md", "# Scheduled Maintenance for HPC\n\n" + work * 3)
    evidence.add(
        "announce/2026-08-02-maintenance.md", "# August Maintenance for HPC\n\n" + work * 3
    )
    evidence.add(
        "announce/2026-09-01-maintenance-tips.md", "# Maintenance tips and tricks\n\n" + work * 3
    )
    data = check(cli, evidence)
    assert counted_for(data, "change-records") == {
        "announce/2026-10-05-october-maintenance.md",
        "announce/2026-11-24-config-change.md",
    }
    # One notice is no analysis of the changes over a period.
    assert counted_for(data, "change-trend-analysis") == set()


# ------------------------------------------------------------------ tables and index pages


def test_an_html_table_inside_markdown_is_a_table() -> None:
    page = (
        "# Data Management Policy\n\n## Appendix A - Retention Matrix\n\n"
        '<table>\n  <tr>\n   <td><strong>System</strong></td>\n   <td>Retention "Period"</td>\n'
        "  </tr>\n  <tr><td>CRM</td><td>7 years</td></tr>\n  <tr><td>Tickets</td>"
        "<td>3 years</td></tr>\n</table>\n\nAfter the table.\n"
    )
    document = markdown.parse(page)
    ((_, rows),) = document.tables
    assert rows == [["System", 'Retention "Period"'], ["CRM", "7 years"], ["Tickets", "3 years"]]
    # An unclosed table is left as text rather than read to the end of the file.
    assert markdown.parse("<table>\n<tr><td>a</td></tr>\n").tables == []


def test_a_page_of_links_is_an_index_not_the_documents_it_lists() -> None:
    listing = "# Information Security Policies\n\n" + "".join(
        f"- [{name} policy](../policies/{name}.md)\n"
        for name in ("Access control", "Asset", "Continuity", "Cryptography", "Supplier")
    )
    assert is_index(listing)
    assert counted("Information Security Policies", text=listing) == set()
    # A change log's entries are sentences that cite their pull requests.
    changes = "".join(
        f"- Fixed the login timeout on mobile ([#{n}](https://example.org/pull/{n}))\n"
        for n in range(10)
    )
    assert not is_index(changes)


# ------------------------------------------------------------------ sections of a whole


def _sections(text: str, *headings: str) -> tuple[Section, ...]:
    found = []
    for heading in headings:
        start = text.index(heading)
        found.append(Section(heading=heading, level=2, start=start, end=start + len(STEPS)))
    return tuple(found)


def _one_section(path: str, title: str, heading: str) -> FileRecognition:
    text = f"## {heading}\n" + STEPS
    return SHIPPED.recognise(ef(path, title, text, sections=_sections(text, heading)))


def _counted(recognition: FileRecognition) -> set[str]:
    return {link.item for link in recognition.links if link.counted}


def test_a_clause_of_a_policy_on_another_subject_is_not_evidence_of_its_own() -> None:
    recognition = _one_section(
        "third-party-policy.md",
        "Third-Party Management Policy",
        "Information Security in Supplier Relationships",
    )
    assert _counted(recognition) == {"supplier-management-procedure"}
    misses = {m.item: m.reason for m in recognition.misses}
    assert "clause of a policy" in misses["is-policy"]


def test_a_section_naming_a_register_without_its_entries_describes_it() -> None:
    recognition = _one_section("planning.md", "Quarterly Planning Process", "Risk register")
    assert "risks-opportunities-register" not in _counted(recognition)
    misses = {m.item: m.reason for m in recognition.misses}
    assert "no table of its entries" in misses["risks-opportunities-register"]


def test_a_broader_section_of_a_narrower_document_is_that_narrower_subject() -> None:
    recognition = _one_section(
        "security-ir.md", "Security Incident Response Plan", "Incident Response Process"
    )
    assert _counted(recognition) == {"is-incident-procedure"}


def test_a_process_section_of_a_report_is_not_the_process() -> None:
    retro = _one_section("incidents/330-retro.md", "Incident 330 retrospective", "Release process")
    assert "release-policy-plans" not in _counted(retro)
    misses = {m.item: m.reason for m in retro.misses}
    assert "part of a report" in misses["release-policy-plans"]
    # The same section in a handbook page is the process, and a plan made in a review
    # is still that plan.
    handbook = _one_section("releases.md", "Engineering handbook", "Release process")
    assert "release-policy-plans" in _counted(handbook)
    review = _one_section("capacity-review.md", "Capacity review Q3", "Capacity plan for 2027")
    assert "capacity-plan" in _counted(review)


# ------------------------------------------------------------------ what a title says


def test_managing_a_register_is_a_process_not_the_register() -> None:
    assert "asset-register" not in counted("Asset Inventory Management")
    assert "asset-register" in counted("Asset Inventory", path="assets.md")


def test_records_management_is_a_discipline_not_a_register() -> None:
    def genre(title: str) -> str | None:
        return SHIPPED.recognise(ef("page.md", title, PROSE)).genre

    assert genre("Records management") != "register"
    # A page on the discipline is awareness; a policy on it sets what is kept.
    assert counted("Records management") == set()
    assert "records-retention-schedule" in counted("Records Management Policy")
    assert genre("Log Management") != "register"
    assert genre("Records") == "register"
    assert genre("Records Management Policy") == "policy"


def test_an_onboarding_guide_teaches_and_is_no_procedure() -> None:
    assert counted("Release Team Onboarding Guide") == set()
    assert "release-policy-plans" in counted("Release Management Guide")


def test_topic_specific_security_policies_are_control_decisions() -> None:
    titles = (
        "Access Control Policy",
        "Cryptography Standard",
        "Vulnerability Management Standard",
        "Committer Password Policy",
        "Multi-Factor Authentication Standard",
    )
    for title in titles:
        assert "is-control-decisions" in counted(title), title
    assert "is-control-decisions" not in counted("Access Request Form")


# ------------------------------------------------------------------ records by their parts

REVIEW = """\
# Incident on 2021-05-10 - Apply pipeline down

- **Key events**
  - First detected 2021-05-10 12:15
  - Resolved 2021-05-11 10:00
- **Impact**: users could not change their namespaces for four hours.
- **Resolution**: the manager cluster was recreated from code.
- **Actions following review**:
  - Guard the destroy command with a cluster check.
"""


def test_a_record_laid_out_as_a_post_incident_review_is_one(cli: Invoke, evidence: Folder) -> None:
    evidence.add("incidents/2021-05-10-pipeline-down.md", REVIEW)
    # The same parts in a log of many incidents make a log, not one review.
    evidence.add(
        "incidents/incident-log.md", REVIEW.replace("# Incident on", "# Incident Log\n\n## On")
    )
    data = check(cli, evidence)
    assert counted_for(data, "major-incident-reports") == {"incidents/2021-05-10-pipeline-down.md"}
    assert "incidents/2021-05-10-pipeline-down.md" not in counted_for(data, "incident-records")
    item = next(i for i in data["items"] if i["id"] == "major-incident-reports")
    (link,) = [e for e in item["evidence"] if e["counted"]]
    assert "parts" in link["signals"] and "'impact'" in link["detail"]


def test_a_blog_post_in_html_laid_out_as_a_review_is_one(cli: Invoke, evidence: Folder) -> None:
    # Headings kept as HTML in a Markdown post ("<h2>What worked?</h2>") are its parts.
    evidence.add(
        "blog/mail-incident-report.md",
        "---\ntitle: Mail service incident report for 12 July\ndate: 2026-07-13\n---\n"
        "<p>The list server failed at 09:11 and mail queued for six hours.</p>\n"
        "<h2>What happened?</h2>\n<p>Its disk filled with a runaway log.</p>\n"
        "<h2>What worked?</h2>\n<p>Alerts reached the on-call engineer at once.</p>\n"
        "<h2>What didn't work?</h2>\n<p>No one watched the log's size.</p>\n",
    )
    data = check(cli, evidence)
    assert counted_for(data, "major-incident-reports") == {"blog/mail-incident-report.md"}
    assert "blog/mail-incident-report.md" not in counted_for(data, "incident-records")


def test_a_section_of_a_site_page_that_never_speaks_of_its_subject_only_points_at_it(
    cli: Invoke, evidence: Folder
) -> None:
    pointer = (
        "The plan is kept in the operations wiki with the other runbooks of the hosted "
        "service. Ask the platform team in the support channel for access to it, and read "
        "it before your first week on call; it changes each quarter as the team grows. "
    ) * 2
    evidence.add(
        "hosted.md",
        f"# Hosted instances\n\nWhat customers get.\n\n## Disaster Recovery Plan\n\n{pointer}",
    )
    speaks = (
        "If the primary region is lost, disaster recovery starts at once: the databases are "
        "restored from the last backup in the second region and traffic moves there, so the "
        "service is back within four hours. The recovery is rehearsed twice a year. "
    ) * 2
    evidence.add(
        "platform.md",
        f"# Platform operations\n\nHow we run it.\n\n## Disaster Recovery Plan\n\n{speaks}",
    )
    data = check(cli, evidence)
    assert counted_for(data, "continuity-plan") == {"platform.md"}
    item = next(i for i in data["items"] if i["id"] == "continuity-plan")
    (miss,) = [m for m in item["near_misses"] if m["path"] == "hosted.md"]
    assert "never speaks of the subject" in miss["reason"]


def test_a_name_ending_in_capitals_is_one_word() -> None:
    # "CircleCI" is a product, not a configuration item (CI).
    assert "configuration-records" not in counted("CircleCI security incident report")


def test_a_few_mentions_of_a_separate_process_do_not_make_a_procedure_of_it() -> None:
    body = (
        "Any incident is logged, prioritised and assigned. Incident owners keep users "
        "informed until the incident is resolved. " * 10
    )
    security = body + "A security incident goes to the security team. " * 3
    assert counted("Incident Management Process", text=security) == {
        "incident-management-procedure"
    }
    major = body + "A major incident is declared by the duty manager. " * 3
    assert counted("Incident Management Process", text=major) == {
        "incident-management-procedure",
        "major-incident-procedure",
    }


def test_an_exercise_is_an_event_not_the_procedure_it_exercises() -> None:
    assert "incident-management-procedure" not in counted("Incident Response Exercises")


def test_a_backup_policy_decides_a_control_and_a_backup_runbook_does_not() -> None:
    assert counted("Backup Policy") == {"is-control-decisions"}
    assert counted("System Backup Standard") == {"is-control-decisions"}
    for title in ("Velero backups", "Backup runbook", "Database backup process"):
        assert "is-control-decisions" not in counted(title), title
    # The other topic-specific security policies, and only as policies or standards.
    for title in ("Clean Desk Policy", "BYOD Policy", "Removable Media Standard"):
        assert counted(title) == {"is-control-decisions"}, title
    assert counted("Remote working guide") == set()
    recognition = SHIPPED.recognise(ef("runbooks/backup.md", "Backup runbook", PROSE))
    (miss,) = [m for m in recognition.misses if m.item == "is-control-decisions"]
    assert "only a policy or standard on 'backup' decides it, and this is a process" in miss.reason


# ------------------------------------------------------------------ which words are the subject


def test_the_subject_next_to_the_genre_word_is_the_one_it_governs() -> None:
    # The policy is of roles and responsibilities; information security is its field.
    assert counted("Information Security Roles and Responsibilities Policy") == {
        "roles-responsibilities"
    }
    # Subjects joined by "and" share the genre word.
    assert {"change-management-policy", "configuration-management-procedure"} <= counted(
        "Configuration and Change Management Policy"
    )


def test_the_audience_between_subject_and_genre_word_is_not_a_gap() -> None:
    assert counted("IT Security All Users Policy") == {"is-policy"}
    # Two other words are: the tracker is of absences, not of the release team.
    assert counted("Release Team Absence Tracker") == set()


def test_a_service_level_indicator_is_no_service_level_agreement() -> None:
    assert counted("Run a Service Level Indicator (SLI) workshop") == set()
    assert counted("Service Level Indicators") == set()
    assert counted("Service Level Agreement") == {"slas"}


def test_an_inverted_title_gives_its_genre_to_what_it_is_on() -> None:
    assert counted("Policy on sharing sensitive information") == {"is-control-decisions"}
    assert counted("Procedure for handling incidents") == {"incident-management-procedure"}
    # Two words between are a subject of their own: the accounts are what is retained.
    assert counted("Policy on Jira account retention") == set()


def test_an_aside_in_brackets_does_not_make_the_title_something_else() -> None:
    assert "is-policy" in counted("IT Security Policy (Overview)")


def test_a_folder_index_page_is_the_folder_s_page(cli: Invoke, evidence: Folder) -> None:
    evidence.add("process/incidents/index.md", "# Incident process\n\n" + STEPS)
    evidence.add("index.md", "# Incident process overview\n\n" + STEPS)
    data = check(cli, evidence)
    assert counted_for(data, "incident-management-procedure") == {"process/incidents/index.md"}


def test_a_site_generator_s_index_html_md_is_the_folder_s_page(
    cli: Invoke, evidence: Folder
) -> None:
    # Middleman and Jekyll sites name a page's source "index.html.md"; its stem is
    # "index", not an index of links.
    evidence.add(
        "handbook/incident-management/index.html.md",
        '---\ntitle: "Incident Management"\n---\n\n' + STEPS,
    )
    evidence.add("handbook/change-management.html.md", "# Change management\n\n" + STEPS)
    data = check(cli, evidence)
    assert counted_for(data, "incident-management-procedure") == {
        "handbook/incident-management/index.html.md"
    }
    assert counted_for(data, "change-management-policy") == {"handbook/change-management.html.md"}


def test_a_controlled_document_procedure_is_the_document_control_procedure(
    cli: Invoke, evidence: Folder
) -> None:
    evidence.add(
        "security/controlled-document-procedure.md",
        "# Controlled Document Procedure\n\n"
        + (
            "Policies, standards and procedures are controlled documents: each has an owner, "
            "is approved before publication, carries a version and is reviewed every year. "
        )
        * 4,
    )
    assert counted_for(check(cli, evidence), "document-control-procedure") == {
        "security/controlled-document-procedure.md"
    }


def test_a_heading_that_labels_a_part_is_not_the_page_title() -> None:
    assert markdown.fallback_title(markdown.parse("## Background:\n\nText.\n").marks) is None
    assert markdown.fallback_title(markdown.parse("## Status: NO GO\n").marks) is None
    assert markdown.fallback_title(markdown.parse("## Incident process\n").marks) == (
        "Incident process"
    )


def test_a_cross_reference_or_a_measure_is_no_evidence_of_what_it_names() -> None:
    text = "## Link to IT Security Incident Management\n" + STEPS + "## SLA Achievement\n" + STEPS
    file = ef(
        "dr-guide.md",
        "Disaster Recovery Guide",
        text,
        sections=_sections(text, "Link to IT Security Incident Management", "SLA Achievement"),
    )
    got = {link.item for link in SHIPPED.recognise(file).links if link.counted}
    assert got == {"continuity-plan"}


def test_spellings_of_one_term_score_once_in_the_content() -> None:
    from iso20k_cli.recognise.content import ContentScorer

    scorer = ContentScorer(SHIPPED._catalogue, SHIPPED.lexicon)
    body = scorer.body_words(
        "A security incident, a data breach, security incidents: phishing and malware."
    )
    scores = scorer.best_in(body, 0)
    assert scores
    for score in scores:
        canonical = {SHIPPED.lexicon.canon_text(term) for term in score.terms}
        assert len(canonical) == len(score.terms), score


def test_the_parts_of_a_process_name_it() -> None:
    # Severity levels are how incidents are classified: a page of them is part of the
    # incident procedure.
    assert "incident-management-procedure" in counted("Severity Levels")
    # The post-incident review process is how causes are found: problem management;
    # it is no post-incident review itself.
    process = counted("Postmortem Process")
    assert "problem-management-procedure" in process
    assert "major-incident-reports" not in process


def test_ci_is_a_configuration_item_only_where_plainly_one() -> None:
    assert "configuration-records" not in counted("Outage on ci.example.org")
    assert "configuration-records" not in counted("Recommendations for the CI pipeline")
    assert "configuration-records" in counted("CI Register", path="ci-register.xlsx", format="xlsx")


def test_prose_named_for_a_day_reports_that_day() -> None:
    notice = "Virtual machines in one region were unreachable from 10:00 to 12:30 UTC. " * 5
    got = counted("Azure VMs outage", path="issues/2024-09-09-azure-vms-outage.md", text=notice)
    assert "incident-records" in got and "incident-management-procedure" not in got
    assert "incident-management-procedure" in counted("Outage handling", path="outages.md")


def test_a_short_dated_entry_is_a_record_and_a_short_page_a_stub() -> None:
    short = "The service is down; we are investigating and will update."
    assert "incident-records" in counted(
        "Service outage", path="issues/2023-12-13-service-outage.md", text=short
    )
    assert counted("Incident Management Procedure", path="incidents.md", text=short) == set()
