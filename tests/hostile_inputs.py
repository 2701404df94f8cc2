"""A generator of hostile inputs, for the hostile suite (``tests/test_hostile.py``) and the
loopback feed server's hostile entries (``tests/feeds/server.py``).

Each input is what an attacker, a broken exporter or bad luck hands wiredesk: dates
at the edges of the calendar in every format that carries one (HTML meta tags,
JSON-LD, ``<time>``, date lines in the four languages, JSON Lines fields, agency
JSON, feed entry dates), file names that are not UTF-8 or not one line, inputs
that are huge or never end, and nesting deeper than any parser goes. Each says
what should become of it: kept as a page (``reason`` None), or refused with a
one-line message holding ``reason``. Good pages stand beside them, to show that
nothing hostile costs the rest of a batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from tests.conftest import ROOT, SAMPLES
from wiredesk.model import MAX_CAPTURE_BYTES

# The edges of the calendar: each is a valid time whose UTC moment is outside the years
# 1 to 9999, or a time on the calendar's first or last day that a zone pushes past it.
EARLY = "0001-01-01T00:00:00+05:00"
LATE = "9999-12-31T23:00:00-05:00"
# Where printed times are read when the suite runs the command line: west of Greenwich,
# so that a date line of 31 December 9999 is past the calendar in UTC.
ZONE = "America/New_York"
# Distinct stories, so that pages kept side by side are not taken for versions of one.
STORIES = (
    ("Britse regering versterkt dijken", "LONDEN (ANP) - De Britse regering trekt de komende "
     "vijf jaar 2,4 miljard pond extra uit voor de versterking van dijken in het oosten."),
    ("Copper climbs on Chinese demand", "SHANGHAI (Reuters) - Copper prices rose to their "
     "highest in two months on Wednesday as hopes of stronger demand from China grew."),
    ("Bahn streicht Verbindungen", "HAMBURG (dpa) - Die Deutsche Bahn hat wegen des Sturms "
     "zahlreiche Fernverbindungen im Norden gestrichen, teilte ein Sprecher mit."),
    ("Grève dans les transports", "LYON (AFP) - Une grève des conducteurs de tramway perturbe "
     "depuis mardi matin la circulation dans toute l'agglomération lyonnaise."),
    ("Brand in loods Utrecht", "UTRECHT (ANP) - Bij een grote brand in een loods op een "
     "bedrijventerrein in Utrecht is niemand gewond geraakt, meldt de brandweer."),
    ("Wildfires near Santiago", "SANTIAGO (AP) - Wildfires fanned by strong winds forced "
     "thousands of people from their homes south of the Chilean capital on Tuesday."),
    ("Trein ontspoord bij Arnhem", "ARNHEM (ANP) - Een goederentrein is dinsdagavond bij "
     "Arnhem ontspoord; het treinverkeer naar Duitsland ligt urenlang stil."),
    ("Neue Radwege in Bremen", "BREMEN (dpa) - Bremen baut in den kommenden zwei Jahren "
     "vierzig Kilometer neue Radwege, kündigte die Verkehrssenatorin an."),
    ("Le Louvre ferme une aile", "PARIS (AFP) - Le musée du Louvre ferme une aile entière "
     "pour trois mois afin de rénover ses salles consacrées aux antiquités égyptiennes."),
    ("Port strike in Antwerp", "ANTWERP (Reuters) - Dock workers at the port of Antwerp "
     "walked out on Monday, halting container traffic at Europe's second-largest port."),
    ("Nieuwe brug over de Waal", "NIJMEGEN (ANP) - Over de Waal bij Nijmegen komt een derde "
     "brug voor fietsers en voetgangers, heeft de gemeenteraad besloten."),
    ("Hochwasser an der Elbe", "DRESDEN (dpa) - Nach tagelangem Regen steigt die Elbe in "
     "Dresden weiter; die Stadt hat Sandsäcke an die Anwohner verteilt."),
    ("Record de chaleur à Nice", "NICE (AFP) - La ville de Nice a battu mardi son record de "
     "chaleur pour un mois de mars, avec 27 degrés relevés en début d'après-midi."),
    ("Storm closes Irish ports", "DUBLIN (Reuters) - Storm Kathleen closed ports along the "
     "Irish coast on Saturday and left tens of thousands of homes without power."),
    ("Zoo krijgt twee panda's", "RHENEN (ANP) - Dierenpark Ouwehands in Rhenen krijgt "
     "volgend jaar twee nieuwe reuzenpanda's uit China, maakt het park bekend."),
    ("Stau vor dem Gotthard", "GÖSCHENEN (dpa) - Vor dem Gotthard-Strassentunnel staute "
     "sich der Verkehr am Ostersamstag auf einer Länge von fünfzehn Kilometern."),
)  # fmt: skip
RAIL = (
    "Meer uit Binnenland\n"
    "ZWOLLE (ANP) - De provincie Overijssel krijgt er twee nieuwe fietspaden bij.\n"
    "3 uur geleden\n"
    "ASSEN (ANP) - In Drenthe gaan volgend jaar drie nieuwe scholen open.\n"
    "gisteren, 22:15\n"
)


@dataclass(frozen=True, slots=True)
class Hostile:
    """An input and what should become of it: kept as a page (``reason`` None), or refused
    with a one-line message holding ``reason``."""

    name: bytes  # its file name (bytes: names that are not UTF-8 are among them)
    data: bytes
    reason: str | None = None

    @property
    def is_kept(self) -> bool:
        return self.reason is None


def text_page(index: int, date_line: str | None = None, rail: str = "") -> bytes:
    headline, story = STORIES[index]
    lines = [headline, *([date_line] if date_line else []), story, rail]
    return "\n".join(lines).encode()


def html_page(index: int, head: str = "", inside: str = "") -> bytes:
    headline, story = STORIES[index]
    return (
        f"<!DOCTYPE html><html><head><title>{headline}</title>{head}</head><body><article>"
        f"<h1>{headline}</h1>{inside}<p>{story}</p></article></body></html>"
    ).encode()


def nested_page(index: int, depth: int) -> bytes:
    headline, story = STORIES[index]
    return (
        f"<html><body>{'<div>' * depth}<h1>{headline}</h1><p>{story}</p>{'</div>' * depth}"
        "</body></html>"
    ).encode()


def agency_json(index: int) -> bytes:
    """An agency's NINJS item with its dates at the calendar's edges."""
    item = json.loads(
        (ROOT / "tests" / "parse" / "wire" / "items" / "en" / "ap-ninjs1-embargo.json").read_text()
    )
    item.update(versioncreated=LATE, embargoed=EARLY, headline=STORIES[index][0])
    return json.dumps(item).encode()


def files() -> list[Hostile]:
    """Files for ``wiredesk parse`` and ``wiredesk ingest`` (and the API, as bare bodies)."""
    meta = '<meta property="article:published_time" content="{}">'
    ld = '<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{}"}}'
    ld += "</script>"
    copy = "Kabinet valt\nDEN HAAG (ANP) - Het kabinet is gevallen na ruzie over asiel.\n"
    return [
        # Good pages, and good pages under names that are not UTF-8 or not one line.
        Hostile(b"good.txt", (SAMPLES / "anp-buitenland.txt").read_bytes()),
        Hostile(b"caf\xe9.txt", text_page(0)),
        Hostile(b"new\nline.txt", text_page(1)),
        Hostile(b"tab\tand\x1b[31mred.txt", text_page(2)),
        Hostile("line\u2028separator.txt".encode(), text_page(3)),
        Hostile(b"n" * 200 + b".txt", text_page(4)),
        # Dates at the edges of the calendar, in every place a page gives one: left out.
        Hostile(b"meta-early.html", html_page(5, meta.format(EARLY))),
        Hostile(b"meta-late.html", html_page(6, meta.format(LATE))),
        Hostile(b"json-ld.html", html_page(7, ld.format(EARLY))),
        Hostile(b"time.html", html_page(8, inside=f'<time datetime="{LATE}">x</time>')),
        Hostile(b"date-en.txt", text_page(9, "December 31, 9999 11:59 PM")),
        Hostile(b"date-nl.txt", text_page(10, "31 december 9999, 23:59")),
        Hostile(b"date-de.txt", text_page(11, "Freitag, 31.12.9999, 23:59 Uhr")),
        Hostile(b"date-fr.txt", text_page(12, "Publié le 31 décembre 9999 à 23h59")),
        Hostile(b"agency.json", agency_json(13)),
        Hostile(b"endless-age.txt", text_page(14, rail=RAIL.replace("3 uur", "9" * 5000 + " uur"))),
        # Nesting deeper than any parser goes.
        Hostile(b"deep-divs.html", nested_page(15, 200_000)),
        Hostile(
            b"deep.xml",
            b"<nitf><body>" + b"<p>" * 100_000 + b"</p>" * 100_000 + b"</body></nitf>",
            "Excessive depth in document",
        ),
        # Too large, and bytes that are no text.
        Hostile(b"huge.txt", b"a" * (MAX_CAPTURE_BYTES + 1), "too large: more than 20 MB"),
        Hostile(b"empty.txt", b"", "empty file"),
        Hostile(b"noise.bin.txt", bytes(range(256)) * 64, "binary file, not text"),
        Hostile(b"windows.txt", copy.encode("utf-16-le"), "pass --encoding utf-16-le"),
        Hostile(b"java.txt", copy.encode() + b"\xed\xa0\xbd\n", "a UTF-16 surrogate (U+D83D)"),
    ]


# Endless inputs, named as the command line names them.
ENDLESS = ("/dev/zero", "/dev/urandom")


def records() -> list[Hostile]:
    """JSON Lines records for ``wiredesk ingest`` (and the API, as JSON bodies): their
    ``name`` is the line's number in the file ``records()`` makes."""
    story = text_page(0).decode()
    found = [
        ({"text": text_page(1, rail=RAIL).decode(), "captured_at": "0001-01-01T02:00:00Z"}, None),
        (
            {"text": text_page(2, "18.03.2026").decode(), "captured_at": "9999-12-31T23:59:00Z"},
            None,
        ),
        ({"html": html_page(3, inside=f'<time datetime="{EARLY}">x</time>').decode()}, None),
        (
            {
                "text": text_page(4, "18 maart 2026").decode(),
                "published_at": "0001-01-01T00:00:00Z",
            },
            None,
        ),
        (
            {"text": story, "captured_at": "0001-01-01T00:30:00+01:00"},
            "captured_at: 0001-01-01T00:30:00+01:00 is outside the years 1 to 9999 in UTC",
        ),
        (
            {"text": story, "published_at": LATE},
            f"published_at: {LATE} is outside the years 1 to 9999 in UTC",
        ),
        ({"text": story + "\ud800"}, "lone surrogate (U+D800)"),
    ]
    lines = [
        Hostile(str(number).encode(), json.dumps(record).encode(), reason)
        for number, (record, reason) in enumerate(found, start=1)
    ]
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    lines.append(Hostile(str(len(lines) + 1).encode(), deep, "nested too deeply"))
    return lines


def json_lines() -> bytes:
    """``records()`` as a JSON Lines file, with one line too large to read after them."""
    huge = b'{"text": "' + b"a" * (MAX_CAPTURE_BYTES + 1) + b'"}'
    return b"\n".join([*(record.data for record in records()), huge]) + b"\n"


@cache
def feed_pages() -> dict[str, bytes]:
    """Pages a hostile feed links to (``tests/feeds/server.py``), by name."""
    return {
        "early.html": html_page(0, f'<meta property="article:published_time" content="{EARLY}">'),
        "deep.html": nested_page(1, 200_000),
        "windows.html": html_page(2).decode().encode("utf-16-le"),
        "late.html": html_page(3, inside=f'<time datetime="{LATE}">x</time>'),
    }


# Entry dates at the calendar's edges, as RSS prints them, beside one that is no date.
FEED_DATES = (
    "Fri, 31 Dec 9999 23:00:00 -0500",
    "Mon, 01 Jan 0001 00:00:00 +0500",
    "Sun, 99 Foo 99999 99:99:99 +9999",
    "Wed, 18 Mar 2026 14:00:00 GMT",
)
