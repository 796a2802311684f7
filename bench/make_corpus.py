"""A corpus of varied, valid releases made from the bundled examples, for `drafter build`.

    python bench/make_corpus.py OUT_DIR [--count 300] [--seed 9]

Each release takes one example as its base and varies what changes from one release to the
next: the dates (shifted across four decades, every related date with them), the reference,
the counterpart, the round and its style, the places, how many body paragraphs (1 to 8,
drawn from all the examples, so a release runs from one page to three), the civil-society
meetings, the next round, the contacts and the previous rounds. The same seed gives the
same files. Every file is written as YAML that drafter accepts (no anchors or aliases).
"""

from __future__ import annotations

import argparse
import copy
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

COUNTERPARTS = [
    ("the Russian Federation", "Russia"),
    ("Turkmenistan", "Turkmenistan"),
    ("the Republic of Kazakhstan", "Kazakhstan"),
    ("the Kyrgyz Republic", "Kyrgyzstan"),
    ("the Republic of Uzbekistan", "Uzbekistan"),
    ("the Republic of Tajikistan", "Tajikistan"),
    ("the Republic of Armenia", "Armenia"),
    ("Georgia", "Georgia"),
    ("the Republic of Moldova", "Moldova"),
    ("the African Union", "the AU"),
    ("the Republic of Indonesia", "Indonesia"),
    ("the Socialist Republic of Viet Nam", "Viet Nam"),
]
PLACES = [
    "Brussels",
    "Moscow",
    "Ashgabat",
    "Astana",
    "Bishkek",
    "Tashkent",
    "Dushanbe",
    "Yerevan",
    "Tbilisi",
    "Chișinău",
    "Addis Ababa",
    "Jakarta",
    "Hanoi",
    "Luxembourg",
]
SEASONS = ["spring", "summer", "autumn", "the second half of", "early"]
NAMES = [
    "Michael Mann",
    "Maja Kocijancic",
    "Sebastien Brabant",
    "Dorothée Müller",
    "Jānis Ozoliņš",
    "Ana Ćosić",
    "Piotr Łukasz Wiśniewski",
]


class _Dumper(yaml.SafeDumper):
    """Writes every value in full: drafter refuses YAML anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def load_examples(folder: Path = EXAMPLES) -> list[dict[str, Any]]:
    """The examples as plain data (dates as dates)."""
    return [
        yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yaml"))
    ]


def make_release(index: int, examples: list[dict[str, Any]], rng: random.Random) -> dict[str, Any]:
    """Release number `index`: one example, varied."""
    data = copy.deepcopy(examples[index % len(examples)])
    # One language, varied facts: the example's translations would not follow the changes,
    # and a final release's house-style check is not what the batch measures.
    data.pop("translations", None)
    data["status"] = "draft"
    paragraphs = [p for example in examples for p in example.get("body", [])]
    meeting = data["meeting"]
    issued = date(1992, 1, 6) + timedelta(days=index * 47 + rng.randrange(30))
    gap = timedelta(days=rng.randrange(1, 10))
    meeting["date"] = issued - gap - timedelta(days=rng.randrange(3))
    meeting.pop("end_date", None)
    if rng.random() < 0.3:
        meeting["end_date"] = meeting["date"] + timedelta(days=1)
    meeting["place"] = rng.choice(PLACES)
    meeting["round"] = rng.randrange(1, 40)
    meeting["round_style"] = rng.choice(["words", "words", "figures"])
    data["date"] = issued
    data["reference"] = f"A {100 + index}/{issued.year % 100:02d}"
    name, short = COUNTERPARTS[rng.randrange(len(COUNTERPARTS))]
    data["counterpart"] = {"name": name, "short_name": short}
    data["body"] = rng.sample(paragraphs, rng.randint(1, min(8, len(paragraphs))))
    if rng.random() < 0.7:
        data["civil_society"] = {"meetings": _civil_meetings(meeting["date"], rng)}
    else:
        data.pop("civil_society", None)
    data.pop("next_round", None)
    if rng.random() < 0.6:
        year = meeting["date"].year + rng.choice([0, 1])
        data["next_round"] = {"timing": f"{rng.choice(SEASONS)} {year + 1}"}
        if rng.random() < 0.5:
            data["next_round"]["place"] = rng.choice(PLACES)
    data.pop("contacts", None)
    if rng.random() < 0.7:
        data["contacts"] = _contacts(rng)
    data.pop("previous_rounds", None)
    previous = sorted(
        {
            meeting["date"] - timedelta(days=rng.randrange(60, 4000))
            for _ in range(rng.randrange(0, 9))
        }
    )
    if previous:
        data["previous_rounds"] = [{"date": day} for day in reversed(previous)]
    return data


def _civil_meetings(before: date, rng: random.Random) -> list[dict[str, Any]]:
    meetings = []
    for _ in range(rng.randint(1, 3)):
        day = before - timedelta(days=rng.randrange(1, 90))
        meeting: dict[str, Any] = {
            "participants": rng.choice(
                [
                    "international NGOs",
                    "representatives of local NGOs",
                    "human rights defenders",
                    "lawyers and journalists",
                ]
            ),
            "places": rng.sample(PLACES, rng.randint(1, 3)),
            "date": day,
        }
        if rng.random() < 0.3:
            meeting["end_date"] = day + timedelta(days=rng.randrange(1, 4))
        meetings.append(meeting)
    return meetings


def _contacts(rng: random.Random) -> dict[str, Any]:
    people = []
    for name in rng.sample(NAMES, rng.randint(1, 3)):
        user = name.split()[-1].encode("ascii", "ignore").decode() or "press"
        people.append(
            {
                "name": name,
                "phones": [
                    f"+32 2 29{rng.randrange(10)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
                ],
                "email": f"{user}@ec.europa.eu",
            }
        )
    return {
        "people": people,
        "mailbox": "press@ec.europa.eu",
        "website": "http://www.eeas.europa.eu",
    }


def make_corpus(out: Path, count: int, seed: int = 9) -> list[Path]:
    """Write `count` releases into `out`; return their paths."""
    rng = random.Random(seed)
    examples = load_examples()
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = out / f"release-{index:04d}.yaml"
        text = yaml.dump(
            make_release(index, examples, rng),
            Dumper=_Dumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
        )
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the releases into")
    parser.add_argument("--count", type=int, default=300, help="how many (default 300)")
    parser.add_argument("--seed", type=int, default=9, help="random seed (default 9)")
    args = parser.parse_args()
    paths = make_corpus(args.out, args.count, args.seed)
    print(f"wrote {len(paths)} releases into {args.out}")


if __name__ == "__main__":
    main()
