"""Reading YAML: bad files are refused with a line and column, never with a Python error.

Both YAML parsers drafter may use (libyaml's, when PyYAML has it, and PyYAML's own) must
give the same data and the same positions.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from edits import TEXT, column_of, edit, line_of

import drafter.source
from drafter.errors import InputError, LimitError, Problem, UsageError
from drafter.loading import load_release, read_source
from drafter.source import MAX_BYTES, MAX_DEPTH

_LOADERS: dict[str, type[object]] = {"python": yaml.SafeLoader}
if hasattr(yaml, "CSafeLoader"):
    _LOADERS["libyaml"] = yaml.CSafeLoader


@pytest.fixture(params=sorted(_LOADERS), autouse=True)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every test runs with each YAML parser drafter may use."""
    chosen = _LOADERS[request.param]
    monkeypatch.setattr(drafter.source, "_loader_class", lambda: chosen)
    yield request.param


# --- helpers -------------------------------------------------------------------------------


def the_problem(source: str | bytes | Path) -> Problem:
    with pytest.raises(InputError) as info:
        load_release(source)
    problems = info.value.problems
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def check(
    source: str, needle: str, *words: str, field: str = "", at_needle: bool = False
) -> Problem:
    """The one problem: on the line of `needle` (and at its column), saying `words`."""
    problem = the_problem(source)
    assert problem.line == line_of(source, needle), problem
    if at_needle:
        assert problem.column == column_of(source, needle), problem
    assert problem.field == field, problem
    for word in words:
        assert word in problem.message, problem
    return problem


def finishes(action: Callable[[], object], seconds: float) -> BaseException | None:
    """Run `action` in a thread; fail unless it ends within `seconds`; give what it raised."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as exc:  # handed back to the test
            raised.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    return raised[0] if raised else None


# --- syntax --------------------------------------------------------------------------------


def test_the_example_reads_the_same_with_either_parser() -> None:
    source = read_source(TEXT)
    assert source.data["meeting"]["round"] == "15"
    assert source.positions[("contacts", "people", 1, "email")] == (
        line_of(TEXT, "Maja.Kocijancic@"),
        column_of(TEXT, "email: Maja"),
    )
    assert source.positions[("civil_society", "meetings", 0, "places", 1)] == (
        line_of(TEXT, "St Petersburg"),
        column_of(TEXT, "St Petersburg"),
    )


def test_a_syntax_error_gives_line_and_column() -> None:
    text = edit(("\nplace: Brussels\n", "\nplace: Brussels: centre\n"))
    problem = check(text, "Brussels: centre", "YAML syntax error", "quotes")
    assert problem.column == column_of(text, ": centre")


def test_an_unclosed_list_is_a_syntax_error_at_its_line() -> None:
    text = edit(("places: [Brussels]", "places: [Brussels"))
    problem = the_problem(text)
    assert problem.line is not None
    assert line_of(text, "places: [Brussels") <= problem.line <= line_of(text, "next_round:")
    assert "YAML syntax error" in problem.message


def test_an_unquoted_colon_in_text_is_a_syntax_error() -> None:
    text = edit(("  timing: autumn 2012", "  timing: autumn: 2012"))
    check(text, "autumn: 2012", "YAML syntax error", "quotes")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  short_name: Russia", "\tshort_name: Russia"),
        ("  short_name: Russia", "  \tshort_name: Russia"),
        ("  round: 15", "\tround: 15"),
    ],
)
def test_a_tab_indentation_is_named(old: str, new: str) -> None:
    text = edit((old, new))
    problem = check(text, new, "tab character", "spaces")
    assert problem.column is not None


# --- keys ----------------------------------------------------------------------------------


def test_a_duplicate_key_names_both_lines() -> None:
    text = edit(("\nplace: Brussels\n", "\nplace: Brussels\nplace: Paris\n"))
    problem = check(text, "place: Paris", "given twice", "keep one", field="place")
    first = text.splitlines().index("place: Brussels") + 1
    assert f"first on line {first}" in problem.message


def test_a_duplicate_nested_key_names_both_lines() -> None:
    text = edit(("  round: 15\n", "  round: 15\n  round: 16\n"))
    problem = check(text, "round: 16", "given twice", field="meeting.round")
    assert f"first on line {line_of(text, 'round: 15')}" in problem.message


def test_a_duplicate_key_in_a_list_item_is_named() -> None:
    text = edit(
        (
            "      email: Maja.Kocijancic@ec.europa.eu\n",
            "      email: a@ec.europa.eu\n      email: b@ec.europa.eu\n",
        )
    )
    problem = check(text, "email: b@", "given twice", field="contacts.people[1].email")
    assert f"first on line {line_of(text, 'email: a@')}" in problem.message


def test_a_key_that_is_a_list_is_refused() -> None:
    text = edit(("language: en", "? [language]\n: en"))
    check(text, "? [language]", "plain name")


# --- anchors, aliases, tags ----------------------------------------------------------------


def test_an_anchor_is_refused() -> None:
    text = edit(("\nplace: Brussels\n", "\nplace: &city Brussels\n"))
    check(text, "&city", "anchors", "write the value out", field="place")


def test_an_alias_is_refused() -> None:
    text = edit(("  place: Brussels", "  place: *city"))
    check(text, "*city", "aliases", "write the value out", field="meeting.place")


def test_a_merge_key_with_an_alias_is_refused() -> None:
    text = edit(("meeting:\n", "meeting:\n  <<: *defaults\n"))
    check(text, "*defaults", "aliases", field="meeting.<<")


def test_an_alias_bomb_fails_fast_without_expanding() -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 12):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        levels.append(f"a{level}: &a{level} [{refs}]")
    bomb = "\n".join(levels) + "\n"  # 9**12 strings if it were expanded
    started = time.perf_counter()
    raised = finishes(lambda: load_release(bomb), seconds=5)
    assert isinstance(raised, InputError), raised
    assert time.perf_counter() - started < 5
    assert raised.problems[0].line == 1
    assert "anchors" in raised.problems[0].message


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/object:os.system Brussels", "!!python/object:os.system"),
        ("!!python/object/apply:os.system ['echo hi']", "!!python/object/apply:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!binary QnJ1c3NlbHM=", "!!binary"),
        ("!!str Brussels", "!!str"),
        ("!!int 7", "!!int"),
        ("!!set {Brussels}", "!!set"),
        ("!!timestamp 2012-07-24", "!!timestamp"),
        ("!city Brussels", "!city"),
        ("!<tag:example.org,2012:city> Brussels", "tag:example.org,2012:city"),
    ],
)
def test_an_explicit_tag_is_refused(value: str, shown: str) -> None:
    text = edit(("\nplace: Brussels\n", f"\nplace: {value}\n"))
    problem = check(text, value, "are not allowed", "plain value", field="place")
    assert f"({shown})" in problem.message
    assert problem.column == column_of(text, value.split()[0])


def test_a_tag_on_the_whole_document_is_refused() -> None:
    text = "--- !!python/object:drafter.schema.Release\n" + TEXT
    check(text, "--- !!python", "YAML tags (!!python/object:drafter.schema.Release)")


def test_the_non_specific_tag_keeps_text() -> None:
    release = load_release(edit(("  place: Brussels", "  place: ! 1.10")))
    assert release.meeting.place == "1.10"


# --- the document as a whole ---------------------------------------------------------------


@pytest.mark.parametrize("second", ["---\nissuer: EU\n", "---\n", "--- ~\n"])
def test_more_than_one_document_is_refused(second: str) -> None:
    text = "---\n" + TEXT + second
    line = len(TEXT.splitlines()) + 2
    problem = the_problem(text)
    assert problem.line == line, problem
    assert "more than one YAML document" in problem.message


def test_one_document_with_markers_is_fine() -> None:
    assert load_release("---\n" + TEXT + "...\n").meeting.round == 15


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\n",
        b"   \n\n",
        b"# only a comment\n",
        b"---\n",
        b"---\n...\n",
        b"~\n",
        b"\xef\xbb\xbf",
    ],
)
def test_an_empty_file_is_refused(raw: bytes) -> None:
    problem = the_problem(raw)
    assert problem.line == 1
    assert "the file is empty" in problem.message


def test_an_empty_file_on_disk_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "round.yaml"
    path.write_bytes(b"")
    with pytest.raises(InputError) as info:
        load_release(path)
    assert str(info.value).startswith(f"{path}: 1 problem found")
    assert "empty" in info.value.problems[0].message


@pytest.mark.parametrize(
    ("text", "needle", "kind"),
    [
        ("- date: 2012-07-24\n- place: Brussels\n", "- date", "a list"),
        ("# a release\n\n- one\n- two\n", "- one", "a list"),
        ("[issuer, place]\n", "[issuer", "a list"),
        ("Brussels, 24 July 2012\n", "Brussels", "a single value"),
        ("# a release\n'2012-07-24'\n", "'2012", "a single value"),
        ("42\n", "42", "a single value"),
    ],
)
def test_a_file_that_is_not_a_mapping_is_refused(text: str, needle: str, kind: str) -> None:
    check(text, needle, f"the file holds {kind}", "mapping of fields", at_needle=True)


def test_a_flow_mapping_is_a_release_like_any_other() -> None:
    with pytest.raises(InputError) as info:
        load_release("{issuer: European Union, place: Brussels}\n")
    problem_fields = {problem.field for problem in info.value.problems}
    assert problem_fields == {"date", "counterpart", "meeting"}
    assert {problem.line for problem in info.value.problems} == {1}


# --- bytes and encodings -------------------------------------------------------------------


def test_latin1_bytes_are_refused_with_the_line_and_column() -> None:
    text = edit(("  short_name: Russia", "  short_name: Russie \u2013 \u00e9"))
    raw = text.encode("cp1252")
    problem = the_problem(raw)
    assert problem.line == line_of(text, "Russie")
    assert problem.column == column_of(text, "\u2013")
    assert "not UTF-8" in problem.message and "0x96" in problem.message
    assert "save it as UTF-8" in problem.message


def test_a_latin1_e_acute_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    text = edit(("    - name: Sebastien Brabant", "    - name: Sébastien Brabant"))
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(InputError) as info:
        load_release(path)
    (problem,) = info.value.problems
    assert problem.line == line_of(text, "Sébastien")
    assert problem.column == column_of(text, "é")
    assert "0xE9" in problem.message
    assert str(path) in str(info.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_is_refused_with_a_hint(encoding: str) -> None:
    problem = the_problem(TEXT.encode(encoding))
    assert problem.line == 1
    assert encoding[:6].upper() in problem.message and "save it as UTF-8" in problem.message


def test_a_utf8_byte_order_mark_is_fine() -> None:
    assert load_release(TEXT.encode("utf-8-sig")) == load_release(TEXT.encode())


# --- size and depth ------------------------------------------------------------------------


def test_bytes_over_one_mebibyte_are_refused() -> None:
    raw = TEXT.encode() + b"# padding\n" * (MAX_BYTES // 10)
    with pytest.raises(LimitError) as info:
        load_release(raw)
    assert f"{len(raw):,} bytes" in str(info.value)
    assert f"{MAX_BYTES:,}" in str(info.value)


def test_text_over_one_mebibyte_is_refused() -> None:
    with pytest.raises(LimitError):
        load_release(TEXT + "# é\n" * (MAX_BYTES // 5))


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.write(TEXT.encode())
        stream.truncate(200 * MAX_BYTES)  # sparse: 200 MiB that take no room
    started = time.perf_counter()
    with pytest.raises(LimitError) as info:
        load_release(path)
    assert time.perf_counter() - started < 2
    assert f"{200 * MAX_BYTES:,} bytes" in str(info.value)
    assert str(path) in str(info.value)


def test_a_file_of_exactly_the_limit_is_read() -> None:
    padding = MAX_BYTES - len(TEXT.encode()) - 1
    raw = TEXT.encode() + b"#" + b" " * (padding - 1) + b"\n"
    assert len(raw) == MAX_BYTES
    assert load_release(raw).meeting.round == 15


def test_deep_block_nesting_is_refused() -> None:
    text = (
        TEXT
        + "extra:\n"
        + "\n".join(f"{'  ' * (n + 1)}k{n}:" for n in range(MAX_DEPTH + 5))
        + " x\n"
    )
    raised = finishes(lambda: load_release(text), seconds=5)
    assert isinstance(raised, LimitError), raised
    assert "nested more than" in str(raised)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 5000, 200_000])
def test_deep_flow_nesting_is_refused(depth: int) -> None:
    text = TEXT + "extra: " + "[" * depth + "]" * depth + "\n"
    raised = finishes(lambda: load_release(text), seconds=10)
    assert isinstance(raised, LimitError), raised
    assert f"line {line_of(text, 'extra:')}" in str(raised)


def test_nesting_within_the_limit_is_an_unknown_key_not_a_limit() -> None:
    text = TEXT + "extra: " + "[" * 10 + "]" * 10 + "\n"
    problem = the_problem(text)
    assert problem.field == "extra"
    assert "not a known field" in problem.message


def test_too_many_values_are_refused() -> None:
    text = TEXT + "extra: [" + "a," * 150_000 + "a]\n"
    raised = finishes(lambda: load_release(text), seconds=20)
    assert isinstance(raised, LimitError), raised
    assert "more than 100,000 values" in str(raised)


# --- values stay text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("no", "no"),
        ("NO", "NO"),
        ("on", "on"),
        ("1.10", "1.10"),
        ("2012-07-24", "2012-07-24"),
        ("0755", "0755"),
        ("'~'", "~"),
        ('"null"', "null"),
        ("''", ""),
        ("~", None),
        ("null", None),
        ("NULL", None),
        ("", None),
    ],
)
def test_scalars_stay_text_and_only_plain_nulls_are_none(value: str, expected: str | None) -> None:
    source = read_source(edit(("  place: Brussels", f"  place: {value}")))
    assert source.data["meeting"]["place"] == expected


def test_a_blank_optional_field_is_left_out() -> None:
    text = edit(("language: en", "language: en\nco_issuer:\ntitle: ~"))
    release = load_release(text)
    assert release.co_issuer is None
    assert release.title is None


def test_a_blank_required_field_is_named_as_empty() -> None:
    text = edit(("  short_name: Russia", "  short_name: ~"))
    check(text, "short_name: ~", "is empty", field="counterpart.short_name")


# --- characters no YAML file may hold ------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\x00", "U+0000"),
        ("\x0b", "U+000B"),
        ("\x1b", "U+001B"),
        ("\x7f", "U+007F"),
        ("\ufffe", "U+FFFE"),
    ],
)
@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("  short_name: Russia", "counterpart.short_name"),
        ("    The consultations were held", "body[0]"),
        ("      places: [Moscow, St Petersburg]", "civil_society.meetings[0].places[1]"),
        ("  website: http://www.eeas.europa.eu", "contacts.website"),
    ],
)
def test_a_raw_control_character_is_named_with_its_field_and_place(
    char: str, code: str, line: str, field: str
) -> None:
    changed = line[:-4] + char + line[-4:]
    text = edit((line, changed))
    problem = check(text, changed, code, "invisible character", "delete it", field=field)
    assert problem.column == len(line) - 4 + 1


def test_a_raw_control_character_in_a_comment_gives_its_line_only() -> None:
    text = edit(("# EU-Russia human", "# EU-Russia\x07 human"))
    check(text, "EU-Russia\x07", "U+0007", field="")


def test_every_raw_control_character_is_reported() -> None:
    text = edit(
        ("  short_name: Russia", "  short_name: Rus\x00sia"),
        ("  place: Brussels", "  place: Brus\x1bsels"),
    )
    with pytest.raises(InputError) as info:
        load_release(text)
    fields = [(problem.field, problem.line) for problem in info.value.problems]
    assert fields == [
        ("counterpart.short_name", line_of(text, "Rus\x00sia")),
        ("meeting.place", line_of(text, "Brus\x1bsels")),
    ]


def test_the_yaml_error_message_never_shows_python() -> None:
    text = edit(("  short_name: Russia", "  short_name: Rus\x00sia"))
    with pytest.raises(InputError) as info:
        load_release(text)
    shown = str(info.value)
    assert "<unicode string>" not in shown and "position" not in shown
    assert "\n\n" not in shown


# --- every YAML problem says where ---------------------------------------------------------

_BAD_YAML: list[str | bytes] = [
    edit(("\nplace: Brussels\n", "\nplace: Brussels: x\n")),
    edit(("  short_name: Russia", "\tshort_name: Russia")),
    edit(("\nplace: Brussels\n", "\nplace: Brussels\nplace: Paris\n")),
    edit(("\nplace: Brussels\n", "\nplace: &p Brussels\n")),
    edit(("  place: Brussels", "  place: *p")),
    edit(("\nplace: Brussels\n", "\nplace: !!python/object:os.system x\n")),
    TEXT + "---\nb: 1\n",
    b"",
    b"- a\n",
    b"a\n",
    edit(("  short_name: Russia", "  short_name: Russi\xe9")).encode("latin-1"),
    TEXT.encode("utf-16"),
    edit(("  short_name: Russia", "  short_name: Rus\x1bsia")),
    edit(("language: en", "? [a]\n: b")),
]


@pytest.mark.parametrize("source", _BAD_YAML)
def test_every_yaml_problem_has_a_line_and_reads_as_english(source: str | bytes) -> None:
    with pytest.raises(InputError) as info:
        load_release(source)
    for problem in info.value.problems:
        assert problem.line is not None and problem.line >= 1, problem
        assert problem.message, problem
        assert problem.message.startswith("YAML") or not problem.message[0].isupper(), problem
    shown = str(info.value)
    for leak in ("Traceback", "yaml.", "Mark", "<unicode string>", "Error(", "\n\n"):
        assert leak not in shown, shown


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("\nplace: Brussels\n", "\nplace: &p Brussels\n"),
        ("\nplace: Brussels\n", "\nplace: !!str Brussels\n"),
        ("\nplace: Brussels\n", "\nplace: Brussels\nplace: Paris\n"),
        ("language: en", "language: [en"),
    ],
)
def test_a_yaml_problem_in_a_file_names_the_file(tmp_path: Path, old: str, new: str) -> None:
    path = tmp_path / "round.yaml"
    path.write_text(edit((old, new)), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_release(path)
    assert str(info.value).startswith(f"{path}: 1 problem found")


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_release(tmp_path / "no-such-round.yaml")
    assert "there is no file" in str(info.value)


def test_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        load_release(tmp_path)
    assert "is a folder" in str(info.value)
