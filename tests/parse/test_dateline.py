"""Datelines in every form agencies and sites print them, and look-alikes that are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiredesk.model import Dateline
from wiredesk.parse.dateline import (
    _read_agencies,
    _read_head,
    may_open_dateline,
    read_dateline,
    read_place_dateline,
)


@pytest.mark.parametrize(
    ("text", "place", "agencies", "date_text", "desk"),
    [
        ("BEIJING (ANP/AFP) - De", "BEIJING", ("ANP", "AFP"), None, None),
        ("LONDEN (ANP/AFP/RTR) - De", "LONDEN", ("ANP", "AFP", "RTR"), None, None),
        ("MEXICO-STAD (ANP/AFP) - De", "MEXICO-STAD", ("ANP", "AFP"), None, None),
        ("DEN HAAG (ANP) - Het", "DEN HAAG", ("ANP",), None, None),
        ("'S-HERTOGENBOSCH (ANP) - Een", "'S-HERTOGENBOSCH", ("ANP",), None, None),
        ("SÃO PAULO (AFP) - O", "SÃO PAULO", ("AFP",), None, None),
        ("Berlin (dpa) - Die", "Berlin", ("dpa",), None, None),
        ("LONDON, Nov 8 (Reuters) - Oil", "LONDON", ("Reuters",), "Nov 8", None),
        ("WASHINGTON (AP) — The", "WASHINGTON", ("AP",), None, None),
        ("PARIS (AFP) - Le", "PARIS", ("AFP",), None, None),
        ("BRUSSEL (BELGA) - De", "BRUSSEL", ("BELGA",), None, None),
        ("MADRID (EFE) – El", "MADRID", ("EFE",), None, None),
        ("ROMA (ANSA) - Il", "ROMA", ("ANSA",), None, None),
        ("NEW YORK (Bloomberg) - Stocks", "NEW YORK", ("Bloomberg",), None, None),
        ("PEKING (Xinhua) - Die", "PEKING", ("Xinhua",), None, None),
        ("BEIJING (ANP/AFP) = De", "BEIJING", ("ANP", "AFP"), None, None),
        ("Nov 8 (Reuters) - Oil", None, ("Reuters",), "Nov 8", None),
        ("(AFP) - Le", None, ("AFP",), None, None),
        ("PARIS, 18 mars 2026 (AFP) - Le", "PARIS", ("AFP",), "18 mars 2026", None),
        ("KYIV, Ukraine (AP) — The", "KYIV, Ukraine", ("AP",), None, None),
        ("SPRINGFIELD, Ill. (AP) — The", "SPRINGFIELD, Ill.", ("AP",), None, None),
        ("Genève (Keystone-ATS) - La", "Genève", ("Keystone-ATS",), None, None),
        ("BERN (AFP/ats) - Le", "BERN", ("AFP", "ats"), None, None),
        ("Genf (afp sda) - Die", "Genf", ("afp", "sda"), None, None),
        ("Düsseldorf (dpa/lnw) - Die", "Düsseldorf", ("dpa",), None, "lnw"),
        ("Frankfurt am Main (dpa-AFX) - Der", "Frankfurt am Main", ("dpa-AFX",), None, None),
        # codes the list does not know, where an agency stands
        ("BERN (sda) - Der", "BERN", ("sda",), None, None),
        ("DEN HAAG (Novum) - Het", "DEN HAAG", ("Novum",), None, None),
        ("ZAGREB (Hina) - Die", "ZAGREB", ("Hina",), None, None),
        ("Genf (sda afp) - Die", "Genf", ("sda", "afp"), None, None),
        # dates in figures, and the separators agencies use
        ("ROME 12/09 (ANSA) = Il", "ROME", ("ANSA",), "12/09", None),
        ("MADRID, Oct 3 (Reuters) - The", "MADRID", ("Reuters",), "Oct 3", None),
        ("LYON, 4 avril 2019 (AFP) - Le", "LYON", ("AFP",), "4 avril 2019", None),
        ("SANTA FE, N.M. (AP) — The", "SANTA FE, N.M.", ("AP",), None, None),
        ("ROSCOE, South Dakota (AP) _ The", "ROSCOE, South Dakota", ("AP",), None, None),
        ("BERLIN (AP) -- The", "BERLIN", ("AP",), None, None),
        ("København (Ritzau): Regeringen", "København", ("Ritzau",), None, None),
        ("London (CNN) It", "London", ("CNN",), None, None),
    ],
)
def test_dateline_forms(
    text: str, place: str | None, agencies: tuple[str, ...], date_text: str | None, desk: str | None
) -> None:
    found = read_dateline(text)
    assert found is not None
    assert found.dateline == Dateline(
        place=place, agencies=agencies, date_text=date_text, desk=desk
    )
    assert found.rest == text.rsplit(" ", 1)[1]


def test_dateline_alone_on_its_line_leaves_no_rest() -> None:
    found = read_dateline("BEIJING (ANP/AFP)")
    assert found is not None
    assert (found.dateline.place, found.rest) == ("BEIJING", "")


@pytest.mark.parametrize(
    "text",
    [
        "FEYENOORD (Ned) - Celtic (Sco) 2-1",  # a sports result: Ned is no agency
        "Remko de Waal (ANP)",  # a photo credit
        "(ANP)",  # a credit alone on its line
        "Foto: ANP / Remko de Waal",
        "De premier (VVD) - zo bleek later - stemde tegen.",
        "Het kabinet (ANP) zegt niets",  # no separator, not alone
        "PSV (Ned) - Olympique Lyon (Fra) 3-3",  # a result with codes the list does not know
        "Volgens de minister (CDA) Het plan",  # no separator after a sentence's words
        "",
    ],
)
def test_look_alikes_are_not_datelines(text: str) -> None:
    assert read_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ROTTERDAM - De politie heeft dinsdag drie verdachten aangehouden.", "ROTTERDAM"),
        ("Hamburg - Die Polizei hat am Dienstag drei Verdächtige festgenommen.", "Hamburg"),
        ("BERLIN -- The European Space Agency says astronauts could sleep.", "BERLIN"),
        ("Berlin. Die Feuerwehr kämpft seit dem Morgen gegen einen Brand.", "Berlin"),
        ("London/Teheran - Iranische Sicherheitskräfte haben eine Aktivistin getötet.",
         "London/Teheran"),
        ("Bad Homburg – Der Stadtrat hat am Abend den Haushalt beschlossen.", "Bad Homburg"),
    ],
)  # fmt: skip
def test_a_place_alone_opens_a_first_paragraph(text: str, place: str) -> None:
    found = read_place_dateline(text)
    assert found is not None
    assert found.dateline == Dateline(place=place, agencies=())
    assert found.rest[:1].isupper()


@pytest.mark.parametrize(
    "text",
    [
        "Update - De politie heeft dinsdag drie verdachten aangehouden in Rotterdam.",
        "Ajax - PSV 2-1",
        "Ja. Die Feuerwehr kämpft seit dem Morgen gegen einen Brand in der Stadt.",
        "Het kabinet - zo bleek dinsdag - wil meer geld voor defensie uitgeven.",
        "BERLIN. DIE FEUERWEHR KÄMPFT SEIT DEM MORGEN GEGEN EINEN BRAND.",
        "Drei Tage später. Die Feuerwehr kämpft seit dem Morgen gegen einen Brand.",
    ],
)
def test_a_dash_or_full_stop_after_a_word_is_no_dateline(text: str) -> None:
    assert read_place_dateline(text) is None


def test_a_place_and_agencies_read_before_are_not_read_again() -> None:
    # Briefs in a rail repeat their places and agencies on lines that differ.
    read_dateline.cache_clear()  # so that the first line is read, not found
    read_dateline("WASHINGTON (ANP/RTR) - Het Witte Huis zegt dit.")
    heads, agencies = _read_head.cache_info().hits, _read_agencies.cache_info().hits
    found = read_dateline("WASHINGTON (ANP/RTR) - Het Congres zegt iets anders.")
    assert found is not None and found.dateline.place == "WASHINGTON"
    assert found.dateline.agencies == ("ANP", "RTR")
    assert _read_head.cache_info().hits == heads + 1
    assert _read_agencies.cache_info().hits == agencies + 1


CORPUS = Path(__file__).parent.parent / "corpus"
# Datelines of each form ``read_dateline`` reads (the separators, slashes, a bare agency).
DATELINES = [
    "LONDON, Nov 8 (Reuters) - Oil",
    "BOSTON (AP) _ The city",
    "Lima, 3 mar (EFE).- El Gobierno",
    "VOLGOGRAD, March 3. /TASS/. Officials",
    "Odense /ritzau/: En mand",
    "OSAKA, Japan, March 3 Kyodo - Police",
    "OSAKA, March 3 Kyodo _ Police",
    "Chur GR (sda) Der Kanton",
    "London (CNN) It",
    "BEIJING (ANP/AFP)",
]


def _check_may_open(text: str) -> None:
    assert read_dateline(text) is None or may_open_dateline(text), text


def test_every_dateline_holds_what_may_open_dateline_looks_for() -> None:
    for text in DATELINES:
        assert read_dateline(text) is not None, text
        _check_may_open(text)
    lines = [
        line for path in sorted(CORPUS.rglob("*.txt")) for line in path.read_text().split("\n")
    ]
    assert sum(read_dateline(line) is not None for line in lines) > 20
    for line in lines:
        _check_may_open(line)


def test_a_line_without_those_marks_may_not_open_a_dateline() -> None:
    assert not may_open_dateline("demand in China outweighed supply cuts by big producers, with")
    assert may_open_dateline("LONDON (Reuters) - Oil")


@settings(max_examples=300)
@given(
    st.sampled_from(DATELINES),
    st.text(alphabet=st.characters(max_codepoint=0x24F), max_size=4),
    st.text(alphabet="ab1 .,-–—_=:/()", max_size=12),
)
def test_any_dateline_holds_what_may_open_dateline_looks_for(
    dateline: str, opening: str, changed: str
) -> None:
    _check_may_open(opening + dateline)
    # its marks changed or dropped: what is left must still pass whenever it reads
    for mark in "()/-_–—":
        _check_may_open(dateline.replace(mark, changed))
