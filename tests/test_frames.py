# ruff: noqa: RUF001 - Bulgarian words are written in Cyrillic
"""The opening sentence's frames (the `opening` block) and who speaks, in English, French, German.

Each frame is picked by facts alone; the opening sentence is rendered in each language and
compared, word for word, with what an EU press office writes.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import pytest
import yaml
from clirun import run
from familyutil import assert_in_all, texts
from frameutil import translated_round
from textutil import normalise

import drafter
from drafter.next_round import draft_next

# The 35th round of the EU-China Human Rights Dialogue, with its French and German text.
CHINA: dict[str, Any] = {
    "issuer": "European Union",
    "place": "Brussels",
    "date": "2016-12-02",
    "status": "final",
    "counterpart": {"name": "China", "short_name": "China"},
    "meeting": {
        "name": "Human Rights Dialogue",
        "article": "the",
        "round": 35,
        "round_style": "figures",
        "date": "2016-11-30",
        "end_date": "2016-12-01",
        "place": "Brussels",
    },
    "translations": {
        "fr": {
            "issuer": "Union européenne",
            "counterpart": {"name": "la Chine", "short_name": "la Chine"},
            "meeting": {"name": "dialogue sur les droits de l'homme"},
        },
        "de": {
            "issuer": "Europäische Union",
            "counterpart": {"name": "China", "short_name": "China"},
            "meeting": {"name": "Menschenrechtsdialog"},
        },
    },
}

# Talks in the plural (EU-Russia human rights consultations).
_PLURAL = {
    "meeting": {"name": "human rights consultations", "article": "", "round": None},
    "counterpart": {"name": "the Russian Federation", "short_name": "Russia"},
}
_PLURAL_TEXT = {
    "fr": {
        "counterpart": {"name": "la Fédération de Russie", "short_name": "la Russie"},
        "meeting": {"name": "consultations sur les droits de l'homme"},
    },
    "de": {
        "counterpart": {"name": "die Russische Föderation", "short_name": "Russland"},
        "meeting": {"name": "Menschenrechtskonsultationen"},
    },
}


def _release(translated: dict[str, dict[str, Any]] | None = None, **changes: Any) -> dict[str, Any]:
    """The EU-China round with `changes` made to it and to its translations."""
    data: dict[str, Any] = translated_round(translated, release=CHINA, **changes)
    return data


def _opening(data: dict[str, Any], language: str) -> str:
    """The first paragraph of the release's body in `language`, as the reader sees it."""
    html = drafter.render(drafter.validate_release(data), "html", language=language)
    page = lxml.html.document_fromstring(html)
    return str(normalise(page.find(".//main/p[@class='body-text']").text_content()))


def _assert_openings(data: dict[str, Any], expected: dict[str, str]) -> None:
    for language, sentence in expected.items():
        assert _opening(data, language) == sentence, language


# --- the verb, the round phrase and the date's place --------------------------------------------


def test_took_place_on_two_days_joined_by_and() -> None:
    data = _release(opening={"verb": "took_place", "two_days": "and"})
    _assert_openings(
        data,
        {
            "en": "On 30 November and 1 December 2016, the 35th round of the EU-China Human "
            "Rights Dialogue took place in Brussels.",
            "fr": "Le 30 novembre et le 1er décembre 2016, le 35e cycle du dialogue sur les "
            "droits de l'homme entre l'UE et la Chine a eu lieu à Bruxelles.",
            "de": "Am 30. November und 1. Dezember 2016 fand in Brüssel die 35. Runde des "
            "Menschenrechtsdialogs EU-China statt.",
        },
    )


def test_two_days_of_one_month_joined_by_and() -> None:
    data = _release(
        date="2012-07-24",
        meeting={"date": "2012-07-20", "end_date": "2012-07-21"},
        opening={"two_days": "and"},
    )
    _assert_openings(
        data,
        {
            "en": "On 20 and 21 July 2012, the European Union and China held their 35th round "
            "of the Human Rights Dialogue in Brussels.",
            "fr": "Le 20 et le 21 juillet 2012, l'Union européenne et la Chine ont tenu leur "
            "35e cycle du dialogue sur les droits de l'homme à Bruxelles.",
            "de": "Am 20. und 21. Juli 2012 haben die Europäische Union und China in Brüssel "
            "ihre 35. Runde des Menschenrechtsdialogs abgehalten.",
        },
    )


def test_the_round_of_the_dialogue_with_the_date_last() -> None:
    data = _release(opening={"round_phrase": "of_dialogue", "date_first": False})
    _assert_openings(
        data,
        {
            "en": "The European Union and China held the 35th round of the EU-China Human "
            "Rights Dialogue in Brussels on 30 November-1 December 2016.",
            "fr": "L'Union européenne et la Chine ont tenu le 35e cycle du dialogue sur les "
            "droits de l'homme entre l'UE et la Chine à Bruxelles du 30 novembre au "
            "1er décembre 2016.",
            "de": "Die Europäische Union und China haben vom 30. November bis 1. Dezember 2016 "
            "in Brüssel die 35. Runde des Menschenrechtsdialogs EU-China abgehalten.",
        },
    )


def test_a_round_was_held() -> None:
    data = _release(meeting={"end_date": None}, opening={"verb": "were_held"})
    _assert_openings(
        data,
        {
            "en": "On 30 November 2016, the 35th round of the EU-China Human Rights Dialogue "
            "was held in Brussels.",
            "fr": "Le 30 novembre 2016, le 35e cycle du dialogue sur les droits de l'homme "
            "entre l'UE et la Chine s'est tenu à Bruxelles.",
            "de": "Am 30. November 2016 wurde in Brüssel die 35. Runde des "
            "Menschenrechtsdialogs EU-China abgehalten.",
        },
    )


def test_consultations_with_no_number_were_held_and_took_place() -> None:
    data = _release(_PLURAL_TEXT, **_PLURAL, opening={"verb": "were_held"})
    _assert_openings(
        data,
        {
            "en": "On 30 November-1 December 2016, EU-Russia human rights consultations were "
            "held in Brussels.",
            "fr": "Du 30 novembre au 1er décembre 2016, les consultations sur les droits de "
            "l'homme entre l'UE et la Russie ont eu lieu à Bruxelles.",
            "de": "Vom 30. November bis 1. Dezember 2016 wurden in Brüssel die "
            "EU-Russland-Menschenrechtskonsultationen abgehalten.",
        },
    )
    data = _release(_PLURAL_TEXT, **_PLURAL, opening={"verb": "took_place", "date_first": False})
    _assert_openings(
        data,
        {
            "en": "EU-Russia human rights consultations took place in Brussels on 30 "
            "November-1 December 2016.",
            "fr": "Les consultations sur les droits de l'homme entre l'UE et la Russie ont eu "
            "lieu à Bruxelles du 30 novembre au 1er décembre 2016.",
            "de": "Die EU-Russland-Menschenrechtskonsultationen fanden vom 30. November bis "
            "1. Dezember 2016 in Brüssel statt.",
        },
    )


def test_a_named_dialogue_with_no_number_took_place() -> None:
    data = _release(meeting={"round": None, "end_date": None}, opening={"verb": "took_place"})
    _assert_openings(
        data,
        {
            "en": "On 30 November 2016, the EU-China Human Rights Dialogue took place in Brussels.",
            "fr": "Le 30 novembre 2016, le dialogue sur les droits de l'homme entre l'UE et la "
            "Chine a eu lieu à Bruxelles.",
            "de": "Am 30. November 2016 fand in Brüssel der EU-China-Menschenrechtsdialog statt.",
        },
    )


# --- a round with no number ------------------------------------------------------------------


def test_a_regular_round_today_in_the_date_line_s_place() -> None:
    data = _release(
        date="2016-11-30",
        meeting={"round": None, "end_date": None},
        opening={"kind": "regular", "relative": "today", "place_in_opening": False},
    )
    _assert_openings(
        data,
        {
            "en": "Today, the European Union and China held a regular round of the EU-China "
            "Human Rights Dialogue.",
            "fr": "Aujourd'hui, l'Union européenne et la Chine ont tenu un cycle régulier du "
            "dialogue sur les droits de l'homme entre l'UE et la Chine.",
            "de": "Heute haben die Europäische Union und China eine reguläre Runde des "
            "Menschenrechtsdialogs EU-China abgehalten.",
        },
    )
    # the date stays a fact: the date line still prints it
    assert_in_all(data, "Brussels, 30 November 2016", "Today, the European Union")


def test_today_with_the_date_last() -> None:
    data = _release(
        date="2016-11-30",
        meeting={"end_date": None},
        opening={"relative": "today", "date_first": False},
    )
    _assert_openings(
        data,
        {
            "en": "The European Union and China held their 35th round of the Human Rights "
            "Dialogue in Brussels today.",
            "fr": "L'Union européenne et la Chine ont tenu leur 35e cycle du dialogue sur les "
            "droits de l'homme à Bruxelles aujourd'hui.",
            "de": "Die Europäische Union und China haben heute in Brüssel ihre 35. Runde des "
            "Menschenrechtsdialogs abgehalten.",
        },
    )


def test_another_round_took_place_with_the_date_last() -> None:
    data = _release(
        meeting={"round": None},
        opening={"kind": "another", "verb": "took_place", "date_first": False},
    )
    _assert_openings(
        data,
        {
            "en": "Another round of the EU-China Human Rights Dialogue took place in Brussels "
            "on 30 November-1 December 2016.",
            "fr": "Un nouveau cycle du dialogue sur les droits de l'homme entre l'UE et la "
            "Chine a eu lieu à Bruxelles du 30 novembre au 1er décembre 2016.",
            "de": "Eine weitere Runde des Menschenrechtsdialogs EU-China fand vom 30. November "
            "bis 1. Dezember 2016 in Brüssel statt.",
        },
    )


def test_the_first_round_launched_the_dialogue_continued_by_a_clause() -> None:
    translated = {
        "fr": {
            "opening": {"continues": "qui se réunira chaque année"},
            "meeting": {"place": "Pékin"},
        },
        "de": {
            "opening": {"continues": "der jedes Jahr stattfinden soll"},
            "meeting": {"place": "Peking"},
        },
    }
    data = _release(
        translated,
        meeting={"round": None, "end_date": None, "place": "Beijing"},
        opening={"kind": "first", "continues": "which is to meet every year"},
    )
    _assert_openings(
        data,
        {
            "en": "On 30 November 2016, the European Union and China launched their Human "
            "Rights Dialogue in Beijing, which is to meet every year.",
            "fr": "Le 30 novembre 2016, l'Union européenne et la Chine ont lancé leur dialogue "
            "sur les droits de l'homme à Pékin, qui se réunira chaque année.",
            "de": "Am 30. November 2016 haben die Europäische Union und China in Peking ihren "
            "Menschenrechtsdialog aufgenommen, der jedes Jahr stattfinden soll.",
        },
    )


def test_the_first_round_took_place() -> None:
    data = _release(
        meeting={"round": None, "end_date": None}, opening={"kind": "first", "verb": "took_place"}
    )
    _assert_openings(
        data,
        {
            "en": "On 30 November 2016, the 1st round of the EU-China Human Rights Dialogue "
            "took place in Brussels.",
            "fr": "Le 30 novembre 2016, le 1er cycle du dialogue sur les droits de l'homme "
            "entre l'UE et la Chine a eu lieu à Bruxelles.",
            "de": "Am 30. November 2016 fand in Brüssel die 1. Runde des Menschenrechtsdialogs "
            "EU-China statt.",
        },
    )


def test_the_place_left_to_the_date_line() -> None:
    data = _release(meeting={"end_date": None}, opening={"place_in_opening": False})
    _assert_openings(
        data,
        {
            "en": "On 30 November 2016, the European Union and China held their 35th round of "
            "the Human Rights Dialogue.",
            "fr": "Le 30 novembre 2016, l'Union européenne et la Chine ont tenu leur 35e cycle "
            "du dialogue sur les droits de l'homme.",
            "de": "Am 30. November 2016 haben die Europäische Union und China ihre 35. Runde "
            "des Menschenrechtsdialogs abgehalten.",
        },
    )


def test_the_opening_as_a_paragraph_of_its_own() -> None:
    body = {
        "en": "The dialogue covered freedom of expression.",
        "fr": "Le dialogue a porté sur la liberté d'expression.",
        "de": "Der Dialog betraf die Meinungsfreiheit.",
    }
    translated = {code: {"body": [body[code]]} for code in ("fr", "de")}
    joined = _release(translated, body=[body["en"]])
    own = _release(translated, body=[body["en"]], opening={"paragraph": "own"})
    for language, text in body.items():
        assert _opening(own, language) + " " + text == _opening(joined, language), language
        assert text not in _opening(own, language)
    assert _opening(own, "en") == (
        "On 30 November-1 December 2016, the European Union and China held their 35th round "
        "of the Human Rights Dialogue in Brussels."
    )
    for fmt in ("html", "docx"):  # paragraphs read back joined by " | "
        assert f"in Brussels. | {body['en']}" in texts(own)[fmt], fmt


# --- who speaks --------------------------------------------------------------------------------


def test_a_release_the_presidency_issues_names_the_eu_as_represented_by_it() -> None:
    translated = {
        "fr": {"presidency": "la présidence allemande"},
        "de": {"presidency": "die deutsche Präsidentschaft"},
    }
    data = _release(
        translated,
        issuer="Presidency of the Council of the European Union",
        issuer_role="presidency",
        presidency="the German Presidency",
        meeting={"end_date": None, "place": "Berlin"},
    )
    _assert_openings(
        data,
        {
            "en": "On 30 November 2016, the European Union, represented by the German "
            "Presidency, and China held their 35th round of the Human Rights Dialogue in Berlin.",
            "fr": "Le 30 novembre 2016, l'Union européenne, représentée par la présidence "
            "allemande, et la Chine ont tenu leur 35e cycle du dialogue sur les droits de "
            "l'homme à Berlin.",
            "de": "Am 30. November 2016 haben die Europäische Union, vertreten durch die "
            "deutsche Präsidentschaft, und China in Berlin ihre 35. Runde des "
            "Menschenrechtsdialogs abgehalten.",
        },
    )


def test_a_release_the_counterpart_issues_names_it_first_and_keeps_the_compound() -> None:
    data = _release(
        issuer_role="counterpart",
        opening={"round_phrase": "of_dialogue"},
        meeting={"end_date": None},
        next_round={"place": "Beijing"},
    )
    _assert_openings(
        data,
        {
            "en": "On 30 November 2016, China and the European Union held the 35th round of "
            "the EU-China Human Rights Dialogue in Brussels.",
            "fr": "Le 30 novembre 2016, la Chine et l'Union européenne ont tenu le 35e cycle du "
            "dialogue sur les droits de l'homme entre l'UE et la Chine à Bruxelles.",
            "de": "Am 30. November 2016 haben China und die Europäische Union in Brüssel die "
            "35. Runde des Menschenrechtsdialogs EU-China abgehalten.",
        },
    )
    assert_in_all(
        data,
        "China and the EU hold their Human Rights Dialogue",
        "The next round of the EU-China Human Rights Dialogue should take place in Beijing.",
    )


def test_the_compound_follows_its_own_order_not_who_is_named_first() -> None:
    data = _release(
        counterpart_first=True, compound_order="eu_first", next_round={"place": "Beijing"}
    )
    assert_in_all(data, "China and the EU hold", "round of the EU-China Human Rights Dialogue")
    data = _release(compound_order="counterpart_first", next_round={"place": "Beijing"})
    assert_in_all(data, "The EU and China hold", "round of the China-EU Human Rights Dialogue")
    data = _release(counterpart_first=True, next_round={"place": "Beijing"})  # as before
    assert_in_all(data, "round of the China-EU Human Rights Dialogue")


def test_a_name_holding_the_compound_is_not_given_it_twice() -> None:
    translated = {
        "fr": {"meeting": {"name": "dialogue UE-Chine sur les droits de l'homme"}},
        "de": {"meeting": {"name": "Menschenrechtsdialog EU-China"}},
    }
    data = _release(
        translated,
        meeting={"name": "EU-China Human Rights Dialogue", "end_date": None},
        opening={"verb": "took_place"},
        next_round={"place": "Beijing"},
    )
    _assert_openings(
        data,
        {
            "en": "On 30 November 2016, the 35th round of the EU-China Human Rights Dialogue "
            "took place in Brussels.",
            "fr": "Le 30 novembre 2016, le 35e cycle du dialogue UE-Chine sur les droits de "
            "l'homme a eu lieu à Bruxelles.",
            "de": "Am 30. November 2016 fand in Brüssel die 35. Runde des "
            "Menschenrechtsdialogs EU-China statt.",
        },
    )
    assert_in_all(
        data,
        "The next round of the EU-China Human Rights Dialogue should take place in Beijing.",
        absent=("EU-China EU-China",),
    )
    assert_in_all(
        data,
        "Le prochain cycle du dialogue UE-Chine sur les droits de l'homme devrait",
        language="fr",
    )
    assert_in_all(data, "Die nächste Runde des Menschenrechtsdialogs EU-China soll", language="de")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        (
            "joint communiqué",
            {"en": "Joint communiqué", "fr": "Communiqué conjoint", "de": "Gemeinsames Kommuniqué"},
        ),
        (
            "joint press release",
            {
                "en": "Joint press release",
                "fr": "Communiqué de presse conjoint",
                "de": "Gemeinsame Pressemitteilung",
            },
        ),
    ],
)
def test_a_joint_release_has_its_label_both_issuers_and_both_names(
    label: str, expected: dict[str, str]
) -> None:
    translated = {
        "fr": {"co_issuer": "République populaire de Chine"},
        "de": {"co_issuer": "Volksrepublik China"},
    }
    data = _release(translated, co_issuer="People's Republic of China", joint={"label": label})
    titles = {
        "en": "The EU and China hold their Human Rights Dialogue",
        "fr": "L'UE et la Chine tiennent leur dialogue sur les droits de l'homme",
        "de": "Die EU und China halten ihren Menschenrechtsdialog ab",
    }
    issuers = {
        "en": "EUROPEAN UNION | PEOPLE'S REPUBLIC OF CHINA",
        "fr": "UNION EUROPÉENNE | RÉPUBLIQUE POPULAIRE DE CHINE",
        "de": "EUROPÄISCHE UNION | VOLKSREPUBLIK CHINA",
    }
    for language in ("en", "fr", "de"):
        outputs = texts(data, language)
        for fmt in ("html", "docx"):
            assert f"| {expected[language]} | {titles[language]} |" in outputs[fmt], fmt
            assert issuers[language] in outputs[fmt], fmt
        assert f"{expected[language]} {titles[language]}" in outputs["pdf"]
    assert _opening(data, "en").startswith(
        "On 30 November-1 December 2016, the European Union and China held"
    )


# --- the facts refused ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        (
            {"opening": {"relative": "today"}},
            "opening.relative",
            "today is for a meeting of one day",
        ),
        (
            {
                "date": "2016-11-30",
                "meeting": {"end_date": None, "date": "2016-11-29"},
                "opening": {"relative": "today"},
            },
            "opening.relative",
            "the release is dated 2016-11-30",
        ),
        (
            {
                "meeting": {"end_date": "2016-12-02"},
                "date": "2016-12-03",
                "opening": {"two_days": "and"},
            },
            "opening.two_days",
            "two days running",
        ),
        ({"opening": {"kind": "regular"}}, "opening.kind", "meeting.round is 35"),
        (
            {"opening": {"verb": "took_place", "round_phrase": "their"}},
            "opening.round_phrase",
            "verb took_place",
        ),
        (
            {"meeting": {"round": None}, "opening": {"kind": "another", "round_phrase": "their"}},
            "opening.round_phrase",
            "another round",
        ),
        (
            {"meeting": {"place": "Beijing"}, "opening": {"place_in_opening": False}},
            "opening.place_in_opening",
            "(Beijing)",
        ),
        ({"joint": {"label": "joint communiqué"}}, "joint", "give co_issuer"),
        ({"issuer_role": "presidency"}, "issuer_role", "name it in presidency"),
        ({"presidency": "the German Presidency"}, "presidency", "issuer_role: presidency"),
        ({"opening": {"verb": "met"}}, "opening.verb", "held"),
        ({"joint": {"label": "communiqué"}}, "joint.label", "joint communiqué"),
    ],
    ids=[
        "today-two-days",
        "today-another-day",
        "and-not-running",
        "kind-with-number",
        "their-took-place",
        "their-another",
        "place-not-the-dateline-s",
        "joint-one-issuer",
        "presidency-unnamed",
        "presidency-not-issuing",
        "unknown-verb",
        "unknown-label",
    ],
)
def test_inconsistent_frames_are_refused_naming_the_field(
    changes: dict[str, Any], field: str, words: str
) -> None:
    data = _release(**changes)
    data.pop("translations")
    with pytest.raises(drafter.InputError) as caught:
        drafter.validate_release(data)
    problems = {problem.field: problem.message for problem in caught.value.problems}
    assert field in problems, problems
    assert words in problems[field]


# --- every frame in every complete language -----------------------------------------------------

_BULGARIAN = {
    "issuer": "Европейски съюз",
    "counterpart": {"name": "Китай", "short_name": "Китай"},
    "meeting": {"name": "диалог по правата на човека"},
}
FRAMES: dict[str, dict[str, Any]] = {
    "held-date-last": {"opening": {"round_phrase": "of_dialogue", "date_first": False}},
    "no-place": {"opening": {"place_in_opening": False}},
    "took-place": {"opening": {"verb": "took_place", "two_days": "and"}},
    "took-place-last": {"opening": {"verb": "took_place", "date_first": False}},
    "was-held": {"opening": {"verb": "were_held"}},
    "was-held-last": {"opening": {"verb": "were_held", "date_first": False}},
    "were-held": {**_PLURAL, "opening": {"verb": "were_held"}},
    "were-held-last": {**_PLURAL, "opening": {"verb": "were_held", "date_first": False}},
    "took-place-plural": {**_PLURAL, "opening": {"verb": "took_place"}},
    "took-place-plural-last": {**_PLURAL, "opening": {"verb": "took_place", "date_first": False}},
    "regular": {"meeting": {"round": None}, "opening": {"kind": "regular"}},
    "another": {"meeting": {"round": None}, "opening": {"kind": "another"}},
    "first": {"meeting": {"round": None}, "opening": {"kind": "first"}},
    "first-last": {"meeting": {"round": None}, "opening": {"kind": "first", "date_first": False}},
    "named-subject": {"meeting": {"round": None}, "opening": {"verb": "took_place"}},
    "name-holding-compound": {
        "meeting": {"name": "EU-China Human Rights Dialogue", "round": None},
        "opening": {"verb": "took_place"},
    },
    "presidency": {"issuer_role": "presidency", "presidency": "the German Presidency"},
    "continued": {"opening": {"continues": "within their strategic partnership"}},
    "joint": {"co_issuer": "People's Republic of China", "joint": {"label": "joint communiqué"}},
    "joint-press-release": {"co_issuer": "China", "joint": {}},
    "today": {
        "date": "2016-11-30",
        "meeting": {"end_date": None},
        "opening": {"relative": "today", "date_first": False},
    },
}


@pytest.mark.parametrize("frame", sorted(FRAMES))
@pytest.mark.parametrize("code", ["fr", "de", "bg"])
def test_every_frame_renders_with_no_english_fallback(
    code: str, frame: str, caplog: pytest.LogCaptureFixture
) -> None:
    data = _release(**FRAMES[frame])
    data["translations"] = (
        {code: _BULGARIAN} if code == "bg" else {code: CHINA["translations"][code]}
    )
    with caplog.at_level(logging.WARNING, logger="drafter"):
        opening = _opening(data, code)
    fallbacks = [
        r.getMessage() for r in caplog.records if "catalogue has no translation" in r.getMessage()
    ]
    assert fallbacks == []
    assert opening.endswith(".") and "  " not in opening and " ." not in opening
    assert not any(word in opening.split() for word in ("held", "took", "round", "launched"))


def test_a_bulgarian_subject_takes_the_full_article() -> None:
    data = _release(meeting={"round": None, "end_date": None}, opening={"verb": "took_place"})
    data["translations"] = {"bg": _BULGARIAN}
    assert _opening(data, "bg") == (
        "На 30 ноември 2016 г. в Брюксел се проведе диалогът по правата на човека между ЕС и Китай."
    )


# --- the next round's draft ----------------------------------------------------------------------


def test_the_next_draft_keeps_the_frame_not_this_round_s_days_and_words(tmp_path: Path) -> None:
    data = _release(
        date="2016-12-01",
        meeting={"end_date": "2016-12-01"},
        opening={"verb": "took_place", "date_first": False, "two_days": "and", "continues": "x"},
    )
    data["translations"] = {}
    source = tmp_path / "round-35.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert yaml.safe_load(draft_next(source).text)["opening"] == {
        "verb": "took_place",
        "date_first": False,
    }
    data["opening"] = {"relative": "today"}
    data["meeting"]["end_date"] = None
    data["date"] = data["meeting"]["date"]
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert "opening" not in yaml.safe_load(draft_next(source).text)


def test_the_archive_names_a_series_whose_name_holds_the_compound_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _release(meeting={"name": "EU-China Human Rights Dialogue"})
    data["translations"] = {}
    (tmp_path / "round-35.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, _ = run(capsys, "series", str(tmp_path))
    assert code == 0
    assert out.splitlines()[0] == "EU-China Human Rights Dialogue: 1 round"


def test_the_eeas_web_title_keeps_the_compound_once_and_the_joint_label() -> None:
    data = _release(
        meeting={"name": "EU-China Human Rights Dialogue"},
        co_issuer="People's Republic of China",
        joint={"label": "joint communiqué"},
        issuer_role="counterpart",
        house="eeas-web",
    )
    data["translations"] = {}
    html = drafter.render(drafter.validate_release(data), "html")
    page = lxml.html.document_fromstring(html)
    blocks = [normalise(element.text_content()) for element in page.body.iter("p", "h1")]
    title = blocks.index("35th round of EU-China Human Rights Dialogue")
    assert blocks[title - 1] == "Joint communiqué"
