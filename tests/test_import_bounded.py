"""`drafter import` of crafted text reads in linear time, and stops at its time limit (issue 18).

Each crafted text is about 19 KB, made to take the old patterns minutes (their backtracking
was cubic); each import runs in a process of its own and must end well within the limit of
the subprocess: a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from textutil import REFERENCE, REPO

from drafter.errors import LimitError
from drafter.importing import import_release, sentences

SIZE = 19_000
WAIT = 60  # seconds: the old patterns took minutes; linear reading takes milliseconds


def repeated(piece: str, before: str = "", after: str = "") -> str:
    return before + piece * (SIZE // len(piece)) + after


CIVIL = (
    "In line with established practice and so as to incorporate the views of civil society "
    "into the consultations, "
)
CRAFTED = {
    "opening": repeated(" held x in", "On 1 May 2012, "),
    "next-round": repeated(" should take place in a", "The next round of x y ", "x"),
    "civil-meetings": repeated(" in on", f"{CIVIL}the EU met ", "."),
    "civil-sentence": repeated(" met ", CIVIL, "x"),
    "title": repeated(" hold ", "", "x"),
    "dateline": repeated(", 1 May 2012x"),
    "contact-email": repeated(" a@a", "", " "),
    "contact-phone": repeated(" 1", " +1", "x"),
    "website": repeated("a.", "", "!"),
    "link": repeated("["),
    "spaces": repeated(" ", "a", "a"),
}
REPLACED = {
    "opening": "On 20 July",
    "next-round": "The next round of",
    "civil-meetings": "In line with",
    "civil-sentence": "In line with",
    "title": "## ",
    "dateline": "Brussels, 24 July",
}
"""The line of the reference each crafted text replaces; the others go in the footer."""


def crafted_release(tmp_path: Path, name: str) -> Path:
    """The reference release's text with one line replaced by (or followed by) crafted text."""
    lines = REFERENCE.read_text(encoding="utf-8").split("\n")
    start = REPLACED.get(name, "FOR FURTHER DETAILS:")
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    if name in REPLACED:
        lines[index] = CRAFTED[name] + ("  " if name == "dateline" else "")
    else:
        lines[index + 1 : index + 1] = ["", CRAFTED[name], ""]
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_a_crafted_text_is_read_in_linear_time(tmp_path: Path, name: str) -> None:
    source = crafted_release(tmp_path, name)
    out = tmp_path / "out.yaml"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "drafter", "import", str(source), "--out", str(out)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=WAIT)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Imported by `drafter import`")


def test_the_sentence_readers_refuse_crafted_text() -> None:
    assert sentences.opening(CRAFTED["opening"]) is None  # no full stop ends it
    assert sentences.next_round(CRAFTED["next-round"]) is None
    assert sentences.civil_meetings(CRAFTED["civil-meetings"][len(CIVIL) :]) is None
    assert sentences.title(CRAFTED["title"]) is not None  # a title, if an odd one


def test_an_import_over_its_time_limit_is_a_limit_error(tmp_path: Path) -> None:
    source = crafted_release(tmp_path, "civil-meetings")
    with pytest.raises(LimitError, match="took longer than 1e-06 seconds"):
        import_release(source, timeout=1e-6)


def test_the_readers_give_the_house_sentences_parts() -> None:
    opening = sentences.opening(
        "On 20 July 2012, the European Union and the Russian Federation held their fifteenth "
        "round of human rights consultations in Brussels. The consultations were held."
    )
    assert opening is not None
    assert (opening.when, opening.parties, opening.ordinal, opening.name, opening.place) == (
        "20 July 2012",
        "the European Union and the Russian Federation",
        "fifteenth",
        "human rights consultations",
        "Brussels",
    )
    nxt = sentences.next_round(
        "The next round of EU-Russia human rights consultations should take place in Moscow "
        "in autumn 2012. Both sides agreed."
    )
    assert nxt is not None
    assert (nxt.compound, nxt.name, nxt.place, nxt.timing, nxt.remark) == (
        "EU-Russia",
        "human rights consultations",
        "Moscow",
        "autumn 2012",
        "Both sides agreed.",
    )
    assert sentences.contact_phone("Michael Mann +32 498 999 780") == (
        "Michael Mann",
        "+32 498 999 780",
    )
    assert sentences.contact_email("Jan - +32 2 1 - jan@x.eu") == ("Jan - +32 2 1", "jan@x.eu")
    assert sentences.dateline("Brussels, 24 July 2012") == ("Brussels", "24 July 2012")
    meetings = sentences.civil_meetings(
        "NGOs in Moscow and Kazan on 24-27 April and X in Y on 2 May"
    )
    assert [(m.who, m.places, m.when) for m in meetings or []] == [
        ("NGOs", "Moscow and Kazan", "24-27 April"),
        ("X", "Y", "2 May"),
    ]
