"""Synthetic agency items for the wire benchmark: one story, three forms.

``generate_item(index, seed)`` builds a story from its own ``random.Random``
seeded with ``(seed, index)`` (Dutch ANP, German dpa, French AFP or English
Reuters copy: headline, dateline, three to eight paragraphs, sometimes a
sub-heading) and renders it as a NewsML-G2 news item with an XHTML body, as
IPTC 7901 telex text (control characters, header line, keyword line, " =",
hard-wrapped paragraphs, "./.", the date-time after ETX), and as the plain
text a wire client shows (headline, then a paragraph a line). No network,
no data files: the words below are written for this generator.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

G2 = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
WRAP = 69

AGENCIES = {
    "nl": ("ANP", ["DEN HAAG", "AMSTERDAM", "ROTTERDAM", "UTRECHT", "GRONINGEN"]),
    "de": ("dpa", ["Berlin", "Hamburg", "München", "Köln", "Leipzig"]),
    "fr": ("AFP", ["PARIS", "LYON", "MARSEILLE", "BORDEAUX", "LILLE"]),
    "en": ("Reuters", ["LONDON", "NEW YORK", "SINGAPORE", "FRANKFURT", "SYDNEY"]),
}
SUBJECTS = (("medtop:11000000", "politics"), ("medtop:04000000", "economy"),
            ("medtop:15000000", "sport"), ("medtop:16000000", "conflict"))  # fmt: skip
# One string a language, split once: the words a story's sentences are drawn from.
_WORD_LINES = {
    "nl": "het kabinet de minister gemeente wil heeft volgens plan nieuwe jaar extra geld "
    "voor de burgers zegt dat er meer komt woningen bouw boeren water wegen zorg",
    "de": "die Regierung der Minister Stadt will hat nach Plan neue Jahr mehr Geld für "
    "die Bürger sagt dass es Wohnungen Bau Bauern Wasser Straßen Pflege gibt",
    "fr": "le gouvernement le ministre la ville veut a selon plan nouvelle année plus "
    "argent pour les citoyens dit que des logements routes eau santé agriculteurs",
    "en": "the government the minister city wants has according plan new year more money "
    "for the residents said that there homes roads water health farmers prices",
}
WORDS = {language: line.split() for language, line in _WORD_LINES.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """One story and the three forms it is sent in."""

    headline: str
    place: str
    newsml_g2: bytes
    telex: bytes
    text: bytes


def generate_item(index: int, *, seed: int = 0) -> Story:
    rng = random.Random(f"{seed}:{index}")
    language = rng.choice(sorted(AGENCIES))
    agency, places = AGENCIES[language]
    place = rng.choice(places)
    words = WORDS[language]
    headline = _sentence(rng, words, 6, 10).rstrip(".")
    paragraphs = [
        " ".join(_sentence(rng, words, 8, 22) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(3, 8))
    ]
    subheading = _sentence(rng, words, 3, 5).rstrip(".") if rng.random() < 0.4 else None
    dateline = f"{place} ({agency}) - "
    blocks = [("p", dateline + paragraphs[0])]
    for number, paragraph in enumerate(paragraphs[1:], start=1):
        if subheading and number == len(paragraphs) // 2:
            blocks.append(("h2", subheading))
        blocks.append(("p", paragraph))
    return Story(
        headline=headline,
        place=place,
        newsml_g2=_newsml_g2(index, language, headline, place, blocks, rng),
        telex=_telex(index, language, agency, headline, blocks, rng),
        text="\n".join([headline, *(text for _, text in blocks)]).encode(),
    )


def _sentence(rng: random.Random, words: list[str], shortest: int, longest: int) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(shortest, longest))]
    return " ".join(chosen).capitalize() + "."


def _newsml_g2(
    index: int,
    language: str,
    headline: str,
    place: str,
    blocks: list[tuple[str, str]],
    rng: random.Random,
) -> bytes:
    subjects = "".join(
        f'<subject type="cpnat:abstract" qcode="{code}"><name>{name}</name></subject>'
        for code, name in rng.sample(SUBJECTS, 2)
    )
    body = "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in blocks)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="{G2}" '
        f'guid="urn:newsml:example.invalid:2026:{index}" version="{rng.randint(1, 4)}" '
        f'standard="NewsML-G2" standardversion="2.33" xml:lang="{language}">'
        "<rightsInfo><copyrightNotice>Copyright 2026</copyrightNotice></rightsInfo>"
        '<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:EXAMPLE"/>'
        "<versionCreated>2026-03-03T10:00:00+01:00</versionCreated>"
        '<pubStatus qcode="stat:usable"/></itemMeta>'
        f"<contentMeta><urgency>{rng.randint(2, 6)}</urgency>"
        f"<located><name>{escape(place)}</name></located>{subjects}"
        f"<slugline>story-{index}</slugline><headline>{escape(headline)}</headline>"
        f'</contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="{XHTML}"><body>{body}</body></html></inlineXML></contentSet></newsItem>'
    ).encode()


def _telex(
    index: int,
    language: str,
    agency: str,
    headline: str,
    blocks: list[tuple[str, str]],
    rng: random.Random,
) -> bytes:
    lines = [
        f"\x01{agency.lower()[:3]}{index % 10000:04d} {rng.randint(2, 5)} pl "
        f"{sum(len(text.split()) for _, text in blocks)}  {agency} {index % 10000:04d}",
        "",
        "Politik/Regierung/Haushalt/",
        f"\x02{headline} =",
        "",
    ]
    for tag, text in blocks:
        if tag == "h2":
            lines.extend([text, ""])
        else:
            lines.extend([*textwrap.wrap(text, WRAP), ""])
    lines.extend(["./.", "\x03031000 Mar 26", "\x04"])
    return "\r\n".join(lines).encode("utf-8" if language != "fr" else "cp1252")
