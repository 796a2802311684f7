"""`drafter next`: the next round's draft, its derived numbers and links, and placeholders."""

from __future__ import annotations

import logging
import re
import shutil
from datetime import date
from pathlib import Path

import lxml.html  # type: ignore[import-untyped]
import pytest
from clirun import EXAMPLES, R14, R15, R16, TURKMENISTAN, Cap, archive, run

import drafter
from drafter import next_round as nr
from drafter.errors import InputError
from drafter.loading import read_source

# What an officer writes in place of each placeholder of the sixteenth round's draft.
ROUND_16 = {
    nr.DATE: "2012-12-06",
    nr.MEETING_DATE: "2012-12-04",
    nr.BODY: "It was the first time that the consultations took place in Russia.",
    nr.PARTICIPANTS: "representatives of Russian NGOs",
    nr.PLACES: "Moscow",
    nr.CIVIL_DATE: "2012-12-03",
    nr.TIMING: "the first half of 2013",
    nr.REMARK: "The EU welcomed the opportunity to meet several ministries.",
}


def fill(text: str, values: dict[str, str]) -> str:
    """The draft with each placeholder (quoted or not) replaced by the officer's value."""
    for marker, value in values.items():
        text, count = re.subn(rf"'?{re.escape(marker)}'?", value, text)
        assert count == 1, marker
    assert all("<<FILL IN" not in line for line in text.splitlines() if line[:1] != "#")
    return text


def previous_round_items(release: drafter.Release) -> list[str]:
    page = lxml.html.document_fromstring(drafter.render(release, "html"))
    return [item.text_content() for item in page.find_class("previous-round")]


def test_next_then_filling_in_gives_the_sixteenth_round(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "archive", R14, R15)
    new = folder / R16
    code, out, _ = run(capsys, "next", str(folder / R15), "--out", str(new))
    assert (code, out.strip()) == (0, str(new))
    new.write_text(fill(new.read_text(encoding="utf-8"), ROUND_16), encoding="utf-8")

    release = drafter.load_release(new)
    assert release.meeting.round == 16
    assert str(release.reference) == "A 351/12"  # the next free number of 2012 in the folder
    links = [
        (str(p.date), str(p.reference) if p.reference else None) for p in release.previous_rounds
    ]
    assert links == [("2012-07-20", "A 350/12"), ("2011-11-29", None)]  # as many as before
    assert previous_round_items(release) == ["20 July 2012", "29 November 2011"]
    assert release.counterpart == drafter.load_release(folder / R15).counterpart
    assert release.contacts == drafter.load_release(folder / R15).contacts
    code, out, err = run(capsys, "series", str(folder))
    assert (code, err) == (0, "")
    assert [line.split()[1] for line in out.splitlines()[1:]] == ["14", "15", "16"]


def test_next_from_the_example_lists_20_july_2012_first(
    tmp_path: Path, capsys: Cap, caplog: pytest.LogCaptureFixture
) -> None:
    new = tmp_path / "round-16.yaml"
    with caplog.at_level(logging.WARNING, logger="drafter"):
        code, _, _ = run(capsys, "next", str(EXAMPLES / R15), "--out", str(new))
    assert code == 0
    assert "the archive already holds round 16" in caplog.text and R16 in caplog.text
    release = drafter.load_release(fill(new.read_text(encoding="utf-8"), ROUND_16))
    assert previous_round_items(release)[0] == "20 July 2012"
    assert str(release.reference) == "A 562/12"  # A 561/12 is taken in examples/


def test_validate_refuses_every_placeholder_naming_field_and_line(
    tmp_path: Path, capsys: Cap
) -> None:
    folder = archive(tmp_path / "a", R16)
    draft = folder / "draft.yaml"
    assert run(capsys, "next", str(folder / R16), "--out", str(draft))[0] == 0
    lines = draft.read_text(encoding="utf-8").splitlines()
    code, _, err = run(capsys, "validate", str(draft))
    assert code == 1
    expected = {
        "date": nr.DATE,
        "meeting.date": nr.MEETING_DATE,
        "meeting.end_date": nr.END_DATE,
        "body[0][0].text": nr.BODY,
        "civil_society.meetings[0].participants": nr.PARTICIPANTS,
        "civil_society.meetings[0].places[0]": nr.PLACES,
        "civil_society.meetings[0].date": nr.CIVIL_DATE,
        "next_round.timing": nr.TIMING,
        "next_round.place": nr.NEXT_PLACE,
    }
    for field, marker in expected.items():
        line = next(n for n, text in enumerate(lines, 1) if marker in text)
        what = marker.removeprefix("<<FILL IN: ").removesuffix(">>")
        assert re.search(rf":{line}:\d+: {re.escape(field)}: is a placeholder", err), field
        assert f"is a placeholder from `drafter next`; fill it in ({what})" in err
    assert err.count("is a placeholder") == len(expected)


def test_the_draft_keeps_comments_key_order_and_the_untouched_lines(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R15)
    source = folder / R15
    # The draft leaves the translations out (its text is new); the rest keeps its comments.
    text = source.read_text(encoding="utf-8").split("\n# The other language versions")[0]
    text = text.replace("date: 2012-07-24\n", "date: 2012-07-24  # the day of issue\n")
    text = text.replace("  place: Brussels\n\nbody:", "  place: Brussels  # of the talks\n\nbody:")
    text = text.replace(
        "contacts:\n  people:\n", "contacts:\n  people:\n    # spokesperson first\n"
    )
    text += "# the end of the file\n"
    source.write_text(text, encoding="utf-8")
    draft = nr.draft_next(source).text
    assert comments(draft)[3:] == comments(text)  # after the draft's own three lines
    assert comments(draft)[0].startswith("# Drafted by `drafter next` from eu-russia-2012-07-24")
    assert re.search(rf"^date: '{re.escape(nr.DATE)}' +# the day of issue$", draft, re.M)
    before, after = read_source(text).data, read_source(draft).data
    assert list(before) == list(after)
    assert list(before["meeting"]) == list(after["meeting"])
    assert after["contacts"] == before["contacts"] and after["counterpart"] == before["counterpart"]
    contacts = text[text.index("contacts:") : text.index("previous_rounds:")]
    assert contacts in draft  # byte for byte
    assert f"  - '{nr.BODY}'\n\ncivil_society:" in draft  # the blank line after the list stays


def test_the_translations_go_with_the_comment_written_above_them(tmp_path: Path) -> None:
    source = archive(tmp_path / "a", R15) / R15
    assert "# The other language versions" in source.read_text(encoding="utf-8")
    draft = nr.draft_next(source).text
    assert "translations:" not in draft and "# The other language versions" not in draft
    assert "# Place names not given here" not in draft
    assert re.search(r"^status: draft +# draft: marked DRAFT", draft, re.M)


def test_the_reference_numbering_restarts_with_a_new_year(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R15, R16)
    # Round 16 says the next round is in the first half of 2013: a 2013 number.
    assert str(nr.draft_next(folder / R16).reference) == "A 1/13"
    assert str(nr.draft_next(folder / R16, release_date=_day("2012-12-20")).reference) == (
        "A 562/12"
    )
    assert str(nr.draft_next(folder / R15, release_date=_day("2013-01-15")).reference) == "A 1/13"
    other = folder / "other-2013.yaml"
    shutil.copy(EXAMPLES / TURKMENISTAN, other)
    text = other.read_text(encoding="utf-8").replace("reference: 11163/13", "reference: A 7/13")
    other.write_text(text, encoding="utf-8")
    assert str(nr.draft_next(folder / R16).reference) == "A 8/13"  # other series count too


def test_references_of_drafts_in_the_folder_are_taken(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R15)
    nr.write_next(folder / R15, folder / "draft.yaml")  # A 351/12, not yet valid
    assert str(nr.draft_next(folder / R15).reference) == "A 352/12"


def test_the_date_option_fills_in_the_release_date(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", R15)
    new = folder / "new.yaml"
    code, _, _ = run(capsys, "next", str(folder / R15), "--date", "2012-12-06", "-o", str(new))
    assert code == 0
    data = read_source(new).data
    assert (data["date"], data["reference"]) == ("2012-12-06", "A 351/12")
    code, _, err = run(capsys, "next", str(folder / R15), "--date", "6 Dec", "-o", str(new))
    assert code == 2 and "write it as YYYY-MM-DD" in err


def test_default_path_and_no_overwriting_without_force(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", R15)
    code, out, _ = run(capsys, "next", str(folder / R15))
    expected = folder / "eu-russia-round-16.yaml"
    assert (code, out.strip()) == (0, str(expected))
    expected.write_text("my edits", encoding="utf-8")
    code, _, err = run(capsys, "next", str(folder / R15))
    assert code == 3 and "already exists" in err and "--force" in err
    assert expected.read_text(encoding="utf-8") == "my edits"
    assert run(capsys, "next", str(folder / R15), "--force")[0] == 0
    assert "round: 16" in expected.read_text(encoding="utf-8")


def test_a_first_link_is_added_where_there_were_none(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", TURKMENISTAN)
    draft = nr.draft_next(folder / TURKMENISTAN)
    data = read_source(draft.text).data
    assert draft.round == 6 and data["meeting"]["round"] == "6"
    assert data["previous_rounds"] == [{"date": "2013-06-18", "reference": "11163/13"}]
    assert str(draft.reference) == "11164/13"  # a reference without series letters
    assert list(data)[-1] == "previous_rounds"


def test_as_many_links_as_the_previous_release_had(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R16)
    data = read_source(nr.draft_next(folder / R16).text).data
    assert [link["date"] for link in data["previous_rounds"]] == [
        "2012-12-04",
        "2012-07-20",
        "2011-11-29",
    ]


def test_a_release_without_a_round_number_has_no_next(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", TURKMENISTAN)
    path = folder / TURKMENISTAN
    path.write_text(path.read_text(encoding="utf-8").replace("  round: 5\n", ""), encoding="utf-8")
    code, _, err = run(capsys, "next", str(path))
    assert code == 1 and "meeting.round" in err and "has no round number" in err
    assert list(folder.iterdir()) == [path]


def test_an_invalid_previous_release_is_refused(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", R15)
    path = folder / R15
    path.write_text(path.read_text(encoding="utf-8").replace("round: 15", "round: x"), "utf-8")
    code, _, err = run(capsys, "next", str(path))
    assert code == 1 and "meeting.round" in err


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("place: Brussels\ndate", "place: '<<FILL IN: the place>>'\ndate", "place"),
        ("email: Michael.Mann@eeas.europa.eu", "email: '<<FILL IN>>'", "contacts.people[0].email"),
        ('["+32 460 75 09 98"]', "['<<FILL IN: a phone>>']", "contacts.people[2].phones[0]"),
        ("round: 15", "round: '<<FILL IN: the round>>'", "meeting.round"),
        ("reference: A 350/12", "reference: '<<FILL IN: ref>>'", "reference"),
        ("  - date: 2011-05-04", "  - date: '<<FILL IN: a day>>'", "previous_rounds[1].date"),
        ("timing: autumn 2012", "timing: 'autumn <<FILL IN: year>>'", "next_round.timing"),
    ],
)
def test_the_schema_refuses_a_placeholder_in_any_kind_of_field(
    old: str, new: str, field: str
) -> None:
    text = (EXAMPLES / R15).read_text(encoding="utf-8")
    assert text.count(old) == 1
    with pytest.raises(InputError) as refused:
        drafter.load_release(text.replace(old, new))
    [problem] = refused.value.problems
    assert problem.field == field
    assert problem.message.startswith("is a placeholder from `drafter next`; fill it in")
    assert problem.line == text[: text.index(old)].count("\n") + 1


def comments(text: str) -> list[str]:
    """The comments of a YAML text, whole-line or after a value, in order."""
    return [found[1] for found in re.finditer(r"(?:^|\s)(#.*)$", text, re.MULTILINE)]


def _day(text: str) -> date:
    return nr.parse_day(text)
