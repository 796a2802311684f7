"""The errors drafter raises, each carrying the exit status the CLI reports for it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "EXIT_INTERNAL",
    "DrafterError",
    "InputError",
    "LimitError",
    "OutputError",
    "Problem",
    "TemplateError",
    "UsageError",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what is wrong."""

    message: str
    field: str = ""
    line: int | None = None
    column: int | None = None

    def where(self) -> str:
        """The field and position, as `field (line L, column C)`."""
        pos = ""
        if self.line is not None:
            pos = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        if self.field and pos:
            return f"{self.field} ({pos})"
        return self.field or pos

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message

    def located(self, file: str) -> str:
        """The problem as compilers and linters print one: `file:line:col: field: message`.

        Editors and CI problem matchers read this form; without a line it is `file: ...`.
        """
        place = file
        if self.line is not None:
            place += f":{self.line}" + (f":{self.column}" if self.column else "")
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{place}: {what}"

    def as_dict(self, file: str = "") -> dict[str, object]:
        """The problem as JSON-ready data (with its file, when given)."""
        found: dict[str, object] = {"file": file} if file else {}
        found.update(field=self.field, line=self.line, column=self.column, message=self.message)
        return found


EXIT_INTERNAL = 70
"""The exit status of an error drafter did not mean to raise (a bug)."""


class DrafterError(Exception):
    """Base of every error drafter raises on purpose."""

    exit_code = EXIT_INTERNAL


class InputError(DrafterError):
    """The release given is invalid; lists every problem found at once."""

    exit_code = 1

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(self._describe())

    def _describe(self) -> str:
        """A summary line, then one problem a line: `file:line:col: field: message` for a file."""
        head = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{head}{count} {noun} found; nothing was written."]
        if self.source:
            lines += [problem.located(self.source) for problem in self.problems]
        else:
            lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


class TemplateError(DrafterError):
    """A template set is missing, broken or uses something it may not."""

    exit_code = 1


class UsageError(DrafterError):
    """The command or call was used the wrong way."""

    exit_code = 2


class OutputError(DrafterError):
    """An output could not be written, or would overwrite a file unasked."""

    exit_code = 3


class LimitError(DrafterError):
    """The input is over one of drafter's size or time limits."""

    exit_code = 4
