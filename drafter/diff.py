"""What changed between two drafts or rounds: the facts, and the words of the text.

The facts are compared field by field (round 15 -> 16, dates, contacts added or removed,
previous rounds added); the words are those of the two rendered releases, compared with
difflib. Shown in the terminal, or as an HTML page with <ins> and <del> marks.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from drafter.schema import Release

__all__ = ["Piece", "ReleaseDiff", "diff_releases", "fact_changes", "html_page", "word_pieces"]

_PARAGRAPH = "\n"  # the token that separates paragraphs in the word comparison
_NONE = "(none)"


@dataclass(frozen=True)
class Piece:
    """A run of words the two texts share ("equal"), or that one of them alone has."""

    kind: str  # "equal", "delete" or "insert"
    text: str


@dataclass(frozen=True)
class ReleaseDiff:
    """The changes between two releases."""

    facts: list[str]
    pieces: list[Piece]

    @property
    def changed(self) -> bool:
        """Whether the two releases differ at all: in a fact, or in the words of the text."""
        return bool(self.facts) or self.text_changed

    @property
    def text_changed(self) -> bool:
        """Whether the words of the text differ."""
        return any(piece.kind != "equal" for piece in self.pieces)

    def terminal(self) -> str:
        """The changes as terminal text: facts, then the changed paragraphs in wdiff style."""
        lines = ["Facts:"] + [f"  {fact}" for fact in self.facts or ["no change"]]
        lines.append("Text:")
        changed = [p for p in _paragraphs(self.pieces) if any(x.kind != "equal" for x in p)]
        for paragraph in changed:
            lines.append("  " + "".join(_marked(piece) for piece in paragraph).strip())
        if not changed:
            lines.append("  no change")
        return "\n".join(lines) + "\n"


def diff_releases(old: Release, new: Release) -> ReleaseDiff:
    """The changes from `old` to `new`, as facts and as the words of the rendered text."""
    from drafter.templating import load_house, render_html
    from drafter.writers.text import paragraphs

    house = load_house()
    before = paragraphs(render_html(old, house))
    after = paragraphs(render_html(new, house))
    return ReleaseDiff(fact_changes(old, new), word_pieces(before, after))


# --- facts ---------------------------------------------------------------------------------
def fact_changes(old: Release, new: Release) -> list[str]:
    """The facts that differ, one line each: `meeting.round: 15 -> 16`."""
    before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
    found: list[str] = []
    for key in before:
        if key == "body":
            continue  # its words are compared as text
        if key == "previous_rounds":
            found += _by_key("previous_rounds", before[key], after[key], "date")
        elif key == "contacts":
            found += _contacts(before[key], after[key])
        elif key == "civil_society":
            found += _civil_society(before[key], after[key])
        else:
            found += _changes(key, before[key], after[key])
    return found


def _changes(path: str, old: Any, new: Any) -> Iterator[str]:  # noqa: ANN401 - JSON data
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            yield from _changes(f"{path}.{key}", old[key], new.get(key))
        return
    yield f"{path}: {_shown(old)} -> {_shown(new)}"


def _shown(value: object) -> str:
    if value is None or value == [] or value == {}:
        return _NONE
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items() if v) + "}"
    return str(value)


def _contacts(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[str]:
    old, new = old or {}, new or {}
    found = _by_key("contacts.people", old.get("people", []), new.get("people", []), "name")
    for key in ("mailbox", "website"):
        found += _changes(f"contacts.{key}", old.get(key), new.get(key))
    return found


def _civil_society(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[str]:
    old, new = old or {}, new or {}
    path = "civil_society.meetings"
    found = _by_key(path, old.get("meetings", []), new.get("meetings", []), "date")
    return found + list(
        _changes("civil_society.sentence", old.get("sentence"), new.get("sentence"))
    )


def _by_key(path: str, old: list[dict[str, Any]], new: list[dict[str, Any]], key: str) -> list[str]:
    """Entries of a list, matched by `key`: added, removed, or changed field by field."""
    before = {str(item[key]): item for item in old}
    after = {str(item[key]): item for item in new}
    found = [f"{path}: added {name}" for name in after if name not in before]
    found += [f"{path}: removed {name}" for name in before if name not in after]
    for name in before.keys() & after.keys():
        found += _changes(f"{path}[{name}]", before[name], after[name])
    return sorted(found, key=lambda line: (not line.startswith(f"{path}: added"), line))


# --- words ---------------------------------------------------------------------------------
def word_pieces(before: list[str], after: list[str]) -> list[Piece]:
    """The word diff of two texts given as paragraphs; paragraphs end in a newline piece."""
    old, new = _tokens(before), _tokens(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces += _pieces("equal", old[i1:i2])
            continue
        pieces += _pieces("delete", old[i1:i2])
        pieces += _pieces("insert", new[j1:j2])
    return pieces


def _tokens(paragraphs: list[str]) -> list[str]:
    tokens: list[str] = []
    for paragraph in paragraphs:
        tokens += paragraph.split()
        tokens.append(_PARAGRAPH)
    return tokens


def _pieces(kind: str, tokens: list[str]) -> list[Piece]:
    """Tokens as pieces of text, split at paragraph ends so that paragraphs can be shown."""
    pieces: list[Piece] = []
    words: list[str] = []
    for token in tokens:
        if token == _PARAGRAPH:
            if words:
                pieces.append(Piece(kind, " ".join(words) + " "))
                words = []
            pieces.append(Piece(kind, _PARAGRAPH))
        else:
            words.append(token)
    if words:
        pieces.append(Piece(kind, " ".join(words) + " "))
    return pieces


def _paragraphs(pieces: list[Piece]) -> list[list[Piece]]:
    """The pieces grouped into paragraphs (a deleted or inserted paragraph end ends one too)."""
    groups: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.text == _PARAGRAPH:
            whole = all(other.kind == piece.kind for other in groups[-1])
            if piece.kind != "equal" and not whole:  # a paragraph split or joined
                groups[-1].append(Piece(piece.kind, "\u00b6 "))
            groups.append([])
        else:
            groups[-1].append(piece)
    return [group for group in groups if group]


def _marked(piece: Piece) -> str:
    if piece.kind == "delete":
        return f"[-{piece.text.strip()}-] "
    if piece.kind == "insert":
        return f"{{+{piece.text.strip()}+}} "
    return piece.text


def html_page(diff: ReleaseDiff, old_name: str, new_name: str) -> str:
    """The changes as a standalone HTML page: the facts listed, the text with <ins>/<del>."""
    title = f"Changes from {old_name} to {new_name}"
    facts = "".join(f"<li>{html.escape(fact)}</li>\n" for fact in diff.facts) or "<li>none</li>\n"
    body = ""
    for paragraph in _paragraphs(diff.pieces):
        body += "<p>" + "".join(_tagged(piece) for piece in paragraph).strip() + "</p>\n"
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<main>\n<h1>{html.escape(title)}</h1>\n<h2>Facts</h2>\n<ul>\n{facts}</ul>\n"
        f"<h2>Text</h2>\n{body}</main>\n</body>\n</html>\n"
    )


_STYLE = (
    "body{font-family:sans-serif;max-width:42rem;margin:2rem auto;line-height:1.4}"
    "ins{background:#d4f7d4;color:#000}del{background:#fbd3d3;color:#000}"
)


def _tagged(piece: Piece) -> str:
    text = html.escape(piece.text.strip())
    if piece.kind == "delete":
        return f"<del>{text}</del> "
    if piece.kind == "insert":
        return f"<ins>{text}</ins> "
    return html.escape(piece.text)
