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
import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal, NamedTuple

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
    is_adjective: bool  # in lower case in the list, or a country's demonym


# What is not a letter or digit (``str.isalnum``): a word edge. Lower case keeps every
# character a letter or digit that was one, and ``\w`` is a letter, a digit or "_" (both
# checked over all of Unicode in tests/enrich/test_fast_paths.py).
_NOT_ALNUM = re.compile(r"[\W_]")
# The same for a text within Latin-1 (most copy: é, ü, «, ß), as a table for
# ``bytes.translate``, which edges a text twenty times faster than the expression.
_LATIN_EDGES = bytes(ord(" ") if not chr(code).isalnum() else code for code in range(256))


class _Key(NamedTuple):
    """One way an automaton key may have matched: the form in lower case, whether it is
    that form with a genitive "s" glued on ("Russlands"), whether the key's match alone
    says the text is the form (no mark in it that ``_edged`` made a space), and the forms'
    names, the likeliest first."""

    lowered: str
    is_genitive: bool
    is_exact: bool
    candidates: tuple[_Form, ...]


def _edged(lowered: str) -> str:
    """A text in lower case as the automaton reads it: every mark a space, a space either
    side."""
    try:
        edged = lowered.encode("latin-1").translate(_LATIN_EDGES).decode("latin-1")
    except UnicodeEncodeError:  # “quotes”, dashes, scripts beyond Latin-1
        edged = _NOT_ALNUM.sub(" ", lowered)
    return f" {edged} "


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    """Every form as a key between two spaces, and with a genitive "s" before the second,
    matched on the text as ``_edged`` gives it: the automaton itself finds only forms that
    start and end on word edges. (Matched everywhere, six in seven of its matches were
    inside words, "is" in "this", each a step of Python's: 2026-12-05, bench/entities_bench.py.)"""
    forms: dict[str, list[_Form]] = {}
    for named, population, form_list in _read_places():
        rank = (PLACE_RANK.get(named.kind, 5), -population)
        for form in form_list:
            forms.setdefault(_lower(form), []).append(
                _Form(named, form, rank, _is_adjective(named, form))
            )
    for named, form_list in _read_organisations():
        for form in form_list:
            forms.setdefault(_lower(form), []).append(
                _Form(named, form, (-1, 0), _is_adjective(named, form))
            )
    keys: dict[str, list[_Key]] = {}
    for lowered, candidates in forms.items():
        if not lowered:  # an empty form names nothing
            continue
        candidates.sort(key=lambda candidate: candidate.rank)
        edged = _edged(lowered)
        is_exact = lowered.isalnum()
        keys.setdefault(edged, []).append(_Key(lowered, False, is_exact, tuple(candidates)))
        genitive = edged[:-1] + "s "
        keys.setdefault(genitive, []).append(_Key(lowered, True, is_exact, tuple(candidates)))
    automaton = ahocorasick.Automaton()
    for key, entries in keys.items():
        # Where a name and another's genitive print alike, the genitive comes first, as it
        # did when every form was matched alone (it ends a character sooner).
        entries.sort(key=lambda entry: not entry.is_genitive)
        automaton.add_word(key, (len(key), tuple(entries)))
    automaton.make_automaton()
    return automaton


def _is_adjective(named: Named, form: str) -> bool:
    """A form in lower case ("russische"), or a form of a country that is not one of its
    names: an adjective or its people ("Russian")."""
    return form[:1].islower() or (named.kind == "country" and form not in named.names.values())


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


def find_names(text: str, language: str | None = None) -> list[Found]:
    """The places and organisations ``text`` names, left to right, the longest where two
    overlap."""
    found: list[Found] = []
    lowered = _lower(text)
    is_genitive_language = language in GENITIVE_LANGUAGES
    # ``last`` is where the key's closing space is in the edged text, which has a space
    # more before the text: ``text[start:end]`` is what the key matched.
    for last, (length, keys) in _automaton().iter(_edged(lowered)):
        start, end = last - length + 1, last - 1
        for form, is_genitive, is_exact, candidates in keys:
            stop = end - 1 if is_genitive else end  # the name's end, before an "s"
            if is_genitive and not (
                is_genitive_language and text[stop] == "s" and text[start].isupper()
            ):
                continue  # "Österreichs" is Österreich's mention, all of it
            if not is_exact and lowered[start:stop] != form:
                continue  # "Noord Korea" is not "Noord-Korea"
            printed = text[start:stop]
            for candidate in candidates:
                if printed == candidate.form or _is_cased_as(printed, candidate.form):
                    found.append(Found(named=candidate.named, start=start, end=end,
                                       is_adjective=candidate.is_adjective))  # fmt: skip
                    break
    return _longest(found)


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
