"""Named places and organisations, and where a text names them: one Aho-Corasick automaton
over every form of every name in ``data/places.tsv`` (built from GeoNames, pycountry and
CLDR by tools/build_places.py) and ``data/organisations.tsv``.

A form matches on word boundaries (a hyphen is one: "NAVO-bondgenoten", "EU-Kommission"),
and as it is cased: an abbreviation only as printed (NAVO, not navo; AfD), a name
capitalised or in capitals (Rusland, RUSLAND), an adjective in lower case also capitalised
(russische, Russische). Where two names share a form, a country wins over a region, a region
over a capital, a capital over a city, a bigger city over a smaller one.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import ahocorasick

NameType = Literal["place", "organisation"]
# Which of two places sharing a form is meant, lowest first (see the module's docstring).
PLACE_RANK = {
    "country": 0, "region": 1, "sea": 1, "continent": 2, "capital": 3, "city": 4, "province": 5,
}  # fmt: skip
# German and Dutch glue a genitive "s" to a name: "Russlands", "Chinas".
GENITIVE_LANGUAGES = {"de", "nl"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Named:
    """A place or organisation the gazetteer knows."""

    type: NameType
    id: str
    name: str  # in English
    kind: str  # country, capital, city, region, sea, continent; organisation
    country: str | None  # ISO 3166-1 code of the country a place is in (its own for one)
    names: dict[str, str]  # display name per language


@dataclass(frozen=True, slots=True, kw_only=True)
class Found:
    """Where a text names something the gazetteer knows: ``text[start:end]``."""

    named: Named
    start: int
    end: int
    is_adjective: bool  # a form in lower case in the list: "russische", "américain"


@dataclass(frozen=True, slots=True)
class _Form:
    named: Named
    form: str
    rank: tuple[int, int]


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    forms: dict[str, list[_Form]] = {}
    for named, population, form_list in _read_places():
        rank = (PLACE_RANK.get(named.kind, 5), -population)
        for form in form_list:
            forms.setdefault(_lower(form), []).append(_Form(named, form, rank))
    for named, form_list in _read_organisations():
        for form in form_list:
            forms.setdefault(_lower(form), []).append(_Form(named, form, (-1, 0)))
    automaton = ahocorasick.Automaton()
    for key, candidates in forms.items():
        candidates.sort(key=lambda candidate: candidate.rank)
        automaton.add_word(key, (len(key), tuple(candidates)))
    automaton.make_automaton()
    return automaton


def _data(name: str) -> list[str]:
    text = resources.files("wiredesk.enrich").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@functools.cache
def _read_places() -> tuple[tuple[Named, int, list[str]], ...]:
    """Every place of the list with its population and forms, read once for the automaton
    and ``country_names`` both (it took a third of a first ``enrich_page`` twice)."""
    places = []
    for row in csv.DictReader(_data("places.tsv"), delimiter="\t"):
        names = {key[5:]: value for key, value in row.items() if key.startswith("name_")}
        named = Named(
            type="place",
            id=row["id"],
            name=row["name_en"],
            kind=row["type"],
            country=row["country"] or None,
            names=names,
        )
        population = int(row["population"] or 0)
        places.append((named, population, row["forms"].split("|")))
    return tuple(places)


def _read_organisations() -> list[tuple[Named, list[str]]]:
    organisations = []
    for line in _data("organisations.tsv"):
        org_id, name, forms = line.split("\t")
        named = Named(
            type="organisation",
            id=org_id,
            name=name,
            kind="organisation",
            country=None,
            names={},
        )
        organisations.append((named, forms.split(",")))
    return organisations


def _lower(text: str) -> str:
    """``text`` in lower case, character for character (offsets stay where they were)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_cased_as(printed: str, form: str) -> bool:
    """Whether ``printed`` may be ``form``: see the module's docstring."""
    if printed == form:
        return True
    if form[1:] != form[1:].lower() or len(form) <= 3:  # an abbreviation or a short name
        return False
    if printed.isupper():  # a dateline, a headline in capitals
        return True
    return form[0].islower() and printed[0].isupper() and printed[1:] == form[1:]


def _is_word_edge(text: str, index: int) -> bool:
    return index < 0 or index >= len(text) or not text[index].isalnum()


def find_names(text: str, language: str | None = None) -> list[Found]:
    """The places and organisations ``text`` names, left to right, the longest where two
    overlap."""
    found: list[Found] = []
    size = len(text)
    for end, (length, candidates) in _automaton().iter(_lower(text)):
        start = end + 1 - length
        # The word edges without a call: two matches in three are inside a word ("is",
        # "un", "ns"), and few of the others end at one.
        if start and text[start - 1].isalnum():
            continue
        stop = end + 1
        if stop < size and text[stop].isalnum():
            is_genitive = (
                language in GENITIVE_LANGUAGES
                and text[stop] == "s"
                and _is_word_edge(text, stop + 1)
                and text[start].isupper()
            )
            if not is_genitive:
                continue
            stop += 1  # "Österreichs" is Österreich's mention, all of it
        printed = text[start : end + 1]
        for candidate in candidates:
            if printed == candidate.form or _is_cased_as(printed, candidate.form):
                is_adjective = candidate.form[0].islower() or _is_demonym(candidate)
                found.append(Found(named=candidate.named, start=start, end=stop,
                                   is_adjective=is_adjective))  # fmt: skip
                break
    return _longest(found)


def _is_demonym(candidate: _Form) -> bool:
    """A form of a country that is not one of its names: an adjective or its people."""
    named = candidate.named
    return named.kind == "country" and candidate.form not in named.names.values()


def _longest(found: list[Found]) -> list[Found]:
    found.sort(key=lambda item: (item.start, -(item.end - item.start)))
    kept: list[Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


@functools.cache
def country_names() -> dict[str, str]:
    """Each country's English name by its ISO 3166-1 code."""
    return {
        named.country: named.name
        for named, _, _ in _read_places()
        if named.kind == "country" and named.country
    }
