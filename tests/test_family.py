"""Other rounds of the family: other partners, places, spans of days and reference forms.

Each release is rendered, and its text read back from the HTML, the Word file and the PDF;
what a real release of the family prints must be found, word for word, in all three.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from familyutil import KYRGYZ_ROUND, assert_in_all, changed, texts
from textutil import docx_blocks, html_blocks

import drafter
from drafter.importing import import_release
from drafter.next_round import draft_next


def _release(**changes: Any) -> dict[str, Any]:
    """A plausible round of the EU-Kyrgyzstan dialogue, with `changes` made to it."""
    return changed(KYRGYZ_ROUND, **changes)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2012-07-23", "2012-07-24", "On 23-24 July 2012, the European Union"),
        ("2012-11-30", "2012-12-01", "On 30 November-1 December 2012, the European Union"),
        ("2013-12-31", "2014-01-01", "On 31 December 2013-1 January 2014, the European"),
        ("2012-07-23", "2012-07-25", "On 23-25 July 2012, the European Union"),
    ],
    ids=["two-days", "two-days-across-months", "two-days-across-years", "three-days"],
)
def test_days_running_are_joined_by_the_house_hyphen(start: str, end: str, expected: str) -> None:
    data = _release(date="2014-01-02", reference="A 2/14", meeting={"date": start, "end_date": end})
    assert_in_all(data, expected)


def test_a_civil_society_meeting_of_two_days_reads_the_same() -> None:
    meetings = [
        {
            "participants": "representatives of Kyrgyz civil society",
            "places": ["Bishkek", "Osh"],
            "date": "2012-11-28",
            "end_date": "2012-11-29",
        },
        {"participants": "international NGOs", "places": ["Brussels"], "date": "2012-11-20"},
    ]
    data = _release(meeting={"date": "2012-11-30"}, civil_society={"meetings": meetings})
    assert_in_all(
        data,
        "the EU met representatives of Kyrgyz civil society in Bishkek and Osh on 28-29 "
        "November and international NGOs in Brussels on 20 November.",
    )


def _assert_imported_back(release: drafter.Release, folder: Path) -> None:
    """The release's Word file imports back to the same release, with no warning."""
    path = folder / "release.docx"
    path.write_bytes(drafter.render(release, "docx"))
    imported = import_release(path)
    assert imported.warnings == []
    assert imported.release == release


# --- references of other forms ----------------------------------------------------------------


@pytest.mark.parametrize("number", ["130627/01", "11361/13 PRESSE 281"])
def test_a_number_of_another_form_is_printed_under_the_date_line(number: str) -> None:
    data = _release(date="2013-06-27", identifier=number)
    data.pop("reference")
    for fmt, text in texts(data).items():
        assert f"Brussels, 27 June 2013 {number}" in text.replace(" | ", " "), fmt


@pytest.mark.parametrize("number", ["130627/01", "11361/13 PRESSE 281"])
def test_a_reference_of_another_form_is_refused_pointing_to_identifier(number: str) -> None:
    with pytest.raises(drafter.InputError) as caught:
        drafter.validate_release(_release(date="2013-06-27", reference=number))
    [problem] = caught.value.problems
    assert problem.field == "reference"
    assert f"identifier: {number}" in problem.message


# --- what the YAML reference says of the family's fields -------------------------------------


def _row(field: str, section: str) -> str:
    """The row of `field` in the YAML reference's table of `section`."""
    text = (Path(__file__).resolve().parents[1] / "docs/reference/yaml.md").read_text("utf-8")
    table = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    [row] = [line for line in table.splitlines() if line.startswith(f"| `{field}` |")]
    return row


def test_the_yaml_reference_says_what_a_contact_and_a_paragraph_may_be() -> None:
    people = _row("people", "`contacts`")
    assert "list of text" not in people
    assert "`contacts.people[]`" in people and "key of the shared contacts file" in people
    body = _row("body", "The release (top level)")
    assert "list (at most 100) of" in body and "list (at most 200) of fields" in body
    assert "text" in body  # a paragraph may be plain text


def test_the_yaml_reference_describes_every_list_and_choice() -> None:
    for field, section in [
        ("previous_rounds", "The release (top level)"),
        ("meetings", "`civil_society`"),
        ("people", "`contacts`"),
    ]:
        assert not _row(field, section).endswith("|  |"), field
    assert "``" not in _row("article", "`meeting`")
    assert "the European Union" in _row("name", "`eu`")
    assert "language code" in _row("translations", "The release (top level)")


# --- every problem at once ------------------------------------------------------------------


def test_a_contact_key_without_a_contacts_file_does_not_hide_the_other_problems(
    tmp_path: Path,
) -> None:
    path = tmp_path / "round.yaml"
    path.write_text(
        "issuer: European Union\nplace: Brussels\ndate: 2013-06-27\n"
        "counterpart: {name: China}\n"
        "meeting: {name: human rights dialogue, date: 25 June 2013, place: Guiyang}\n"
        "contacts:\n  people:\n    - mann\n    - {name: Jane Doe, phone: '+32 2 299 97 80'}\n",
        encoding="utf-8",
    )
    with pytest.raises(drafter.InputError) as caught:
        drafter.load_release(path)
    fields = [problem.field for problem in caught.value.problems]
    assert fields == [
        "counterpart.short_name",
        "meeting.date",
        "contacts.people[0]",
        "contacts.people[1].phone",
    ]
    [key] = [p for p in caught.value.problems if p.field == "contacts.people[0]"]
    assert "no contacts file is given" in key.message


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("A352/13", 'write "A 352/13"'),
        ("PRESSE 281", "`identifier: PRESSE 281`"),
    ],
)
def test_a_reference_without_its_space_is_told_how_to_write_it(written: str, hint: str) -> None:
    with pytest.raises(drafter.InputError) as caught:
        drafter.validate_release(_release(date="2013-06-27", reference=written))
    [problem] = caught.value.problems
    assert hint in problem.message
    assert ("identifier" in problem.message) == (written == "PRESSE 281")


def test_the_article_of_a_named_dialogue_may_be_written_with_a_capital() -> None:
    assert_in_all(
        _release(meeting={"article": "The"}),
        "held their fourth round of the Human Rights Dialogue in Bishkek.",
    )


# --- the next round ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("timing", "expected"),
    [
        ("autumn 2013", "should take place in Brussels in autumn 2013."),
        ("the first half of 2014", "should take place in Brussels in the first half of 2014."),
        ("in 2014", "should take place in Brussels in 2014."),
        ("next year", "should take place in Brussels next year."),
        ("by the end of 2013", "should take place in Brussels by the end of 2013."),
        ("at the beginning of 2014", "should take place in Brussels at the beginning of 2014."),
    ],
)
def test_a_timing_with_its_own_preposition_gets_no_second_one(timing: str, expected: str) -> None:
    data = _release(next_round={"timing": timing, "place": "Brussels"})
    assert_in_all(data, expected, absent=("in in ", "in next", "in by", "in at "))


@pytest.mark.parametrize("number", ["130627/01", "11361/13 PRESSE 281"])
@pytest.mark.parametrize("source", ["docx", "text"])
def test_a_number_of_another_form_is_imported_as_the_identifier(
    number: str, source: str, tmp_path: Path
) -> None:
    data = _release(date="2013-06-27", identifier=number, status="final")
    data.pop("reference")
    release = drafter.validate_release(data)
    docx = drafter.render(release, "docx")
    path = tmp_path / f"release.{source.replace('text', 'txt')}"
    if source == "docx":
        path.write_bytes(docx)
    else:
        path.write_text("\n\n".join(docx_blocks(docx)), encoding="utf-8")
    imported = import_release(path)
    assert imported.warnings == []
    assert imported.release == release


# --- the house-style check ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting", "warned"),
    [
        ({"name": "human rights dialogue", "article": ""}, True),
        ({"name": "Human Rights Dialogue", "article": ""}, True),
        ({"name": "Human Rights Dialogue", "article": "the"}, False),
        ({"name": "human rights consultations", "article": ""}, False),
    ],
)
def test_a_talks_name_in_the_singular_without_its_article_is_found(
    meeting: dict[str, str], warned: bool
) -> None:
    release = drafter.validate_release(_release(meeting=meeting))
    found = [f for f in drafter.check_release(release) if f.rule == "meeting-article"]
    assert [(f.field, f.level) for f in found] == ([("meeting.name", "warning")] if warned else [])
    if warned:
        assert "`article: the`" in found[0].suggestion
        assert f"hold {meeting['name']}" in found[0].message


def test_a_next_round_known_by_its_place_alone() -> None:
    data = _release(next_round={"place": "Brussels"})
    assert_in_all(
        data,
        "The next round of the EU-Kyrgyzstan Human Rights Dialogue should take place in Brussels.",
        absent=("Brussels .", "Brussels in ."),
    )


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("fr", "devrait avoir lieu à Bruxelles."),
        ("de", "soll in Brüssel stattfinden."),
        ("bg", "следва да се проведе в Брюксел."),  # noqa: RUF001
    ],
)
def test_a_next_round_known_by_its_place_alone_in_each_complete_language(
    code: str, expected: str, caplog: pytest.LogCaptureFixture
) -> None:
    data = _release(next_round={"place": "Brussels"}, translations={code: {}})
    release = drafter.validate_release(data)
    html = drafter.render(release, "html", language=code)
    assert expected in " ".join(html_blocks(html))
    assert "printed in English" not in caplog.text


def test_a_next_round_known_by_its_place_alone_is_imported_as_its_place(tmp_path: Path) -> None:
    release = drafter.validate_release(_release(next_round={"place": "Brussels"}, status="final"))
    _assert_imported_back(release, tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        "Organization for Security and Co-operation in Europe",
        "International Labour Organization",
        "World Health Organization",
        "International Organization for Migration",
    ],
)
def test_an_official_name_keeps_its_own_spelling(name: str) -> None:
    body = f"Both sides discussed their cooperation with the {name}."
    release = drafter.validate_release(_release(body=[body], status="final"))
    assert [f for f in drafter.check_release(release) if f.rule == "british-spelling"] == []
    body = f"The {name} helped with the organization of the seminar."
    release = drafter.validate_release(_release(body=[body]))
    found = [f for f in drafter.check_release(release) if f.rule == "british-spelling"]
    assert [f.message for f in found] == ['"organization" is American spelling']


@pytest.mark.parametrize("timing", ["next year", "by the end of 2013", "autumn 2013"])
@pytest.mark.parametrize("place", ["Brussels", None])
def test_a_next_round_timing_is_imported_back(
    timing: str, place: str | None, tmp_path: Path
) -> None:
    next_round = {"timing": timing, **({"place": place} if place else {})}
    release = drafter.validate_release(_release(next_round=next_round, status="final"))
    _assert_imported_back(release, tmp_path)


# --- other languages ---------------------------------------------------------------------------


def test_the_first_of_the_month_is_1er_in_french() -> None:
    data = _release(
        date="2015-07-01",
        reference="A 402/15",
        meeting={"date": "2015-06-01", "end_date": "2015-06-03"},
        translations={"fr": {}},
    )
    release = drafter.validate_release(data)
    blocks = html_blocks(drafter.render(release, "html", language="fr"))
    assert "Bruxelles, le 1er juillet 2015" in blocks
    assert any(block.startswith("Du 1er au 3 juin 2015, l'Union européenne") for block in blocks)


# --- previous rounds of several days --------------------------------------------------------

_TWO_DAY_ROUNDS = [
    {"date": "2012-05-14", "end_date": "2012-05-15", "url": "https://example.org/round-3"},
    {"date": "2011-11-30", "end_date": "2011-12-01"},
    {"date": "2011-05-04"},
]


def test_a_previous_round_of_several_days_is_listed_with_its_days() -> None:
    data = _release(previous_rounds=_TWO_DAY_ROUNDS)
    assert_in_all(data, "14-15 May 2012", "30 November-1 December 2011", "4 May 2011")


@pytest.mark.parametrize(
    ("end_date", "says"),
    [("2012-05-14", "is not after its date"), ("2012-11-28", "is not before this round")],
)
def test_a_previous_rounds_last_day_must_fit(end_date: str, says: str) -> None:
    rounds = [{"date": "2012-05-14", "end_date": end_date}]
    with pytest.raises(drafter.InputError) as refused:
        drafter.validate_release(_release(previous_rounds=rounds))
    [problem] = refused.value.problems
    assert problem.field == "previous_rounds[0].end_date" and says in problem.message


def test_the_next_rounds_draft_lists_this_round_with_its_days(tmp_path: Path) -> None:
    data = _release(meeting={"date": "2012-11-27", "end_date": "2012-11-28"})
    source = tmp_path / "round-4.yaml"
    source.write_text(yaml.safe_dump(data), encoding="utf-8")
    first = yaml.safe_load(draft_next(source).text)["previous_rounds"][0]
    assert (str(first["date"]), str(first["end_date"])) == ("2012-11-27", "2012-11-28")


def test_previous_rounds_of_several_days_are_imported_back(tmp_path: Path) -> None:
    release = drafter.validate_release(_release(previous_rounds=_TWO_DAY_ROUNDS, status="final"))
    _assert_imported_back(release, tmp_path)
