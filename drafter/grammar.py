# ruff: noqa: RUF001, RUF002, RUF003 - Bulgarian words are written in Cyrillic
"""The grammar a language's sentence frames need around a name: number, gender, articles, cases.

The house's catalogues write their sentences around the meeting's name and the places as
the translation gives them ("dialogue sur les droits de l'homme", "Menschenrechtsdialog",
"диалог по правата на човека"). A frame cannot inflect them, so the forms a language needs
are made here and given to every message beside the name as written:

- `the_meeting`: the name with its definite article (`le dialogue ...`, `den
  Menschenrechtsdialog`, `диалога по правата на човека`);
- `meeting_of`: the name as after "round of" (`du dialogue ...`, `des
  Menschenrechtsdialogs`);
- `their_meeting`: the name after "their" (`leur dialogue`, `ihren Menschenrechtsdialog`,
  `своя диалог`).

Gender and number are read off the name's head word by its ending, as far as the language
shows them; English and the other languages get the name as written. Beside them:
`talks_of` (German: `der EU-Russland-Menschenrechtskonsultationen`), `at_place` (French
repeats `à` before each place: `à Moscou et à Saint-Pétersbourg`), `compound` (a short
name without its article: `EU-Türkei`), `ordinal_suffix` (`1er`, `1-ви`, `4-ти`), and
`contract`, which joins French prepositions to the article after them (`à Le Caire`: `au
Caire`) and drops a sentence's full stop after an abbreviation's (`2013 г..`).
"""

from __future__ import annotations

import re
from typing import Literal

from markupsafe import Markup

from drafter import inflection

__all__ = [
    "FILTERS",
    "at_place",
    "compound",
    "contract",
    "is_plural",
    "meeting_forms",
    "named_event",
    "ordinal_suffix",
    "talks_of",
]

Gender = Literal["masculine", "feminine", "neuter", "plural"]

_FR_FEMININE = ("ion", "ence", "ance", "té", "ure", "ée", "contre", "onde", "ade", "ise", "ie")
_DE_FEMININE = ("ung", "heit", "keit", "schaft", "ion", "tät", "enz", "anz", "ie", "ik", "ur", "e")
_DE_NEUTER = ("treffen", "forum", "gremium", "gespräch", "komitee", "seminar")
_FR_SINGULAR = ("processus", "discours", "concours", "cours")
_VOWELS = "aeiouyhâàéèêëîïôûüœ"


_BG_PREPOSITIONS = frozenset(
    ["по", "на", "за", "между", "с", "със", "в", "във", "от", "относно", "към", "при", "и"]
)


def _head_index(words: list[str], language: str) -> int:
    """Which word of the name carries its number and gender (the adjectives before it not)."""
    if language == "de":  # nouns have capitals: "politischer Dialog"
        return next((i for i, word in enumerate(words) if word[:1].isupper()), 0)
    if language == "bg" and len(words) > 1 and words[1] not in _BG_PREPOSITIONS:
        return 1  # an adjective first: "политически диалог", "годишен диалог"
    return 0


def _head(name: str, language: str) -> str:
    """The word of the name that carries its number and gender."""
    words = name.split()
    return words[_head_index(words, language)] if words else ""


def is_plural(name: str, language: str) -> bool:
    """Whether the meeting's name is a plural (`consultations`, `Konsultationen`, `консултации`)."""
    if language in inflection.PLURAL:
        return inflection.PLURAL[language](name)
    head = _head(name, language).lower()
    if language == "fr":
        return head.endswith(("s", "x")) and head not in _FR_SINGULAR
    if language == "de":
        return head.endswith(("ungen", "ionen", "gespräche", "verhandlungen", "beratungen"))
    if language == "bg":
        return head.endswith(("и", "ове", "еве"))
    return head.endswith("s")


def _gender(name: str, language: str) -> Gender:
    head = _head(name, language).lower()
    if is_plural(name, language):
        return "plural"
    if language == "fr":
        return "feminine" if head.endswith(_FR_FEMININE) else "masculine"
    if language == "de":
        if head.endswith(_DE_NEUTER):
            return "neuter"
        return "feminine" if head.endswith(_DE_FEMININE) else "masculine"
    if language == "bg":
        if head.endswith(("а", "я")):
            return "feminine"
        return "neuter" if head.endswith(("о", "е")) else "masculine"
    return "masculine"


def named_event(article: str, name: str, language: str) -> bool:
    """Whether the talks are one named event ("the Human Rights Dialogue").

    In English only `article: the` says so (a name in the singular without it is the
    officer's to correct); another language's name in the singular is one as well, so that
    its frames never print a singular name as a plural ("des dialogue").
    """
    if article:
        return True
    known = language in _FORMS or language in inflection.FORMS
    return known and not is_plural(name, language)


def meeting_forms(name: str, language: str) -> dict[str, str]:
    """The meeting's name in the forms the language's frames take (see the module)."""
    if language in inflection.FORMS:
        return inflection.FORMS[language](name)
    make = _FORMS.get(language)
    if make is None:
        return {"the_meeting": name, "meeting_of": name, "their_meeting": name}
    return make(name, _gender(name, language))


def _french(name: str, gender: Gender) -> dict[str, str]:
    if gender == "plural":
        return {
            "the_meeting": f"les {name}",
            "meeting_of": f"des {name}",
            "their_meeting": f"leurs {name}",
        }
    if name[:1].lower() in _VOWELS:
        return {
            "the_meeting": f"l'{name}",
            "meeting_of": f"de l'{name}",
            "their_meeting": f"leur {name}",
        }
    if gender == "feminine":
        return {
            "the_meeting": f"la {name}",
            "meeting_of": f"de la {name}",
            "their_meeting": f"leur {name}",
        }
    return {
        "the_meeting": f"le {name}",
        "meeting_of": f"du {name}",
        "their_meeting": f"leur {name}",
    }


def _german(name: str, gender: Gender) -> dict[str, str]:
    words = name.split(" ")
    head = _head_index(words, "de")
    weak = [_weak(word) for word in words[:head]]  # "des politischen Dialogs"
    if gender in ("plural", "feminine"):
        plural = gender == "plural"
        the = " ".join([*weak, *words[head:]]) if plural else name
        return {
            "the_meeting": f"die {the}",
            "meeting_of": f"der {' '.join([*weak, *words[head:]])}",
            "their_meeting": f"ihre {the}",
        }
    ending = "es" if re.search(r"(s|ß|x|z|sch)$", words[head]) else "s"
    genitive = " ".join([*weak, words[head] + ending, *words[head + 1 :]])
    if gender == "neuter":
        the = " ".join([*(word[:-1] for word in words[:head]), *words[head:]])
        return {
            "the_meeting": f"das {the}",
            "meeting_of": f"des {genitive}",
            "their_meeting": f"ihr {name}",
        }
    the = " ".join([*weak, *words[head:]])
    return {
        "the_meeting": f"den {the}",
        "meeting_of": f"des {genitive}",
        "their_meeting": f"ihren {the}",
    }


def _weak(adjective: str) -> str:
    """A German adjective as after an article that shows the case: `politischer`: `politischen`."""
    stem = re.sub(r"(er|es|e|en)$", "", adjective)
    return f"{stem}en"


def _bulgarian(name: str, gender: Gender) -> dict[str, str]:
    words = name.split(" ")
    first = words[0]
    their = {"plural": "своите", "feminine": "своята", "neuter": "своето"}.get(gender, "своя")
    if gender in ("plural", "feminine", "neuter"):
        definite = first + {"plural": "те", "feminine": "та", "neuter": "то"}[gender]
    elif _head_index(words, "bg") == 1:  # a masculine adjective: "политическия", "годишния"
        definite = first[:-2] + "ния" if first.endswith("ен") else first.rstrip("и") + "ия"
    elif first.endswith("й"):
        definite = f"{first[:-1]}я"
    else:
        definite = f"{first}а"
    the = " ".join([definite, *words[1:]])
    return {"the_meeting": the, "meeting_of": the, "their_meeting": f"{their} {name}"}


_FORMS = {"fr": _french, "de": _german, "bg": _bulgarian}

_ARTICLES = {
    "de": ("der", "die", "das", "den", "dem"),
    "fr": ("le", "la", "les"),
    "it": ("il", "lo", "la", "i", "gli", "le"),
    "es": ("el", "la", "los", "las"),
    "nl": ("de", "het"),
}


def compound(name: str, language: str = "en") -> str:
    """A party's name as part of a compound: without its article (`die Türkei`: `EU-Türkei`).

    The English `the` is dropped where the party's `compound` is made (schema); this drops
    the article of a translation's short name the same way.
    """
    first, _, rest = name.partition(" ")
    if rest and first.lower() in _ARTICLES.get(language, ()):
        return rest
    if language in ("fr", "it") and name[:2].lower() in ("l'", "l’"):
        return name[2:]
    return name


def talks_of(name: str, first: str, second: str, language: str = "en") -> str:
    """The talks between two parties as after "round of", where the language compounds them.

    German compounds a one-word name (`der EU-Russland-Menschenrechtskonsultationen`) and
    puts the parties after a longer one (`der politischen Gespräche EU-Kirgisistan`).
    """
    if language == "pl":  # konsultacji UE–Rosja w sprawie praw człowieka
        return inflection.polish_talks(name, first, second)
    if language != "de":
        return f"{first}-{second} {name}"
    of = meeting_forms(name, language)["meeting_of"]
    if " " in name:
        return f"{of} {first}-{second}"
    article, _, noun = of.partition(" ")
    return f"{article} {first}-{second}-{noun}"


def at_place(place: str, language: str = "en") -> str:
    """A place with the preposition French repeats before each of a list: `au Caire`.

    Italian and Polish too: `a Mosca e a San Pietroburgo`, `w Moskwie i w Sankt Petersburgu`.
    """
    if language in ("it", "pl"):
        return inflection.at_place(place, language)
    return contract(f"à {place}", language) if language == "fr" else place


_FR_CONTRACTIONS = re.compile(r"\b(à|de) ([Ll]es?) ")
_DOUBLE_STOP = re.compile(r"(?<=[^.\s]\.)\.$")
_FR_ELISION = re.compile(r"\b([Dd])e (?=[aeiouâàéèêëîïôûœAEIOUÂÀÉÈÊÎÔÛŒ])")
# Bulgarian "в" and "с" before a word starting with their own sound: "във Виена", "със Сърбия".
_BG_LONG = re.compile(r"(?<!\w)([Вв]) (?=[ВвФф])|(?<!\w)([Сс]) (?=[СсЗз])")


def contract(text: str, language: str = "en") -> str:
    """A generated sentence with French `à le`, `de les`... contracted (`au`, `des`).

    French `de` before a vowel is elided (`d'entretiens`); Bulgarian `в` and `с` before
    their own sound are lengthened (`във Виена`, `със Сърбия`). A sentence ending in an
    abbreviation's full stop gets no second one (`2013 г..`).
    """
    result = _DOUBLE_STOP.sub("", text)
    if language == "fr":
        result = _FR_CONTRACTIONS.sub(_contracted, result)
        apostrophe = "&#39;" if isinstance(text, Markup) else "'"
        result = _FR_ELISION.sub(rf"\1{apostrophe}", result)
    elif language == "bg":
        result = _BG_LONG.sub(_lengthened, result)
    elif language in inflection.CONTRACTIONS:  # see drafter/inflection.py
        markup = isinstance(text, Markup)
        plain = result.replace("&#39;", "'") if markup else result
        result = inflection.CONTRACTIONS[language](plain)
        result = result.replace("'", "&#39;") if markup else result
    return Markup(result) if isinstance(text, Markup) else result  # noqa: S704 - text already escaped


def _lengthened(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}ъв "
    return f"{match.group(2)}ъс "


def _contracted(match: re.Match[str]) -> str:
    preposition, article = match.group(1), match.group(2).lower()
    joined = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}
    return f"{joined[preposition, article]} "


def ordinal_suffix(number: int, language: str, form: str = "") -> str:
    """The ending of an ordinal in figures where it depends on the number: `1er`, `4e`; `1-ви`.

    In the grammatical form given (`masculine`, `feminine`, `neuter`): `1-ва`, `1re`.
    """
    if language == "fr":
        return ("re" if form == "feminine" else "er") if number == 1 else "e"
    if language != "bg":
        return ""
    if 11 <= number % 100 <= 19:
        masculine = "и"
    elif number % 100 == 0:
        masculine = "тен"  # стотен, двестотен
    else:
        masculine = {1: "ви", 2: "ри", 3: "ти", 4: "ти"}.get(number % 10, "и")
    ending = {"feminine": "а", "neuter": "о"}.get(form)
    if ending is None:
        return masculine
    return "тн" + ending if masculine == "тен" else masculine[:-1] + ending


FILTERS = {
    "at_place": at_place,
    "compound": compound,
    "contract": contract,
    "meeting_forms": meeting_forms,
    "is_plural": is_plural,
    "named_event": named_event,
    "talks_of": talks_of,
}
