# ruff: noqa: RUF001, RUF002 - Bulgarian words are written in Cyrillic
"""Template filters for the opening sentence's frames (templates/eu-press/wording.j2).

- `holds_compound`: whether the meeting's name already holds the parties' compound
  ("EU-China Human Rights Dialogue"), so that a frame does not add it a second time;
- `subject_forms`: the meeting's name as the subject of a sentence, where the language's
  subject differs from its object (German `der Menschenrechtsdialog`, not `den`);
- `plural_talks`: whether the talks are a plural ("consultations were held");
- `continued`: the opening sentence continued by the officer's clause;
- `tidy`: a filled frame with the space of a part left empty taken out ("took place .").
"""

from __future__ import annotations

import re

from markupsafe import Markup

from drafter.grammar import is_plural, meeting_forms
from drafter.inflection import polish_talks

__all__ = ["FILTERS", "continued", "holds_compound", "plural_talks", "subject_forms", "tidy"]

_DASHES = "-\u2010\u2011\u2013"


def holds_compound(name: str, first: str, second: str) -> bool:
    """Whether `name` already names the two parties as a compound, in either order."""
    words = re.sub(f"[{_DASHES}]", "-", name).casefold()
    pairs = (f"{first}-{second}", f"{second}-{first}")
    return any(re.search(rf"(?<!\w){re.escape(pair.casefold())}(?!\w)", words) for pair in pairs)


def plural_talks(name: str, language: str = "en") -> bool:
    """Whether the talks are a plural: an English name ending in "s", another by its grammar."""
    if language == "en":
        return name[-1:].lower() == "s"
    return is_plural(name, language)


def subject_forms(name: str, first: str, second: str, language: str = "en") -> dict[str, str]:
    """The name as a subject: `the_subject` with its article, `talks_subject` with the parties.

    German has a subject's own case (the nominative), Bulgarian a masculine subject's full
    article (`диалогът`); Polish frames make the talks the object of an impersonal verb
    (`odbyto dialog UE–Chiny ...`): the accusative; the other languages get `the_meeting`,
    and the talks between the parties as their frames write them.
    """
    the = meeting_forms(name, language)["the_meeting"]
    if language == "bg":
        the = _full_article(name, the)
    if language == "pl":  # the object of the impersonal odbyto, przeprowadzono: the accusative
        talks = polish_talks(name, first, second, "accusative")
        return {"the_subject": the, "talks_subject": talks}
    if language != "de":
        return {"the_subject": the, "talks_subject": f"{first}-{second} {name}"}
    subject = _nominative(the)
    if " " in name:
        return {"the_subject": subject, "talks_subject": f"{subject} {first}-{second}"}
    article, _, noun = subject.partition(" ")
    return {"the_subject": subject, "talks_subject": f"{article} {first}-{second}-{noun}"}


def _full_article(name: str, definite: str) -> str:
    """Bulgarian `диалога` as a subject: `диалогът` (a masculine noun's full article)."""
    word, _, rest = definite.partition(" ")
    bare = name.split(" ")[0]
    if word == f"{bare}а":
        word = f"{bare}ът"
    elif word.endswith("я") and not bare.endswith("я"):
        word = f"{word}т"
    return f"{word} {rest}" if rest else word


def _nominative(accusative: str) -> str:
    """German `den politischen Dialog` as a subject: `der politische Dialog`."""
    if not accusative.startswith("den "):
        return accusative  # feminine, neuter and plural: the same in both cases
    words = accusative.split(" ")[1:]
    head = next((i for i, word in enumerate(words) if word[:1].isupper()), 0)
    before = [word[:-1] if word.endswith("en") else word for word in words[:head]]
    return " ".join(["der", *before, *words[head:]])


def continued(sentence: str, clause: str | None) -> str:
    """The sentence continued by `clause` after a comma, ending with the clause's full stop.

    A sentence ending in an abbreviation's full stop (Bulgarian `2016 г.`, Polish `2016 r.`)
    keeps it.
    """
    if not clause:
        return sentence
    head = sentence if sentence.endswith((" г.", " r.")) else sentence.removesuffix(".")
    stop = "" if clause[-1:] in ".!?" else "."
    if isinstance(sentence, Markup):
        return Markup("{}, {}{}").format(Markup(head), clause, stop)  # noqa: S704 - head escaped
    return f"{head}, {clause}{stop}"


_GAP = re.compile(r" {2,}")
_BEFORE_STOP = re.compile(r" +(?=[.,;])")


def tidy(text: str) -> str:
    """A filled frame without the doubled or stray spaces of an empty part."""
    result = _BEFORE_STOP.sub("", _GAP.sub(" ", str(text))).strip()
    return Markup(result) if isinstance(text, Markup) else result  # noqa: S704 - text already escaped


FILTERS = {
    "continued": continued,
    "holds_compound": holds_compound,
    "plural_talks": plural_talks,
    "subject_forms": subject_forms,
    "tidy": tidy,
}
