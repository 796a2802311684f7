"""What language versions cost, in one process: validation, and rendering each language.

    python bench/languages.py [EXAMPLE.yaml] --count 20    # prints JSON: milliseconds

Times, as medians over `--count` rounds after one untimed round (caches warm): loading the
file with its translations and the same file without them; `language_version` of each
translation; HTML and all three formats of each language version, and of the file's own
language with no translations at all (what a one-language release costs).
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import drafter

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eu-russia-2012-07-24.yaml"


def _median_ms(step: Callable[[], object], count: int) -> float:
    step()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path, nargs="?", default=EXAMPLE)
    parser.add_argument("--count", type=int, default=20, help="timed rounds (default 20)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # untranslated text would be warned of every round
    text = args.release.read_text(encoding="utf-8")
    release = drafter.load_release(args.release)
    alone = release.model_copy(update={"translations": {}})
    own = text.split("\ntranslations:")[0]
    results: dict[str, float] = {
        "load with translations": _median_ms(lambda: drafter.load_release(text), args.count),
        "load without": _median_ms(lambda: drafter.load_release(own), args.count),
        "html, no translations": _median_ms(lambda: drafter.render(alone, "html"), args.count),
        "all, no translations": _median_ms(lambda: drafter.render_all(alone), args.count),
    }
    for code in release.languages:
        results |= _one_language(release, code, args.count)
    print(json.dumps(results, indent=2))


def _one_language(release: drafter.Release, code: str, count: int) -> dict[str, float]:
    return {
        f"language_version {code}": _median_ms(
            lambda: drafter.language_version(release, code), count
        ),
        f"html {code}": _median_ms(lambda: drafter.render(release, "html", language=code), count),
        f"all {code}": _median_ms(lambda: drafter.render_all(release, language=code), count),
    }


if __name__ == "__main__":
    main()
