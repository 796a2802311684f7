"""`drafter series`: the archive's rounds listed in order, and every check of a series."""

from __future__ import annotations

import shutil
from pathlib import Path

from clirun import EXAMPLES, R14, R15, R16, TURKMENISTAN, Cap, archive, run

from drafter.series import FileProblem, check_archive, read_archive


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` (found once) in the file; the line number where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def problems(folder: Path) -> list[FileProblem]:
    return check_archive(read_archive(folder))


def found(folder: Path, name: str, field: str) -> list[FileProblem]:
    """The problems of file `name` at `field`."""
    return [p for p in problems(folder) if p.path.name == name and p.problem.field == field]


def test_the_example_archive_lists_both_series_in_order_and_passes(capsys: Cap) -> None:
    code, out, err = run(capsys, "series", str(EXAMPLES))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    first = lines.index("EU-Russia human rights consultations: 3 rounds")
    lines = lines[first:]
    russia = [line.split() for line in lines[1:4]]
    assert [(row[0], row[1]) for row in russia] == [
        ("2011-11-29", "14"),
        ("2012-07-20", "15"),
        ("2012-12-04", "16"),
    ]
    assert (
        "A 350/12" in lines[2] and "The EU and Russia hold human rights consultations" in lines[2]
    )
    assert lines[2].endswith(f"({R15})")
    turkmenistan = lines.index("EU-Turkmenistan Human Rights Dialogue: 1 round")
    assert "11163/13" in lines[turkmenistan + 1]
    assert "Turkmenistan and the EU hold their" in lines[turkmenistan + 1]


def test_a_missing_round_is_reported_with_file_field_and_line(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", R14, R16)
    line = edit(folder / R16, "  round: 16\n", "  round: 16\n")
    code, out, err = run(capsys, "series", str(folder))
    assert code == 1
    assert "2011-11-29" in out and "2012-12-04" in out  # the listing comes all the same
    expected = f"{folder / R16}:{line}:3: meeting.round: round 16 follows round 14"
    assert expected in err
    assert "round 15 is missing from the archive" in err


def test_two_rounds_with_one_number(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15, R16)
    edit(folder / R16, "  round: 16", "  round: 15")
    [problem] = found(folder, R16, "meeting.round")
    assert "round 15 is also round 15 of 2012-07-20" in problem.problem.message
    assert R15 in problem.problem.message


def test_round_numbers_against_the_dates_of_the_talks(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15, R16)
    edit(folder / R15, "  round: 15", "  round: 16")
    edit(folder / R16, "  round: 16", "  round: 15")
    [later] = found(folder, R16, "meeting.round")
    assert "round 15 comes after round 16 of 2012-07-20" in later.problem.message
    assert "check the round numbers and the dates" in later.problem.message


def test_release_dates_must_increase_with_the_rounds(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R15, R16)
    line = edit(folder / R15, "date: 2012-07-24", "date: 2012-12-10")
    assert line == 8
    [problem] = found(folder, R16, "date")
    assert "is before the release date of round 15" in problem.problem.message
    assert "(2012-12-10)" in problem.problem.message


def test_two_rounds_on_one_day(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R15)
    shutil.copy(folder / R15, folder / "copy.yaml")
    edit(folder / "copy.yaml", "reference: A 350/12", "reference: A 351/12")
    messages = [str(p) for p in problems(folder)]
    assert any("meeting.date" in m and "two rounds cannot be on one day" in m for m in messages)


def test_references_are_unique_across_the_whole_archive(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", TURKMENISTAN)
    other = folder / "eu-kazakhstan-2013-07-01.yaml"
    shutil.copy(folder / TURKMENISTAN, other)
    edit(
        other,
        "  name: Turkmenistan\n  short_name: Turkmenistan",
        "  name: Kazakhstan\n  short_name: Kazakhstan",
    )
    line = edit(other, "date: 2013-06-20", "date: 2013-07-01")
    edit(other, "  date: 2013-06-18", "  date: 2013-06-28")
    archived = read_archive(folder)
    assert len(archived.series()) == 2  # another counterpart is another series
    [problem] = check_archive(archived)
    assert (problem.path, problem.problem.field) == (other, "reference")
    assert problem.problem.line == line + 1
    assert "11163/13 is also the reference of eu-turkmenistan-2013-06-20.yaml" in str(problem)


def test_a_link_to_a_day_without_a_round(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15, R16)
    line = edit(folder / R16, "  - date: 2012-07-20", "  - date: 2012-07-19")
    [problem] = found(folder, R16, "previous_rounds[0].date")
    assert problem.problem.line == line
    assert "no earlier round of the series in the archive was held on that day" in str(problem)
    assert "(the archive's rounds: 2012-07-20, 2011-11-29)" in str(problem)
    [unlisted] = found(folder, R16, "previous_rounds")
    assert "does not list round 15 of 2012-07-20" in str(unlisted)


def test_a_link_older_than_the_archive_cannot_hide_an_archived_round(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15, R16)
    edit(folder / R16, "  - date: 2011-11-29", "  - date: 2011-11-28")
    assert found(folder, R16, "previous_rounds[1].date") == []  # before round 14: unknown
    [unlisted] = found(folder, R16, "previous_rounds")
    assert "does not list round 14 of 2011-11-29" in str(unlisted)


def test_a_link_whose_reference_is_another_release(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15, R16)
    edit(folder / R16, "  - date: 2012-07-20\n", "  - date: 2012-07-20\n    reference: A 351/12\n")
    [problem] = found(folder, R16, "previous_rounds[0].reference")
    assert "is not the reference of round 15 of 2012-07-20" in str(problem)
    assert "that release is A 350/12" in str(problem)


def test_a_links_last_day_must_be_the_rounds(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15, R16)
    edit(folder / R16, "  - date: 2012-07-20\n", "  - date: 2012-07-20\n    end_date: 2012-07-21\n")
    [problem] = found(folder, R16, "previous_rounds[0].end_date")
    assert "does not match round 15 of 2012-07-20" in str(problem)
    assert "that round was held on one day" in str(problem)


def test_a_link_whose_reference_names_a_round_of_another_day(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15, R16)
    edit(
        folder / R16,
        "  - date: 2011-11-29\n",
        "  - date: 2011-11-22\n    reference: A 481/11\n",
    )
    [problem] = found(folder, R16, "previous_rounds[1].date")
    assert "names A 481/11, the release of round 14 of 2011-11-29" in str(problem)


def test_links_by_date_and_reference_that_agree_pass(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15, R16)
    edit(folder / R16, "  - date: 2012-07-20\n", "  - date: 2012-07-20\n    reference: A 350/12\n")
    assert problems(folder) == []


def test_a_release_must_list_the_round_before_it(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15, R16)
    line = edit(folder / R16, "previous_rounds:\n  - date: 2012-07-20\n", "previous_rounds:\n")
    [problem] = found(folder, R16, "previous_rounds")
    assert problem.problem.line == line
    assert "does not list round 15 of 2012-07-20" in str(problem)
    assert "add `- date: 2012-07-20`" in str(problem)


def test_links_older_than_the_archive_are_not_checked(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R15, R16)  # round 14 (2011-11-29) is not in the archive
    assert problems(folder) == []


def test_a_file_that_is_not_a_valid_release_is_a_problem_of_the_archive(
    tmp_path: Path, capsys: Cap
) -> None:
    folder = archive(tmp_path / "a", R15)
    (folder / "draft.yaml").write_text("issuer: European Union\nplace: [\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a release", encoding="utf-8")
    code, out, err = run(capsys, "series", str(folder))
    assert code == 1
    assert "EU-Russia human rights consultations: 1 round" in out
    assert f"{folder / 'draft.yaml'}:3" in err and "YAML syntax error" in err
    assert "notes.txt" not in err


def test_a_folder_is_needed(tmp_path: Path, capsys: Cap) -> None:
    code, _, err = run(capsys, "series", str(EXAMPLES / R15))
    assert code == 1 and "is not a folder" in err
    code, out, err = run(capsys, "series", str(tmp_path))
    assert (code, out.strip(), err) == (0, "", "")
