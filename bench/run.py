"""drafter's benchmark: beside the raw stack (the floor) and pandoc, in one interleaved run.

    python bench/run.py [--rounds 7] [--warm 15] [--docs 300] [--json bench/results.json]

Measures, on the bundled examples (examples/*.yaml):

- cold CLI, one new process per run: `drafter new` for each format and for all three,
  `drafter validate`, `drafter --help`; the floor (bench/floor.py: Jinja2, WeasyPrint and
  python-docx on drafter's own HTML, print stylesheet and fonts); pandoc, when installed,
  from the same content as Markdown to HTML, DOCX and PDF (--pdf-engine=weasyprint);
- warm, in one process: each format's render time per document, drafter (bench/warm.py)
  and the floor (bench/floor.py --warm), median and 90th percentile;
- batch: `drafter build` over releases made by bench/make_corpus.py, with --jobs 1 and the
  default (one worker per CPU), in documents a second;
- the peak memory (resident set) of each: of the largest process, and for a build of the
  whole process tree.

The cold runs are interleaved: every round runs each case once, in a new shuffled order,
after one untimed run of each (so every case finds the files in the OS cache). Figures are
reported as ratios to the floor, printed as a table with the issue's targets, and written
as JSON. Set PYTHONPATH to benchmark another checkout of drafter with this environment.
"""

from __future__ import annotations

import argparse
import contextlib
import html.parser
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
HOUSE = REPO / "templates" / "eu-press"
FORMATS = ("html", "pdf", "docx")
Log = Callable[[str], None]
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass
class Run:
    """One finished process: wall time, peak memory, and how it ended."""

    seconds: float
    peak_kb: int
    status: int
    tree_peak_kb: int = 0
    stderr: str = ""
    background: float = 0.0
    """CPU cores used by other processes on the machine meanwhile (from /proc/stat)."""


@dataclass
class Case:
    """A cold command, run once per round; its argv is made for the round's example."""

    name: str
    group: str
    argv: list[str]
    runs: list[Run] = field(default_factory=list)
    cwd: Path | None = None
    """Where it runs (pandoc leaves its temporary files in the current folder)."""

    @property
    def times(self) -> list[float]:
        return [run.seconds for run in self.runs]

    def summary(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "command": " ".join(self.argv),
            "seconds": self.times,
            "median_s": median(self.times),
            "p90_s": p90(self.times),
            "peak_rss_mb": max((run.peak_kb for run in self.runs), default=0) / 1024,
            "background_cores": median([run.background for run in self.runs]),
        }


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p90(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


# --- Running a process and measuring it -------------------------------------------------


def _tree_rss_kb(root: int) -> int:
    """The resident memory of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        with contextlib.suppress(OSError, IndexError, ValueError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        todo += children.get(pid, [])
    return total // 1024


def _busy_seconds() -> float:
    """CPU time the whole machine has spent busy since boot (Linux), or 0."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _, _, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def measure(
    argv: list[str], env: dict[str, str], *, tree: bool = False, cwd: Path | None = None
) -> Run:
    """Run `argv` to its end; its wall time and peak RSS (wait4), and the tree's if asked."""
    with tempfile.TemporaryFile() as errors:
        busy = _busy_seconds()
        start = time.perf_counter()
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=env,
            cwd=cwd,
        )
        peak_tree = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.25):
                peak_tree[0] = max(peak_tree[0], _tree_rss_kb(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        if tree and Path("/proc").is_dir():
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        others = _busy_seconds() - busy - usage.ru_utime - usage.ru_stime
        process.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        if sampler.is_alive():
            sampler.join()
        errors.seek(0)
        text = errors.read().decode(errors="replace")
    kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    background = max(0.0, others / seconds) if busy else 0.0
    return Run(seconds, kb, process.returncode, max(peak_tree[0], kb), text, background)


def capture(argv: list[str], env: dict[str, str]) -> tuple[float, Any, int]:
    """Run `argv`; its wall time, its standard output as JSON, and its peak RSS in KB."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            raise SystemExit(f"failed ({process.returncode}): {' '.join(argv)}")
        out.seek(0)
        return seconds, json.loads(out.read()), usage.ru_maxrss


# --- The content: drafter's HTML for the floor, Markdown for pandoc ---------------------


class _Markdown(html.parser.HTMLParser):
    """The house HTML's blocks as Markdown: what a writer would give pandoc."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.lines: list[str] = []
        self.block: list[str] | None = None
        self.prefix = ""
        self.href: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "title":
            self.in_title = True
        elif tag in ("p", "h2", "li") and self.block is None:
            self.block, self.prefix = [], {"h2": "## ", "li": "- "}.get(tag, "")
        elif tag in ("strong", "b"):
            self._add("**")
        elif tag in ("em", "i"):
            self._add("*")
        elif tag == "a":
            self.href.append(values.get("href") or "")
            self._add("[")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in ("p", "h2", "li") and self.block is not None:
            text = " ".join("".join(self.block).split())
            if text:
                self.lines.append(self.prefix + text)
            self.block = None
        elif tag in ("strong", "b"):
            self._add("**")
        elif tag in ("em", "i"):
            self._add("*")
        elif tag == "a" and self.href:
            self._add(f"]({self.href.pop()})")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        else:
            self._add(data.replace("*", "\\*"))

    def _add(self, text: str) -> None:
        if self.block is not None:
            self.block.append(text)


def markdown(html_text: str) -> str:
    parser = _Markdown()
    parser.feed(html_text)
    title = " ".join(parser.title.split()).replace('"', '\\"')
    return f'---\ntitle: "{title}"\nlang: en\n---\n\n' + "\n\n".join(parser.lines) + "\n"


# --- The run ---------------------------------------------------------------------------


def drafter_command() -> list[str]:
    """The `drafter` console script of this environment (as a user runs it)."""
    script = Path(sys.executable).parent / "drafter"
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


def own_language(example: Path) -> list[str]:
    """`--lang` for the example's own language: one document, as the floor makes."""
    import yaml

    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    return ["--lang", str(data.get("language", "en"))]


def cold_cases(work: Path, example: Path, content: Path, markdown_file: Path) -> list[Case]:
    """Every cold command, for one example."""
    drafter = drafter_command()
    out = str(work / "out")
    floor = [sys.executable, str(BENCH / "floor.py"), str(content), "--house", str(HOUSE)]
    floor += ["--out", str(work / "floor"), *floor_extras(work)]
    # One document in three formats, as the floor makes: the example's own language only.
    new = [*drafter, "new", str(example), "--out", out, "--force", *own_language(example)]
    cases = [
        Case("drafter new --html", "cold", [*new, "--html"]),
        Case("drafter new --pdf", "cold", [*new, "--pdf"]),
        Case("drafter new --docx", "cold", [*new, "--docx"]),
        Case("drafter new (all three)", "cold", [*new, "--pdf", "--docx", "--html"]),
        Case("drafter validate", "cold", [*drafter, "validate", str(example)]),
        Case("drafter --help", "cold", [*drafter, "--help"]),
        Case("floor --html", "floor", [*floor, "--html"]),
        Case("floor --pdf", "floor", [*floor, "--pdf"]),
        Case("floor --docx", "floor", [*floor, "--docx"]),
        Case("floor (all three)", "floor", [*floor, "--pdf", "--docx", "--html"]),
    ]
    pandoc = shutil.which("pandoc")
    if pandoc:
        md, dest = str(markdown_file), work / "pandoc"
        css = ["-c", str(HOUSE / "print.css")]
        cases += [
            Case("pandoc → html", "pandoc", [pandoc, md, "-s", "-o", str(dest / "r.html")]),
            Case("pandoc → docx", "pandoc", [pandoc, md, "-o", str(dest / "r.docx")]),
            Case(
                "pandoc → pdf",
                "pandoc",
                [pandoc, md, "--pdf-engine=weasyprint", *css, "-o", str(dest / "r.pdf")],
                cwd=dest,
            ),
        ]
    return cases


def pandoc_version() -> str:
    pandoc = shutil.which("pandoc")
    if not pandoc:
        return "not installed"
    done = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.splitlines()[0] if done.stdout else "unknown"


def prepare(work: Path, env: dict[str, str]) -> tuple[list[Path], list[Path]]:
    """drafter's HTML of each example (the floor's input) and its Markdown (pandoc's)."""
    # As pip does on install: drafter's modules compiled once, not on every cold start (an
    # editable install with PYTHONDONTWRITEBYTECODE set would otherwise compile them each run).
    where = [sys.executable, "-c", "import drafter; print(drafter.__path__[0])"]
    package = subprocess.run(where, env=env, check=True, capture_output=True, text=True)
    compile_all = [sys.executable, "-m", "compileall", "-q", package.stdout.strip()]
    subprocess.run(compile_all, env=env, check=True, capture_output=True)
    content = work / "content"
    contents, markdowns = [], []
    for example in EXAMPLES:
        folder = content / example.stem
        argv = [*drafter_command(), "new", str(example), "--html", "--out", str(folder)]
        argv += own_language(example)
        subprocess.run(argv, env=env, check=True, capture_output=True)
        page = next(folder.glob("*.html"))
        md = folder / f"{example.stem}.md"
        md.write_text(markdown(page.read_text(encoding="utf-8")), encoding="utf-8")
        contents.append(page)
        markdowns.append(md)
    for name in ("out", "floor", "pandoc"):
        (work / name).mkdir()
    # The emblem picture drafter puts in the Word header, for the floor's Word file.
    draw = "import sys; from drafter import emblem; sys.stdout.buffer.write(emblem.png(240))"
    done = subprocess.run([sys.executable, "-c", draw], env=env, capture_output=True, check=False)
    if done.returncode == 0 and done.stdout:
        (work / "emblem.png").write_bytes(done.stdout)
    return contents, markdowns


def floor_extras(work: Path) -> list[str]:
    """The floor's options for drafter's emblem, when this drafter has one."""
    emblem = work / "emblem.png"
    return ["--emblem", str(emblem)] if emblem.exists() else []


def run_cold(work: Path, env: dict[str, str], rounds: int, log: Log) -> dict[str, Case]:
    contents, markdowns = prepare(work, env)
    per_example = [
        cold_cases(work, example, content, md)
        for example, content, md in zip(EXAMPLES, contents, markdowns, strict=True)
    ]
    cases = {case.name: case for case in per_example[0]}
    rng = random.Random(9)
    for round_number in range(rounds + 1):  # round 0 is a warm-up of the OS cache, untimed
        index = round_number % len(EXAMPLES)
        batch = per_example[index]
        rng.shuffle(batch)
        for case in batch:
            run = measure(case.argv, env, cwd=case.cwd)
            if run.status != 0:
                raise SystemExit(f"{case.name} failed ({run.status}):\n{run.stderr}")
            if round_number:
                cases[case.name].runs.append(run)
        log(f"cold round {round_number}/{rounds} done")
    return cases


def run_warm(work: Path, env: dict[str, str], count: int, reps: int) -> dict[str, Any]:
    """drafter and the floor warm, alternated `reps` times; the samples pooled."""
    content_dir = work / "content-all"
    content_dir.mkdir(exist_ok=True)
    for page in (work / "content").glob("*/*.html"):
        shutil.copy(page, content_dir / page.name)
    commands = {
        "drafter": [sys.executable, str(BENCH / "warm.py"), *map(str, EXAMPLES)],
        "floor": [sys.executable, str(BENCH / "floor.py"), str(content_dir), "--house"],
    }
    commands["drafter"] += ["--count", str(count)]
    commands["floor"] += [str(HOUSE), "--warm", str(count), *floor_extras(work)]
    samples: dict[str, dict[str, list[float]]] = {"drafter": {}, "floor": {}}
    peaks = {"drafter": 0, "floor": 0}
    for _ in range(reps):
        for who, argv in commands.items():
            _, times, peak = capture(argv, env)
            for step, values in times.items():
                samples[who].setdefault(step, []).extend(values)
            peaks[who] = max(peaks[who], peak)
    return {
        who: {
            step: {"median_ms": median(values), "p90_ms": p90(values), "n": len(values)}
            for step, values in steps.items()
        }
        | {"peak_rss_mb": peaks[who] / 1024}
        for who, steps in samples.items()
    }


def run_batch(work: Path, env: dict[str, str], docs: int, reps: int, log: Log) -> dict[str, Any]:
    corpus = work / "corpus"
    subprocess.run(
        [sys.executable, str(BENCH / "make_corpus.py"), str(corpus), "--count", str(docs)],
        check=True,
        capture_output=True,
    )
    settings = {"--jobs 1": ["--jobs", "1"], "default jobs": []}
    runs: dict[str, list[Run]] = {name: [] for name in settings}
    for rep in range(reps):
        for name, extra in settings.items():
            out = work / f"build-{rep}-{len(extra)}"
            argv = [*drafter_command(), "build", str(corpus), "--out", str(out), *extra]
            run = measure(argv, env, tree=True)
            if run.status != 0:
                raise SystemExit(f"drafter build {' '.join(extra)} failed:\n{run.stderr[-2000:]}")
            runs[name].append(run)
            shutil.rmtree(out)
            log(f"build {name}: {run.seconds:.1f} s")
    result: dict[str, Any] = {"documents": docs}
    for name, done in runs.items():
        best = min(done, key=lambda run: run.seconds)  # background load only ever slows a build
        result[name] = {
            "seconds": [run.seconds for run in done],
            "best_s": best.seconds,
            "docs_per_s": docs / best.seconds,
            "background_cores": [round(run.background, 2) for run in done],
            "peak_rss_mb": max(run.peak_kb for run in done) / 1024,
            "tree_peak_rss_mb": max(run.tree_peak_kb for run in done) / 1024,
        }
    result["jobs_default"] = _default_jobs()
    return result


def _default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def imports_renderers(env: dict[str, str]) -> dict[str, list[str]]:
    """Which of WeasyPrint and python-docx `--help` and `validate` import (none, we hope)."""
    found: dict[str, list[str]] = {}
    for name, args in (("--help", ["--help"]), ("validate", ["validate", str(EXAMPLES[0])])):
        argv = [sys.executable, "-X", "importtime", "-m", "drafter", *args]
        done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
        modules = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
        found[name] = sorted(m for m in ("weasyprint", "docx") if m in modules)
    return found


# --- Report ----------------------------------------------------------------------------


def build_results(
    cold: dict[str, Case], warm: dict[str, Any], batch: dict[str, Any], heavy: dict[str, Any]
) -> dict[str, Any]:
    def cold_median(name: str) -> float:
        return cold[name].summary()["median_s"] if name in cold else float("nan")

    floor_of = {
        "drafter new --html": "floor --html",
        "drafter new --pdf": "floor --pdf",
        "drafter new --docx": "floor --docx",
        "drafter new (all three)": "floor (all three)",
    }
    rows: list[dict[str, Any]] = []
    for name, case in cold.items():
        summary = case.summary()
        base = floor_of.get(name)
        if name in ("drafter validate", "drafter --help"):
            base = "floor --pdf"  # the "cold PDF render": the raw stack's
        if case.group == "pandoc":
            base = "drafter new --" + name.split()[-1]
        ratio = summary["median_s"] / cold_median(base) if base else 1.0
        rows.append({"name": name, **summary, "ratio": ratio, "ratio_to": base or name})
    w_drafter, w_floor = warm["drafter"], warm["floor"]
    warm_rows = []
    for step in ("html", "pdf", "docx", "all"):
        for who, data in (("drafter", w_drafter), ("floor", w_floor)):
            ratio = data[step]["median_ms"] / w_floor[step]["median_ms"]
            warm_rows.append({"name": f"{who} warm {step}", **data[step], "ratio": ratio})
    jobs1, jobsn = batch["--jobs 1"], batch["default jobs"]
    speedup = jobsn["docs_per_s"] / jobs1["docs_per_s"]
    pdf_cold = cold_median("floor --pdf")
    targets = [
        _target(
            "cold `drafter new --pdf --docx --html` ÷ floor",
            cold_median("drafter new (all three)") / cold_median("floor (all three)"),
            "<=",
            1.10,
        ),
        _target(
            "cold `drafter validate` ÷ cold PDF render (floor)",
            cold_median("drafter validate") / pdf_cold,
            "<=",
            0.30,
        ),
        _target(
            "cold `drafter --help` ÷ cold PDF render (floor)",
            cold_median("drafter --help") / pdf_cold,
            "<=",
            0.30,
        ),
        {
            "name": "`--help` and `validate` import WeasyPrint or python-docx",
            "value": heavy,
            "limit": "none",
            "met": not any(heavy.values()),
        },
        _target(
            "warm all three ÷ warm floor",
            w_drafter["all"]["median_ms"] / w_floor["all"]["median_ms"],
            "<=",
            1.10,
        ),
        _target(f"build {batch['jobs_default']} jobs ÷ --jobs 1 (docs/s)", speedup, ">=", 1.7),
    ]
    pandoc_all = sum(cold_median(f"pandoc → {fmt}") for fmt in FORMATS)
    return {
        "cold": rows,
        "warm": warm_rows,
        "warm_raw": warm,
        "batch": batch,
        "pandoc_per_document_s": pandoc_all if pandoc_all == pandoc_all else None,
        "pandoc_per_document_vs_drafter_warm": (
            pandoc_all / (w_drafter["all"]["median_ms"] / 1000)
            if pandoc_all == pandoc_all
            else None
        ),
        "targets": targets,
        "validate_vs_drafter_new_pdf": (
            cold_median("drafter validate") / cold_median("drafter new --pdf")
        ),
    }


def _target(name: str, value: float, op: str, limit: float) -> dict[str, Any]:
    met = value <= limit if op == "<=" else value >= limit
    return {"name": name, "value": round(value, 3), "limit": f"{op} {limit}", "met": met}


def table(results: dict[str, Any], machine: dict[str, Any]) -> str:
    lines = [
        f"drafter benchmark, {machine['date']}: {machine['cpus']} CPUs, Python "
        f"{machine['python']}, {machine['pandoc']}",
        "",
        "| cold, one process per run | median  | p90     | ratio                  | peak RSS |",
        "|---------------------------|--------:|--------:|------------------------|---------:|",
    ]
    for row in results["cold"]:
        to = "" if row["ratio_to"] == row["name"] else f" of {_short(row['ratio_to'])}"
        lines.append(
            f"| {row['name']:<25} | {row['median_s']:6.3f}s | {row['p90_s']:6.3f}s "
            f"| {row['ratio']:5.2f}x{to:<16} | {row['peak_rss_mb']:5.0f} MB |"
        )
    loads = [row["background_cores"] for row in results["cold"]]
    lines.append(
        f"\nOther processes on the machine used {median(loads):.2f} CPU cores (median) meanwhile."
    )
    lines += [
        "",
        "| warm, in one process, per document | median   | p90      | ÷ floor |",
        "|------------------------------------|---------:|---------:|--------:|",
    ]
    for row in results["warm"]:
        lines.append(
            f"| {row['name']:<34} | {row['median_ms']:6.1f}ms | {row['p90_ms']:6.1f}ms "
            f"| {row['ratio']:6.2f}x |"
        )
    peaks = [
        f"{who} {results['warm_raw'][who]['peak_rss_mb']:.0f} MB" for who in ("drafter", "floor")
    ]
    lines.append(f"\nPeak RSS warm: {', '.join(peaks)}.")
    batch = results["batch"]
    lines += [
        "",
        f"| drafter build, {batch['documents']} releases | best wall | docs/s | peak RSS: "
        "largest / all processes |",
        "|-----------------------------|----------:|-------:|-----------------------------------|",
    ]
    for name in ("--jobs 1", "default jobs"):
        row = batch[name]
        label = name if name == "--jobs 1" else f"--jobs {batch['jobs_default']} (default)"
        lines.append(
            f"| {label:<27} | {row['best_s']:8.1f}s | {row['docs_per_s']:6.1f} "
            f"| {row['peak_rss_mb']:5.0f} MB / {row['tree_peak_rss_mb']:5.0f} MB{'':<16} |"
        )
    loads = [*batch["--jobs 1"]["background_cores"], *batch["default jobs"]["background_cores"]]
    lines.append(
        f"\nOther processes used {', '.join(map(str, loads))} CPU cores during the builds."
    )
    if results["pandoc_per_document_s"] is not None:
        lines.append(
            f"\npandoc, cold, HTML + DOCX + PDF: {results['pandoc_per_document_s']:.2f} s a "
            f"document = {results['pandoc_per_document_vs_drafter_warm']:.0f}x drafter warm."
        )
    else:
        lines.append("\npandoc: not installed (apt-get install pandoc), not measured")
    lines += [
        "",
        "| target                                                   | value  | limit  |        |",
    ]
    lines.append(
        "|----------------------------------------------------------|--------|--------|--------|"
    )
    for target in results["targets"]:
        value = target["value"]
        shown = f"{value:.3f}" if isinstance(value, float) else _imports(value)
        mark = "met" if target["met"] else "MISSED"
        lines.append(f"| {target['name']:<56} | {shown:<6} | {target['limit']:<6} | {mark:<6} |")
    lines.append(
        "\nNot a target: cold `drafter validate` ÷ drafter's own cold `new --pdf` "
        f"(faster than the floor's): {results['validate_vs_drafter_new_pdf']:.3f}."
    )
    return "\n".join(lines)


def _short(name: str) -> str:
    return {
        "floor --html": "floor",
        "floor --docx": "floor",
        "floor (all three)": "floor",
        "drafter new --pdf": "new --pdf",
        "drafter new --html": "new --html",
        "drafter new --docx": "new --docx",
    }.get(name, name)


def _imports(found: dict[str, list[str]]) -> str:
    return "none" if not any(found.values()) else "; ".join(f"{k}: {v}" for k, v in found.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="cold runs of each case (7)")
    parser.add_argument("--warm", type=int, default=15, help="warm rounds per process (15)")
    parser.add_argument("--warm-reps", type=int, default=2, help="warm processes each (2)")
    parser.add_argument("--docs", type=int, default=300, help="releases in the batch (300)")
    parser.add_argument("--batch-reps", type=int, default=2, help="builds of each kind (2)")
    parser.add_argument("--json", type=Path, default=BENCH / "results.json", help="JSON out")
    parser.add_argument("--quick", action="store_true", help="a fast smoke run (not figures)")
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.warm, args.warm_reps, args.docs, args.batch_reps = 1, 2, 1, 12, 1
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("NO_COLOR", "1")

    def log(message: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    machine = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "cpus": _default_jobs(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "pandoc": pandoc_version(),
        "command": "python bench/run.py " + " ".join(sys.argv[1:]),
    }
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as folder:
        work = Path(folder)
        log(f"cold: {args.rounds} rounds; pandoc: {machine['pandoc']}")
        cold = run_cold(work, env, args.rounds, log)
        log("warm")
        warm = run_warm(work, env, args.warm, args.warm_reps)
        log(f"batch: {args.docs} releases")
        batch = run_batch(work, env, args.docs, args.batch_reps, log)
        heavy = imports_renderers(env)
    results = build_results(cold, warm, batch, heavy)
    results["machine"] = machine
    results["self_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(table(results, machine))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    log(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
