"""Dates as people write them: the parser, the order of day and month, date columns."""

from __future__ import annotations

import datetime as dt
from datetime import date as D

import pytest

from conftest import Folder
from factories import write_csv
from iso20k_cli.evidence.collect import collect
from iso20k_cli.evidence.datereader import DateReader
from iso20k_cli.evidence.dates import (
    MAX_NAME_CHARS,
    OpenOrder,
    date_at_start,
    dated_name,
    dates_in_name,
    excel_serial,
    named_dates,
    parse_date,
    period_dates,
    scan_date,
)
from iso20k_cli.evidence.doccontrol import parse_control
from iso20k_cli.evidence.extract.tables import column_dates, means_when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-10", D(2026, 2, 10)),
        ("2026/02/10", D(2026, 2, 10)),
        ("2026.2.10", D(2026, 2, 10)),
        ("10 February 2026", D(2026, 2, 10)),
        ("1st April 2023", D(2023, 4, 1)),
        ("Feb 1, 2022", D(2022, 2, 1)),
        ("February 1st, 2022", D(2022, 2, 1)),
        ("Feb. 1 2022", D(2022, 2, 1)),
        ("24-Jan-2022", D(2022, 1, 24)),
        ("24 Jan 22", D(2022, 1, 24)),
        ("24/JAN/2022", D(2022, 1, 24)),
        ("2022-Jan-24", D(2022, 1, 24)),
        ("5th Sept 2026", D(2026, 9, 5)),
        ("Monday, 10 February 2026", D(2026, 2, 10)),
        ("25/04/2026", D(2026, 4, 25)),  # a day over 12 shows the order by itself
        ("04/25/2026", D(2026, 4, 25)),
        ("25.04.2026", D(2026, 4, 25)),
        ("25-04-26", D(2026, 4, 25)),
        ("07/07/2026", D(2026, 7, 7)),  # the same either way round
        ("2026-08-03T14:22:00Z", D(2026, 8, 3)),
        ("2026-08-03 14:22", D(2026, 8, 3)),
        ("25/04/2026 09:30", D(2026, 4, 25)),
        ("Feb 1, 2022, 10:00 AM", D(2022, 2, 1)),
        ("10 March 2027.", D(2027, 3, 10)),
    ],
)
def test_dates_as_people_write_them(text: str, expected: D) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",  # not in the calendar
        "31/31/2026",
        "1.2.3",  # a version
        "03/45/2026",
        "INC-2026-04",
        "Jan 2026",  # a period, not a day
        "10 Smarch 2026",
        "2026-02-10-11",
        "",
        "3" * 5000,
        "1 / " * 5000,
    ],
)
def test_what_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_two_digit_years_pivot_at_70() -> None:
    assert parse_date("24 Jan 69") == D(2069, 1, 24)
    assert parse_date("24 Jan 70") == D(1970, 1, 24)
    assert parse_date("31/12/99") == D(1999, 12, 31)
    assert parse_date("13/01/00") == D(2000, 1, 13)


def test_ambiguous_numeric_dates_need_an_order() -> None:
    assert parse_date("03/04/2026") is None  # 3 April or 4 March: no guess
    assert parse_date("03/04/2026", "dmy") == D(2026, 4, 3)
    assert parse_date("03/04/2026", "mdy") == D(2026, 3, 4)
    # Year first is only possible with two-digit years.
    assert parse_date("26/04/03", "ymd") == D(2026, 4, 3)
    assert parse_date("03/04/2026", "ymd") is None
    # A date that shows its order is read so whatever the setting.
    assert parse_date("25/04/2026", "mdy") == D(2026, 4, 25)
    # What is no date either way round is not an ambiguous date.
    reader = DateReader()
    assert (reader.read("03/45/2026"), reader.read("13/14/2026")) == (None, None)
    assert reader.unresolved.count == 0


def test_a_file_settles_the_order_before_the_configuration() -> None:
    shown = DateReader("mdy").settled_by(["25/04/2026", "02/05/2026", "2026-01-01"])
    assert (shown.read("02/05/2026"), shown.read("13/05/2026")) == (D(2026, 5, 2), D(2026, 5, 13))
    assert shown.unresolved.count == 0
    # Nothing shown: the configuration decides.
    configured = DateReader("mdy").settled_by(["02/05/2026"])
    assert configured.read("02/05/2026") == D(2026, 2, 5)
    # Contradicting dates settle nothing; without a setting the date is noted, not read.
    mixed = DateReader().settled_by(["25/04/2026", "04/25/2026"])
    assert mixed.read("02/05/2026") is None
    assert mixed.read("02/05/2026") is None
    assert mixed.read("03/05/2026") is None
    assert (mixed.unresolved.count, mixed.unresolved.examples) == (2, ("02/05/2026", "03/05/2026"))


def test_a_column_settles_its_own_order() -> None:
    reader = DateReader()
    day_first = ("02/05/2026", "25/04/2026")
    month_first = ("02/05/2026", "04/25/2026")
    assert column_dates([day_first, month_first], reader) == {
        D(2026, 5, 2),
        D(2026, 4, 25),
        D(2026, 2, 5),
    }
    assert reader.unresolved.count == 0


def test_a_column_of_unresolved_dates_is_reported_not_dropped() -> None:
    reader = DateReader()
    assert column_dates([("03/04/2026", "05/06/2026", "")], reader) == set()
    assert reader.unresolved.examples == ("03/04/2026", "05/06/2026")
    # A column that is not mostly dates is no date column: its numbers are not noted.
    other = DateReader()
    assert column_dates([("03/04/2026", "n/a", "tbc", "later")], other) == set()
    assert other.unresolved.count == 0


def test_periods_and_excel_serials_in_date_columns() -> None:
    assert period_dates("Jan 2026") == (D(2026, 1, 1), D(2026, 1, 31))
    assert period_dates("2026-01") == (D(2026, 1, 1), D(2026, 1, 31))
    assert period_dates("01/2026") == (D(2026, 1, 1), D(2026, 1, 31))
    assert period_dates("Q1 2026") == (D(2026, 1, 1), D(2026, 3, 31))
    assert period_dates("13/2026") == ()
    assert period_dates("2026-07-15 to 2026-09-30") == (D(2026, 7, 15), D(2026, 9, 30))
    # A date with a word of plan is not a period the row covers.
    assert period_dates("Booked 2026-11-18") == ()
    assert period_dates("Scheduled 2026-11-24") == ()
    assert excel_serial(46023) == D(2026, 1, 1)
    assert excel_serial(12) is None  # a count, not a date
    assert column_dates([(46023, 46054.5, "Feb 2026")], DateReader()) == {
        D(2026, 1, 1),
        D(2026, 2, 1),
        D(2026, 2, 28),
    }


@pytest.mark.parametrize(
    "header",
    [
        "Date",
        "Opened",
        "sys_created_on",
        "CreatedDate",
        "Verified on",
        "Date of review",
        "Last reviewed",
        "Last review date",
        "Month covered",
        "Period",
        "When",
        "Audited",
        "Resolved at",
        "Unplanned outage date",
        "Requested",  # Zendesk's column for when a ticket was raised
        # As exports head them in other languages.
        "Beantragt am",
        "Erstelldatum",
        "Data de abertura",
        "Fecha de cierre",
        "Date d'ouverture",
        "Data chiusura",
        "Aangemaakt op",
    ],
)
def test_headers_that_say_when_something_happened(header: str) -> None:
    assert means_when(header)


@pytest.mark.parametrize(
    "header",
    [
        "Due date",
        "Target date",
        "Next review",
        "Review date",
        "Review due",
        "Planned start",
        "Expected date",
        "SLA due",
        "Expiry",
        "Reviewed by",
        "Complete by",
        "Owner",
        "Summary",
        "Status",
        "Fälligkeitsdatum",
        "Zieldatum",
        "Prazo",
        "Data prevista",
        "Streefdatum",
        "Échéance",
    ],
)
def test_headers_of_plans_and_other_things(header: str) -> None:
    assert not means_when(header)


def test_control_lines_use_the_configured_order(evidence: Folder) -> None:
    evidence.add("minutes.md", "# Change board minutes\n\nMeeting date: 03/04/2026\n\nNotes.\n")
    (unset,) = collect(evidence.root, jobs=1).files
    assert (unset.record_dates, unset.unread_dates) == ((), 1)
    (dmy,) = collect(evidence.root, jobs=1, date_order="dmy").files
    assert (dmy.record_dates, dmy.unread_dates) == ((dt.date(2026, 4, 3),), 0)


def test_the_document_control_block_settles_the_order(evidence: Folder) -> None:
    evidence.add(
        "minutes.md",
        "# Change board minutes\n\nVersion: 4.13.26\nApproved: 02/05/2026\n"
        "Meeting date: 03/04/2026\n\nNext review: 20/04/2027\n",
    )
    (file,) = collect(evidence.root, jobs=1, date_order="mdy").files
    # The next review date shows day first, so the file is read day first; a version
    # number is no date and shows nothing.
    assert file.record_dates == (dt.date(2026, 4, 3),)
    assert (file.control.approved, file.control.review_due) == (D(2026, 5, 2), D(2027, 4, 20))
    assert file.unread_dates == 0


def test_a_register_read_in_parallel_workers_keeps_the_order(evidence: Folder) -> None:
    for index in range(3):
        write_csv(evidence.root / f"log-{index}.csv", [["Logged", "Id"], ["03/04/2026", "1"]])
    files = collect(evidence.root, jobs=2, date_order="mdy").files
    assert {f.record_dates for f in files} == {(D(2026, 3, 4),)}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Disaster Recovery Test Report - 21.06.2026.docx", (D(2026, 6, 21),)),
        ("Weekly Ops Report w-e 13.11.2026.xlsx", (D(2026, 11, 13),)),
        ("Restore test 21_06_2026.pdf", (D(2026, 6, 21),)),
        ("Restore test 21-06-2026.pdf", (D(2026, 6, 21),)),
        ("Change calendar 6.13.2026.xlsx", (D(2026, 6, 13),)),  # month first, shown by 13
        ("Internal Audit Report - 05.05.2026.docx", (D(2026, 5, 5),)),  # either way round
        ("Incident Review - Storage 14.08.26.pdf", (D(2026, 8, 14),)),
        ("Outage Report_Internet_Link_19Mar2026.pdf", (D(2026, 3, 19),)),
        ("Outage 19-Mar-2026.pdf", (D(2026, 3, 19),)),
        ("Outage 19 March 2026.pdf", (D(2026, 3, 19),)),
        ("Minutes of MRM held on 14th March 2026.docx", (D(2026, 3, 14),)),
        ("CAB 1st April 2026.docx", (D(2026, 4, 1),)),
        ("CAB 2nd_Sept_2026.docx", (D(2026, 9, 2),)),
        ("CAB 23RD OCT 2026.docx", (D(2026, 10, 23),)),
        ("CAB minutes March 14, 2026.docx", (D(2026, 3, 14),)),
        ("CAB minutes Mar 3rd 2026.docx", (D(2026, 3, 3),)),
        # A range's second date shows the order, and so reads the first.
        ("Availability 01.06.2026-30.06.2026.xlsx", (D(2026, 6, 1), D(2026, 6, 30))),
        ("CAB-21-10-2026-2.docx", (D(2026, 10, 21),)),  # the day's second meeting
        # The forms read before are read as before.
        ("MR minutes 2026-10-14.md", (D(2026, 10, 14),)),
        ("March 2026 minutes.docx", (D(2026, 3, 1), D(2026, 3, 31))),
        ("Q3 2026 review.docx", (D(2026, 7, 1), D(2026, 9, 30))),
    ],
)
def test_dates_in_file_names(name: str, expected: tuple[D, ...]) -> None:
    assert dates_in_name(name) == expected
    assert dated_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Change Procedure v1.2.2026.docx",  # versions
        "Change Procedure v10.11.26.docx",
        "Release 01.10.26 notes.md",
        "Release notes 1.10.26.md",
        "agent 2.10.3.md",
        "Upgrade to 1.21.06.2026.md",
        "Build 10.11.2026.1.md",
        "SMS-PR-08 Incident Procedure.docx",  # document numbers and standards
        "ISO 20000-1 2018 mapping.xlsx",
        "ISO-20000-1-2018.pdf",
        "ISO_27001_2013.pdf",
        "Notes 31.02.2026.docx",  # in no calendar either way round
        "Notes 13.13.2026.docx",
        "Notes 00.00.2026.docx",
        "Top 40 1.5.docx",
        "Tel 020 7946 0018.docx",
        "Recording at 10.30.15.mp4",  # times
        "Firewall 10.11.12.13 rules.docx",  # an address
    ],
)
def test_numbers_in_names_that_are_no_dates(name: str) -> None:
    assert dates_in_name(name) == ()
    assert not dated_name(name)


def test_a_numeric_name_date_that_reads_either_way_waits_for_the_file() -> None:
    found = named_dates("CAB Minutes 10-11-2026.docx")
    # 10 November or 11 October: the name alone does not say, so nothing is read yet...
    assert found.dates == () and dates_in_name("CAB Minutes 10-11-2026.docx") == ()
    # ...but the name carries a date, which the file's order of day and month reads.
    assert dated_name("CAB Minutes 10-11-2026.docx")
    ((text, parts),) = found.numeric
    assert text == "10-11-2026" and parts.shows() is None
    reader = DateReader()
    assert reader.resolve(parts, text) == "10-11-2026"  # unread, noted as written
    assert DateReader("dmy").resolve(parts, text) == D(2026, 11, 10)
    assert DateReader("mdy").resolve(parts, text) == D(2026, 10, 11)
    # A two-digit year could be written first too; only the configuration says so.
    ((_, short),) = named_dates("Review 14.08.26.pdf").numeric
    assert short.shows() == "dmy" and DateReader().resolve(short, "14.08.26") == D(2026, 8, 14)
    assert DateReader("ymd").resolve(short, "14.08.26") == D(2014, 8, 26)


def test_a_time_beside_a_date_is_no_second_date() -> None:
    name = "Screenshot 2026-11-10 at 12.30.45.png"
    assert named_dates(name).numeric == () and dates_in_name(name) == (D(2026, 11, 10),)
    assert dates_in_name("CAB 2026-11-10 21.06.2026.docx") == (D(2026, 6, 21), D(2026, 11, 10))


def test_two_digit_years_in_names_pivot_as_elsewhere() -> None:
    assert dates_in_name("Review 14.08.69.pdf") == (D(2069, 8, 14),)
    assert dates_in_name("Review 14.08.70.pdf") == (D(1970, 8, 14),)


def test_a_long_name_is_searched_in_bounded_time() -> None:
    # Rejected candidates are retried one character on, and only the first
    # MAX_NAME_CHARS are read: a hostile title costs no more than a long name.
    assert dates_in_name("1.2.3." * 20_000 + "21.06.2026") == ()
    assert dates_in_name("21.06.2026 " + "10-10-10 " * 20_000) == (D(2010, 10, 10), D(2026, 6, 21))
    assert dates_in_name("-" * 50_000 + " 21.06.2026") == ()
    assert dates_in_name("-" * (MAX_NAME_CHARS - 11) + " 21.06.2026") == (D(2026, 6, 21),)
    assert dates_in_name("1" * 50_000) == ()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20/05/2026. Test type: full failover.", D(2026, 5, 20)),
        ("25/06/2026. Duration 3 hours", D(2026, 6, 25)),
        ("Monday, 10 February 2026, 10:00 in Room 2", D(2026, 2, 10)),
        ("Feb 1, 2026, in the board room", D(2026, 2, 1)),
        ("12 March 2026 (by the board)", D(2026, 3, 12)),
        ("20/05/2026 - draft", D(2026, 5, 20)),
        ("20/05/2026; rescheduled from April", D(2026, 5, 20)),
        ("20/05/2026", D(2026, 5, 20)),
        # Only a date the value starts with: not one somewhere in a sentence.
        ("to be confirmed, about 25/06/2026", None),
        ("see the minutes. 25/06/2026", None),
        ("20/05/2026 then 21/05/2026", None),
        ("2" * 10_000 + ". 20/05/2026", None),
    ],
)
def test_a_labelled_date_ends_where_the_sentence_does(value: str, expected: D | None) -> None:
    assert parse_date(date_at_start(value)) == expected


def test_labelled_dates_with_more_on_the_line() -> None:
    control, dates = parse_control(
        [
            "Test date: 20/05/2026. Test type: full failover.",
            "Approved: 12 March 2026 (by the board)",
            "Reporting period: 1 August 2026 to 30 September 2026. Prepared by Operations",
        ]
    )
    assert control.approved == D(2026, 3, 12)
    assert dates == (D(2026, 5, 20), D(2026, 8, 1), D(2026, 9, 30))
    # "Date of incident" is a label; its date reads either way round, so it waits.
    reader = DateReader()
    _, unread = parse_control(["Date of incident: 05/06/2026. Duration 3 hours"], reader.read)
    assert unread == () and reader.unresolved.examples == ("05/06/2026",)
    _, prose = parse_control(["Date: to be confirmed, about 25/06/2026"])
    assert prose == ()
    # A test that ran over days is dated by both ends of the span.
    _, span = parse_control(["Test dates: 2026-09-28 to 2026-10-02"])
    assert span == (D(2026, 9, 28), D(2026, 10, 2))


def test_a_file_and_its_name_settle_each_other(evidence: Folder) -> None:
    evidence.add("cab/minutes 10-11-2026.md", "# CAB minutes\n\nNext review: 20/04/2027\n")
    evidence.add("dr/test 21.06.2026.md", "# DR test\n\nApproved: 03/04/2026\n")
    evidence.add("open/minutes 10-11-2026.md", "# CAB minutes\n\nNotes.\n")
    files = {f.path: f for f in collect(evidence.root, jobs=1).files}
    # The review date shows day first, so the name is 10 November.
    assert files["cab/minutes 10-11-2026.md"].record_dates == (D(2026, 11, 10),)
    # The name shows day first, so the approval is 3 April.
    dr = files["dr/test 21.06.2026.md"]
    assert (dr.record_dates, dr.control.approved, dr.dates_shown) == (
        (D(2026, 6, 21),),
        D(2026, 4, 3),
        ("dmy",),
    )
    # Nothing settles it: noted as written, not guessed.
    unread = files["open/minutes 10-11-2026.md"]
    assert (unread.record_dates, unread.unread_date_examples) == ((), ("10-11-2026",))


def test_an_open_date_is_quoted_as_written_without_what_follows_it() -> None:
    reader = DateReader()
    # "Date: 10/06/2026, 14:00-15:15, Microsoft Teams." in the minutes of a meeting.
    assert reader.attempt("10/06/2026, 14:00-15:15, Microsoft Teams.") == "10/06/2026"
    assert reader.read("05/06/2026, 09:30-10:00, Room 2.") is None
    assert reader.unresolved.examples == ("05/06/2026",)


def test_dates_written_with_dots_are_day_first_unless_they_show_otherwise() -> None:
    # 12.09.2026 is how Germany, the Nordics and Switzerland write 12 September.
    assert scan_date("12.09.2026") == D(2026, 9, 12)
    assert scan_date("05.06.26") == D(2026, 6, 5)
    assert scan_date("6.13.2026") == OpenOrder(6, 13, 2026, short=False)  # shows month first
    assert scan_date("12/09/2026") == OpenOrder(12, 9, 2026, short=False)  # still open
