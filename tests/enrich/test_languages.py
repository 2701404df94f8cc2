"""Enrichment in en, de and fr, and the labelled set it is measured on."""

from __future__ import annotations

from tests.conftest import ROOT
from wiredesk.enrich import find_all
from wiredesk.enrich.people import person_key

DATA = ROOT / "tests" / "data"


def test_spellings_of_one_name_share_a_key() -> None:
    keys = {person_key(name) for name in ("Zelensky", "Zelenskyy", "Selenskyj", "Zelenski")}
    assert keys == {"selensky"}
    assert person_key("Poetin") == person_key("Putin") == person_key("Poutine")
    assert person_key("Xi Jinping") == "xi"


def test_organisations_are_one_across_languages() -> None:
    ids = {
        entity.id
        for text, language in (
            ("De NAVO vergadert.", "nl"),
            ("L'OTAN se réunit.", "fr"),
            ("NATO allies met.", "en"),
        )
        for entity in find_all(None, None, [text], language).entities
    }
    assert ids == {"org:nato"}


def test_a_german_quote_has_its_speaker_and_a_genitive_is_its_place() -> None:
    found = find_all(
        None,
        None,
        [
            '"Wir lassen uns nicht erpressen", sagte Außenminister Johann Wadephul in Österreichs Hauptstadt.'
        ],
        "de",
    )
    [quote] = [quote for quote in found.quotes if quote.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.entity == "person:" + person_key("Wadephul")
    assert quote.speaker.role == "außenminister"
    austria = next(entity for entity in found.entities if entity.name == "Austria")
    assert austria.mentions[0].text == "Österreichs"


def test_a_french_ministry_belongs_to_the_country_its_adjective_names() -> None:
    found = find_all(
        None, None, ["Le ministère russe de la Défense affirme avoir abattu 45 drones."], "fr"
    )
    assert "org:ministry-defence-ru" in {entity.id for entity in found.entities}
    assert [(figure.value, figure.counts) for figure in found.figures] == [(45, "drones")]
    assert found.quotes[0].kind == "indirect"


def test_english_figures_read_commas_as_thousands_and_skip_years() -> None:
    found = find_all(
        None, None, ["About 40,000 residents left in 2025 and oil rose 3.5 percent."], "en"
    )
    assert [(figure.value, figure.counts) for figure in found.figures] == [
        (40000, "residents"),
        (3.5, "percent"),
    ]


def test_a_first_name_that_is_also_a_place_is_a_persons() -> None:
    found = find_all(None, None, ["Jordan Bardella a salué le résultat."], "fr")
    assert [(entity.type, entity.name) for entity in found.entities] == [
        ("person", "Jordan Bardella")
    ]


def test_the_labelled_set_holds_eighty_stories_in_four_languages() -> None:
    counts = {
        language: (DATA / f"entities_eval_{language}.txt").read_text("utf-8").count("\n## ")
        for language in ("nl", "en", "de", "fr")
    }
    assert all(count >= 20 for count in counts.values()), counts
    assert sum(counts.values()) >= 80
