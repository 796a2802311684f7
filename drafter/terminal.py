r"""Text for the officer's terminal: control characters shown, never sent.

A hostile file's text can reach a message (an unknown key, a value that is not a date);
printed as it is, an escape sequence in it could clear the screen, retitle the window or
hide what follows. `shown` writes such characters as `\x1b`, `\u202e`.
"""

from __future__ import annotations

import logging
import re

__all__ = ["SafeFormatter", "shown"]

# C0 and C1 controls but line feed and tab, DEL, and the bidi embeddings and isolates
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    r"""`text` with each control character written as an escape (`\x1b`)."""
    return _CONTROLS.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class SafeFormatter(logging.Formatter):
    """A log formatter whose lines hold no control characters (see `shown`)."""

    def format(self, record: logging.LogRecord) -> str:
        """The formatted record, its control characters shown."""
        return shown(super().format(record))
