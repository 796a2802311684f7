"""The house-style check: each rule on a text that breaks it and on one that keeps it."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from clirun import Cap, run
from edits import edit, line_of

from drafter.loading import validate_release
from drafter.source import parse_yaml
from drafter.style_check import RULES, Finding, check_file, check_release

FIRST = "The consultations were held in an open atmosphere."


def findings(*changes: tuple[str, str]) -> list[Finding]:
    """The findings of the reference example with `changes` made to its text."""
    source = parse_yaml(edit(*changes))
    return check_release(validate_release(source), source)


def of(rule: str, found: list[Finding]) -> list[Finding]:
    return [finding for finding in found if finding.rule == rule]


def test_the_reference_release_follows_the_house_style() -> None:
    assert findings() == []


def test_every_rule_has_an_id_a_level_and_a_summary() -> None:
    assert len(RULES) >= 11
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id and rule.level in ("error", "warning") and rule.summary


BODY_CASES = [
    # rule, text that breaks it, text that keeps it
    ("date-format", "They met on 24th July 2012.", "They met on 24 July 2012."),
    ("date-format", "They met on July 24, 2012.", "They met on 24 July 2012."),
    ("date-format", "They met on 04 July 2012.", "They met on 4 July 2012."),
    ("date-format", "They met on 24 July, 2012.", "They met on 24 July 2012."),
    ("eg-ie", "Some NGOs, eg Memorial, spoke.", "Some NGOs, e.g. Memorial, spoke."),
    ("eg-ie", "Some NGOs (e.g., Memorial) spoke.", "Some NGOs (e.g. Memorial) spoke."),
    ("eg-ie", "The talks, i.e the second day, ended.", "The talks, i.e. the second day, ended."),
    ("british-spelling", "The talks were organized well.", "The talks were organised well."),
    ("british-spelling", "The color of the talks.", "The colour of the programme."),
    ("british-spelling", "A center for victims.", "A centre for victims of any size."),
    ("small-numbers", "They met 3 NGOs.", "They met three NGOs and 12 lawyers on 3 May."),
    ("acronyms", "They met the HRC.", "They met the Human Rights Council (HRC). The HRC spoke."),
    (
        "straight-quotes",
        'They called it "open".',
        "They called it \u201copen\u201d; Russia's view.",
    ),
    ("double-space", "The consultations were  held.", "The consultations were held."),
]


@pytest.mark.parametrize(("rule", "bad", "good"), BODY_CASES)
def test_a_rule_finds_its_problem_in_the_body_and_names_field_and_line(
    rule: str, bad: str, good: str
) -> None:
    found = of(rule, findings((FIRST, bad)))
    assert len(found) == 1, found
    finding = found[0]
    assert finding.level == RULES[rule].level
    assert finding.field == "body[0]"
    assert finding.line == line_of(edit((FIRST, bad)), bad) - 1  # the `- >-` line
    assert finding.message and finding.suggestion


@pytest.mark.parametrize(("rule", "bad", "good"), BODY_CASES)
def test_a_rule_accepts_the_house_form(rule: str, bad: str, good: str) -> None:
    assert of(rule, findings((FIRST, good))) == []


def test_suggestions_give_the_house_form() -> None:
    found = findings((FIRST, "They met on July 24th, 2012 and organized 2 meetings."))
    suggestions = {finding.rule: finding.suggestion for finding in found}
    assert suggestions["date-format"] == 'write "24 July 2012"'
    assert suggestions["british-spelling"] == 'write "organised"'
    assert suggestions["small-numbers"] == 'write "two"'


def test_a_well_known_acronym_needs_no_explanation() -> None:
    assert of("acronyms", findings((FIRST, "The OSCE, the UN and NGOs of the EU met."))) == []


def test_the_counterpart_is_named_in_full_before_its_short_name() -> None:
    opening = (
        "  place: Brussels\n\nbody:",
        "  place: Brussels\n  opening: On 20 July 2012, the EU and Russia met.\n\nbody:",
    )
    found = of("counterpart-naming", findings(opening))
    assert [f.field for f in found] == ["meeting.opening", "meeting.opening"]
    assert found[0].level == "warning" and "the Russian Federation" in found[0].suggestion


def test_the_date_line_holds_the_place_alone() -> None:
    change = ("place: Brussels\ndate:", "place: Brussels, 24 July\ndate:")
    found = of("date-line", findings(change))
    assert [(f.field, f.level) for f in found] == [("place", "error")]
    assert found[0].line == line_of(edit(change), "place: Brussels, 24 July")


def test_previous_rounds_references_take_the_form_of_the_series() -> None:
    previous = ("  - date: 2011-05-04", "  - date: 2011-05-04\n    reference: 11163/11")
    found = of("reference-format", findings(previous))
    assert [(f.field, f.level) for f in found] == [("previous_rounds[1].reference", "error")]
    assert '"A number/yy"' in found[0].suggestion
    same = ("  - date: 2011-05-04", "  - date: 2011-05-04\n    reference: A 201/11")
    assert of("reference-format", findings(same)) == []


_OPENING = (
    "  place: Brussels\n",
    "  place: Brussels\n  opening: >-\n    {}\n",
)


def test_an_opening_sentence_written_out_must_name_this_rounds_facts() -> None:
    ours = (
        "On 20 July 2012, the EU and Russia held their fifteenth round of human rights "
        "consultations in Brussels, allowing the EU to raise its concerns."
    )
    found = findings((_OPENING[0], _OPENING[1].format(ours)))
    assert of("opening-facts", found) == []
    pasted = ours.replace("20 July 2012", "29 November 2011").replace("fifteenth", "fourteenth")
    found = of("opening-facts", findings((_OPENING[0], _OPENING[1].format(pasted))))
    assert [(f.field, f.level) for f in found] == [("meeting.opening", "warning")] * 2
    assert '"20 July 2012" (meeting.date)' in found[0].message
    assert '"fifteenth" (meeting.round)' in found[1].message
    assert found[0].line == line_of(edit((_OPENING[0], _OPENING[1].format(ours))), "opening:")


def test_an_over_long_title_is_found() -> None:
    title = "The EU and Russia hold " + "long " * 20 + "consultations"
    found = of(
        "title-length",
        findings(("reference: A 350/12\n", f"reference: A 350/12\ntitle: {title}\n")),
    )
    assert [(f.field, f.level) for f in found] == [("title", "warning")]
    assert of("title-length", findings()) == []


def test_a_file_turns_rules_off_and_unknown_rules_are_named() -> None:
    bad = (FIRST, "Some NGOs, eg Memorial, spoke.")
    off = ("status: final", "status: final\nchecks:\n  disable: [eg-ie]")
    assert of("eg-ie", findings(bad, off)) == []
    typo = ("status: final", "status: final\nchecks:\n  disable: [eg-i]")
    found = of("checks", findings(typo))
    assert [(f.field, f.level) for f in found] == [("checks.disable[0]", "error")]
    assert "eg-ie" in found[0].suggestion


def _file(folder: Path, *changes: tuple[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "round.yaml"
    path.write_text(edit(*changes), encoding="utf-8")
    return path


def test_a_project_turns_rules_off_from_a_parent_folder(tmp_path: Path) -> None:
    path = _file(tmp_path / "releases" / "2012", (FIRST, "They met 3 NGOs."))
    assert of("small-numbers", check_file(path)[1])
    (tmp_path / "drafter.toml").write_text('[check]\ndisable = ["small-numbers"]\n')
    assert of("small-numbers", check_file(path)[1])  # above the file, in no repository: unused
    (tmp_path / ".git").mkdir()  # the repository's root: its settings are the project's
    assert of("small-numbers", check_file(path)[1]) == []


def test_a_project_naming_an_unknown_rule_is_refused(tmp_path: Path, capsys: Cap) -> None:
    path = _file(tmp_path)
    (tmp_path / "drafter.toml").write_text('[check]\ndisable = ["no-such-rule"]\n')
    code, _, err = run(capsys, "check", str(path))
    assert code == 1 and "drafter.toml" in err and "no-such-rule" in err


def test_drafter_check_exits_1_on_errors_and_prints_json(tmp_path: Path, capsys: Cap) -> None:
    path = _file(tmp_path, (FIRST, "They met on 24th July 2012 and 3 NGOs."))
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert re.search(rf"^{re.escape(str(path))}:\d+: error \[date-format\] body\[0\]: ", out, re.M)
    assert "1 error, 1 warning" in out
    code, out, _ = run(capsys, "check", "--json", str(path))
    data = json.loads(out)
    assert code == 1 and {item["rule"] for item in data} == {"date-format", "small-numbers"}
    assert set(data[0]) == {"rule", "level", "message", "field", "line", "suggestion"}


def test_drafter_check_exits_0_on_warnings_only(tmp_path: Path, capsys: Cap) -> None:
    code, out, _ = run(capsys, "check", str(_file(tmp_path, (FIRST, "They met 3 NGOs."))))
    assert code == 0 and "0 errors, 1 warning" in out


def test_a_final_release_with_errors_is_not_written(tmp_path: Path, capsys: Cap) -> None:
    path = _file(tmp_path, (FIRST, "The talks were organized well."))
    code, _, err = run(capsys, "new", str(path), "--html", "--out", str(tmp_path / "out"))
    assert code == 1
    assert "[british-spelling]" in err and re.search(r":\d+(:\d+)?: status: ", err)
    assert not (tmp_path / "out").exists()
    draft = _file(
        tmp_path, (FIRST, "The talks were organized well."), ("status: final", "status: draft")
    )
    code, out, _ = run(
        capsys, "new", str(draft), "--html", "--lang", "en", "--out", str(tmp_path / "out")
    )
    assert code == 0 and out.strip().endswith("2012-07-24_A-350-12_DRAFT.html")


def test_an_unreadable_project_file_is_named(tmp_path: Path, capsys: Cap) -> None:
    path = _file(tmp_path)
    (tmp_path / "drafter.toml").write_text("[check\ndisable = 1\n")
    code, _, err = run(capsys, "check", str(path))
    assert code == 1 and f"{tmp_path / 'drafter.toml'}: 1 problem" in err and "line 1" in err


def test_a_final_release_with_warnings_is_written_and_warned_of(
    tmp_path: Path, capsys: Cap, caplog: pytest.LogCaptureFixture
) -> None:
    path = _file(tmp_path, (FIRST, "They met 3 NGOs."))
    with caplog.at_level(logging.WARNING, logger="drafter"):
        code, out, _ = run(capsys, "new", str(path), "--html", "--lang", "en")
    assert code == 0 and out.strip().endswith("2012-07-24_A-350-12.html")
    assert "warning [small-numbers] body[0]" in caplog.text


def test_rules_that_read_english_leave_other_languages_alone() -> None:
    english = findings((FIRST, "The talks were organized on July 24, 2012."))
    assert {f.rule for f in english} >= {"british-spelling", "date-format"}
    french = findings(
        ("language: en", "language: fr"),
        (FIRST, "The talks were organized on July 24, 2012.  Fine."),
    )
    assert {f.rule for f in french} == {"double-space"}
    assert not RULES["double-space"].english_only and RULES["british-spelling"].english_only
