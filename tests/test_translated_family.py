# ruff: noqa: RUF001 - Bulgarian words are written in Cyrillic
"""The family's variants in French, German and Bulgarian: the sentences' grammar and typography.

Each variant of tests/test_family.py is rendered in a translation and its text read back
from the HTML, the Word file and the PDF, as a reader of each language would read it.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from familyutil import assert_in_all
from frameutil import translated_round
from textutil import REFERENCE_YAML, docx_blocks, html_blocks, normalise, pdf_text

import drafter
from drafter.grammar import meeting_forms
from drafter.wording import ordinal


def _release(translated: dict[str, dict[str, Any]] | None = None, **changes: Any) -> dict[str, Any]:
    """The final EU-Kyrgyzstan dialogue with `changes` made to it and to its translations."""
    data: dict[str, Any] = translated_round(translated, **{"status": "final", **changes})
    return data


def _assert_in_all(
    data: dict[str, Any], code: str, *expected: str, absent: tuple[str, ...] = ()
) -> None:
    assert_in_all(data, *expected, absent=absent, language=code)


# --- a named dialogue ("the Human Rights Dialogue") --------------------------------------------

_NAMED = {
    "fr": (
        "L'UE et le Kirghizstan tiennent leur dialogue sur les droits de l'homme",
        "ont tenu leur quatrième cycle du dialogue sur les droits de l'homme à Bichkek.",
        "Le prochain cycle du dialogue sur les droits de l'homme entre l'UE et le Kirghizstan "
        "devrait avoir lieu à Bruxelles",
        "Précédents cycles du dialogue sur les droits de l'homme :",
    ),
    "de": (
        "Die EU und Kirgisistan halten ihren Menschenrechtsdialog ab",
        "in Bischkek ihre vierte Runde des Menschenrechtsdialogs abgehalten.",
        "Die nächste Runde des Menschenrechtsdialogs EU-Kirgisistan soll in Brüssel stattfinden.",
        "Frühere Runden des Menschenrechtsdialogs:",
    ),
    "bg": (
        "ЕС и Киргизстан провеждат своя диалог по правата на човека",
        "проведоха своя четвърти кръг от диалога по правата на човека в Бишкек.",
        "Следващият кръг от диалога по правата на човека между ЕС и Киргизстан следва да се "
        "проведе в Брюксел.",
        "Предишни кръгове от диалога по правата на човека:",
    ),
}


@pytest.mark.parametrize("code", sorted(_NAMED))
def test_a_named_dialogue_takes_its_article_and_case(code: str) -> None:
    data = _release(next_round={"place": "Brussels"}, previous_rounds=[{"date": "2012-05-14"}])
    _assert_in_all(data, code, *_NAMED[code], absent=("Menschenrechtsdialog abgehalten",))


_ONE_EVENT = {
    "fr": ("tiennent leur dialogue sur", "ont tenu le dialogue sur les droits de l'homme à"),
    "de": ("halten ihren Menschenrechtsdialog ab", "in Bischkek den Menschenrechtsdialog ab"),
    "bg": ("провеждат своя диалог по", "проведоха диалога по правата на човека в Бишкек."),
}


@pytest.mark.parametrize("code", sorted(_ONE_EVENT))
def test_a_named_dialogue_without_a_round_number(code: str) -> None:
    _assert_in_all(_release(meeting={"round": None}), code, *_ONE_EVENT[code])


_SINGULAR = {
    "fr": ("L'UE et le Kirghizstan tiennent leur dialogue", "quatrième cycle du dialogue"),
    "de": ("halten ihren Menschenrechtsdialog ab", "vierte Runde des Menschenrechtsdialogs"),
    "bg": ("провеждат своя диалог", "четвърти кръг от диалога по правата"),
}


@pytest.mark.parametrize("code", sorted(_SINGULAR))
def test_a_singular_name_without_article_is_not_printed_as_a_plural(code: str) -> None:
    data = _release(meeting={"name": "human rights dialogue", "article": ""})
    _assert_in_all(
        data,
        code,
        *_SINGULAR[code],
        absent=("des dialogue", "de dialogue", "Runde der Menschenrechtsdialog", "от диалог "),
    )


def test_plural_talks_keep_the_reference_s_frames() -> None:
    translated = {
        "fr": {"meeting": {"name": "consultations sur les droits de l'homme"}},
        "de": {"meeting": {"name": "Menschenrechtskonsultationen"}},
    }
    data = _release(translated, meeting={"name": "human rights consultations", "article": ""}) | {
        "next_round": {"place": "Brussels"}
    }
    _assert_in_all(
        data,
        "fr",
        "L'UE et le Kirghizstan tiennent des consultations sur les droits de l'homme",
        "quatrième cycle de consultations sur",
        "Le prochain cycle de consultations sur les droits de l'homme entre l'UE et",
    )
    _assert_in_all(
        data,
        "de",
        "vierte Runde der Menschenrechtskonsultationen",
        "Die nächste Runde der EU-Kirgisistan-Menschenrechtskonsultationen soll in Brüssel",
    )


# --- places ------------------------------------------------------------------------------------


def test_a_french_place_with_an_article_takes_the_preposition_with_it() -> None:
    translated = {"fr": {"next_round": {"place": "Le Havre"}}}
    data = _release(translated, meeting={"place": "Cairo"}, next_round={"place": "The Hague"})
    _assert_in_all(
        data,
        "fr",
        "du dialogue sur les droits de l'homme au Caire.",
        "devrait avoir lieu au Havre.",
        absent=("à Le ", "à Les "),
    )
    translated = {"fr": {"next_round": {"place": "La Haye"}}}
    data = _release(translated, next_round={"place": "The Hague"})
    _assert_in_all(data, "fr", "devrait avoir lieu à La Haye.")


def test_a_french_civil_society_meeting_in_a_place_with_an_article() -> None:
    meetings = [{"participants": "NGOs", "places": ["Cairo"], "date": "2012-11-20"}]
    translated = {"fr": {"civil_society": {"meetings": [{"participants": "des ONG"}]}}}
    data = _release(translated, civil_society={"meetings": meetings})
    _assert_in_all(data, "fr", "l'UE a rencontré des ONG au Caire le 20 novembre.")


# --- dates and ordinals ------------------------------------------------------------------------


def test_a_bulgarian_date_ending_a_sentence_has_one_full_stop() -> None:
    data = _release(next_round={"date": "2013-05-14", "place": "Brussels"})
    _assert_in_all(data, "bg", "следва да се проведе в Брюксел на 14 май 2013 г.", absent=("г..",))


@pytest.mark.parametrize(
    ("code", "number", "expected"),
    [
        ("fr", "1", "leur 1er cycle du dialogue"),
        ("fr", "4", "leur 4e cycle du dialogue"),
        ("bg", "1", "своя 1-ви кръг от диалога"),
        ("bg", "4", "своя 4-ти кръг от диалога"),
        ("bg", "15", "своя 15-и кръг от диалога"),
    ],
)
def test_a_round_in_figures_takes_its_number_s_ending(
    code: str, number: str, expected: str
) -> None:
    data = _release(meeting={"round": number, "round_style": "figures"})
    _assert_in_all(data, code, expected)


def test_the_endings_of_ordinals_in_figures() -> None:
    bulgarian = {
        n: ordinal(n, "bg", "figures", "masculine", "%(number)s-%(suffix)s")
        for n in (1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 20, 21, 22, 23, 100, 101)
    }
    assert bulgarian == {
        1: "1-ви",
        2: "2-ри",
        3: "3-ти",
        4: "4-ти",
        5: "5-и",
        7: "7-и",
        8: "8-и",
        11: "11-и",
        12: "12-и",
        13: "13-и",
        20: "20-и",
        21: "21-ви",
        22: "22-ри",
        23: "23-ти",
        100: "100-тен",
        101: "101-ви",
    }
    assert ordinal(1, "bg", "figures", "feminine", "%(number)s-%(suffix)s") == "1-ва"
    assert ordinal(100, "bg", "figures", "neuter", "%(number)s-%(suffix)s") == "100-тно"
    assert ordinal(1, "fr", "figures", "feminine", "%(number)s%(suffix)s") == "1re"
    assert ordinal(2, "fr", "figures", "masculine", "%(number)s%(suffix)s") == "2e"


# --- typography --------------------------------------------------------------------------------


def test_a_french_draft_s_marks_keep_the_space_before_the_colon_unbroken() -> None:
    data = _release(status="draft", embargo="2012-12-03 12:00")
    outputs = drafter.render_all(drafter.validate_release(data), language="fr")
    with zipfile.ZipFile(io.BytesIO(outputs["docx"])) as word:  # the body, headers, footers
        parts = [word.read(name).decode() for name in word.namelist() if name.endswith(".xml")]
    texts = {
        "html": outputs["html"].decode(),
        "docx": "\n".join(re.sub(r"<[^>]+>", "", part) for part in parts),
        "pdf": pdf_text(outputs["pdf"]),
    }
    for fmt, text in texts.items():
        assert "PROJET\u00a0: ne pas publier" in text, fmt
        assert "EMBARGO\u00a0: ne pas publier avant le 3 décembre 2012" in text, fmt


def test_a_previous_round_s_link_is_named_in_the_language() -> None:
    rounds = [{"date": "2012-05-14", "url": "https://example.org/round-3"}]
    release = drafter.validate_release(_release(previous_rounds=rounds))
    html = drafter.render(release, "html", language="fr").decode()
    assert 'aria-label="Dialogue sur les droits de l&#39;homme du 14 mai 2012"' in html
    german = drafter.render(release, "html", language="de").decode()
    assert 'aria-label="Menschenrechtsdialog vom 14. Mai 2012"' in german


# --- the forms of a name -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "the", "of", "their"),
    [
        (
            "réunion ministérielle",
            "fr",
            "la réunion ministérielle",
            "de la réunion ministérielle",
            "leur réunion ministérielle",
        ),
        (
            "échange de vues",
            "fr",
            "l'échange de vues",
            "de l'échange de vues",
            "leur échange de vues",
        ),
        (
            "entretiens politiques",
            "fr",
            "les entretiens politiques",
            "des entretiens politiques",
            "leurs entretiens politiques",
        ),
        (
            "processus de Barcelone",
            "fr",
            "le processus de Barcelone",
            "du processus de Barcelone",
            "leur processus de Barcelone",
        ),
        (
            "Menschenrechtstreffen",
            "de",
            "das Menschenrechtstreffen",
            "des Menschenrechtstreffens",
            "ihr Menschenrechtstreffen",
        ),
        (
            "Menschenrechtskonferenz",
            "de",
            "die Menschenrechtskonferenz",
            "der Menschenrechtskonferenz",
            "ihre Menschenrechtskonferenz",
        ),
        (
            "Dialog über Menschenrechte",
            "de",
            "den Dialog über Menschenrechte",
            "des Dialogs über Menschenrechte",
            "ihren Dialog über Menschenrechte",
        ),
        ("Ausschuss", "de", "den Ausschuss", "des Ausschusses", "ihren Ausschuss"),
        (
            "politischer Dialog",
            "de",
            "den politischen Dialog",
            "des politischen Dialogs",
            "ihren politischen Dialog",
        ),
        (
            "hochrangiges Treffen",
            "de",
            "das hochrangige Treffen",
            "des hochrangigen Treffens",
            "ihr hochrangiges Treffen",
        ),
        (
            "hochrangige Konferenz",
            "de",
            "die hochrangige Konferenz",
            "der hochrangigen Konferenz",
            "ihre hochrangige Konferenz",
        ),
        (
            "politische Gespräche",
            "de",
            "die politischen Gespräche",
            "der politischen Gespräche",
            "ihre politischen Gespräche",
        ),
        ("годишен диалог", "bg", "годишния диалог", "годишния диалог", "своя годишен диалог"),
        ("нов диалог", "bg", "новия диалог", "новия диалог", "своя нов диалог"),
        (
            "среща на високо равнище",
            "bg",
            "срещата на високо равнище",
            "срещата на високо равнище",
            "своята среща на високо равнище",
        ),
        (
            "политически диалог",
            "bg",
            "политическия диалог",
            "политическия диалог",
            "своя политически диалог",
        ),
        (
            "консултации по правата на човека",
            "bg",
            "консултациите по правата на човека",
            "консултациите по правата на човека",
            "своите консултации по правата на човека",
        ),
    ],
)
def test_the_forms_of_a_meeting_s_name(name: str, code: str, the: str, of: str, their: str) -> None:
    assert meeting_forms(name, code) == {
        "the_meeting": the,
        "meeting_of": of,
        "their_meeting": their,
    }


def test_a_german_short_name_with_its_article_is_not_put_in_a_compound() -> None:
    translated = {
        "de": {
            "counterpart": {"name": "die Republik Türkei", "short_name": "die Türkei"},
            "meeting": {"name": "Menschenrechtskonsultationen"},
        }
    }
    data = _release(
        translated,
        counterpart={"name": "the Republic of Turkey", "short_name": "Turkey"},
        meeting={"name": "human rights consultations", "article": ""},
        next_round={"place": "Brussels"},
    )
    _assert_in_all(
        data,
        "de",
        "Die EU und die Türkei halten Menschenrechtskonsultationen ab",
        "Die nächste Runde der EU-Türkei-Menschenrechtskonsultationen soll in Brüssel stattfinden.",
        absent=("EU-die",),
    )


def test_a_named_event_ending_in_s_is_headed_as_one_event() -> None:
    translated = {"de": {"meeting": {"name": "Menschenrechtsausschuss"}}}
    data = _release(translated, previous_rounds=[{"date": "2012-05-14"}])
    _assert_in_all(data, "de", "Frühere Runden des Menschenrechtsausschusses:")


def test_a_bulgarian_preposition_before_its_own_sound_is_lengthened() -> None:
    data = _release(meeting={"place": "Vienna"}, next_round={"place": "Warsaw"})
    _assert_in_all(
        data,
        "bg",
        "кръг от диалога по правата на човека във Виена.",
        "следва да се проведе във Варшава.",
        absent=(" в Виена", " в Варшава"),
    )


def test_french_de_before_a_vowel_is_elided() -> None:
    translated = {"fr": {"meeting": {"name": "entretiens politiques"}}}
    data = _release(
        translated,
        meeting={"name": "political talks", "article": ""},
        next_round={"place": "Brussels"},
        previous_rounds=[{"date": "2012-05-14"}],
    )
    _assert_in_all(
        data,
        "fr",
        "L'UE et le Kirghizstan tiennent des entretiens politiques",
        "ont tenu leur quatrième cycle d'entretiens politiques à Bichkek.",
        "Le prochain cycle d'entretiens politiques entre l'UE et le Kirghizstan",
        "Précédents cycles d'entretiens politiques :",
        absent=("de entretiens",),
    )


def test_german_talks_named_with_an_adjective_are_declined() -> None:
    translated = {"de": {"meeting": {"name": "politische Gespräche"}}}
    data = _release(
        translated,
        meeting={"name": "political talks", "article": ""},
        previous_rounds=[{"date": "2012-05-14"}],
        next_round={"place": "Brussels"},
    )
    _assert_in_all(
        data,
        "de",
        "Die EU und Kirgisistan halten politische Gespräche ab",
        "in Bischkek ihre vierte Runde der politischen Gespräche abgehalten.",
        "Die nächste Runde der politischen Gespräche EU-Kirgisistan soll in Brüssel stattfinden.",
        "Frühere Runden der politischen Gespräche:",
    )


def test_french_repeats_its_preposition_before_each_place_of_a_meeting() -> None:
    meetings = [
        {"participants": "NGOs", "places": ["Bishkek", "Osh", "Cairo"], "date": "2012-11-20"}
    ]
    translated = {"fr": {"civil_society": {"meetings": [{"participants": "des ONG"}]}}}
    data = _release(translated, civil_society={"meetings": meetings})
    _assert_in_all(
        data, "fr", "l'UE a rencontré des ONG à Bichkek, à Osh et au Caire le 20 novembre."
    )
    _assert_in_all(data, "de", "traf die EU NGOs in Bischkek, Osh und Kairo am 20. November.")


def test_the_example_s_french_meets_ngos_in_moscow_and_in_st_petersburg() -> None:
    release = drafter.load_release(REFERENCE_YAML)
    outputs = drafter.render_all(release, language="fr")
    texts = {
        "html": " ".join(html_blocks(outputs["html"])),
        "docx": " ".join(docx_blocks(outputs["docx"])),
        "pdf": normalise(pdf_text(outputs["pdf"])),
    }
    for fmt, text in texts.items():
        assert "d'ONG russes à Moscou et à Saint-Pétersbourg du 24 au 27 avril" in text, fmt


def test_the_example_s_french_keeps_its_semicolon_with_its_word() -> None:
    outputs = drafter.render_all(drafter.load_release(REFERENCE_YAML), language="fr")
    with zipfile.ZipFile(io.BytesIO(outputs["docx"])) as word:
        document = word.read("word/document.xml").decode()
    for fmt, text in (("html", outputs["html"].decode()), ("docx", document)):
        assert "Conseil des droits de l'homme\u00a0; OSCE" in text.replace("&#39;", "'"), fmt
