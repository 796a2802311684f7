"""What the steps from draft to publication cost, warm, in one process (issue 8).

    python bench/publish.py [--rounds N]

Prints the median and 90th percentile of: the house-style check of the reference release,
rendering its HTML as a draft (no check) and as a final (checked first), and the plain
text, e-mail (which renders the PDF), diff and feed of the examples.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import drafter
from drafter.diff import diff_releases
from drafter.feed import atom_feed
from drafter.loading import read_source, validate_release
from drafter.style_check import check_release

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REFERENCE = EXAMPLES / "eu-russia-2012-07-24.yaml"


def _measure(name: str, action: Callable[[], object], rounds: int) -> None:
    action()  # one untimed round: imports and caches
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    times.sort()
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print(f"{name:<40} {statistics.median(times) * 1000:9.1f} ms {p90 * 1000:9.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    source = read_source(REFERENCE)
    final = validate_release(source)
    draft = final.model_copy(update={"status": "draft"})
    later = drafter.load_release(EXAMPLES / "eu-russia-2012-12-06.yaml")
    print(f"{'warm, per call':<40} {'median':>12} {'p90':>12}")
    _measure("check_release (reference)", lambda: check_release(final, source), rounds)
    _measure("render html, draft (no check)", lambda: drafter.render(draft, "html"), rounds)
    _measure("render html, final (checked)", lambda: drafter.render(final, "html"), rounds)
    _measure("render txt", lambda: drafter.render(final, "txt"), rounds)
    _measure("render pdf", lambda: drafter.render(final, "pdf"), rounds)
    _measure("render eml (text, html, pdf)", lambda: drafter.render(final, "eml"), rounds)
    _measure("diff_releases (round 15 -> 16)", lambda: diff_releases(final, later), rounds)
    with tempfile.TemporaryDirectory() as folder:
        for path in EXAMPLES.glob("*.yaml"):
            (Path(folder) / path.name).write_text(path.read_text() + "status: final\n")
        (Path(folder) / REFERENCE.name).write_text(REFERENCE.read_text())
        _measure("atom_feed (4 releases)", lambda: atom_feed(folder), rounds)


if __name__ == "__main__":
    main()
