"""The press team's shared contacts: kept once in a contacts file, named by key in releases.

A contacts file is YAML, each key a person::

    mann:
      name: Michael Mann
      role: Spokesperson of the High Representative
      phones: ["+32 498 999 780", "+32 2 299 97 80"]
      email: Michael.Mann@eeas.europa.eu
      valid_from: 2010-01-01        # optional: the first and last day the entry holds
      valid_until: 2014-10-31

A release names people by key among its own entries: `contacts: {people: [mann, {name: ...}]}`.
The file is the release's `contacts_file:` (relative to the release file), or else the
`[contacts] file` of its project's drafter.toml (relative to that); either must lie inside
the release's folder or its project's folder, never elsewhere. An unknown key is an error;
a person whose entry does not hold on the release's date is a warning.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Self

from pydantic import Field, ValidationError, model_validator

from drafter.errors import InputError, Problem
from drafter.fields import Email, Line, Phone
from drafter.source import Source, dotted, not_a_file
from drafter.values import Day, _Model

__all__ = ["ContactsBook", "SharedContact", "contact_keys", "read_book", "resolve_contacts"]


class SharedContact(_Model):
    """A person of the contacts file."""

    name: Line = Field(description="Full name.")
    role: Line | None = Field(None, description="What the person does (not printed).")
    phones: list[Phone] = Field(default_factory=list, max_length=5)
    email: Email | None = None
    title: Line | None = Field(None, description='Printed after the name: "Spokesperson".')
    unit: Line | None = Field(None, description='Printed after the title: "Press Office".')
    valid_from: Day | None = Field(None, description="The first day the entry holds.")
    valid_until: Day | None = Field(None, description="The last day the entry holds.")

    @model_validator(mode="after")
    def _window(self) -> Self:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError(f"valid_until ({self.valid_until}) is before valid_from")
        return self

    def entry(self) -> dict[str, Any]:
        """The person as a release's contact entry."""
        found: dict[str, Any] = {"name": self.name, "phones": list(self.phones)}
        found |= {key: getattr(self, key) for key in ("title", "unit") if getattr(self, key)}
        if self.email:
            found["email"] = self.email
        return found

    def not_valid_on(self, day: date) -> str | None:
        """Why the entry does not hold on `day`, or None when it does."""
        if self.valid_from and day < self.valid_from:
            return f"is valid only from {self.valid_from}"
        if self.valid_until and day > self.valid_until:
            return f"was valid only until {self.valid_until}"
        return None


@dataclass(frozen=True)
class ContactsBook:
    """The people of a contacts file, by key."""

    path: Path
    people: dict[str, SharedContact]


def read_book(path: Path) -> ContactsBook:
    """The contacts file at `path`, every problem named with its key, field and line."""
    from drafter.loading import _problem as problem_of
    from drafter.loading import read_source

    source = read_source(path)
    if not isinstance(source.data, dict):
        message = "a contacts file is a mapping of keys to people (name, phones, email)"
        raise InputError([Problem(message, line=1)], str(path))
    people: dict[str, SharedContact] = {}
    problems: list[Problem] = []
    for key, value in source.data.items():
        try:
            people[key] = SharedContact.model_validate(value)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                error["loc"] = (key, *error["loc"])
                problem = problem_of(error, source)
                if error["type"] == "extra_forbidden":  # the release's keys are no help here
                    problem = replace(problem, message=_not_a_person_key(error["loc"][-1]))
                problems.append(problem)
    if problems:
        problems.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0))
        raise InputError(problems, str(path))
    return ContactsBook(path, people)


def _not_a_person_key(key: object) -> str:
    known = list(SharedContact.model_fields)
    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    hint = f"did you mean `{close[0]}`?" if close else f"a person has: {', '.join(known)}"
    return f"`{key}` is not a known field; {hint}"


def resolve_contacts(source: Source, path: Path | None) -> list[Problem]:
    """Put the shared entries in place of the keys in `contacts.people`; return warnings.

    Raises InputError for a key the contacts file lacks, or when there is no contacts file.
    """
    keys = contact_keys(source.data)
    if not keys:
        return []
    people: list[Any] = source.data["contacts"]["people"]  # where the keys are
    book = read_book(_book_path(source, path, keys[0][0]))
    day = _release_day(source.data)
    problems, warnings = [], []
    for index, key in keys:
        loc = ("contacts", "people", index)
        line, column = source.position(loc) or (None, None)
        person = book.people.get(key)
        if person is None:
            problems.append(Problem(_unknown(key, book), dotted(loc), line, column))
            continue
        people[index] = person.entry()
        why = person.not_valid_on(day) if day else None
        if why:
            message = (
                f"{person.name} (`{key}` in {book.path.name}) {why}, but the release is dated "
                f"{day}: check the contact or the contacts file"
            )
            warnings.append(Problem(message, dotted(loc), line, column))
    if problems:
        raise InputError(problems, source.name)
    return warnings


def contact_keys(data: object) -> list[tuple[int, str]]:
    """The shared contacts' keys a release's `contacts.people` names, with their indexes."""
    contacts = data.get("contacts") if isinstance(data, dict) else None
    people = contacts.get("people") if isinstance(contacts, dict) else None
    listed = people if isinstance(people, list) else []
    return [(index, item) for index, item in enumerate(listed) if isinstance(item, str)]


def _unknown(key: str, book: ContactsBook) -> str:
    close = difflib.get_close_matches(key, list(book.people), n=1, cutoff=0.6)
    hint = f"did you mean `{close[0]}`?" if close else f"its keys: {', '.join(book.people)}"
    return f"`{key}` is not a key of the contacts file {book.path.name}; {hint}"


def _release_day(data: object) -> date | None:
    text = data.get("date") if isinstance(data, dict) else None
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None  # the schema reports it


def _book_path(source: Source, path: Path | None, first: int) -> Path:
    """The contacts file of a release file: its `contacts_file:`, or its project's."""
    from drafter.project import find_project, inside, name_problem, outside_message

    loc = ("contacts", "people", first)
    line, column = source.position(loc) or (None, None)
    if path is None:
        message = (
            "names a person of a shared contacts file by key, which only a release file can "
            "do (its folder says where the contacts file is); write the person out instead"
        )
        raise InputError([Problem(message, dotted(loc), line, column)], source.name)
    project = find_project(path)
    root = project.root if project else path.resolve().parent
    named = source.data.get("contacts_file") if isinstance(source.data, dict) else None
    if isinstance(named, str) and named.strip():
        line = (source.position(("contacts_file",)) or (None, None))[0]
        wrong = name_problem(named)
        found = None if wrong else inside(root, path.parent, named)
        if found is None:
            problem = Problem(wrong or outside_message(named, root), "contacts_file", line)
            raise InputError([problem], source.name)
        return _existing(found, source, "contacts_file")
    shared = project.contacts_file() if project else None
    if shared is None:
        message = (
            "names a person by key, but no contacts file is given: add `contacts_file: "
            "contacts.yaml` to the release, or `[contacts] file = ...` to drafter.toml"
        )
        raise InputError([Problem(message, dotted(loc), line, column)], source.name)
    return _existing(shared, source, "drafter.toml [contacts] file")


def _existing(path: Path, source: Source, where: str) -> Path:
    if not path.is_file():
        line = (source.position(("contacts_file",)) or (None, None))[0]
        message = not_a_file(path) or f"there is no contacts file {path}; check the name and folder"
        raise InputError([Problem(message, where, line)], source.name)
    return path
