# ruff: noqa: RUF001 - Polish joins the parties and the days with an en dash
"""Italian, Spanish, Dutch and Polish versions of the reference release, as the EU words them.

The reference example's facts with a translation in each language (its text only, as a
translator gives it): the generated sentences must read as the EU institutions' press
releases in that language read, with no English and no warning, in every format.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import pytest
from edits import TEXT
from familyutil import texts
from textutil import html_text

import drafter
from drafter.grammar import at_place, contract, meeting_forms, talks_of
from drafter.loading import read_source
from drafter.wording import long_date, ordinal

# What a translator gives for each language: the text fields only, the facts are shared.
TRANSLATIONS: dict[str, dict[str, Any]] = {
    "it": {
        "issuer": "Unione europea",
        "counterpart": {"name": "la Federazione russa", "short_name": "la Russia"},
        "meeting": {"name": "consultazioni sui diritti umani"},
        "body": ["Le consultazioni si sono svolte in un clima aperto."],
        "civil_society": {
            "meetings": [
                {
                    "participants": "rappresentanti di ONG russe",
                    "places": ["Mosca", "San Pietroburgo"],
                },
                {"participants": "ONG internazionali"},
            ]
        },
        "next_round": {
            "timing": "nell'autunno 2012",
            "remark": "L'UE ha ribadito l'auspicio che il prossimo ciclo si tenga a Mosca.",
        },
    },
    "es": {
        "issuer": "Unión Europea",
        "counterpart": {"name": "la Federación de Rusia", "short_name": "Rusia"},
        "meeting": {"name": "consultas sobre derechos humanos"},
        "body": ["Las consultas se desarrollaron en un ambiente abierto."],
        "civil_society": {
            "meetings": [
                {
                    "participants": "representantes de ONG rusas",
                    "places": ["Moscú", "San Petersburgo"],
                },
                {"participants": "ONG internacionales"},
            ]
        },
        "next_round": {
            "timing": "en otoño de 2012",
            "remark": "La UE reiteró su deseo de celebrar la próxima ronda en Moscú.",
        },
    },
    "nl": {
        "issuer": "Europese Unie",
        "counterpart": {"name": "de Russische Federatie", "short_name": "Rusland"},
        "meeting": {"name": "mensenrechtenconsultaties"},
        "body": ["De consultaties verliepen in een open sfeer."],
        "civil_society": {
            "meetings": [
                {
                    "participants": "vertegenwoordigers van Russische ngo's",
                    "places": ["Moskou", "Sint-Petersburg"],
                },
                {"participants": "internationale ngo's"},
            ]
        },
        "next_round": {
            "timing": "in het najaar van 2012",
            "remark": "De EU herhaalde haar wens de volgende ronde in Moskou te houden.",
        },
    },
    "pl": {
        "issuer": "Unia Europejska",
        "counterpart": {"name": "Federacja Rosyjska", "short_name": "Rosja"},
        "meeting": {"name": "konsultacje w sprawie praw człowieka"},
        "body": ["Konsultacje przebiegły w otwartej atmosferze."],
        "civil_society": {
            "meetings": [
                {
                    "participants": "przedstawicielami rosyjskich organizacji pozarządowych",
                    "places": ["Moskwa", "Sankt Petersburg"],
                },
                {"participants": "międzynarodowymi organizacjami pozarządowymi"},
            ]
        },
        "next_round": {
            "timing": "jesienią 2012 r.",
            "remark": "UE ponowiła swoje życzenie, by następna runda odbyła się w Moskwie.",
        },
    },
}

# The generated blocks of each version: title, date line, opening, civil society, next
# round, the previous rounds' heading, and the labels.
EXPECTED: dict[str, tuple[str, ...]] = {
    "it": (
        "L'UE e la Russia tengono consultazioni sui diritti umani",
        "Bruxelles, 24 luglio 2012",
        "Il 20 luglio 2012 l'Unione europea e la Federazione russa hanno tenuto a Bruxelles il "
        "quindicesimo ciclo di consultazioni sui diritti umani.",
        "Conformemente alla prassi consolidata e al fine di tenere conto del punto di vista della "
        "società civile, l'UE ha incontrato rappresentanti di ONG russe a Mosca e a San "
        "Pietroburgo dal 24 al 27 aprile e ONG internazionali a Bruxelles il 19 giugno.",
        "Il prossimo ciclo di consultazioni sui diritti umani tra l'UE e la Russia dovrebbe "
        "svolgersi nell'autunno 2012.",
        "Precedenti cicli di consultazioni sui diritti umani:",
        "S T A M P A",
        "PER ULTERIORI INFORMAZIONI:",
    ),
    "es": (
        "La UE y Rusia celebran consultas sobre derechos humanos",
        "Bruselas, 24 de julio de 2012",
        "El 20 de julio de 2012, la Unión Europea y la Federación de Rusia celebraron en Bruselas "
        "su decimoquinta ronda de consultas sobre derechos humanos.",
        "Conforme a la práctica establecida y con el fin de tener en cuenta las opiniones de la "
        "sociedad civil, la UE se reunió con representantes de ONG rusas en Moscú y San "
        "Petersburgo del 24 al 27 de abril y ONG internacionales en Bruselas el 19 de junio.",
        "La próxima ronda de consultas sobre derechos humanos entre la UE y Rusia debería "
        "celebrarse en otoño de 2012.",
        "Rondas anteriores de consultas sobre derechos humanos:",
        "P R E N S A",
        "PARA MÁS INFORMACIÓN:",
    ),
    "nl": (
        "De EU en Rusland houden mensenrechtenconsultaties",
        "Brussel, 24 juli 2012",
        "Op 20 juli 2012 hebben de Europese Unie en de Russische Federatie in Brussel hun "
        "vijftiende ronde van mensenrechtenconsultaties gehouden.",
        "Overeenkomstig de gevestigde praktijk en om rekening te houden met de standpunten van "
        "het maatschappelijk middenveld, ontmoette de EU vertegenwoordigers van Russische ngo's "
        "in Moskou en Sint-Petersburg van 24 tot en met 27 april en internationale ngo's in "
        "Brussel op 19 juni.",
        "De volgende ronde van de mensenrechtenconsultaties tussen de EU en Rusland zal in het "
        "najaar van 2012 plaatsvinden.",
        "Eerdere mensenrechtenconsultaties:",
        "P E R S",
        "VOOR MEER INFORMATIE:",
    ),
    "pl": (
        "UE i Rosja prowadzą konsultacje w sprawie praw człowieka",
        "Bruksela, 24 lipca 2012 r.",
        "20 lipca 2012 r. Unia Europejska i Federacja Rosyjska przeprowadziły w Brukseli "
        "piętnastą rundę konsultacji w sprawie praw człowieka.",
        "Zgodnie z przyjętą praktyką i aby uwzględnić opinie społeczeństwa obywatelskiego, UE "
        "spotkała się z przedstawicielami rosyjskich organizacji pozarządowych w Moskwie i w "
        "Sankt Petersburgu w dniach 24–27 kwietnia i międzynarodowymi organizacjami "
        "pozarządowymi w Brukseli 19 czerwca.",
        "Następna runda konsultacji UE–Rosja w sprawie praw człowieka powinna się odbyć "
        "jesienią 2012 r.",
        "Poprzednie rundy konsultacji w sprawie praw człowieka:",
        "P R A S A",
        "DODATKOWE INFORMACJE:",
    ),
}

ENGLISH = ("hold", "held", "round of", "In line with", "should take place", "Previous", "PRESS")


def _release(code: str) -> dict[str, Any]:
    data: dict[str, Any] = read_source(TEXT).data
    data["translations"] = {code: TRANSLATIONS[code]}
    return data


@pytest.mark.parametrize("code", sorted(TRANSLATIONS))
def test_the_reference_reads_as_the_eu_writes_it(
    code: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="drafter"):
        found = texts(_release(code), code)
    assert [r.getMessage() for r in caplog.records] == []
    for fmt, text in found.items():
        for words in EXPECTED[code]:
            assert words in text, f"{code} {fmt}: {words!r} not in {text!r}"
        assert [word for word in ENGLISH if word in text] == [], fmt
        assert code.upper() in text.split(), fmt


@pytest.mark.parametrize(
    ("name", "code", "the", "of", "their"),
    [
        ("dialogo sui diritti umani", "it", "il dialogo", "del dialogo", "il loro dialogo"),
        ("incontro ad alto livello", "it", "l'incontro", "dell'incontro", "il loro incontro"),
        ("scambio di opinioni", "it", "lo scambio", "dello scambio", "il loro scambio"),
        ("consultazioni politiche", "it", "le consultazioni", "delle consultazioni", "le loro"),
        ("colloqui politici", "it", "i colloqui", "dei colloqui", "i loro colloqui"),
        ("diálogo sobre derechos humanos", "es", "el diálogo", "del diálogo", "su diálogo"),
        ("consultas políticas", "es", "las consultas", "de las consultas", "sus consultas"),
        ("reunión ministerial", "es", "la reunión", "de la reunión", "su reunión"),
        ("mensenrechtendialoog", "nl", "de mensenrechtendialoog", "van de", "hun"),
        ("politiek overleg", "nl", "het politiek overleg", "van het politiek overleg", "hun"),
        ("dialog na temat praw człowieka", "pl", "dialog na", "dialogu na temat", "dialog"),
        ("dialog polityczny", "pl", "dialog polityczny", "dialogu politycznego", "dialog"),
        ("sesja plenarna", "pl", "sesję plenarną", "sesji plenarnej", "sesję"),
        ("spotkanie ministrów", "pl", "spotkanie ministrów", "spotkania ministrów", "spotkanie"),
    ],
)
def test_a_meeting_s_name_takes_the_language_s_article_and_case(
    name: str, code: str, the: str, of: str, their: str
) -> None:
    forms = meeting_forms(name, code)
    assert forms["the_meeting"].startswith(the)
    assert forms["meeting_of"].startswith(of)
    assert forms["their_meeting"].startswith(their)


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("it", "tenuto a Il Cairo il undicesimo ciclo di il dialogo", "al Cairo l'undicesimo"),
        ("it", "dal 8 al 11 maggio, in il 2012", "dall'8 all'11 maggio, nel 2012"),
        ("it", "a L'Aia e a Bruxelles", "all'Aia e a Bruxelles"),
        ("es", "de el diálogo a el que la UE y Indonesia", "del diálogo al que la UE e Indonesia"),
        ("es", "en El Cairo, de El Salvador", "en El Cairo, de El Salvador"),
        ("pl", "przeprowadziły w Bruksela rundę", "przeprowadziły w Brukseli rundę"),
        ("pl", "w Wrocław, w Kair i w Wiedeń", "we Wrocławiu, w Kairze i w Wiedniu"),
        ("pl", "w Biszkek, w Praga, w Genewa", "w Biszkeku, w Pradze, w Genewie"),
        ("pl", "w Zurych, w Nowy Jork, w Kijów", "w Zurychu, w Nowym Jorku, w Kijowie"),
        # a place the translator declined is left as written
        ("pl", "w Unii Europejskiej i w Stanach Zjednoczonych", "w Unii Europejskiej i w Stanach"),
        ("pl", "w Brukseli, w Moskwie, w Nowym Jorku", "w Brukseli, w Moskwie, w Nowym Jorku"),
        # CLDR's month and year (listopad 2013) as the preposition before it asks
        ("pl", "w listopad 2013 r., w wrzesień 2014 r.", "w listopadzie 2013 r., we wrześniu"),
        ("pl", "do końca luty 2014 r.", "do końca lutego 2014 r."),
        ("pl", "30 listopada 2016 r., w 2013 r.", "30 listopada 2016 r., w 2013 r."),
        # the ordinal in the catalogue's accusative before runda in the nominative
        ("pl", "Dwudziestą pierwszą runda dialogu", "Dwudziesta pierwsza runda dialogu"),
        ("pl", "przeprowadziły piętnastą rundę", "przeprowadziły piętnastą rundę"),
    ],
)
def test_prepositions_join_their_article_and_take_their_case(
    code: str, text: str, expected: str
) -> None:
    assert expected in contract(text, code)


def test_places_and_talks_as_the_sentences_take_them() -> None:
    assert at_place("Il Cairo", "it") == "al Cairo"
    assert at_place("Moskwa", "pl") == "w Moskwie"
    assert talks_of("konsultacje w sprawie praw człowieka", "UE", "Rosja", "pl") == (
        "konsultacji UE–Rosja w sprawie praw człowieka"
    )


def test_ordinals_and_dates_in_the_languages_forms() -> None:
    assert ordinal(15, "pl", form="feminine-accusative") == "piętnastą"
    assert ordinal(21, "pl", form="feminine-accusative") == "dwudziestą pierwszą"
    assert ordinal(3, "pl", form="feminine-accusative") == "trzecią"
    assert ordinal(2, "pl", form="feminine-accusative") == "drugą"
    assert ordinal(15, "es", form="feminine") == "decimoquinta"
    assert ordinal(11, "it", form="masculine") == "undicesimo"
    first = date(2012, 7, 1)
    assert long_date(first, "pl") == "1 lipca 2012 r."
    assert long_date(first, "pl", year=False) == "1 lipca"
    assert long_date(first, "it") == "1º luglio 2012"


@pytest.mark.parametrize(
    ("code", "short_name", "title"),
    [
        ("es", "Indonesia", "La UE e Indonesia celebran consultas sobre derechos humanos"),
        ("it", "l'Indonesia", "L'UE e l'Indonesia tengono consultazioni sui diritti umani"),
    ],
)
def test_the_title_s_words_join_as_the_language_joins_them(
    code: str, short_name: str, title: str
) -> None:
    data = _release(code)
    data["translations"][code]["counterpart"]["short_name"] = short_name
    html = html_text(drafter.render(drafter.validate_release(data), "html", language=code))
    assert title in html


def test_an_italian_date_on_the_8th_is_elided_in_the_link_and_the_embargo() -> None:
    data = _release("it") | {"date": "2012-08-08", "status": "draft"}
    data["embargo"] = "2012-08-08 12:00"
    data["previous_rounds"] = [{"date": "2011-05-08", "url": "https://eeas.europa.eu/a"}]
    html = drafter.render(drafter.validate_release(data), "html", language="it").decode()
    assert 'aria-label="Consultazioni sui diritti umani dell&#39;8 maggio 2011"' in html
    assert "EMBARGO: da non pubblicare prima dell&#39;8 agosto 2012, 12:00 CEST" in html


def test_a_file_written_in_italian_names_the_eu_in_italian() -> None:
    base = read_source(TEXT).data
    italian = TRANSLATIONS["it"]
    data = base | italian | {"language": "it", "place": "Bruxelles"}
    data["meeting"] = base["meeting"] | italian["meeting"] | {"place": "Bruxelles"}
    texts_of = italian["civil_society"]["meetings"]
    meetings = zip(base["civil_society"]["meetings"], texts_of, strict=True)
    data["civil_society"] = {"meetings": [meeting | text for meeting, text in meetings]}
    data["civil_society"]["meetings"][1]["places"] = ["Bruxelles"]
    data["next_round"] = base["next_round"] | italian["next_round"]
    text = html_text(drafter.render(drafter.validate_release(data), "html"))
    assert "Il 20 luglio 2012 l'Unione europea e la Federazione russa hanno tenuto" in text
    assert "the European Union" not in text and "the EU" not in text
