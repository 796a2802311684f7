"""Validation of a release: every bad field is named, with its YAML line and a way to fix it.

Each test starts from the example release, changes one thing (or a few) and checks the
problems `load_release` reports: the field path, the line of the YAML file and the message.
"""

from __future__ import annotations

import re

import pytest
from edits import EXAMPLE, FULL_TEXT, edit, line_of

from drafter.errors import InputError, Problem
from drafter.loading import load_release
from drafter.schema import Release

MINIMAL = """\
issuer: European Union
place: Brussels
date: {date}
reference: {reference}
counterpart:
  name: the Russian Federation
  short_name: Russia
meeting:
  name: human rights consultations
  date: {meeting}
  place: Brussels
"""


# --- helpers -------------------------------------------------------------------------------


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(InputError) as info:
        load_release(text)
    return info.value.problems


def the_problem(text: str) -> Problem:
    problems = problems_of(text)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def check(text: str, field: str, needle: str, *words: str) -> Problem:
    """The one problem of `text`: at `field`, on the line holding `needle`, saying `words`."""
    problem = the_problem(text)
    assert problem.field == field, problem
    assert problem.line == line_of(text, needle), problem
    for word in words:
        assert word in problem.message, problem
    return problem


def by_field(problems: list[Problem]) -> dict[str, Problem]:
    fields = [problem.field for problem in problems]
    assert len(set(fields)) == len(fields), fields
    return {problem.field: problem for problem in problems}


# --- the example ---------------------------------------------------------------------------


def test_the_example_is_valid() -> None:
    release = load_release(EXAMPLE)
    assert isinstance(release, Release)
    assert str(release.reference) == "A 350/12"
    assert release.meeting.round == 15
    assert release.contacts is not None
    assert release.contacts.people[0].phones == ["+32 498 999 780", "+32 2 299 97 80"]


def test_text_path_and_bytes_load_the_same_release() -> None:
    assert load_release(FULL_TEXT) == load_release(EXAMPLE) == load_release(FULL_TEXT.encode())


# --- required fields and types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "field", "needle"),
    [
        ("date: 2012-07-24\n", "date", "language: en"),
        ("issuer: European Union\n", "issuer", "language: en"),
        ("  name: the Russian Federation\n", "counterpart.name", "counterpart:"),
        ("  short_name: Russia\n", "counterpart.short_name", "counterpart:"),
        ("  date: 2012-07-20\n", "meeting.date", "meeting:"),
        ("  place: Brussels\n", "meeting.place", "meeting:"),
        ("    - name: Maja Kocijancic\n      phones", "contacts.people[1].name", "+32 498 984 425"),
    ],
)
def test_a_missing_required_field_is_named_at_its_parent(old: str, field: str, needle: str) -> None:
    new = "    - phones" if old.endswith("phones") else ""
    key = field.rsplit(".", 1)[-1]
    check(edit((old, new)), field, needle, "is required but missing", f"add `{key}:`")


def test_a_missing_block_is_named() -> None:
    text = edit(("meeting:\n  name: human rights consultations\n  round: 15\n", "meetings:\n"))
    problems = by_field(problems_of(text))
    assert set(problems) == {"meeting", "meetings"}
    assert "is required but missing" in problems["meeting"].message
    assert "did you mean `meeting`?" in problems["meetings"].message


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("round: 15", "round: fifteen", "meeting.round", ['"fifteen" is not a whole number', "15"]),
        ("round: 15", "round: 15.0", "meeting.round", ["whole number"]),
        ("round: 15", "round: 1_5", "meeting.round", ["whole number"]),
        ("round: 15", "round: 0x0F", "meeting.round", ["whole number"]),
        ("round: 15", "round: 0", "meeting.round", ["must be at least 1"]),
        ("round: 15", "round: 1000", "meeting.round", ["must be at most 999"]),
        ("language: en", "language: english", "language", ["must be one of", "'en'"]),
        ("language: en", "language: EN", "language", ["must be one of"]),
        ("language: en", "counterpart_first: perhaps", "counterpart_first", ["true or false"]),
        ("places: [Brussels]", "places: Brussels", "civil_society.meetings[1].places", ["a list"]),
        ("places: [Brussels]", "places: []", "civil_society.meetings[1].places", ["at least 1"]),
        ("  short_name: Russia", "  short_name: [Russia]", "counterpart.short_name", ["text"]),
        ("  short_name: Russia", "  short_name:", "counterpart.short_name", ["is empty"]),
        ("  short_name: Russia", "  short_name: ''", "counterpart.short_name", ["is empty"]),
        ("  short_name: Russia", "  short_name: '  '", "counterpart.short_name", ["is empty"]),
    ],
)
def test_a_value_of_the_wrong_type_is_named(
    old: str, new: str, field: str, words: list[str]
) -> None:
    text = edit((old, new))
    check(text, field, new.strip(), *words)


def test_a_group_written_as_a_single_value_lists_the_fields_it_needs() -> None:
    text = edit(
        (
            "counterpart:\n  name: the Russian Federation\n  short_name: Russia\n",
            "counterpart: Russia\n",
        )
    )
    problem = check(text, "counterpart", "counterpart: Russia", "group of fields", "`short_name:`")
    assert "Party" not in problem.message


def test_a_text_field_too_long_says_the_limit() -> None:
    text = edit(("  place: Brussels", "  place: " + "B" * 301))
    check(text, "meeting.place", "  place: BBB", "too long", "300")


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2012-02-30", ["February 2012 has 29 days"]),
        ("2011-02-29", ["February 2011 has 28 days"]),
        ("2012-04-31", ["April 2012 has 30 days"]),
        ("2012-13-01", ["no month 13"]),
        ("2012-00-10", ["no month 00"]),
        ("2012-07-00", ["July 2012 has 31 days"]),
        ("24 July 2012", ["YYYY-MM-DD"]),
        ("24/07/2012", ["YYYY-MM-DD"]),
        ("20120724", ["YYYY-MM-DD"]),
        ("1343088000", ["YYYY-MM-DD"]),
        ("2012-7-24", ["YYYY-MM-DD"]),
        ("2012-07-24 10:00", ["YYYY-MM-DD"]),
        ("2012-07-24T00:00:00", ["YYYY-MM-DD"]),
        ("1949-12-31", ["from 1950-01-01 to 2100-12-31"]),
        ("2101-01-01", ["from 1950-01-01 to 2100-12-31"]),
        ("0000-01-01", ["from 1950-01-01"]),
    ],
)
def test_a_bad_release_date_is_refused(value: str, words: list[str]) -> None:
    text = edit(("date: 2012-07-24", f"date: {value}"))
    check(text, "date", f"date: {value}", *words)


@pytest.mark.parametrize(
    ("old", "field"),
    [
        ("  date: 2012-07-20", "meeting.date"),
        ("      date: 2012-04-24", "civil_society.meetings[0].date"),
        ("      end_date: 2012-04-27", "civil_society.meetings[0].end_date"),
        ("  - date: 2011-05-04", "previous_rounds[1].date"),
    ],
)
def test_a_bad_date_is_named_wherever_it_is(old: str, field: str) -> None:
    new = old.rsplit(": ", 1)[0] + ": 2012-02-30"
    check(edit((old, new)), field, new, "2012-02-30 is not a date")


def test_a_leap_day_is_a_date() -> None:
    release = load_release(edit(("      date: 2012-06-19", "      date: 2012-02-29")))
    assert release.civil_society is not None
    assert str(release.civil_society.meetings[1].date) == "2012-02-29"


def test_a_blank_end_date_means_no_end_date() -> None:
    release = load_release(edit(("  date: 2012-07-20\n", "  date: 2012-07-20\n  end_date:\n")))
    assert release.meeting.end_date is None


# --- e-mail, phone, links ------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "Michael.Mann.eeas.europa.eu",
        "Michael Mann@eeas.europa.eu",
        "Michael.Mann@",
        "'@eeas.europa.eu'",
        "Michael.Mann@eeas..europa.eu",
        "Michael.Mann@eeas",
        "<Michael.Mann@eeas.europa.eu>",
    ],
)
def test_a_bad_email_is_refused(value: str) -> None:
    text = edit(("email: Michael.Mann@eeas.europa.eu", f"email: {value}"))
    problem = check(text, "contacts.people[0].email", value, "is not a valid e-mail address")
    assert "name@example.org" in problem.message


def test_a_bad_mailbox_is_refused() -> None:
    text = edit(("COMM-SPP-HRVP-ASHTON@ec.europa.eu", "COMM-SPP-HRVP-ASHTON at ec.europa.eu"))
    check(text, "contacts.mailbox", "mailbox:", "e-mail address")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0498 999 780", ["international form"]),
        ("02 299 97 80", ["international form"]),
        ("32 2 299 97 80", ["international form"]),
        ("+32 2 299", ["not a valid phone number"]),
        ("+32 1", ["international form"]),
        ("+99 123 456", ["international form"]),
        ("+32 2 299 97 8O", ["only +, digits"]),
        ("call +32 2 299 97 80", ["only +, digits"]),
        ("+32 2 299 97 80 / 81", ["international form"]),
    ],
)
def test_a_bad_phone_number_is_refused(value: str, words: list[str]) -> None:
    text = edit(('"+32 460 75 09 98"', f'"{value}"'))
    check(text, "contacts.people[2].phones[0]", f'"{value}"', "+32 2 299 97 80", *words)


def test_the_second_phone_of_a_contact_is_named() -> None:
    text = edit(('"+32 2 298 65 70"', '"02 298 65 70"'))
    check(text, "contacts.people[1].phones[1]", "02 298 65 70", "international form")


@pytest.mark.parametrize("value", ["+1 202 456 1111", "+44 20 7946 0958", "+33 1 43 17 53 53"])
def test_international_phone_numbers_are_printed_as_written(value: str) -> None:
    release = load_release(edit(('"+32 460 75 09 98"', f'"{value}"')))
    assert release.contacts is not None
    assert release.contacts.people[2].phones == [value]


@pytest.mark.parametrize(
    ("value", "house"),
    [
        ("0032 2 299 97 80", "+32 2 299 97 80"),
        ("+32 (0)2 299 97 80", "+32 2 299 97 80"),
        ("+32 (2) 299-97-80", "+32 2 299 97 80"),
        ("+32.498.999.780", "+32 498 99 97 80"),
        ("0044 20 7946 0958", "+44 20 7946 0958"),
    ],
)
def test_other_phone_forms_are_written_in_the_house_form(value: str, house: str) -> None:
    release = load_release(edit(('"+32 460 75 09 98"', f'"{value}"')))
    assert release.contacts is not None
    assert release.contacts.people[2].phones == [house]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("javascript:alert(1)", ["http://, https://"]),
        ("JavaScript:alert(1)", ["http://, https://"]),
        ("file:///etc/passwd", ["http://, https://"]),
        ("mailto:press@eeas.europa.eu", ["http://, https://"]),
        ("ftp://ftp.eeas.europa.eu", ["http://, https://"]),
        ("data:text/html,hello", ["http://, https://"]),
        ("www.eeas.europa.eu", ["http://, https://"]),
        ("//www.eeas.europa.eu", ["http://, https://"]),
        ("http://localhost", ["names no host"]),
        ("https://", ["names no host"]),
        ("'https://www.eeas europa.eu'", ["contains a space"]),
    ],
)
def test_the_website_must_be_http_or_https(value: str, words: list[str]) -> None:
    text = edit(("website: http://www.eeas.europa.eu", f"website: {value}"))
    check(text, "contacts.website", "website:", *words)


@pytest.mark.parametrize(
    "value", ["https://www.eeas.europa.eu/eeas/press-material_en", "HTTPS://WWW.EEAS.EUROPA.EU"]
)
def test_the_website_may_be_any_web_address(value: str) -> None:
    release = load_release(edit(("website: http://www.eeas.europa.eu", f"website: {value}")))
    assert release.contacts is not None
    assert release.contacts.website == value


def _with_link(url: str) -> str:
    return edit(("  - date: 2011-11-29\n", f"  - date: 2011-11-29\n    url: {url}\n"))


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("javascript:alert(1)", ["mailto:"]),
        ("JAVASCRIPT:alert(1)", ["mailto:"]),
        ("vbscript:msgbox(1)", ["mailto:"]),
        ("file:///C:/releases/a.pdf", ["mailto:"]),
        ("data:text/html;base64,PHNjcmlwdD4=", ["mailto:"]),
        ("'mailto:'", ["e-mail address"]),
        ("mailto:press", ["e-mail address"]),
        ("http://intranet", ["names no host"]),
    ],
)
def test_a_link_must_be_http_https_or_mailto(value: str, words: list[str]) -> None:
    check(_with_link(value), "previous_rounds[0].url", "url:", "is not", *words)


@pytest.mark.parametrize(
    "value",
    [
        "https://www.eeas.europa.eu/eeas/eu-russia_en",
        "http://eeas.europa.eu/archives/docs/a.pdf",
        "mailto:press@eeas.europa.eu",
        "mailto:press@eeas.europa.eu?subject=Consultations",
    ],
)
def test_a_link_may_be_http_https_or_mailto(value: str) -> None:
    assert load_release(_with_link(value)).previous_rounds[0].url == value


def test_a_link_in_a_paragraph_is_checked_and_named() -> None:
    runs = "  - - text: see\n      url: javascript:alert(1)\n  - >-\n    The EU raised"
    text = edit(("  - >-\n    The EU raised", runs))
    check(text, "body[1][0].url", "url: javascript", "is not an allowed link")


def test_a_paragraph_may_be_a_single_run() -> None:
    single = "  - text: Read the statement.\n    url: https://www.eeas.europa.eu\n"
    release = load_release(
        edit(("  - >-\n    The EU raised", single + "  - >-\n    The EU raised"))
    )
    assert release.body[1][0].text == "Read the statement."
    assert release.body[1][0].url == "https://www.eeas.europa.eu"


# --- the reference -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("A 350/12", "A 350/12"),
        ("350/12", "350/12"),
        ("A 350/2012", "A 350/12"),
        ("AB   7/12", "AB 7/12"),
        ("'A 350/12'", "A 350/12"),
        ("{series: A, number: 350, year: 2012}", "A 350/12"),
    ],
)
def test_a_good_reference_is_read(value: str, shown: str) -> None:
    release = load_release(edit(("reference: A 350/12", f"reference: {value}")))
    assert str(release.reference) == shown


@pytest.mark.parametrize(
    "value",
    ["A350-12", "A 350-12", "A350/12", "a 350/12", "A 350/12/12", "A 350", "350", "A 350/123"],
)
def test_a_reference_in_another_form_is_refused(value: str) -> None:
    text = edit(("reference: A 350/12", f"reference: {value}"))
    check(text, "reference", "reference:", f'"{value}" is not a reference', '"A 350/12"')


def test_a_reference_given_as_fields_names_each_bad_one() -> None:
    fields = "reference:\n  series: a\n  number: three\n  year: 2012\n"
    text = edit(("reference: A 350/12\n", fields))
    problems = by_field(problems_of(text))
    assert set(problems) == {"reference.series", "reference.number"}
    assert problems["reference.series"].line == line_of(text, "series: a")
    assert "capital letters" in problems["reference.series"].message
    assert problems["reference.number"].line == line_of(text, "number: three")
    assert "whole number" in problems["reference.number"].message


def test_reference_number_zero_is_refused() -> None:
    check(
        edit(("reference: A 350/12", "reference: A 0/12")),
        "reference.number",
        "reference:",
        "at least 1",
    )


@pytest.mark.parametrize("value", ["A 350/11", "A 350/13", "A 350/2011", "A 350/2100"])
def test_the_reference_year_must_be_the_release_year(value: str) -> None:
    text = edit(("reference: A 350/12", f"reference: {value}"))
    check(text, "reference", "reference:", "release is dated 2012", "/12")


@pytest.mark.parametrize(
    ("day", "reference", "year"),
    [
        ("1999-03-01", "A 12/99", 1999),
        ("1950-06-01", "A 1/50", 1950),
        ("2049-06-01", "A 1/49", 2049),
    ],
)
def test_a_two_digit_reference_year_is_read_for_the_release_century(
    day: str, reference: str, year: int
) -> None:
    release = load_release(MINIMAL.format(date=day, reference=reference, meeting=day))
    assert release.reference is not None
    assert release.reference.year == year


# --- dates that contradict each other ------------------------------------------------------


def test_talks_after_the_release_date_are_refused() -> None:
    text = edit(("  date: 2012-07-20", "  date: 2012-07-25"))
    check(text, "meeting.date", "2012-07-25", "after the release date (2012-07-24)")


def test_talks_on_the_release_date_are_fine() -> None:
    assert load_release(edit(("  date: 2012-07-20", "  date: 2012-07-24"))).meeting.date.day == 24


def test_talks_ending_after_the_release_date_name_the_end_date() -> None:
    text = edit(("  date: 2012-07-20\n", "  date: 2012-07-20\n  end_date: 2012-07-26\n"))
    check(text, "meeting.end_date", "end_date: 2012-07-26", "after the release date")


def test_an_end_date_before_the_date_is_refused() -> None:
    text = edit(("  date: 2012-07-20\n", "  date: 2012-07-20\n  end_date: 2012-07-19\n"))
    check(text, "meeting.end_date", "end_date: 2012-07-19", "before meeting.date (2012-07-20)")


@pytest.mark.parametrize("day", ["2012-07-20", "2012-07-21"])
def test_a_previous_round_on_or_after_this_round_is_refused(day: str) -> None:
    text = edit(("  - date: 2011-11-29", f"  - date: {day}"))
    check(text, "previous_rounds[0].date", f"- date: {day}", "before this round (2012-07-20)")


def test_the_same_previous_round_twice_is_refused_at_the_second() -> None:
    text = edit(("  - date: 2011-05-04", "  - date: 2011-11-29 "))
    check(text, "previous_rounds[1].date", "2011-11-29 ", "listed twice", "previous_rounds[0]")


@pytest.mark.parametrize("day", ["2012-07-01", "2012-07-20"])
def test_a_next_round_not_after_this_one_is_refused(day: str) -> None:
    text = edit(("  timing: autumn 2012\n", f"  timing: autumn 2012\n  date: {day}  # next\n"))
    check(text, "next_round.date", "# next", "not after this round (2012-07-20)")


def test_a_next_round_date_after_this_one_is_fine() -> None:
    text = edit(("  timing: autumn 2012\n", "  timing: autumn 2012\n  date: 2012-11-20\n"))
    release = load_release(text)
    assert release.next_round is not None
    assert release.next_round.date is not None


@pytest.mark.parametrize("timing", ["autumn 2011", "in 2010 or 2011", "1999"])
def test_a_next_round_timing_naming_an_earlier_year_is_refused(timing: str) -> None:
    text = edit(("timing: autumn 2012", f"timing: {timing}"))
    check(text, "next_round.timing", "timing:", "before this round's year 2012")


@pytest.mark.parametrize("timing", ["autumn 2012", "early 2013", "in 2012 or 2013", "in autumn"])
def test_a_next_round_timing_of_this_year_or_later_is_fine(timing: str) -> None:
    release = load_release(edit(("timing: autumn 2012", f"timing: {timing}")))
    assert release.next_round is not None
    assert release.next_round.timing == timing


def test_a_civil_society_meeting_after_the_release_is_refused() -> None:
    text = edit(("      date: 2012-06-19", "      date: 2012-07-25"))
    check(text, "civil_society.meetings[1].date", "2012-07-25", "after the release date")


def test_a_civil_society_meeting_ending_after_the_release_names_the_end_date() -> None:
    text = edit(("      end_date: 2012-04-27", "      end_date: 2012-07-27"))
    check(text, "civil_society.meetings[0].end_date", "2012-07-27", "after the release date")


def test_a_civil_society_meeting_ending_before_it_starts_is_refused() -> None:
    text = edit(("      end_date: 2012-04-27", "      end_date: 2012-04-23"))
    check(text, "civil_society.meetings[0].end_date", "2012-04-23", "before its date (2012-04-24)")


# --- many problems at once -----------------------------------------------------------------


def test_every_bad_field_is_reported_at_once() -> None:
    text = edit(
        ("date: 2012-07-24", "date: 2012-02-30"),
        ("round: 15", "round: fifteen"),
        ("Michael.Mann@eeas.europa.eu", "Michael.Mann"),
        ('"+32 498 984 425"', '"0498 984 425"'),
        ("website: http://www.eeas.europa.eu", "website: javascript:void(0)"),
        ("contacts:\n", "contacts:\n  mailbx: press@eeas.europa.eu\n"),
    )
    problems = by_field(problems_of(text))
    expected = {
        "date": "2012-02-30",
        "meeting.round": "round: fifteen",
        "contacts.people[0].email": "Michael.Mann\n",
        "contacts.people[1].phones[0]": "0498 984 425",
        "contacts.website": "javascript:",
        "contacts.mailbx": "mailbx:",
    }
    assert set(problems) == set(expected)
    for field, needle in expected.items():
        assert problems[field].line == _line_ending(text, needle), field


def _line_ending(text: str, needle: str) -> int:
    """The line holding `needle`; a needle ending in a newline must end its line."""
    if needle.endswith("\n"):
        lines = [n for n, line in enumerate(text.split("\n"), 1) if line.endswith(needle[:-1])]
        assert len(lines) == 1, lines
        return lines[0]
    return line_of(text, needle)


def test_every_inconsistency_is_reported_at_once() -> None:
    text = edit(
        ("reference: A 350/12", "reference: A 350/11"),
        ("  date: 2012-07-20\n", "  date: 2012-07-20\n  end_date: 2012-07-19\n"),
        ("      date: 2012-06-19", "      date: 2012-08-01"),
        ("timing: autumn 2012", "timing: autumn 2011"),
        ("  - date: 2011-05-04", "  - date: 2011-11-29 "),
    )
    problems = by_field(problems_of(text))
    expected = {
        "reference": "reference:",
        "meeting.end_date": "end_date: 2012-07-19",
        "civil_society.meetings[1].date": "2012-08-01",
        "next_round.timing": "timing:",
        "previous_rounds[1].date": "2011-11-29 ",
    }
    assert set(problems) == set(expected)
    for field, needle in expected.items():
        assert problems[field].line == line_of(text, needle), field


def test_problems_are_listed_in_the_order_of_the_file() -> None:
    text = edit(
        ("website: http://www.eeas.europa.eu", "website: www.eeas.europa.eu"),
        ("round: 15", "round: XV"),
        ("date: 2012-07-24", "date: 24.07.2012"),
    )
    problems = problems_of(text)
    assert [problem.field for problem in problems] == ["date", "meeting.round", "contacts.website"]
    expected = [line_of(text, "date: 24.07"), line_of(text, "round: XV"), line_of(text, "website:")]
    assert [problem.line for problem in problems] == expected


def test_a_duplicate_key_is_reported_with_the_schema_problems() -> None:
    text = edit(
        ("issuer: European Union\n", "issuer: European Union\nissuer: EU\n"),
        ("round: 15", "round: fifteen"),
    )
    problems = by_field(problems_of(text))
    assert set(problems) == {"issuer", "meeting.round"}
    assert problems["issuer"].line == line_of(text, "issuer: EU")
    assert f"line {line_of(text, 'issuer: European Union')}" in problems["issuer"].message


# --- unknown keys --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "field", "suggestion"),
    [
        ("contacts:\n", "contcts:\n", "contcts", "contacts"),
        ("round: 15", "rund: 15", "meeting.rund", "round"),
        ("  short_name: Russia", "  shortname: Russia", "counterpart.shortname", "short_name"),
        ("      email: Maja", "      emial: Maja", "contacts.people[1].emial", "email"),
        (
            "      end_date: 2012-04-27",
            "      enddate: 2012-04-27",
            "civil_society.meetings[0].enddate",
            "end_date",
        ),
        ("  - date: 2011-05-04", "  - dat: 2011-05-04", "previous_rounds[1].dat", "date"),
        ("  timing: autumn 2012", "  timeing: autumn 2012", "next_round.timeing", "timing"),
    ],
)
def test_an_unknown_key_gets_a_suggestion(old: str, new: str, field: str, suggestion: str) -> None:
    text = edit((old, new))
    problems = by_field(problems_of(text))
    problem = problems[field]
    assert problem.line == line_of(text, new.strip().split(":")[0] + ":")
    assert (
        problem.message
        == f"`{field.rsplit('.', 1)[-1]}` is not a known field; did you mean `{suggestion}`?"
    )


def test_an_unknown_key_far_from_any_lists_the_known_keys() -> None:
    text = edit(("language: en", "language: en\nhashtag: '#EURussia'"))
    problem = check(text, "hashtag", "hashtag:", "`hashtag` is not a known field")
    assert "known keys here: body, checks, civil_society" in problem.message


def test_an_unknown_key_in_a_paragraph_run_is_suggested() -> None:
    runs = "  - - txt: see\n  - >-\n    The EU raised"
    problems = by_field(problems_of(edit(("  - >-\n    The EU raised", runs))))
    assert "did you mean `text`?" in problems["body[1][0].txt"].message


# --- values YAML would retype stay text ----------------------------------------------------


@pytest.mark.parametrize("value", ["no", "NO", "on", "Off", "yes", "y", "true", "n"])
def test_yes_no_words_stay_text(value: str) -> None:
    release = load_release(edit(("  short_name: Russia", f"  short_name: {value}")))
    assert release.counterpart.short_name == value


@pytest.mark.parametrize("value", ["1.10", "1789", "0x1F", "1e3", "0o17", ".inf", "-.nan", "12:30"])
def test_numbers_stay_text_as_written(value: str) -> None:
    release = load_release(edit(("  place: Brussels", f"  place: {value}")))
    assert release.meeting.place == value


def test_a_date_written_as_a_paragraph_stays_text() -> None:
    release = load_release(
        edit(("  - >-\n    The EU raised", "  - 2012-07-24\n  - >-\n    The EU raised"))
    )
    assert release.body[1][0].text == "2012-07-24"


def test_an_unquoted_phone_number_stays_as_written() -> None:
    release = load_release(edit(('["+32 460 75 09 98"]', "[+32 460 75 09 98]")))
    assert release.contacts is not None
    assert release.contacts.people[2].phones == ["+32 460 75 09 98"]


# --- characters ----------------------------------------------------------------------------

BAD_CHARACTERS = [
    ("\\0", "U+0000"),
    ("\\v", "U+000B"),
    ("\\e", "U+001B"),
    ("\\x7f", "U+007F"),
    ("\\x85", "U+0085"),
    ("\\x9b", "U+009B"),
    ("\\uFFFE", "U+FFFE"),
    ("\\uFFFF", "U+FFFF"),
    ("\\u202E", "U+202E"),  # right-to-left override: text that reads otherwise than stored
    ("\\u2066", "U+2066"),
]

TEXT_FIELDS = [
    ("  short_name: Russia", "counterpart.short_name"),
    ("  name: human rights consultations", "meeting.name"),
    ("  place: Brussels", "meeting.place"),
    ("    - name: Michael Mann", "contacts.people[0].name"),
    ("    - participants: international NGOs", "civil_society.meetings[1].participants"),
    ("  timing: autumn 2012", "next_round.timing"),
    ("issuer: European Union", "issuer"),
]


@pytest.mark.parametrize(("escape", "code"), BAD_CHARACTERS, ids=[c for _, c in BAD_CHARACTERS])
@pytest.mark.parametrize(("line", "field"), TEXT_FIELDS, ids=[f for _, f in TEXT_FIELDS])
def test_a_control_character_in_a_text_field_is_refused(
    escape: str, code: str, line: str, field: str
) -> None:
    key, value = line.split(": ", 1)
    changed = f'{key}: "{value[:2]}{escape}{value[2:]}"'
    problem = check(edit((line, changed)), field, changed.strip(), code, "invisible character")
    assert "delete it" in problem.message


def test_a_control_character_in_a_place_of_a_list_is_named() -> None:
    text = edit(("places: [Moscow, St Petersburg]", 'places: [Moscow, "St\\x1bPetersburg"]'))
    check(text, "civil_society.meetings[0].places[1]", "Petersburg", "U+001B")


def test_a_control_character_in_a_link_text_is_named() -> None:
    runs = '  - - text: "see\\0 this"\n      bold: true\n  - >-\n    The EU raised'
    text = edit(("  - >-\n    The EU raised", runs))
    check(text, "body[1][0].text", "see", "U+0000")


@pytest.mark.parametrize(
    "value",
    [
        "روسيا",  # Arabic, right to left
        "روسيا\u200f (Russia)",  # with a right-to-left mark
        "Rusija e\u0301 n\u0303",  # combining marks, not normalised
        "Росси́я",  # Cyrillic with a combining acute accent
        "Russia 🇷🇺 👩\u200d⚖️",  # flags and a joined emoji
        "ロシア",
        "Russian\u00a0Federation",  # a no-break space is kept
    ],
)
def test_normal_unicode_is_kept_unchanged(value: str) -> None:
    release = load_release(edit(("  short_name: Russia", f'  short_name: "{value}"')))
    assert release.counterpart.short_name == value


def test_unicode_in_a_paragraph_is_kept_unchanged() -> None:
    words = "حقوق الإنسان — права человека — droits de l'homme ✊🏽"
    release = load_release(edit(("open atmosphere", f"open atmosphere ({words})")))
    assert f"({words})" in release.body[0][0].text


# --- what the officer reads ----------------------------------------------------------------

_BAD_INPUTS = [
    edit(("date: 2012-07-24\n", "")),
    edit(("round: 15", "round: fifteen")),
    edit(("date: 2012-07-24", "date: 2012-02-30")),
    edit(("date: 2012-07-24", "date: 1812-06-24")),
    edit(("  short_name: Russia", "  short_name: [Russia]")),
    edit(
        ("counterpart:\n  name: the Russian Federation\n  short_name: Russia\n", "counterpart: 3\n")
    ),
    edit(("language: en", "language: xx")),
    edit(("language: en", "counterpart_first: sometimes")),
    edit(("  - date: 2011-11-29", "  - 2011-11-29")),
    edit(("body:\n", "body: {}\nnobody:\n")),
    edit(("reference: A 350/12", "reference:\n  series: 12\n  number: 0\n  year: 1900")),
    edit(("Michael.Mann@eeas.europa.eu", "Michael.Mann@@eeas.europa.eu")),
    edit(('"+32 498 999 780"', '"+32 498"')),
    edit(("website: http://www.eeas.europa.eu", "website: file:///etc/passwd")),
    edit(("  short_name: Russia", '  short_name: "Rus\\esia"')),
    edit(("next_round:\n  timing: autumn 2012\n", "next_round:\n")),
    edit(("civil_society:\n  meetings:", "civil_society:\n  meetngs:")),
    edit(("      date: 2012-04-24", "      date: 2012-04-24\n      date: 2012-04-25")),
    edit(("  place: Brussels", "  place: " + "B" * 400)),
    edit(("places: [Moscow, St Petersburg]", "places: [" + ", ".join(["Moscow"] * 11) + "]")),
]
_PYTHON_WORDS = re.compile(
    r"input should|pydantic|traceback|validationerror|datetime\.|<class|\{'|type=|value error",
    re.IGNORECASE,
)
_PYTHON_NAMES = re.compile(
    r"\b(Party|Meeting|NextRound|CivilSociety\w*|Contacts?|PreviousRound|Release|Run|None)\b"
    r"|\^\[|\\d"
)


def _leaks(text: str) -> bool:
    """Whether `text` shows Python or pydantic instead of plain words."""
    return bool(_PYTHON_WORDS.search(text) or _PYTHON_NAMES.search(text))


@pytest.mark.parametrize("text", _BAD_INPUTS)
def test_every_problem_says_where_and_reads_as_english(text: str) -> None:
    error = None
    with pytest.raises(InputError) as info:
        load_release(text)
    error = info.value
    assert error.problems
    for problem in error.problems:
        assert problem.field or problem.line, problem
        assert problem.message.strip() == problem.message and problem.message, problem
        assert not problem.message[0].isupper() or problem.message.startswith("YAML"), problem
        assert not _leaks(problem.message), problem
    shown = str(error)
    assert not _leaks(shown), shown
    assert "\n\n" not in shown
    count = len(error.problems)
    assert shown.splitlines()[0].startswith(f"{count} problem{'s' if count > 1 else ''} found")
    for problem in error.problems:
        assert str(problem) in shown


def test_each_message_tells_how_to_fix_it() -> None:
    """Hints such as 'write', 'add', 'check', 'remove' or 'did you mean' end each message."""
    hints = re.compile(r"\b(write|add|check|remove|delete|did you mean|known keys|use|give|keep)\b")
    without = [
        str(problem)
        for text in _BAD_INPUTS
        for problem in problems_of(text)
        if not hints.search(problem.message)
    ]
    # Limits and choices say what is allowed, which is the fix.
    allowed = re.compile(r"must (be|start)|too (long|many)|shorten|at (least|most)")
    assert [line for line in without if not allowed.search(line)] == []
