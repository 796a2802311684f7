"""Language versions: one set of facts, each language's text, wording from the catalogues."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pikepdf
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from edits import EXAMPLE, FULL_TEXT, TEXT, line_of
from fontTools.ttLib import TTFont
from textutil import docx_text, html_text, normalise, pdf_text

import drafter
from drafter.errors import InputError, TemplateError, UsageError
from drafter.languages import language_version
from drafter.loading import read_source
from drafter.wording import long_date, ordinal

# The English house's labels and sentence frames: none may be left in another language.
ENGLISH = [
    "FOR FURTHER DETAILS",
    "EUROPEAN UNION",
    "Brussels",
    "held their",
    "round of",
    "In line with established practice",
    "should take place",
    "Previous",
    "Emblem of the European Union",
    "July",
]

# 15 as an ordinal word and 24 July 2012 in each official language (CLDR, num2words), in the
# form the language's sentence takes.
EXPECTED = {
    "bg": ("петнайсети", "24 юли 2012 г."),  # noqa: RUF001
    "cs": ("15.", "24. července 2012"),
    "da": ("femtende", "24. juli 2012"),
    "de": ("fünfzehnte", "24. Juli 2012"),
    "el": ("δέκατος πέμπτος", "24 Ιουλίου 2012"),
    "en": ("fifteenth", "24 July 2012"),
    "es": ("decimoquinta", "24 de julio de 2012"),
    "et": ("15.", "24. juuli 2012"),
    "fi": ("viidestoista", "24. heinäkuuta 2012"),
    "fr": ("quinzième", "24 juillet 2012"),
    "ga": ("15ú", "24 Iúil 2012"),
    "hr": ("petnaesti", "24. srpnja 2012."),
    "hu": ("tizenötödik", "2012. július 24."),
    "it": ("quindicesimo", "24 luglio 2012"),
    "lt": ("15-asis", "2012 m. liepos 24 d."),
    "lv": ("15.", "2012. gada 24. jūlijs"),
    "mt": ("15.", "24 ta’ Lulju 2012"),  # noqa: RUF001
    "nl": ("vijftiende", "24 juli 2012"),
    "pl": ("piętnastą", "24 lipca 2012 r."),  # as "piętnastą rundę" takes it
    "pt": ("décima quinta", "24 de julho de 2012"),
    "ro": ("al cincisprezecelea", "24 iulie 2012"),
    "sk": ("15.", "24. júla 2012"),
    "sl": ("petnajsti", "24. julij 2012"),
    "sv": ("femtonde", "24 juli 2012"),
}


@pytest.fixture(scope="module")
def release() -> drafter.Release:
    return drafter.load_release(FULL_TEXT)


def _one_language(code: str) -> drafter.Release:
    """The example's English facts, declared as written in `code` (no translations).

    A draft: a final release is refused in a language whose catalogue lacks a message.
    """
    text = TEXT.replace("language: en\n", f"language: {code}\n")
    return drafter.load_release(text.replace("status: final", "status: draft"))


def test_the_example_has_four_languages(release: drafter.Release) -> None:
    assert release.languages == ("en", "fr", "de", "bg")


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_eu_language_renders_date_ordinal_and_code(code: str) -> None:
    word, day = EXPECTED[code]
    html = html_text(drafter.render(_one_language(code), "html"))
    assert day in html and code.upper() in html.split()
    assert word in html


def test_the_24_languages_are_the_schema_s() -> None:
    from drafter.schema import EU_LANGUAGES

    assert sorted(EXPECTED) == sorted(EU_LANGUAGES)
    assert long_date(date(2012, 7, 24), "fr") == "24 juillet 2012"
    assert ordinal(1, "fr", form="feminine") == "première"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "fr",
            "Le 20 juillet 2012, l'Union européenne et la Fédération de Russie ont tenu leur "
            "quinzième cycle de consultations sur les droits de l'homme à Bruxelles.",
        ),
        (
            "de",
            "Am 20. Juli 2012 haben die Europäische Union und die Russische Föderation in "
            "Brüssel ihre fünfzehnte Runde der Menschenrechtskonsultationen abgehalten.",
        ),
    ],
)
def test_every_format_has_the_translated_text_and_no_english(
    release: drafter.Release, code: str, expected: str
) -> None:
    outputs = drafter.render_all(release, language=code)
    texts = {
        "html": normalise(html_text(outputs["html"])),
        "pdf": normalise(pdf_text(outputs["pdf"])),
        "docx": normalise(docx_text(outputs["docx"])),
    }
    for fmt, text in texts.items():
        assert expected in text, fmt
        assert code.upper() in text.split(), fmt
        assert [word for word in ENGLISH if word in text] == [], fmt
        assert "P R E S S E" in text, fmt
    assert f'lang="{code}"' in outputs["html"].decode()
    assert docx.Document(io.BytesIO(outputs["docx"])).core_properties.language == (
        f"{code}-{code.upper()}"
    )
    with pikepdf.open(io.BytesIO(outputs["pdf"])) as pdf:
        assert str(pdf.Root.Lang) == code
        title = str(pdf.docinfo["/Title"])
    assert title in texts["html"] and " hold " not in title


def test_english_keeps_the_house_wording(release: drafter.Release) -> None:
    text = normalise(html_text(drafter.render(release, "html")))
    assert "held their fifteenth round of human rights consultations in Brussels." in text


def test_a_missing_message_falls_back_to_english_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="drafter"):
        html = html_text(drafter.render(_one_language("pt"), "html"))
    assert "P R E S S" in html
    warned = [r.getMessage() for r in caplog.records if "'P R E S S'" in r.getMessage()]
    assert len(warned) == 1 and "pt catalogue" in warned[0]


def test_a_fact_in_a_translation_is_refused_with_field_and_line() -> None:
    text = FULL_TEXT.replace("  fr:\n    issuer:", "  fr:\n    date: 2012-07-25\n    issuer:")
    with pytest.raises(InputError) as caught:
        drafter.load_release(text)
    (problem,) = caught.value.problems
    assert problem.field == "translations.fr.date"
    assert problem.line == line_of(text, "date: 2012-07-25")
    assert "shared by every language" in problem.message


def test_a_bad_value_in_a_translation_names_its_path() -> None:
    text = FULL_TEXT.replace("    issuer: Union européenne\n", "    issuer: Union\x1b\n")
    with pytest.raises(InputError) as caught:
        drafter.load_release(text)
    assert [p.field for p in caught.value.problems] == ["translations.fr.issuer"]
    assert caught.value.problems[0].line == line_of(text, "issuer: Union\x1b")


def test_a_count_mismatch_of_meetings_is_refused() -> None:
    text = FULL_TEXT.replace("        - participants: des ONG internationales\n", "")
    with pytest.raises(InputError) as caught:
        drafter.load_release(text)
    assert [p.field for p in caught.value.problems] == ["translations.fr.civil_society.meetings"]


def test_an_absent_language_is_refused(release: drafter.Release) -> None:
    with pytest.raises(UsageError, match="no version in es"):
        drafter.render(release, "html", language="es")


@pytest.mark.parametrize("code", ["bg", "el"])
def test_cyrillic_and_greek_are_drawn_by_the_embedded_fonts(code: str) -> None:
    pdf = drafter.render(_one_language(code), "pdf")
    covered: set[int] = set()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for font in page.Resources.Font.values():
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                program = descendant.FontDescriptor.get("/FontFile2")
                if program is not None:
                    with TTFont(io.BytesIO(program.read_bytes())) as face:
                        covered |= set(face.getBestCmap() or {})
    text = pdf_text(pdf)
    assert any(0x370 <= ord(c) <= 0x4FF for c in text)
    missing = {c for c in text if not c.isspace() and ord(c) not in covered}
    assert missing == set()


# --- the catalogues -------------------------------------------------------------------------

LOCALE = Path(__file__).resolve().parents[1] / "templates" / "eu-press" / "locale"
COMPLETE = ("fr", "de", "bg", "it", "es", "nl", "pl")


def _messages(path: Path) -> dict[tuple[str | None, str], str]:
    with path.open("rb") as stream:
        return {
            (m.context, m.id): str(m.string)
            for m in read_po(stream)
            if isinstance(m.id, str) and m.id
        }


def test_the_template_lists_every_message_of_the_templates() -> None:
    folder = LOCALE.parent
    options = {"extensions": "jinja2.ext.i18n"}
    used = {
        (context, message)
        for house in (folder, folder.parent / "eeas-web")  # eeas-web speaks eu-press's catalogue
        for _, _, message, _, context in extract_from_dir(
            str(house), method_map=[("**.j2", "jinja2")], options_map={"**.j2": options}
        )
    }
    listed = set(_messages(LOCALE / "house.pot"))
    assert used <= listed
    assert {context for context, _ in listed - used} == {"EU", "grammar"}  # used by Python


@pytest.mark.parametrize("code", COMPLETE)
def test_a_complete_catalogue_translates_every_message(code: str) -> None:
    messages = _messages(LOCALE / code / "LC_MESSAGES" / "house.po")
    template = _messages(LOCALE / "house.pot")
    untranslated = [key for key in template if not messages.get(key) and key[0] != "grammar"]
    assert untranslated == []


def test_every_language_has_a_catalogue() -> None:
    from drafter.schema import EU_LANGUAGES

    found = sorted(path.parent.parent.name for path in LOCALE.glob("*/LC_MESSAGES/house.po"))
    assert found == sorted(set(EU_LANGUAGES) - {"en"})


def _variant(code: str, **changes: Any) -> drafter.Release:
    data = read_source(TEXT).data
    data["language"] = code
    for path, value in changes.items():
        *parents, key = path.split(".")
        node = data
        for part in parents:
            node = node[part]
        if value is None:
            node.pop(key, None)
        else:
            node[key] = value
    return drafter.validate_release(data)


VARIANTS: dict[str, dict[str, Any]] = {
    "as-is": {},
    "named-event": {"meeting.article": "the", "meeting.name": "Human Rights Dialogue"},
    "no-round": {"meeting.round": None},
    "named-event-no-round": {"meeting.article": "the", "meeting.round": None},
    "several-days": {"meeting.end_date": "2012-07-21"},
    "next-round-date-place": {
        "next_round.timing": None,
        "next_round.date": "2013-01-15",
        "next_round.place": "Moscow",
    },
    "figures": {"meeting.round_style": "figures"},
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("code", COMPLETE)
def test_every_sentence_frame_renders_with_no_english_fallback(
    code: str, variant: str, caplog: pytest.LogCaptureFixture
) -> None:
    release = _variant(code, **VARIANTS[variant])
    with caplog.at_level(logging.WARNING, logger="drafter"):
        html = html_text(drafter.render(release, "html"))
    # the reference's English names, kept in this variant, are warned of (drafter.local_names)
    found = [r.getMessage() for r in caplog.records if r.name != "drafter.local_names"]
    assert found == []
    assert code.upper() in html.split()


def test_dates_of_several_days_and_of_the_next_round_in_french() -> None:
    release = _variant("fr", **VARIANTS["several-days"], **VARIANTS["next-round-date-place"])
    text = normalise(html_text(drafter.render(release, "html")))
    assert text.count("Du 20 au 21 juillet 2012, ") == 1
    assert "du 24 au 27 avril" in text
    # a file written in French (no translations): its place is printed as written
    assert "devrait avoir lieu à Moscow le 15 janvier 2013." in text


def test_a_user_catalogue_replaces_the_house_s(tmp_path: Path, release: drafter.Release) -> None:
    mine = tmp_path / "mine" / "locale" / "fr" / "LC_MESSAGES"
    mine.mkdir(parents=True)
    house = (LOCALE / "fr" / "LC_MESSAGES" / "house.po").read_text(encoding="utf-8")
    edited = house.replace('msgstr "P R E S S E"', 'msgstr "COMMUNIQUÉ DE PRESSE"')
    assert edited != house
    (mine / "house.po").write_text(edited, encoding="utf-8")
    html = drafter.render(release, "html", language="fr", templates=tmp_path / "mine")
    assert "COMMUNIQUÉ DE PRESSE" in html.decode()


def test_a_catalogue_holds_text_not_markup(tmp_path: Path, release: drafter.Release) -> None:
    mine = tmp_path / "mine" / "locale" / "fr" / "LC_MESSAGES"
    mine.mkdir(parents=True)
    house = (LOCALE / "fr" / "LC_MESSAGES" / "house.po").read_text(encoding="utf-8")
    (mine / "house.po").write_text(house.replace('"P R E S S E"', '"<b>PRESSE</b>"'), "utf-8")
    html = drafter.render(release, "html", language="fr", templates=tmp_path / "mine").decode()
    assert "&lt;b&gt;PRESSE&lt;/b&gt;" in html and "<b>" not in html


def test_a_message_a_translator_broke_is_a_template_error(
    tmp_path: Path, release: drafter.Release
) -> None:
    mine = tmp_path / "mine" / "locale" / "fr" / "LC_MESSAGES"
    mine.mkdir(parents=True)
    house = (LOCALE / "fr" / "LC_MESSAGES" / "house.po").read_text(encoding="utf-8")
    (mine / "house.po").write_text(house.replace("%(place)s, le", "%(lieu)s, le"), "utf-8")
    with pytest.raises(TemplateError, match="lieu"):
        drafter.render(release, "html", language="fr", templates=tmp_path / "mine")


# --- the API and the files ------------------------------------------------------------------


def test_write_release_writes_the_languages_asked_for(
    tmp_path: Path, release: drafter.Release
) -> None:
    written = drafter.write_release(release, tmp_path, ["html"], languages=["de", "en"])
    assert [p.name for p in written] == [
        "2012-07-24_A-350-12_DE.html",
        "2012-07-24_A-350-12.html",  # the own language keeps the plain name
    ]
    own = drafter.write_release(release, tmp_path / "own", ["html"])
    assert [p.name for p in own] == ["2012-07-24_A-350-12.html"]
    with pytest.raises(UsageError, match="no version in es"):
        drafter.write_release(release, tmp_path / "x", ["html"], languages=["es"])
    assert not (tmp_path / "x").exists()


def test_places_are_named_from_cldr_unless_the_translation_names_them(
    release: drafter.Release, caplog: pytest.LogCaptureFixture
) -> None:
    german = language_version(release, "de")
    assert (german.place, german.meeting.place) == ("Brüssel", "Brüssel")
    assert german.civil_society is not None
    assert german.civil_society.meetings[0].places == ["Moskau", "Sankt Petersburg"]  # given
    assert german.civil_society.meetings[1].places == ["Brüssel"]  # from CLDR
    assert german.eu.name == "die Europäische Union"  # from the catalogue
    assert german.translations == {} and german.date == release.date


def test_text_left_untranslated_is_warned_of(caplog: pytest.LogCaptureFixture) -> None:
    text = FULL_TEXT.replace("    issuer: Europäische Union\n", "")
    with caplog.at_level(logging.WARNING, logger="drafter"):
        html = html_text(drafter.render(drafter.load_release(text), "html", language="de"))
    assert "EUROPEAN UNION" in html
    assert any("de version has no translation of issuer" in r.getMessage() for r in caplog.records)


def test_a_translation_is_the_same_bytes_in_fresh_processes(
    tmp_path: Path, release: drafter.Release
) -> None:
    expected = drafter.render_all(release, language="bg")
    for seed in ("1", "2"):
        out = tmp_path / seed
        environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        command = [sys.executable, "-m", "drafter", "new", str(EXAMPLE), "--lang", "bg"]
        subprocess.run(
            [*command, "--out", str(out)],
            env=environment | {"PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
            timeout=120,
        )
        for fmt, data in expected.items():
            assert (out / f"2012-07-24_A-350-12_BG.{fmt}").read_bytes() == data, (seed, fmt)


def test_the_json_schema_lists_a_translation_s_text_fields_only() -> None:
    schema = drafter.release_schema()
    translation = schema["properties"]["translations"]["additionalProperties"]
    assert translation["additionalProperties"] is False
    assert "date" not in translation["properties"] and "issuer" in translation["properties"]
    meeting = translation["properties"]["meeting"]["properties"]
    assert sorted(meeting) == ["article", "name", "opening", "place"]
    meetings = translation["properties"]["civil_society"]["properties"]["meetings"]
    assert sorted(meetings["items"]["properties"]) == ["participants", "places"]


def test_a_translation_may_name_the_eu_the_file_leaves_to_the_house() -> None:
    text = FULL_TEXT.replace(
        "  de:\n    issuer: Europäische Union\n",
        "  de:\n    issuer: Europäische Union\n    eu:\n      short_name: die Union\n",
    )
    german = language_version(drafter.load_release(text), "de")
    assert (german.eu.name, german.eu.short_name) == ("die Europäische Union", "die Union")
    html = html_text(drafter.render(drafter.load_release(text), "html", language="de"))
    assert "traf die Union Vertreter" in html


@pytest.mark.parametrize(
    ("code", "banner", "embargo"),
    [
        ("fr", "PROJET : ne pas publier", "EMBARGO : ne pas publier avant le 24 juillet 2012"),
        ("de", "ENTWURF: nicht zur Veröffentlichung", "SPERRFRIST: nicht vor dem 24. Juli 2012"),
    ],
)
def test_a_draft_s_marks_are_in_its_language(code: str, banner: str, embargo: str) -> None:
    draft = drafter.load_release(
        FULL_TEXT.replace("status: final", "status: draft") + "embargo: 2012-07-24 12:00\n"
    )
    outputs = drafter.render_all(draft, language=code)
    for fmt, read in (("html", html_text), ("pdf", pdf_text), ("docx", docx_text)):
        text = normalise(read(outputs[fmt]))
        assert banner in text and embargo in text, fmt
        assert "publication" not in text.replace("Veröffentlichung", ""), fmt
        assert "DRAFT" not in text.split(), fmt


def test_a_french_draft_s_e_mail_subject_is_marked_in_french() -> None:
    from email import message_from_bytes, policy

    draft = drafter.load_release(FULL_TEXT.replace("status: final", "status: draft"))
    message = message_from_bytes(drafter.render(draft, "eml", language="fr"), policy=policy.default)
    assert str(message["Subject"]).startswith("[PROJET] L'UE et la Russie")
