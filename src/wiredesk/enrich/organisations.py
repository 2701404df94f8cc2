"""Organisations by cue words: a country's ministries and armed forces, whose names are
sentences rather than names ("het ministerie van Buitenlandse Zaken", "the Israeli
military", "das Verteidigungsministerium", "l'armée israélienne"). The country comes from
an adjective or name beside the cue, else from the dateline's place; the id is the same in
every language: ``org:ministry-foreign-affairs-cn``, ``org:armed-forces-lb``.

Organisations with a name of their own (NATO, the Bundestag, Hamas) are in the gazetteer.
"""

from __future__ import annotations

import re

from wiredesk.enrich.cues import FORCES, PORTFOLIOS
from wiredesk.enrich.gazetteer import country_names
from wiredesk.enrich.spots import Block, Spot

_PORTFOLIO_OF = {form: key for key, forms in PORTFOLIOS.items() for form in forms}
_NAMES = {
    "foreign-affairs": "Ministry of Foreign Affairs",
    "defence": "Ministry of Defence",
    "interior": "Ministry of the Interior",
    "finance": "Ministry of Finance",
    "justice": "Ministry of Justice",
    "health": "Ministry of Health",
    "economy": "Ministry of Economic Affairs",
}
_FORMS = "|".join(sorted((re.escape(form) for form in _PORTFOLIO_OF), key=len, reverse=True))
# "ministerie van Buitenlandse Zaken", "Ministry of Defence", "ministère russe de la Défense",
# "Foreign Ministry", "Außenministerium", "Auswärtiges Amt", "State Department".
MINISTRY_RE = re.compile(
    rf"\b(?:ministerie van (?P<nl>{_FORMS})"
    rf"|ministry of (?:the )?(?P<en>{_FORMS})"
    r"|ministère(?: (?P<adjective>[a-zéèêëï-]+))? "
    rf"(?:des |de la |de l'|de l’|du |de )(?P<fr>{_FORMS})"
    rf"|(?P<before>{_FORMS}) ministry"
    rf"|(?P<de>{_FORMS})ministeriums?"
    rf"|(?P<amt>auswärtige[ns]? amt(?:e?s)?)"
    r"|(?P<state>state department))\b",
    re.IGNORECASE,
)
# What every match of MINISTRY_RE holds, in lower case: the expression is slow, and most
# blocks that name a "minister" name no ministry.
_MINISTRY_ANCHOR = re.compile("ministeri|ministry|ministère| amt|state department")
# How far before its anchor a match may start: "justitie en veiligheid ministry",
# "Verteidigungsministerium", "Auswärtigen Amt", "State Department".
_ANCHOR_REACH = max(len(form) for form in _PORTFOLIO_OF) + 1
# Where a word starts: where a match of MINISTRY_RE may.
_WORD_START = re.compile(r"\b\w")
# How far before a cue an adjective may stand and still say whose it is: "een Chinese
# woordvoerder van het ministerie van Buitenlandse Zaken".
REACH = 50


def find_organisations(blocks: list[Block], places: list[Spot], home: str | None) -> list[Spot]:
    """Ministries and armed forces the blocks name; ``home`` is the country of the
    dateline's place, for a ministry no adjective names the country of."""
    found: list[Spot] = []
    places_in: dict[int, list[Spot]] = {}
    for spot in places:
        if spot.country:
            places_in.setdefault(spot.block, []).append(spot)
    for block in blocks:
        if block.index == -2:
            continue
        here = places_in.get(block.index, [])
        found += _ministries(block, here, home)
        found += _forces(block, here)
    return found


def _country_near(text: str, start: int, end: int, places: list[Spot]) -> str | None:
    inside = [spot for spot in places if start <= spot.start and spot.end <= end]
    if inside:
        return inside[0].country
    before = [
        spot
        for spot in places
        if (spot.is_adjective or text[spot.end : spot.end + 2] in {"'s", "’s"})
        and start - REACH <= spot.start < start
        and not any(mark in text[spot.end : start] for mark in '.;:!?"“”')
    ]
    return before[-1].country if before else None


def _ministries_of(text: str) -> list[re.Match[str]]:
    """What ``MINISTRY_RE.finditer(text)`` finds, tried only at the word starts within
    reach before an anchor (the expression is slow, and most blocks name no ministry)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower case moved the offsets: read it all
        return list(MINISTRY_RE.finditer(text))
    # Every anchor holds one of these: three scans in C tell that a block has none sooner
    # than the anchor's expression does, which tries its five words at every character.
    if "minist" not in lowered and " amt" not in lowered and "state department" not in lowered:
        return []
    starts: set[int] = set()
    for anchor in _MINISTRY_ANCHOR.finditer(lowered):
        window = (max(0, anchor.start() - _ANCHOR_REACH), anchor.start() + 1)
        starts.update(found.start() for found in _WORD_START.finditer(text, *window))
    matches = []
    end = 0
    for start in sorted(starts):
        if start < end:  # inside the last match, as finditer goes on after it
            continue
        match = MINISTRY_RE.match(text, start)
        if match is not None:
            matches.append(match)
            end = match.end()
    return matches


def _ministries(block: Block, places: list[Spot], home: str | None) -> list[Spot]:
    found: list[Spot] = []
    for match in _ministries_of(block.text):
        portfolio = next(
            (value for name, value in match.groupdict().items() if value and name != "adjective"),
            "",
        ).lower()
        key = "foreign-affairs" if match["amt"] or match["state"] else _PORTFOLIO_OF[portfolio]
        country = "US" if match["state"] else None
        country = country or _country_near(block.text, match.start(), match.end(), places) or home
        suffix = f"-{country.lower()}" if country else ""
        name = _NAMES[key] + (f" ({country_names().get(country, country)})" if country else "")
        found.append(
            Spot(
                type="organisation",
                id=f"org:ministry-{key}{suffix}",
                name=name,
                block=block.index,
                start=match.start(),
                end=match.end(),
                country=country,
            )
        )
    return found


FORCES_RE = re.compile(r"\b(?:" + "|".join(sorted(FORCES)) + r")\b", re.IGNORECASE)
# The word that ends where a text is cut: the word before a place.
_WORD_ENDING = re.compile(r"\w+$")


def _forces(block: Block, places: list[Spot]) -> list[Spot]:
    """Armed forces beside a country's adjective, one space before or after it: the
    words beside the adjectives are looked at, not the whole block."""
    text = block.text
    spans: set[tuple[int, int]] = set()
    for spot in places:
        if not spot.is_adjective:
            continue
        if text[spot.end : spot.end + 1] == " ":  # "het Libanese leger"
            following = FORCES_RE.match(text, spot.end + 1)
            if following is not None:
                spans.add(following.span())
        if spot.start > 0 and text[spot.start - 1] == " ":  # "l'armée israélienne"
            word = _WORD_ENDING.search(text, max(0, spot.start - 21), spot.start - 1)
            preceding = FORCES_RE.match(text, word.start()) if word is not None else None
            if preceding is not None and preceding.end() == spot.start - 1:
                spans.add(preceding.span())
    found = []
    for start, end in sorted(spans):
        country = None
        for spot in places:
            gap = text[spot.end : start]
            after = text[end : spot.start]
            if spot.is_adjective and (gap == " " or after == " "):
                country = spot.country
                break
        if country is None:
            continue
        found.append(
            Spot(
                type="organisation",
                id=f"org:armed-forces-{country.lower()}",
                name=f"Armed forces ({country_names().get(country, country)})",
                block=block.index,
                start=start,
                end=end,
                country=country,
            )
        )
    return found
