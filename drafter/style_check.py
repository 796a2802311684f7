"""The house-style check: rules from the EU Interinstitutional Style Guide and the house's own.

The rules are in `drafter.style_facts` and `drafter.style_words`, their registry in
`drafter.style_base`. Each rule yields findings, each naming the field (and its YAML line
where known) with a suggestion. A final release must have no error-level finding. Rules
are turned off for one file (`checks: {disable: [rule-id]}`) or for a project
(`[check] disable = [...]` in its drafter.toml).

`check_release` serves any caller (the command line, a web form); `check_file` reads a
release file with its project settings.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from pathlib import Path

from drafter import style_facts, style_words
from drafter.errors import InputError, Problem
from drafter.schema import Release
from drafter.source import Source, dotted
from drafter.style_base import CONTACT_VALIDITY, RULES, Finding, Hit, Rule, Text, free_text
from drafter.style_base import rule_ids as _rule_ids

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "check_file",
    "check_release",
    "disabled_rules",
    "require_publishable",
    "summary",
]

logger = logging.getLogger(__name__)
_RULE_MODULES = (style_facts, style_words)
"""Imported for their rules (they register themselves in RULES, in this order)."""


# --- running the rules ---------------------------------------------------------------------
def check_release(
    release: Release,
    source: Source | None = None,
    disable: Iterable[str] = (),
    html: str | None = None,
) -> list[Finding]:
    """The house-style findings of a release, errors first, each in the order of the file.

    `source` (the parsed YAML) gives lines and the raw text the schema tidies (doubled
    spaces); `disable` names rules not to run, beside those of the release's `checks`;
    `html` is the release as rendered (by default, by the packaged house).
    """
    off = set(disable) | set(release.checks.disable if release.checks else ())
    text = Text(release, source, free_text(release), html)
    findings = _unknown_rules(release, source)
    for rule in RULES.values():
        if rule.id in off or (rule.english_only and release.language != "en"):
            continue
        findings += [_finding(rule, hit, source) for hit in rule.check(text)]
    return sorted(findings, key=lambda f: (f.level != "error", f.line or 0, f.rule))


def _finding(rule: Rule, hit: Hit, source: Source | None) -> Finding:
    loc, message, suggestion = hit
    position = source.position(loc) if source else None
    return Finding(
        rule.id, rule.level, message, dotted(loc), position[0] if position else None, suggestion
    )


def _unknown_rules(release: Release, source: Source | None) -> list[Finding]:
    """A finding for each rule the file turns off that does not exist."""
    found = []
    names = release.checks.disable if release.checks else []
    for index, name in enumerate(names):
        if name in _rule_ids():
            continue
        close = difflib.get_close_matches(name, _rule_ids(), n=1)
        hint = f"did you mean {close[0]}?" if close else f"the rules: {', '.join(_rule_ids())}"
        loc = ("checks", "disable", index)
        position = source.position(loc) if source else None
        found.append(
            Finding(
                "checks", "error", f"there is no rule {name!r}", dotted(loc),
                position[0] if position else None, hint,
            )
        )  # fmt: skip
    return found


def disabled_rules(path: Path | None, *, final: bool = False) -> list[str]:
    """The rules the project of the file at `path` turns off (none without a drafter.toml).

    For a `final` release, a warning names the settings file that turns them off.
    """
    from drafter.project import find_project

    project = find_project(path) if path is not None else None
    if project is None:
        return []
    names = project.disabled_checks()
    unknown = [name for name in names if name not in _rule_ids()]
    if unknown:
        message = (
            f"names rules that do not exist: {', '.join(unknown)}; "
            f"the rules: {', '.join(_rule_ids())}"
        )
        raise InputError([Problem(message, "check.disable")], str(project.path))
    if names and final:  # never silent: the project's settings let a final release through
        logger.warning(
            "%s is final; the settings of %s turn off the checks %s",
            path,
            project.path,
            ", ".join(names),
        )
    return names


def check_file(path: Path) -> tuple[Release, list[Finding]]:
    """The release in the file at `path` and its findings, with the project's settings."""
    from drafter.loading import load_source

    source, release, warnings = load_source(path)
    disabled = disabled_rules(path)
    off = set(disabled) | set(release.checks.disable if release.checks else ())
    findings = [
        Finding(CONTACT_VALIDITY, "warning", w.message, w.field, w.line, "update the entry")
        for w in warnings
        if CONTACT_VALIDITY not in off
    ]
    return release, findings + check_release(release, source, disabled)


def require_publishable(
    release: Release, path: Path | None = None, html: str | None = None
) -> None:
    """Refuse a final release with error-level findings, listing them (InputError).

    Warnings do not stop it; they are logged.

    `path` is the release's file (for lines and the project's settings), `html` the release
    as rendered.
    """
    if release.status != "final":
        return
    source = None
    if path is not None:
        from drafter.loading import read_source

        source = read_source(path)  # for the lines; the release is already resolved
    findings = check_release(release, source, disabled_rules(path, final=True), html)
    errors = [finding for finding in findings if finding.level == "error"]
    for finding in findings if not errors else []:
        logger.warning("%s: %s", path or "the release", finding)
    if errors:
        problems = [
            Problem(f"[{f.rule}] {f.message}; {f.suggestion} (house style)", f.field, f.line)
            for f in errors
        ]
        position = source.position(("status",)) if source else None
        message = "is final, so the release must pass `drafter check`; or set it to draft"
        problems.append(Problem(message, "status", position[0] if position else None))
        raise InputError(problems, str(path or ""))


def summary(findings: list[Finding]) -> str:
    """`2 errors, 1 warning`, or `no findings`."""
    if not findings:
        return "no findings: the release follows the house style"
    errors = sum(finding.level == "error" for finding in findings)
    warnings = len(findings) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
