"""Datelines in the forms agencies print beside the usual "PLACE (AGENCY) -", and their look-alikes."""

from __future__ import annotations

import pytest

from wiredesk.model import Dateline
from wiredesk.parse.dateline import read_dateline


@pytest.mark.parametrize(
    ("text", "place", "agencies", "date_text", "rest"),
    [
        # ANPA 1312 writes a dash as "_" (AP)
        ("BOSTON (AP) _ The city", "BOSTON", ("AP",), None, "The city"),
        ("SPRINGFIELD, Ill. (AP) _ Officials", "SPRINGFIELD, Ill.", ("AP",), None, "Officials"),
        # Spanish agencies close with ".-"
        ("Lima, 3 mar (EFE).- El Gobierno", "Lima", ("EFE",), "3 mar", "El Gobierno"),
        # the agency between slashes, then "." or ":"
        ("VOLGOGRAD, March 3. /TASS/. Officials", "VOLGOGRAD", ("TASS",), "March 3", "Officials"),
        ("Odense /ritzau/: En mand", "Odense", ("ritzau",), None, "En mand"),
        # the agency first, the place after it
        ("(ANSA) - MILANO, MAR 3 - Il sindaco", "MILANO", ("ANSA",), "MAR 3", "Il sindaco"),
        # an agency without parentheses, after a date
        ("OSAKA, Japan, March 3 Kyodo - Police", "OSAKA, Japan", ("Kyodo",), "March 3", "Police"),
        # Swiss agencies in lower case, without a dash
        ("Chur GR (sda) Der Kanton", "Chur GR", ("sda",), None, "Der Kanton"),
        ("Lausanne (ats) La ligne", "Lausanne", ("ats",), None, "La ligne"),
        # an agency of two words
        (
            "SEVILLA, 3 Mar. 2026 (Europa Press) - La Junta",
            "SEVILLA",
            ("Europa Press",),
            "3 Mar. 2026",
            "La Junta",
        ),
        # day and month in figures, "=" after
        (
            "BRUXELLES 03/03 (BELGA) = Le Parlement",
            "BRUXELLES",
            ("BELGA",),
            "03/03",
            "Le Parlement",
        ),
    ],
)
def test_agency_dateline_forms(
    text: str, place: str, agencies: tuple[str, ...], date_text: str | None, rest: str
) -> None:
    found = read_dateline(text)
    assert found is not None
    assert found.dateline == Dateline(place=place, agencies=agencies, date_text=date_text)
    assert found.rest == rest


@pytest.mark.parametrize(
    "text",
    [
        "De minister zei tegen ANP - dat het zo was",  # an agency in a sentence, no date
        "Het is 24/7 open - zei hij",  # slashes that hold no agency
        "Het kabinet (ANP) Zegt niets",  # an agency in capitals needs its dash
        "(ANSA) - Il sindaco ha detto - ieri - che",  # the agency first, but no place and date after
        "Volgens AFP - en anderen - is het waar",
        "Gisteren meldde Reuters - zonder bron - dat",
    ],
)
def test_look_alikes_of_agency_forms_are_not_datelines(text: str) -> None:
    found = read_dateline(text)
    assert found is None or found.dateline.place is None
