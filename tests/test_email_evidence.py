"""Saved e-mail messages (.eml), built with the standard library, read back and recognised."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from typing import Any

from conftest import Folder, Invoke
from iso20k_cli.evidence.extract.message import without_reply_prefix
from test_evidence_formats import read

D = dt.date
AS_OF = "2026-04-01"


def message(
    subject: str,
    body: str,
    date: str = "Tue, 03 Mar 2026 10:15:00 +0000",
    sender: str = "Alice Change <alice@example.com>",
    **headers: str,
) -> EmailMessage:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "cab@example.com"
    for name, value in headers.items():
        m[name] = value
    if date:
        m["Date"] = date
    m["Subject"] = subject
    m.set_content(body)
    return m


def test_plain_message_headers_body_and_the_day_it_was_sent(evidence: Folder) -> None:
    body = "The CAB approved RFC-1234 for Saturday's window.\n\n> Please approve RFC-1234.\n"
    m = message("RE: CAB approval for RFC-1234 database upgrade", body, Cc="ops@example.com")
    evidence.add("cab.eml", bytes(m))
    f = read(evidence)["cab.eml"]
    assert f.readable and f.format == "eml" and not f.warnings
    assert (f.title, f.title_source) == ("CAB approval for RFC-1234 database upgrade", "subject")
    assert f.record_dates == (D(2026, 3, 3),)
    assert f.control.owner == "Alice Change"
    lines = f.text.splitlines()
    assert lines[:5] == [
        "From: Alice Change <alice@example.com>",
        "To: cab@example.com",
        "Cc: ops@example.com",
        "Date: Tue, 03 Mar 2026 10:15:00 +0000",
        "Subject: RE: CAB approval for RFC-1234 database upgrade",
    ]
    # The quoted earlier message is part of the record.
    assert "> Please approve RFC-1234." in lines


def test_the_day_is_the_senders(evidence: Folder) -> None:
    late = message("Change closed", "RFC-9 is closed.", date="Tue, 31 Mar 2026 23:30:00 -0500")
    evidence.add("late.eml", bytes(late))
    assert read(evidence)["late.eml"].record_dates == (D(2026, 3, 31),)


def test_html_alternative_quoted_printable_and_base64(evidence: Folder) -> None:
    plain = message("Service review", "Plain: availability 99.95% in March. Café agreed.")
    plain.add_alternative("<p>HTML: <b>availability</b></p>", subtype="html")
    evidence.add("alt.eml", bytes(plain))
    html_only = EmailMessage()
    html_only["From"] = "svc@example.com"
    html_only["Date"] = "Mon, 02 Mar 2026 08:00:00 +0000"
    html_only["Subject"] = "Supplier service review"
    html_only.set_content(
        "<html><head><style>p {color: red}</style></head><body><h1>Acme review</h1>"
        "<p>Résumé of the <i>quarter</i>: targets met.</p></body></html>",
        subtype="html",
        cte="quoted-printable",
    )
    evidence.add("html.eml", bytes(html_only))
    b64 = message("Backup report", "")
    b64.set_content("Backups verified on 1 March; restore test passed. ✓", cte="base64")
    evidence.add("b64.eml", bytes(b64))
    files = read(evidence)
    assert "Plain: availability 99.95% in March. Café agreed." in files["alt.eml"].text
    assert "HTML:" not in files["alt.eml"].text  # one version of the body, the plain one
    html = files["html.eml"].text
    assert html.endswith("\n\nAcme review\nRésumé of the quarter: targets met.")
    assert "color: red" not in html
    assert b"R=C3=A9sum=C3=A9" in (evidence.root / "html.eml").read_bytes()
    assert "restore test passed. ✓" in files["b64.eml"].text
    assert b"Backups verified" not in (evidence.root / "b64.eml").read_bytes()  # really encoded


def test_encoded_word_subject_and_sender(evidence: Folder) -> None:
    raw = (
        "From: =?utf-8?q?Ren=C3=A9e_M=C3=BCller?= <renee@example.com>\r\n"
        "Date: Thu, 05 Mar 2026 09:00:00 +0100\r\n"
        "Subject: =?utf-8?b?RndkOiBNYWpvciBpbmNpZGVudCBub3RpZmljYXRpb24g4oCTIHBheW1lbnRz?=\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Payments were down from 09:10 to 10:40.\r\n"
    )
    evidence.add("notice.eml", raw.encode())
    f = read(evidence)["notice.eml"]
    assert f.title == "Major incident notification – payments"
    assert "Subject: Fwd: Major incident notification – payments" in f.text
    assert f.control.owner == "Renée Müller"


def test_attachments_are_listed_not_read(evidence: Folder) -> None:
    m = message("Management review invitation", "Minutes of the last review attached.")
    m.add_attachment(
        b"%PDF-1.4 secret-pdf-body", maintype="application", subtype="pdf", filename="minutes.pdf"
    )
    m.add_attachment(
        b"secret-sheet", maintype="application", subtype="octet-stream", filename="rfc.xlsx"
    )
    m.add_attachment("secret-notes", subtype="plain", filename="notes.txt")
    evidence.add("invite.eml", bytes(m))
    text = read(evidence)["invite.eml"].text
    assert "Attachments: minutes.pdf, rfc.xlsx, notes.txt" in text.splitlines()
    assert "Minutes of the last review attached." in text
    assert "secret" not in text


def test_forwarded_message_is_read_after_its_headers(evidence: Folder) -> None:
    inner = message(
        "RFC-77 approved", "Approved by the CAB on 2 March.", date="Mon, 02 Mar 2026 16:00 +0000"
    )
    outer = message("Fwd: RFC-77 approved", "FYI, see below.")
    outer.add_attachment(inner)
    evidence.add("fwd.eml", bytes(outer))
    f = read(evidence)["fwd.eml"]
    assert f.title == "RFC-77 approved"
    text = f.text
    assert text.index("FYI, see below.") < text.index("Forwarded message:")
    assert "Subject: RFC-77 approved" in text
    assert text.index("Forwarded message:") < text.index("Approved by the CAB on 2 March.")
    assert f.record_dates == (D(2026, 3, 3),)  # the day it was forwarded, its own


def test_reply_prefixes_are_stripped_from_the_title_only() -> None:
    assert without_reply_prefix("RE: FW: Re[2]: CAB approval") == "CAB approval"
    assert without_reply_prefix("AW: WG: Änderung") == "Änderung"
    assert without_reply_prefix("Release: 4.2 go-live") == "Release: 4.2 go-live"
    assert without_reply_prefix("Re:") == ""


def test_undated_and_broken_dates(evidence: Folder) -> None:
    evidence.add("nodate.eml", bytes(message("Change closed", "RFC-9 closed.", date="")))
    evidence.add("bad.eml", bytes(message("Change closed", "RFC-9 closed.", date="someday")))
    files = read(evidence)
    assert files["nodate.eml"].record_dates == () and files["nodate.eml"].readable
    assert files["bad.eml"].record_dates == ()
    assert "Date header could not be read" in " ".join(files["bad.eml"].warnings)


def test_msg_keeps_its_hint(evidence: Folder) -> None:
    evidence.add("approval.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    f = read(evidence)["approval.msg"]
    assert not f.readable and "save the message as .eml or PDF" in (f.error or "")


def _by_path(result: Any) -> dict[str, Any]:
    return {f["path"]: f for f in result["files"]}


def _item(result: Any, item_id: str) -> dict[str, Any]:
    return next(i for i in result["items"] if i["id"] == item_id)


def test_cab_approval_counts_as_a_change_record_and_an_announcement_as_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    cab = message(
        "RE: CAB approval for RFC-1234",
        "The change advisory board approved RFC-1234 (database upgrade) for Saturday.\n"
        "Back-out plan: restore the snapshot taken before the upgrade.",
    )
    evidence.add("mail/cab-approval.eml", bytes(cab))
    news = message(
        "New incident management policy published",
        "The incident management policy has been updated and published on the intranet.\n"
        "Every incident is logged, classified and resolved as the policy says; please read it.",
        date="Wed, 04 Mar 2026 09:00:00 +0100",
        sender="Quality Manager <qm@example.com>",
    )
    news.add_attachment(
        b"%PDF-1.4", maintype="application", subtype="pdf", filename="incident-policy.pdf"
    )
    evidence.add("mail/policy-news.eml", bytes(news))
    result = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    out = result.json()
    files = _by_path(out)
    assert files["mail/cab-approval.eml"]["genre"] == "report"
    assert files["mail/cab-approval.eml"]["used_for"] == ["change-records"]
    assert files["mail/cab-approval.eml"]["last_record"] == "2026-03-03"
    change = _item(out, "change-records")
    assert [e["path"] for e in change["evidence"] if e["counted"]] == ["mail/cab-approval.eml"]
    assert any(c["check"] == "latest_record_age" and c["passed"] for c in change["checks"])

    assert files["mail/policy-news.eml"]["genre"] == "reference"
    assert files["mail/policy-news.eml"]["used_for"] == []
    for item_id in ("incident-management-procedure", "incident-records"):
        assert not any(
            e["path"] == "mail/policy-news.eml" and e["counted"]
            for e in _item(out, item_id)["evidence"]
        ), item_id
    misses = _item(out, "incident-management-procedure")["near_misses"]
    assert any(
        m["path"] == "mail/policy-news.eml" and "announces or carries a policy" in m["reason"]
        for m in misses
    )


def test_a_message_is_never_a_controlled_document(cli: Invoke, evidence: Folder) -> None:
    evidence.add(
        "catalogue.eml",
        bytes(message("Service catalogue", "The service catalogue for 2026 lists our services.")),
    )
    out = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF).json()
    assert _by_path(out)["catalogue.eml"]["used_for"] == []
    misses = _item(out, "service-catalogue")["near_misses"]
    assert any("not a controlled document" in m["reason"] for m in misses)


def test_a_declared_message_keeps_the_genre_of_a_message(cli: Invoke, evidence: Folder) -> None:
    evidence.add(
        "rfc.eml", bytes(message("RFC-1234 database upgrade", "Approved by the CAB today."))
    )
    evidence.add("minutes.eml", bytes(message("CAB minutes 3 March", "Present: CAB members.")))
    evidence.add(
        "evidence.yaml",
        "files:\n  - path: rfc.eml\n    satisfies: [change-records]\n"
        "  - path: minutes.eml\n    satisfies: [change-records]\n",
    )
    out = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF).json()
    files = _by_path(out)
    # "database" is a register's word; a message about one is no register of entries.
    assert (files["rfc.eml"]["genre"], files["minutes.eml"]["genre"]) == ("report", "minutes")
    assert files["rfc.eml"]["used_for"] == ["change-records"]


def test_a_subject_line_s_first_part_says_what_record_the_message_is(
    cli: Invoke, evidence: Folder
) -> None:
    mails = {
        "cab.eml": ("CAB approval - CHG-2026-0934 core switch replacement", "Approved."),
        "complaint.eml": ("Complaint - repeated outages at our Ennis office", "Third this month."),
        "logged.eml": ("[INC-88421] Your incident has been logged - Outlook not opening", "Hi."),
        "problem.eml": ("PRB-0217 - root cause identified - known error published", "Fixed."),
        "dispute.eml": (
            "Formal notice of dispute - service credits under Master Services Agreement clause 14",
            "We dispute invoice INV-88213.",
        ),
        "Invitation_ Management Review.eml": (
            "Invitation: SMS Management Review - Thu 12 Mar 2026 10:00 (Boardroom)",
            "Agenda: actions, performance, audits, risks.",
        ),
        "autoreply.eml": ("Automatic reply: RE: CAB approval - CHG-2026-0934", "I am away."),
    }
    for name, (subject, body) in mails.items():
        evidence.add(name, bytes(message(subject, body)))
    # A request kept under its number in the file's name.
    evidence.add(
        "Request - new laptop (REQ-55120).eml", bytes(message("Laptop for Aoife", "Please."))
    )
    out = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF).json()
    used = {path: f["used_for"] for path, f in _by_path(out).items()}
    assert used["cab.eml"] == ["change-records"]
    # The complaint is about outages; it is no incident record.
    assert used["complaint.eml"] == ["service-complaints"]
    assert used["logged.eml"] == ["incident-records"]
    assert used["problem.eml"] == ["known-error-records", "problem-records"]
    assert used["dispute.eml"] == ["contractual-disputes"]
    assert used["Request - new laptop (REQ-55120).eml"] == ["service-request-records"]
    assert used["Invitation_ Management Review.eml"] == []
    assert used["autoreply.eml"] == []
