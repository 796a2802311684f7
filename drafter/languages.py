"""Language versions of a release: one set of facts, each language's own text.

A release file holds its facts and its own language's text at the top level, and under
`translations:` each other language's text only (title, body, names, places, sentences):

    translations:
      fr:
        issuer: Union européenne
        counterpart: {name: la Fédération de Russie, short_name: la Russie}
        body: [...]

A language version is the file's release with that language's text put in: groups are
merged field by field, lists of groups (`civil_society.meetings`) item by item, and a
text field (`body`, `places`) replaced whole. Facts (dates, numbers, the reference,
addresses) are written once and refused in a translation. Place names a translation does
not give are put in its language from CLDR's city names (Brussels: Bruxelles, Brüssel).
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from drafter.city_names import local_place, localise_places
from drafter.errors import InputError, Problem, UsageError
from drafter.local_names import warn_english_names
from drafter.schema import Release
from drafter.source import FieldPath, Source, dotted

if TYPE_CHECKING:
    from drafter.catalogues import Wording
    from drafter.templating import House

__all__ = [
    "EU_NAMES",
    "TEXT_FIELDS",
    "language_version",
    "local_place",
    "require_languages",
    "translation_problems",
    "translation_schema",
]

logger = logging.getLogger(__name__)

_PARTY: dict[str, Any] = {"name": None, "short_name": None, "compound": None}
TEXT_FIELDS: dict[str, Any] = {
    "issuer": None,
    "co_issuer": None,
    "place": None,
    "title": None,
    "layout": {"subtitle": None},
    "body": None,
    "previous_rounds_heading": None,
    "eu": _PARTY,
    "counterpart": _PARTY,
    "meeting": {"name": None, "article": None, "place": None, "opening": None},
    "opening": {"continues": None},
    "presidency": None,
    "civil_society": {"sentence": None, "meetings": [{"participants": None, "places": None}]},
    "next_round": {
        "timing": None,
        "presidency": None,
        "place": None,
        "remark": None,
        "sentence": None,
    },
}
"""The fields a translation may give: None is text given whole, a dict a group of fields,
a list of one dict a list of groups translated item by item. Every other field is a fact."""

_NOT_A_GROUP = "must be a group of fields (this language's text), on the lines below it, indented"
_NOT_IN_PRIMARY = (
    "is not in the file's own language; a translation gives only the text of its fields"
)
EU_NAMES = {"name": "the European Union", "short_name": "the EU", "compound": "EU"}
"""The EU's default names, in English: the ids of the catalogues' messages of context EU."""


def translation_problems(release: Release, source: Source | None = None) -> list[Problem]:
    """Every problem of the release's translations, each with its field and YAML line."""
    problems: list[Problem] = []
    for language in release.translations:
        if language == release.language:
            message = "is the file's own language; its text is at the top level, not here"
            problems.append(_problem(("translations", language), message, source))
        else:
            problems += _version(release, language, source)[1]
    return problems


def require_languages(release: Release, codes: Iterable[str]) -> None:
    """Refuse (UsageError) language codes asked for that the release has no version in.

    The one check of a language asked for, whether by `language_version`, `render` or
    `write_release`, the command line or the HTTP API.
    """
    unknown = [code for code in codes if code not in release.languages]
    if unknown:
        have = ", ".join(release.languages)
        raise UsageError(f"the release has no version in {', '.join(unknown)} (it has: {have})")


def language_version(
    release: Release,
    language: str | None = None,
    house: House | None = None,
    *,
    wording: Wording | None = None,
) -> Release:
    """The release in `language` (its own by default), validated, with no translations.

    `house` (a House) gives the EU's default names in the language; the packaged house by
    default. `wording` (the language's, of that house) records the names its catalogue
    lacks (rendering refuses them in a final release). Raises UsageError for a language the
    release has not (`require_languages`), InputError for a bad translation.
    """
    language = language or release.language
    require_languages(release, [language])
    version, problems = _version(release, language, None, house, for_print=True, wording=wording)
    if version is None:
        raise InputError(problems)
    return version


def _version(
    release: Release,
    language: str,
    source: Source | None,
    house: House | None = None,
    for_print: bool = False,
    wording: Wording | None = None,
) -> tuple[Release | None, list[Problem]]:
    """The language version of the release, or the problems of its translation.

    Only `for_print` are the EU's names and the places put in the language (from the
    house's catalogue and CLDR: nothing there can be wrong), and missing text warned of.
    """
    primary = release.model_dump(exclude_unset=True, exclude={"translations"})
    primary["translations"] = {}
    default_eu = release.eu == Release.model_fields["eu"].default
    if language == release.language:
        if for_print and language != "en" and default_eu:  # French: l'Union européenne
            primary["eu"] = _eu_names(language, house, wording)
        if for_print:
            warn_english_names(primary, language)
        return Release.model_validate(primary), []
    prefix: FieldPath = ("translations", language)
    translation = next((v for k, v in release.translations.items() if k == language), None) or {}
    base = dict(primary)
    if "eu" not in base or default_eu:
        # the EU's default names (left out, or written out as a form sends them), in the
        # language where they are printed
        base["eu"] = _eu_names(language, house, wording) if for_print else dict(EU_NAMES)
    checked = _check(translation, TEXT_FIELDS, (), base)
    found = [_problem((*prefix, *path), message, source) for path, message in checked]
    if found:
        return None, found
    data = _merge(base, translation, TEXT_FIELDS)
    data["language"] = language
    if for_print:
        unnamed = localise_places(data, translation, release.language, language)
        _warn_untranslated(primary, translation, language, unnamed)
        warn_english_names(data, language)
    try:
        return Release.model_validate(data), []
    except ValidationError as exc:
        from drafter.loading import problem_of

        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            moved = (*prefix, *loc) if _given(translation, loc) else loc
            problems.append(problem_of({**error, "loc": moved}, source or Source(None)))
        return None, problems


def _problem(path: FieldPath, message: str, source: Source | None) -> Problem:
    position = source.position(path) if source else None
    line, column = position if position else (None, None)
    return Problem(message, dotted(path), line, column)


def _check(
    data: object, spec: dict[str, Any], path: FieldPath, primary: object
) -> list[tuple[FieldPath, str]]:
    """What is wrong with a translation's `data` against `spec`: facts, unknown keys, shapes."""
    if not isinstance(data, dict):
        return [(path, _NOT_A_GROUP)]
    found: list[tuple[FieldPath, str]] = []
    base = primary if isinstance(primary, dict) else {}
    for key, value in data.items():
        here = (*path, key)
        if key not in spec:
            found.append((here, _not_text(here, spec)))
            continue
        sub = spec[key]
        if sub is None or value is None:
            continue
        if key not in base:
            found.append((here, _NOT_IN_PRIMARY))
        elif isinstance(sub, list):
            found += _check_items(value, sub[0], here, base[key])
        else:
            found += _check(value, sub, here, base[key])
    return found


def _check_items(
    value: object, spec: dict[str, Any], path: FieldPath, primary: object
) -> list[tuple[FieldPath, str]]:
    if not isinstance(value, list):
        return [(path, "must be a list, one `- ` item per line, as in the file's own language")]
    count = len(primary) if isinstance(primary, list) else 0
    if len(value) != count:
        message = (
            f"has {len(value)} entries but the file's own language has {count}; translate each "
            "one, in the same order"
        )
        return [(path, message)]
    found: list[tuple[FieldPath, str]] = []
    for index, (item, base) in enumerate(zip(value, primary, strict=True)):  # type: ignore[call-overload]
        found += _check(item, spec, (*path, index), base)
    return found


def _not_text(path: FieldPath, spec: dict[str, Any]) -> str:
    """The message for a field a translation may not hold: a fact, or no field at all."""
    from drafter.loading import known_keys

    if path[-1] in known_keys(path[:-1]):
        return (
            f"`{path[-1]}` is a fact shared by every language; write it once, outside "
            "translations (a translation holds only its language's text)"
        )
    close = difflib.get_close_matches(str(path[-1]), list(spec), n=1, cutoff=0.6)
    hint = f"did you mean `{close[0]}`?" if close else f"a translation has here: {', '.join(spec)}"
    return f"`{path[-1]}` is not a known field; {hint}"


def _merge(base: dict[str, Any], over: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """`base` with the text of `over` put in, as `spec` says (groups, items, whole text)."""
    merged = dict(base)
    for key, value in over.items():
        sub = spec[key]
        if value is None:
            continue
        if sub is None:
            merged[key] = value
        elif isinstance(sub, list):
            merged[key] = [_merge(b, o, sub[0]) for b, o in zip(base[key], value, strict=True)]
        else:
            merged[key] = _merge(base.get(key) or {}, value, sub)
    return merged


def _given(translation: object, loc: tuple[Any, ...]) -> bool:
    """Whether the translation gives the field at `loc` (or the field that holds it)."""
    node = translation
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            node = node[part]
        else:
            return node is not translation and not isinstance(node, dict | list)
    return True


def _eu_names(language: str, house: House | None, wording: Wording | None) -> dict[str, str]:
    """The EU's default names in the language, from the house's catalogue (or `wording`).

    Every name is counted as used: the house prints the EU's names in the version.
    """
    from drafter.catalogues import Wording
    from drafter.templating import load_house

    if wording is None or wording.language != language:
        wording = Wording(house or load_house(), language)
    return {key: wording.text(text, "EU") for key, text in EU_NAMES.items()}


def _warn_untranslated(
    primary: dict[str, Any], translation: dict[str, Any], language: str, unnamed: list[str]
) -> None:
    """A warning naming the text of the file's own language that the translation lacks."""
    missing = [dotted(path) for path in _untranslated(primary, translation, TEXT_FIELDS, ())]
    missing += [f"the place {place!r} (CLDR has no {language} name for it)" for place in unnamed]
    if missing:
        logger.warning(
            "the %s version has no translation of %s; the file's own text is printed there",
            language,
            ", ".join(missing),
        )


def _untranslated(
    base: object, over: object, spec: dict[str, Any], path: FieldPath
) -> list[FieldPath]:
    if not isinstance(base, dict):
        return []
    given = over if isinstance(over, dict) else {}
    found: list[FieldPath] = []
    for key, sub in spec.items():
        if key not in base or base[key] is None or "place" in key or key == "article":
            continue
        if sub is None:
            found += [] if given.get(key) is not None else [(*path, key)]
        elif isinstance(sub, list):
            items = given.get(key) or []
            for index, item in enumerate(base[key]):
                other = items[index] if index < len(items) else {}
                found += _untranslated(item, other, sub[0], (*path, key, index))
        else:
            found += _untranslated(base[key], given.get(key), sub, (*path, key))
    return found


def translation_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one translation, from the release's schema: its text fields only."""
    return _group_schema(schema["properties"], TEXT_FIELDS, schema.get("$defs", {}))


def _group_schema(
    properties: dict[str, Any], spec: dict[str, Any], defs: dict[str, Any]
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, sub in spec.items():
        field = {k: v for k, v in properties[key].items() if k != "default"}
        if isinstance(sub, dict):
            field = _group_schema(_defined(field, defs)["properties"], sub, defs)
        elif isinstance(sub, list):
            items = _group_schema(_defined(field["items"], defs)["properties"], sub[0], defs)
            field = {"type": "array", "items": items}
        fields[key] = field
    return {"type": "object", "additionalProperties": False, "properties": fields}


def _defined(field: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The definition a field refers to (`$ref`, or the one model of `anyOf`)."""
    refs = [field, *field.get("anyOf", [])]
    ref = next(item["$ref"] for item in refs if "$ref" in item)
    return dict(defs[ref.rsplit("/", 1)[-1]])
