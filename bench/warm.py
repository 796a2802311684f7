"""drafter warm, in one process: each format's render time per document, through the public API.

    python bench/warm.py EXAMPLE.yaml ... --count 20     # prints JSON: milliseconds per render

The releases are loaded once; every round renders each of them as HTML, PDF and DOCX alone
(`drafter.render`) and as all three from one HTML (`drafter.render_all`), the same steps in
the same order as `bench/floor.py --warm`. The first round only warms the caches (fonts,
stylesheet, templates) and is not timed.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import drafter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("releases", type=Path, nargs="+", help="release files (YAML)")
    parser.add_argument("--count", type=int, default=20, help="timed rounds (default 20)")
    args = parser.parse_args()
    releases = [drafter.load_release(path) for path in args.releases]
    steps: dict[str, Callable[[drafter.Release], object]] = {
        "html": lambda release: drafter.render(release, "html"),
        "pdf": lambda release: drafter.render(release, "pdf"),
        "docx": lambda release: drafter.render(release, "docx"),
        "all": drafter.render_all,
    }
    for release in releases:
        for step in steps.values():
            step(release)
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(args.count):
        for release in releases:
            for name, step in steps.items():
                start = time.perf_counter()
                step(release)
                times[name].append((time.perf_counter() - start) * 1000)
    print(json.dumps(times))


if __name__ == "__main__":
    main()
