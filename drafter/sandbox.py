"""Jinja's sandbox, bounded: a house's templates cannot make an HTML document of gigabytes.

Jinja's sandbox keeps templates from files and from Python's insides, and `range` to
100,000 items, but `"x" * 10**9`, `"x"|center(10**9)` or `"x".ljust(10**9)` still ask for
gigabytes at once. Here no sequence may be repeated, nor any call or filter be given a
number, past the size of the largest document (`MAX_HTML`), `**` takes small exponents
only, and the rendered document itself stops at `MAX_HTML` characters.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter.errors import LimitError

__all__ = ["MAX_HTML", "BoundedSandbox", "bounded_join"]

MAX_HTML = 4 * 1024 * 1024
"""The most characters a release's HTML may have (the reference release has about 12,000)."""
_MAX_EXPONENT = 64


def _check_numbers(values: Iterable[object]) -> None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_HTML:
            raise SecurityError(f"a template may not use a number as large as {value}")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with no call, filter or operator that makes a huge value."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:  # noqa: ANN401
        """`*` of a sequence within MAX_HTML items; `**` with a small exponent."""
        if operator_ == "**" and isinstance(right, int) and abs(right) > _MAX_EXPONENT:
            raise SecurityError(f"a template may not raise to the power {right}")
        if operator_ == "*":
            for times, other in ((right, left), (left, right)):
                sized = isinstance(times, int) and hasattr(other, "__len__")
                if sized and len(other) * times > MAX_HTML:
                    raise SecurityError("a template may not repeat a value that many times")
        return super().call_binop(context, operator_, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        """Any call, unless given a number larger than MAX_HTML."""
        _check_numbers((*args, *kwargs.values()))
        return super().call(__context, __obj, *args, **kwargs)

    def bound_filters(self) -> None:
        """Every filter refuses numbers larger than MAX_HTML (`center(10**9)`)."""
        for name, function in list(self.filters.items()):
            self.filters[name] = _bounded(function)


def _bounded(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps Jinja's pass_context marks
    def bounded(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        _check_numbers((*args, *kwargs.values()))
        return function(*args, **kwargs)

    return bounded


def bounded_join(chunks: Iterable[str], what: str) -> str:
    """The rendered chunks as one text; a LimitError once they pass MAX_HTML characters."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_HTML:
            raise LimitError(
                f"{what} makes a document of more than {MAX_HTML:,} characters; "
                "is a loop in the house's templates running away?"
            )
        parts.append(chunk)
    return "".join(parts)
