"""The house's layout options: the `[layout]` table of its house.toml.

    [layout]
    press_release_label = true        # a "Press release" line under the date line
    contacts_label = "press-contacts"  # the contact block's label: further-details
                                       # ("FOR FURTHER DETAILS:", the default), contacts
                                       # ("Contacts:") or press-contacts ("Press contacts:")

Each label is a message of the house's catalogues, so it is printed in the release's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from drafter.errors import TemplateError

__all__ = ["CONTACTS_LABELS", "HouseLayout", "house_layout"]

CONTACTS_LABELS = ("further-details", "contacts", "press-contacts")
"""The contact block's labels a house may choose."""


@dataclass(frozen=True)
class HouseLayout:
    """What the house's templates print beyond the release's facts."""

    press_release_label: bool = False
    contacts_label: str = CONTACTS_LABELS[0]


def house_layout(config: Mapping[str, Any]) -> HouseLayout:
    """The layout options of a house's configuration; TemplateError naming a wrong one."""
    name = config.get("name", "the house")
    table = config.get("layout", {})
    if not isinstance(table, Mapping):
        raise TemplateError(f"house.toml of {name}: [layout] must be a table of options")
    unknown = sorted(set(table) - {"press_release_label", "contacts_label"})
    if unknown:
        raise TemplateError(
            f"house.toml of {name}: layout.{unknown[0]} is not an option; the options: "
            "press_release_label, contacts_label"
        )
    label = table.get("press_release_label", False)
    if not isinstance(label, bool):
        raise TemplateError(f"house.toml of {name}: layout.press_release_label is true or false")
    contacts = table.get("contacts_label", CONTACTS_LABELS[0])
    if contacts not in CONTACTS_LABELS:
        raise TemplateError(
            f"house.toml of {name}: layout.contacts_label is {contacts!r}; write one of "
            f"{', '.join(CONTACTS_LABELS)}"
        )
    return HouseLayout(label, contacts)
