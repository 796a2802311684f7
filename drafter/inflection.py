# ruff: noqa: RUF001, RUF002 - Italian's typographic apostrophe and Polish's en dash are meant
"""The grammar of the Italian, Spanish, Dutch and Polish frames around a name (see grammar.py).

- Italian: the article the name's gender, number and first letters ask for (il, lo, l', la,
  i, gli, le), joined to the preposition before it (`di il`: del, `a il`: al, `in il`: nel,
  `a L'Aia`: all'Aia), elided before a vowel or an 8 or 11 (`il undicesimo`: l'undicesimo,
  `dal 8`: dall'8); `a` before an a is `ad`; a place takes `a` before each of a list.
- Spanish: el, la, los, las; `de el` and `a el` are del and al (not before a name's own El:
  "en El Cairo", "de El Salvador"); `y` before an i sound is `e`, `o` before an o sound `u`.
- Dutch: de or het; no contractions.
- Polish: no articles, but cases: the name in the accusative (`the_meeting`,
  `their_meeting`: sesję plenarną) and in the genitive (`meeting_of`: konsultacji w sprawie
  praw człowieka; `talks_of`: konsultacji UE–Rosja w sprawie praw człowieka), a place after
  `w` in the locative (w Brukseli, we Wrocławiu), an ordinal in the feminine (piętnastą),
  a month after `w` in the locative (w listopadzie 2013 r.), after another word in the
  genitive (do końca listopada 2013 r.).
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["CONTRACTIONS", "FORMS", "PLURAL", "at_place", "polish_ordinal", "polish_talks"]

Forms = dict[str, str]

# --- Italian ---------------------------------------------------------------------------------

_IT_VOWEL = "aeiouàèéìòùAEIOUÀÈÉÌÒÙ"
_IT_LO = re.compile(r"^(s[^aeiouàèéìòù]|z|gn|ps|pn|x|y)", re.IGNORECASE)


def _italian_plural(name: str) -> bool:
    return name.split(" ")[0].lower().endswith(("i", "ive"))


def _italian(name: str) -> Forms:
    head = name.split(" ")[0].lower() if name else ""
    plural = _italian_plural(name)
    feminine = head.endswith(_IT_FEMININE) and not head.endswith(("mma", "ema", "ima"))
    vowel = name[:1] in _IT_VOWEL or name[:1] in "hH"
    if plural:
        the = "le" if feminine else ("gli" if vowel or _IT_LO.match(name) else "i")
    elif vowel:
        the = "l'"
    else:
        the = "la" if feminine else ("lo" if _IT_LO.match(name) else "il")
    joined = f"{the}{name}" if the == "l'" else f"{the} {name}"
    possessive = {"l'": "la" if feminine else "il", "lo": "il", "gli": "i"}.get(the, the)
    return {
        "the_meeting": joined,
        "meeting_of": _italian_contract(f"di {joined}"),
        "their_meeting": f"{possessive} loro {name}",
    }


_IT_FEMININE = ("ioni", "ive", "a", "ione", "ie", "tà", "trice")
_IT_JOIN = re.compile(
    r"(?<!\w)(di|a|da|in|su) (?:(il|lo|la|i|gli|le|Il|Lo|La|Gli|Le)(?= )|([lL])(['’]))"
)
_IT_STEM = {"di": "de", "a": "a", "da": "da", "in": "ne", "su": "su"}
_IT_ARTICLE = {"il": "l", "lo": "llo", "la": "lla", "i": "i", "gli": "gli", "le": "lle"}
_IT_ELIDE = re.compile(rf"(?<!\w)(il|Il|al|dal|Dal|del|nel|Nel|sul) (?=[{_IT_VOWEL}]|8|11(?!\d))")
_IT_AD = re.compile(r"(?<!\w)a (?=[aAàÀ])")


def _italian_contract(text: str) -> str:
    text = _IT_JOIN.sub(_italian_joined, text)
    text = _IT_ELIDE.sub(_italian_elided, text)
    return _IT_AD.sub("ad ", text)


def _italian_joined(match: re.Match[str]) -> str:
    stem = _IT_STEM[match.group(1)]
    if match.group(2) is None:  # l': dell'Aia, all'Avana
        return f"{stem}ll{match.group(4)}"
    return stem + _IT_ARTICLE[match.group(2).lower()]


def _italian_elided(match: re.Match[str]) -> str:
    word = match.group(1)
    if word.lower() == "il":
        return "L'" if word[0] == "I" else "l'"
    return f"{word[:-1]}ll'"


# --- Spanish ---------------------------------------------------------------------------------


def _spanish_plural(name: str) -> bool:
    head = name.split(" ")[0].lower()
    return head.endswith("s") and not head.endswith(("sis", "us", "és"))


def _spanish(name: str) -> Forms:
    head = name.split(" ")[0].lower() if name else ""
    if _spanish_plural(name):
        feminine = head.endswith(("as", "iones", "dades", "tades"))
        the = "las" if feminine else "los"
        return _forms(f"{the} {name}", f"de {the} {name}", f"sus {name}")
    feminine = head.endswith(("a", "ión", "dad", "tad", "tud", "umbre")) and not head.endswith(
        ("ma", "día")
    )
    if feminine:
        return _forms(f"la {name}", f"de la {name}", f"su {name}")
    return _forms(f"el {name}", f"del {name}", f"su {name}")


def _forms(the: str, of: str, their: str) -> Forms:
    return {"the_meeting": the, "meeting_of": of, "their_meeting": their}


_ES_JOIN = re.compile(r"(?<!\w)(de|a) el ")
_ES_AND = re.compile(r"(?<!\w)y (?=[IiÍí]|[Hh][IiÍí](?![aeoáéó]))")
_ES_OR = re.compile(r"(?<!\w)o (?=[OoÓó]|[Hh][OoÓó])")


def _spanish_contract(text: str) -> str:
    text = _ES_JOIN.sub(lambda m: "del " if m.group(1) == "de" else "al ", text)
    return _ES_OR.sub("u ", _ES_AND.sub("e ", text))


# --- Dutch -----------------------------------------------------------------------------------

_NL_HET = (
    "overleg", "gesprek", "forum", "comité", "beraad", "seminar", "congres", "treffen",
    "symposium", "platform", "partnerschap",
)  # fmt: skip


def _dutch_head(name: str) -> str:
    words = name.split(" ")
    before = next((i for i, word in enumerate(words) if word in _NL_PREPOSITIONS), len(words))
    return words[max(before - 1, 0)].lower()  # "politiek overleg", "dialoog over ..."


def _dutch_plural(name: str) -> bool:
    head = _dutch_head(name)
    singular = head.endswith(("ss", "us", "ces", "gres"))  # proces, congres
    return head.endswith(("ies", "gen", "ken", "s")) and not singular


def _dutch(name: str) -> Forms:
    head = _dutch_head(name)
    the = "het" if not _dutch_plural(name) and head.endswith(_NL_HET) else "de"
    return _forms(f"{the} {name}", f"van {the} {name}", f"hun {name}")


_NL_PREPOSITIONS = frozenset(["over", "op", "inzake", "van", "tussen", "met", "voor", "in"])


# --- Polish ----------------------------------------------------------------------------------

_PL_ADJECTIVE = re.compile(
    r"(ny|ty|wy|ry|ły|ki|gi|ni|ci|czy|ne|te|we|re|łe|kie|gie|na|ta|wa|ra|ła|ka|ga|nia)$"
)
_PL_GENITIVE = {
    "rozmowy": "rozmów",
    "obrady": "obrad",
    "forum": "forum",
    "negocjacje": "negocjacji",
}
_PL_CONSONANT_END = re.compile(r"ó(?=[^aeiouyąęó]+$)")


def _polish_gender(head: str) -> str:
    if head.endswith(("je", "ania", "enia", "y", "i")):
        return "plural"
    if head.endswith("a"):
        return "feminine"
    return "neuter" if head.endswith(("e", "o", "um")) else "masculine"


def _polish_noun_genitive(word: str) -> str:
    if word in _PL_GENITIVE:
        return _PL_GENITIVE[word]
    for end, new in (("je", "ji"), ("ania", "ań"), ("enia", "eń"), ("owy", "ów"), ("nie", "nia")):
        if word.endswith(end):
            return word[: -len(end)] + new
    for end, new in (("cie", "cia"), ("ja", "ji"), ("ia", "ii"), ("la", "li"), ("ka", "ki")):
        if word.endswith(end):
            return word[: -len(end)] + new
    if word.endswith("ga"):
        return f"{word[:-1]}i"
    if word.endswith(("a", "y", "i")):
        return f"{word[:-1]}y" if word.endswith("a") else word[:-1]
    if word.endswith(("e", "o", "um")):
        return f"{word[:-1]}a" if word.endswith(("e", "o")) else word
    return _PL_CONSONANT_END.sub("o", word) + "u"


def _polish_adjective(word: str, gender: str, case: str) -> str:
    if case == "accusative":
        return f"{word[:-1]}ą" if gender == "feminine" and word.endswith("a") else word
    if gender == "plural":
        return f"{word[:-1]}ch" if word.endswith("ie") else f"{word[:-1]}ych"
    if gender == "feminine":
        return f"{word[:-1]}iej" if word.endswith(("ka", "ga")) else f"{word[:-1]}ej"
    if word.endswith("y") or word.endswith("e"):
        return f"{word[:-1]}ego"
    return f"{word}ego"  # polski: polskiego


def _polish_group(name: str, case: str) -> tuple[list[str], list[str]]:
    """The name's head and the adjectives after it in `case`; the words after them as written."""
    words = name.split(" ")
    gender = _polish_gender(words[0].lower())
    if case == "genitive":
        head = _polish_noun_genitive(words[0])
    else:
        head = f"{words[0][:-1]}ę" if gender == "feminine" else words[0]
    group = [head]
    rest = words[1:]
    while rest and rest[0].islower() and _PL_ADJECTIVE.search(rest[0]) and len(rest[0]) > 3:
        group.append(_polish_adjective(rest.pop(0), gender, case))
    return group, rest


def _polish(name: str) -> Forms:
    accusative = " ".join(_polish_words(name, "accusative"))
    return _forms(accusative, " ".join(_polish_words(name, "genitive")), accusative)


def _polish_words(name: str, case: str) -> list[str]:
    group, rest = _polish_group(name, case)
    return [*group, *rest]


def polish_talks(name: str, first: str, second: str, case: str = "genitive") -> str:
    """The talks as after "runda": the parties after the name's head (konsultacji UE–Rosja ...).

    In the accusative, the talks an impersonal verb takes: odbyto konsultacje UE–Rosja ...
    """
    group, rest = _polish_group(name, case)
    return " ".join([*group, f"{first}\u2013{second}", *rest])


_PL_LOCATIVE = {
    "Wiedeń": "Wiedniu",
    "Ateny": "Atenach",
    "Helsinki": "Helsinkach",
    "Wilno": "Wilnie",
    "Kraków": "Krakowie",
}
_PL_FEMININE = (
    ("sta", "ście"), ("ka", "ce"), ("ga", "dze"), ("cha", "sze"), ("ta", "cie"), ("da", "dzie"),
    ("ra", "rze"), ("ła", "le"), ("ja", "ji"), ("ia", "ii"), ("la", "li"), ("ca", "cy"),
    ("sza", "szy"), ("cza", "czy"), ("rza", "rzy"), ("ża", "ży"), ("dza", "dzy"),
)  # fmt: skip
_PL_HARD = (
    ("ław", "ławiu"),
    ("st", "ście"),
    ("t", "cie"),
    ("d", "dzie"),
    ("r", "rze"),
    ("ł", "le"),
)
_PL_SOFT = {"ń": "niu", "ś": "siu", "ź": "ziu", "ć": "ciu"}


def _polish_locative(word: str) -> str:
    """A place's last word after `w`: Bruksela: Brukseli, Kair: Kairze, Biszkek: Biszkeku."""
    if word in _PL_LOCATIVE:
        return _PL_LOCATIVE[word]
    if word.isupper() or not word[-1:].isalpha() or word[-1] in "eiouyąęó":
        return word  # an acronym; Tokio, Oslo, Tbilisi, Baku, or a word already declined
    if word.endswith(("ej", "ach")):
        return word  # already declined: w Unii Europejskiej, w Atenach
    for end, new in _PL_FEMININE:
        if word.endswith(end):
            return word[: -len(end)] + new
    if word.endswith("a"):
        return f"{word[:-1]}ie"  # Moskwa: Moskwie, Genewa: Genewie
    word = _PL_CONSONANT_END.sub("o", word)  # Kijów: Kijowie
    for end, new in _PL_HARD:
        if word.endswith(end):
            return word[: -len(end)] + new
    if word[-1] in _PL_SOFT:
        return word[:-1] + _PL_SOFT[word[-1]]
    if word.endswith(("k", "g", "ch", "ż", "sz", "cz", "rz", "c", "dz", "j", "l", "x")):
        return f"{word}u"
    return f"{word}ie"  # Berlin: Berlinie, Rzym: Rzymie


def _polish_place(place: str) -> str:
    """A place's words after `w`: the last in the locative, an adjective before it too."""
    *before, last = place.split(" ")
    if before and last.endswith(("ych", "ich", "ym", "im")):
        return place  # already declined: w Stanach Zjednoczonych, w Nowym Jorku
    declined = [
        f"{w[:-1]}ym" if w.endswith("y") else f"{w[:-1]}ej" if w.endswith("a") else w
        for w in before
    ]
    return " ".join([*declined, _polish_locative(last)])


_PL_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
_PL_IN = re.compile(rf"(?<!\w)([Ww]) ([{_PL_UPPER}][\w'’-]*(?: [{_PL_UPPER}][\w'’-]*)*)")
_PL_WE = re.compile(r"(?<!\w)([Ww]) (?=[WwFf][^aeiouyąęóAEIOUY])")
_PL_ZE = re.compile(r"(?<!\w)([Zz]) (?=[ZzSsŚśŻżŹź][^aeiouyąęóAEIOUY])")


_PL_MONTHS = {
    "styczeń": ("styczniu", "stycznia"), "luty": ("lutym", "lutego"),
    "marzec": ("marcu", "marca"), "kwiecień": ("kwietniu", "kwietnia"),
    "maj": ("maju", "maja"), "czerwiec": ("czerwcu", "czerwca"),
    "lipiec": ("lipcu", "lipca"), "sierpień": ("sierpniu", "sierpnia"),
    "wrzesień": ("wrześniu", "września"), "październik": ("październiku", "października"),
    "listopad": ("listopadzie", "listopada"), "grudzień": ("grudniu", "grudnia"),
}  # fmt: skip
_PL_MONTH = re.compile(rf"(?<!\w)(\S+) ({'|'.join(_PL_MONTHS)})(?= \d)")
_PL_ROUND = re.compile(r"(?<!\w)((?:\w+ą )+)(?=runda\b)")


def _polish_month(match: re.Match[str]) -> str:
    """CLDR's `listopad 2013` after `w` in the locative, after another word in the genitive."""
    word, month = match.groups()
    locative, genitive = _PL_MONTHS[month]
    return f"{word} {locative if word in ('w', 'W') else genitive}"


def _polish_contract(text: str) -> str:
    text = _PL_IN.sub(lambda m: f"{m.group(1)} {_polish_place(m.group(2))}", text)
    text = _PL_MONTH.sub(_polish_month, text)  # w listopadzie 2013 r., do końca listopada
    # the catalogue's ordinal (accusative, piętnastą rundę) before `runda`: piętnasta runda
    text = _PL_ROUND.sub(lambda m: m.group(1).replace("ą ", "a "), text)
    return _PL_ZE.sub(r"\1e ", _PL_WE.sub(r"\1e ", text))


def polish_ordinal(words: str, form: str) -> str:
    """num2words' Polish ordinal (masculine) in the feminine: piętnasta, or its accusative."""
    if form not in ("feminine", "feminine-accusative"):
        return words

    def one(word: str) -> str:
        accusative = form == "feminine-accusative"
        if word.endswith("y"):
            return word[:-1] + ("ą" if accusative else "a")
        if word.endswith(("gi", "ki")):
            return word[:-1] + ("ą" if accusative else "a")
        if word.endswith("i"):
            return word + ("ą" if accusative else "a")
        return word  # sto, tysiąc

    return " ".join(one(word) for word in words.split(" "))


def at_place(place: str, language: str) -> str:
    """A place with the preposition Italian and Polish repeat before each of a list."""
    if language == "it":
        return _italian_contract(f"a {place}")
    if language == "pl":
        return _polish_contract(f"w {place}")
    return place


FORMS: dict[str, Callable[[str], Forms]] = {
    "it": _italian,
    "es": _spanish,
    "nl": _dutch,
    "pl": _polish,
}
"""The forms of a meeting's name each language's frames take (grammar.meeting_forms)."""

PLURAL: dict[str, Callable[[str], bool]] = {
    "it": _italian_plural,
    "es": _spanish_plural,
    "nl": _dutch_plural,
    "pl": lambda name: _polish_gender(name.split(" ")[0].lower()) == "plural",
}
"""Whether a meeting's name is a plural, in each language (grammar.is_plural)."""

CONTRACTIONS: dict[str, Callable[[str], str]] = {
    "it": _italian_contract,
    "es": _spanish_contract,
    "pl": _polish_contract,
}
"""What each language joins or changes in a generated sentence (grammar.contract)."""
