"""Synthetic news pages for wiredesk's benchmarks: deterministic, lazy, varied.

``generate_pages(count, seed)`` yields pages one at a time, each built from its
own ``random.Random`` seeded with ``(seed, index)``, so page 1234 of seed 0 is
the same page on every machine and can be rebuilt alone with
``generate_page(1234, seed=0)``. No network, no data files: the word lists and
sentence frames below are written for this generator.

Every page carries what a correct parse must find: its ``headline`` (as
printed, without version markers) and ``brief_count``, the number of briefs
over all its rails. Pages are in Dutch, English, German or French, between
``MIN_PAGE_BYTES`` and ``MAX_PAGE_BYTES`` of UTF-8, in one of five templates:

- ``site_ages_after``: site copy like ``samples/anp-buitenland.txt``:
  headline, "PLACE (ANP/AFP) - " dateline paragraph, one paragraph per line,
  sub-headings, then a "Meer uit Buitenland" rail whose briefs each carry an
  age glued to the start of the next brief's line, the last age dangling.
- ``site_ages_before``: the same with each age glued before its own brief.
- ``site_furniture``: navigation lines, headline, standfirst (sometimes),
  byline, date line, photo credits, advertising labels between paragraphs,
  share buttons, and a rail of headlines each followed by an age line.
- ``wire``: agency copy hard-wrapped at 68-72 characters with blank lines
  between paragraphs, CRLF line ends on some pages. English, German and French
  pages are Reuters copy ("LONDON, Nov 8 (Reuters) -", "(Reporting by ...;
  Editing by ...)", sometimes a slug line and an "UPDATE 1-" prefix); Dutch
  pages are ANP copy (no Reuters service exists in Dutch): "ZCZC" header,
  indented paragraphs, desk initials, sometimes a "(2)" version with its
  "N i e u w bericht, vervangt:" line. Wire copy has no rails.
- ``two_rails``: site copy with a section rail (ages after or before) and a
  "Meest gelezen" rail of headlines, then a footer.
"""

from __future__ import annotations

import math
import random
import re
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

LANGUAGES = ("nl", "en", "de", "fr")
TEMPLATES = ("site_ages_after", "site_ages_before", "site_furniture", "wire", "two_rails")
MIN_PAGE_BYTES = 1_000
MAX_PAGE_BYTES = 20_000
MIN_BRIEFS = 3
MAX_BRIEFS = 10
WRAP_WIDTHS = (68, 69, 70, 71, 72)
# Captures fall in these two years.
CAPTURE_START = datetime(2025, 1, 1, tzinfo=UTC)
CAPTURE_SPAN_SECONDS = 2 * 365 * 86400


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntheticPage:
    """One generated page and what a correct parse of it finds."""

    index: int
    text: str
    language: str
    template: str
    captured_at: datetime  # UTC
    headline: str  # as printed, without version markers
    brief_count: int  # briefs over all rails

    @property
    def size(self) -> int:
        """The page's size in UTF-8 bytes."""
        return len(self.text.encode())


@dataclass(frozen=True, slots=True, kw_only=True)
class _Language:
    """Everything the generator writes in one language."""

    code: str
    zone: tzinfo
    words: Mapping[str, tuple[str, ...]]  # slot name -> fillers; see ``_fill``
    months: tuple[str, ...]  # January first
    wire_months: tuple[str, ...]  # as wire datelines abbreviate them
    weekdays: tuple[str, ...]  # Monday first
    decimal: str
    dateline_places: tuple[str, ...]
    agencies: tuple[str, ...]
    dashes: tuple[str, ...]
    rail_named: str  # "Meer uit", followed by a section
    sections: tuple[str, ...]
    rail_generic: tuple[str, ...]  # "Meest gelezen", "Lees ook"
    subheadings: tuple[str, ...]
    byline_word: str
    conjunction: str  # between two names in a byline
    names: tuple[str, ...]  # reporters
    navigation: tuple[str, ...]
    advert: str
    share: tuple[str, ...]
    credits: tuple[str, ...]
    footer: tuple[str, ...]
    date_lines: tuple[str, ...]  # str.format fields: see ``_PageBuilder.date_line``
    ages: Mapping[str, str]  # minute, minutes, hour, hours, an_hour, yesterday, now
    wire_dateline: str  # str.format fields: place, mon, d, dd, month, dash
    wire_places: tuple[str, ...]
    wire_trailers: tuple[str, ...]


# The vocabulary is laid out by hand, several words a line.
# fmt: off
NL = _Language(
    code="nl",
    zone=ZoneInfo("Europe/Amsterdam"),
    words={
        "sentence": (
            "{actor} heeft {day} {action}.",
            "{actor} heeft {day} {action}. Dat zei {speaker} tegen {medium}.",
            '"{quote}", zei {speaker}.', '"{quote}. {quote}", aldus {speaker}.',
            "Volgens {source} zijn bij {event} zeker {n} mensen om het leven gekomen.",
            "{actor} wil voor het einde van het jaar {goal}.",
            "Het is nog niet duidelijk {unknown}.",
            "In {year} kwam {actor_lc} al met een vergelijkbaar plan, maar dat heeft niet "
            "tot een resultaat geleid.",
            "De spanningen tussen {country} en {institution} lopen al maanden op.",
            "Sinds {month} zijn ruim {many} mensen gevlucht uit de regio rond {place}.",
            "De inflatie kwam vorige maand uit op {pct} procent, meldt het statistiekbureau.",
            "Critici verwijten de regering dat zij veel te laat heeft ingegrepen.",
            "{speaker_cap} wilde niet zeggen {unknown}.",
            "De gesprekken in {place} worden {day} voortgezet.",
            "Ook {institution} heeft zich inmiddels over de kwestie uitgesproken.",
            "Bij de stemming in het parlement stemden {many} afgevaardigden voor het voorstel.",
            "Het ministerie van Buitenlandse Zaken in {place} reageerde nog niet op vragen "
            "van journalisten.",
            "De maatregel gaat op {dom} {month} in en geldt voorlopig voor een half jaar.",
            "Hulporganisaties waarschuwen dat de voorraden voedsel en medicijnen in {place} "
            "binnen enkele dagen op zijn.",
        ),
        "headline": (
            "{hl_subject} {hl_predicate}", "{hl_subject} {hl_predicate}",
            "{hl_subject} {hl_predicate}", "Zeker {n} doden bij {hl_event} in {place}",
            "{hl_person}: {hl_quote}",
        ),
        "hl_subject": (
            "China", "Kabinet", "Brussel", "Oekraïne", "Rusland", "Duitse regering",
            "Frankrijk", "NAVO", "Israël", "Britse premier", "VN", "Turkije", "Iran", "Japan",
            "Brazilië", "Poolse regering", "Europese Commissie", "Spaanse koning",
        ),
        "hl_predicate": (
            "wil zich niet mengen in conflict rond {country}",
            "stuurt extra troepen naar grensgebied", "dreigt met nieuwe sancties tegen {country}",
            "sluit akkoord over export van graan", "roept op tot staakt-het-vuren in {place}",
            "trekt ambassadeur terug uit {country}", "zegt {country} extra steun toe",
            "schort gesprekken met {country} voorlopig op",
            "onderzoekt aanval op konvooi bij {place}", "verhoogt defensiebudget fors",
            "kondigt noodtoestand af na zware overstromingen",
            "wijst voorstel voor vredesoverleg af",
            "wil strengere regels voor grote techbedrijven",
            "opent onderzoek naar corruptie bij staatsbedrijf",
        ),
        "hl_event": (
            "aanval op markt", "busongeluk", "overstromingen", "explosie in fabriek",
            "aardbeving", "bosbranden",
        ),
        "hl_person": ("Zelensky", "Macron", "Erdogan", "Guterres", "Rutte", "Starmer"),
        "hl_quote": (
            "'geen militaire oplossing voor dit conflict'", "'we laten dit niet zonder gevolgen'",
            "'Europa moet nu doorpakken'",
        ),
        "actor": (
            "De Amerikaanse president", "De Franse regering",
            "Het Duitse ministerie van Defensie", "De Europese Commissie", "De Britse premier",
            "De secretaris-generaal van de NAVO", "Een woordvoerder van het Kremlin",
            "De Oekraïense president", "De Chinese regering", "Het Internationale Rode Kruis",
            "De Wereldgezondheidsorganisatie", "De Israëlische premier", "De Turkse president",
            "De Spaanse koning", "Het Japanse parlement", "De Braziliaanse president",
            "De Poolse minister van Buitenlandse Zaken", "De Europese Centrale Bank",
        ),
        "day": (
            "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
            "maandagavond", "dinsdagochtend", "woensdagmiddag", "donderdagavond",
            "vrijdagochtend", "zaterdagnacht", "zondagmiddag",
        ),
        "action": (
            "een nieuw pakket sancties aangekondigd",
            "de grens met het buurland tijdelijk gesloten",
            "opgeroepen tot een onmiddellijk staakt-het-vuren",
            "extra geld vrijgemaakt voor de wederopbouw van het getroffen gebied",
            "een onderzoek ingesteld naar de gang van zaken", "de ambassadeur ontboden",
            "een akkoord gesloten over de levering van graan",
            "de noodtoestand uitgeroepen in drie provincies",
            "duizenden extra militairen naar de regio gestuurd",
            "het voorstel van de oppositie verworpen", "de onderhandelingen opgeschort",
            "een beroep gedaan op de internationale gemeenschap",
        ),
        "speaker": (
            "de woordvoerder", "een woordvoerder van het ministerie", "de minister", "de premier",
            "een hoge diplomaat", "de burgemeester", "een VN-functionaris",
            "een analist van een Brusselse denktank", "een legerwoordvoerder",
        ),
        "medium": (
            "persbureau Reuters", "de staatstelevisie", "journalisten",
            "een Zuid-Koreaanse televisiezender", "de krant Le Monde", "persbureau AFP",
        ),
        "quote": (
            "We zullen niet toestaan dat dit zonder gevolgen blijft",
            "Dit is een zwarte dag voor ons land",
            "Er is geen militaire oplossing voor dit conflict",
            "We blijven in gesprek met alle partijen",
            "De situatie is ernstig, maar onder controle",
            "Iedereen moet zich aan de afspraken houden",
            "Het is nu aan de andere kant om te laten zien dat ze vrede willen",
            "We hebben meer tijd nodig om alles goed te onderzoeken",
        ),
        "event": (
            "de aanval op een markt in het oosten van het land",
            "de overstromingen in het zuiden", "de aardbeving van vorige week",
            "de rellen in de hoofdstad", "het busongeluk in de bergen",
            "de bosbranden langs de kust",
        ),
        "source": (
            "de lokale autoriteiten", "het ministerie van Volksgezondheid", "hulporganisaties",
            "de Verenigde Naties", "ooggetuigen", "het Rode Kruis",
        ),
        "country": (
            "Rusland", "Iran", "Noord-Korea", "Venezuela", "Syrië", "China", "Wit-Rusland",
            "Israël", "Hongarije", "Servië",
        ),
        "place": (
            "Kyiv", "Gaza", "Beiroet", "Brussel", "Washington", "Moskou", "Beijing", "Parijs",
            "Berlijn", "Caracas", "Khartoem", "Damascus",
        ),
        "institution": (
            "de NAVO", "de Europese Unie", "de Verenigde Naties", "de G20",
            "het Internationaal Strafhof", "de Wereldbank",
        ),
        "unknown": (
            "hoeveel mensen precies zijn omgekomen", "wie achter de aanval zit",
            "wanneer de gesprekken worden hervat", "of de regering de maatregel ook echt invoert",
            "hoe lang de grens dicht blijft",
        ),
        "goal": (
            "een akkoord sluiten", "de uitstoot van broeikasgassen halveren",
            "de defensie-uitgaven verhogen tot 2 procent van het bbp",
            "de handel met {country} beperken", "nieuwe verkiezingen uitschrijven",
        ),
    },
    months=(
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december",
    ),
    wire_months=(
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ),
    weekdays=("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    decimal=",",
    dateline_places=(
        "LONDEN", "WASHINGTON", "BRUSSEL", "PARIJS", "BERLIJN", "MOSKOU", "KYIV", "BEIJING",
        "JERUZALEM", "BEIROET", "MEXICO-STAD", "ROME", "MADRID", "ANKARA", "TOKIO", "NEW YORK",
        "DEN HAAG", "GENÈVE",
    ),
    agencies=("ANP", "ANP/AFP", "ANP/RTR", "ANP/AFP/RTR", "ANP/DPA", "ANP/AP", "ANP/RTR/AFP"),
    dashes=("-",),
    rail_named="Meer uit",
    sections=("Buitenland", "Binnenland", "Economie", "Politiek"),
    rail_generic=("Meest gelezen", "Lees ook", "Meer nieuws", "Gerelateerd", "Laatste nieuws"),
    subheadings=(
        "Koersk", "Sancties", "Reactie", "Onderhandelingen", "Kritiek", "Verkiezingen",
        "Gevolgen", "Onderzoek", "Twaalfpuntenplan", "Steun uit Brussel",
    ),
    byline_word="Door",
    conjunction="en",
    names=(
        "Marieke de Vries", "Jeroen Bakker", "Sanne Visser", "Pieter van Dijk",
        "Fatima El Amrani", "Koen Jansen",
    ),
    navigation=("Home", "Nieuws", "Menu", "Zoeken", "Inloggen", "Nieuws > Buitenland"),
    advert="Advertentie",
    share=("Deel dit artikel", "Facebook", "WhatsApp", "E-mail"),
    credits=("Foto: ANP / Remko de Waal", "Foto: AFP", "Beeld: Reuters / Yves Herman"),
    footer=("© {yyyy} Nieuwsdienst Noord", "Privacy", "Contact"),
    date_lines=(
        "{d} {month} {yyyy}, {HH}:{MM}", "Bijgewerkt: {d} {month} {yyyy}, {HH}:{MM}",
        "{weekday} {d} {month} {yyyy}, {HH}:{MM}",
        "Gepubliceerd op {d} {month} {yyyy} om {HH}:{MM}",
    ),
    ages={
        "minute": "{n} minuut geleden", "minutes": "{n} minuten geleden",
        "hour": "{n} uur geleden", "hours": "{n} uur geleden", "an_hour": "een uur geleden",
        "yesterday": "gisteren", "now": "zojuist",
    },
    wire_dateline="{place} (ANP) {dash} ",
    wire_places=(
        "DEN HAAG", "AMSTERDAM", "ROTTERDAM", "UTRECHT", "BRUSSEL", "LONDEN", "WASHINGTON",
        "BERLIJN", "PARIJS",
    ),
    wire_trailers=("jdw/rs", "ANP/mvk", "lvd/hb", "pvd/ke/sv"),
)

EN = _Language(
    code="en",
    zone=UTC,
    words={
        "sentence": (
            "{actor} {action} on {day}.", "{actor} {action} on {day}, {speaker} told {medium}.",
            '"{quote}," {speaker} said.', '"{quote}," {speaker} said. "{quote}."',
            "At least {n} people were killed in {event}, according to {source}.",
            "{actor} wants to {goal} by the end of the year.",
            "It was not immediately clear {unknown}.",
            "In {year}, {actor_lc} put forward a similar plan, but it came to nothing.",
            "Tensions between {country} and {institution} have been rising for months.",
            "More than {many} people have fled the area around {place} since {month}.",
            "Inflation stood at {pct}% last month, the statistics office said.",
            "Critics accuse the government of having acted far too late.",
            "{speaker_cap} declined to say {unknown}.",
            "Talks in {place} are due to resume on {day}.",
            "{institution_cap} has also weighed in on the issue.",
            "In a vote in parliament, {many} lawmakers backed the proposal.",
            "The foreign ministry in {place} did not immediately respond to a request for comment.",
            "The measure takes effect on {month} {dom} and will apply for six months.",
            "Aid groups warn that stocks of food and medicine in {place} will run out within days.",
        ),
        "headline": (
            "{hl_subject} {hl_predicate}", "{hl_subject} {hl_predicate}",
            "{hl_subject} {hl_predicate}", "At least {n} killed in {hl_event} in {place}",
            "{hl_person} says {hl_quote}",
        ),
        "hl_subject": (
            "China", "Britain", "EU", "Ukraine", "Russia", "Germany", "France", "NATO", "Israel",
            "Turkey", "Iran", "Japan", "Brazil", "Poland", "UN", "White House",
        ),
        "hl_predicate": (
            "says it will not interfere in {country} dispute",
            "sends extra troops to border region", "threatens {country} with new sanctions",
            "signs grain export deal", "calls for ceasefire in {place}",
            "recalls ambassador to {country}", "pledges more aid to {country}",
            "suspends talks with {country}", "investigates attack on convoy near {place}",
            "sharply raises defence budget", "declares emergency after severe floods",
            "rejects proposal for peace talks", "plans tougher rules for big tech firms",
            "opens corruption probe into state firm",
        ),
        "hl_event": (
            "market attack", "bus crash", "floods", "factory explosion", "earthquake",
            "wildfires",
        ),
        "hl_person": ("Zelenskiy", "Macron", "Erdogan", "Guterres", "Rutte", "Starmer"),
        "hl_quote": (
            "no military solution to conflict", "attack will not go unanswered",
            "Europe must act now",
        ),
        "actor": (
            "The US president", "The French government", "Germany's defence ministry",
            "The European Commission", "Britain's prime minister", "NATO's secretary general",
            "A Kremlin spokesman", "Ukraine's president", "China's government",
            "The International Committee of the Red Cross", "The World Health Organization",
            "Israel's prime minister", "Turkey's president", "Spain's king",
            "The European Central Bank", "Poland's foreign minister",
        ),
        "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "action": (
            "announced a new package of sanctions",
            "temporarily closed the border with its neighbour",
            "called for an immediate ceasefire",
            "released extra funds to rebuild the stricken region",
            "opened an investigation into the incident", "summoned the ambassador",
            "signed a deal on grain deliveries",
            "declared a state of emergency in three provinces",
            "sent thousands of extra troops to the region", "rejected the opposition's proposal",
            "suspended the negotiations", "appealed to the international community for help",
        ),
        "speaker": (
            "a spokesperson", "a ministry spokesman", "the minister", "the prime minister",
            "a senior diplomat", "the mayor", "a UN official",
            "an analyst at a Brussels think tank", "an army spokesman",
        ),
        "medium": (
            "Reuters", "state television", "reporters", "a South Korean broadcaster", "the BBC",
            "parliament",
        ),
        "quote": (
            "We will not allow this to go unanswered", "This is a dark day for our country",
            "There is no military solution to this conflict",
            "We remain in contact with all sides", "The situation is serious but under control",
            "Everyone has to stick to what was agreed",
            "It is now up to the other side to show that they want peace",
            "We need more time to look into this properly",
        ),
        "event": (
            "the attack on a market in the east of the country", "the floods in the south",
            "last week's earthquake", "the riots in the capital",
            "the bus crash in the mountains", "the wildfires along the coast",
        ),
        "source": (
            "local authorities", "the health ministry", "aid groups", "the United Nations",
            "witnesses", "the Red Cross",
        ),
        "country": (
            "Russia", "Iran", "North Korea", "Venezuela", "Syria", "China", "Belarus", "Israel",
            "Hungary", "Serbia",
        ),
        "place": (
            "Kyiv", "Gaza", "Beirut", "Brussels", "Washington", "Moscow", "Beijing", "Paris",
            "Berlin", "Caracas", "Khartoum", "Damascus",
        ),
        "institution": (
            "NATO", "the European Union", "the United Nations", "the G20",
            "the International Criminal Court", "the World Bank",
        ),
        "unknown": (
            "how many people had been killed", "who was behind the attack",
            "when the talks would resume",
            "whether the government would actually enforce the measure",
            "how long the border would stay closed",
        ),
        "goal": (
            "reach a deal", "halve greenhouse gas emissions",
            "raise defence spending to 2% of GDP", "restrict trade with {country}",
            "call new elections",
        ),
    },
    months=(
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ),
    wire_months=(
        "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
    ),
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    decimal=".",
    dateline_places=(
        "LONDON", "WASHINGTON", "BRUSSELS", "PARIS", "BERLIN", "MOSCOW", "KYIV", "BEIJING",
        "JERUSALEM", "BEIRUT", "MEXICO CITY", "ROME", "MADRID", "ANKARA", "TOKYO", "NEW YORK",
        "GENEVA",
    ),
    agencies=("Reuters", "AP", "AFP", "PA"),
    dashes=("-", "—"),
    rail_named="More from",
    sections=("World", "Business", "Politics", "UK", "Europe"),
    rail_generic=("Most read", "Related", "Latest news", "More stories", "Top stories"),
    subheadings=(
        "Sanctions", "Background", "Reaction", "Talks", "Criticism", "What happens now",
        "A twelve-point plan", "Support from Brussels",
    ),
    byline_word="By",
    conjunction="and",
    names=(
        "Jane Doe", "Daniel Okafor", "Priya Raman", "Tom Aldridge", "Helen Mayhew", "Susan Farr",
        "Mei Lin Chow", "Kirsten Donovan",
    ),
    navigation=("Home", "News", "Menu", "Search", "Sign in", "News › World"),
    advert="Advertisement",
    share=("Share", "Facebook", "X", "Copy link"),
    credits=("Photo: Reuters/Yves Herman", "(AP Photo/Jordan Ellis)", "Picture: AFP"),
    footer=("© {yyyy} The Daily Courier", "Privacy", "Terms of use"),
    date_lines=(
        "{month} {d}, {yyyy} {HH}:{MM} GMT", "Updated {month} {d}, {yyyy} {HH}:{MM} GMT",
        "{HH}:{MM} GMT, {d} {month} {yyyy}",
        "Published {d} {month} {yyyy}, {h12}:{MM} {ampm} GMT",
    ),
    ages={
        "minute": "{n} minute ago", "minutes": "{n} minutes ago", "hour": "{n} hour ago",
        "hours": "{n} hours ago", "an_hour": "an hour ago", "yesterday": "yesterday",
        "now": "just now",
    },
    wire_dateline="{place}, {mon} {d} (Reuters) {dash} ",
    wire_places=(
        "LONDON", "WASHINGTON", "BRUSSELS", "FRANKFURT", "PARIS", "BERLIN", "KYIV", "BEIJING",
        "TOKYO", "NEW YORK", "SINGAPORE", "MEXICO CITY",
    ),
    wire_trailers=(
        "(Reporting by {name} in {wire_city}; Editing by {name} and {name})",
        "(Reporting by {name}; Additional reporting by {name} in {wire_city}; Editing by {name})",
        "(Reporting by {name} and {name}; Writing by {name}; Editing by {name})",
    ),
)

DE = _Language(
    code="de",
    zone=ZoneInfo("Europe/Berlin"),
    words={
        "sentence": (
            "{actor} hat am {day} {action}.",
            "{actor} hat am {day} {action}. Das sagte {speaker} {medium}.",
            '"{quote}", sagte {speaker}.', '"{quote}. {quote}", sagte {speaker}.',
            "Nach Angaben {source} kamen bei {event} mindestens {n} Menschen ums Leben.",
            "{actor} will bis zum Ende des Jahres {goal}.", "Unklar ist bislang, {unknown}.",
            "Im Jahr {year} hatte {actor_lc} bereits einen ähnlichen Plan vorgelegt, der "
            "jedoch scheiterte.",
            "Die Spannungen zwischen {country} und {institution} nehmen seit Monaten zu.",
            "Seit {month} sind mehr als {many} Menschen aus der Region um {place} geflohen.",
            "Die Inflation lag im vergangenen Monat bei {pct} Prozent, wie das Statistikamt "
            "mitteilte.",
            "Kritiker werfen der Regierung vor, viel zu spät eingegriffen zu haben.",
            "{speaker_cap} wollte nicht sagen, {unknown}.",
            "Die Gespräche in {place} sollen am {day} fortgesetzt werden.",
            "Auch {institution_nom} hat sich inzwischen zu dem Fall geäußert.",
            "Bei der Abstimmung im Parlament stimmten {many} Abgeordnete für den Vorschlag.",
            "Das Außenministerium in {place} reagierte zunächst nicht auf eine Anfrage.",
            "Die Maßnahme tritt am {dom}. {month} in Kraft und gilt zunächst für ein halbes Jahr.",
            "Hilfsorganisationen warnen, dass die Vorräte an Lebensmitteln und Medikamenten "
            "in {place} binnen weniger Tage aufgebraucht sein werden.",
        ),
        "headline": (
            "{hl_subject} {hl_predicate}", "{hl_subject} {hl_predicate}",
            "{hl_subject} {hl_predicate}", "Mindestens {n} Tote bei {hl_event} in {place}",
            "{hl_person}: {hl_quote}",
        ),
        "hl_subject": (
            "China", "Bundesregierung", "EU", "Ukraine", "Russland", "Frankreich", "Nato",
            "Israel", "Türkei", "Iran", "Japan", "Brasilien", "Polen", "EU-Kommission", "Kanzler",
            "Weißes Haus",
        ),
        "hl_predicate": (
            "will sich nicht in Konflikt um {country} einmischen",
            "schickt zusätzliche Truppen ins Grenzgebiet",
            "droht mit neuen Sanktionen gegen {country}",
            "schließt Abkommen über Getreideexporte", "fordert Waffenruhe in {place}",
            "ruft Botschafter aus {country} zurück", "sagt {country} weitere Hilfe zu",
            "setzt Gespräche mit {country} aus", "untersucht Angriff auf Konvoi bei {place}",
            "erhöht Verteidigungsetat deutlich",
            "ruft nach schweren Überschwemmungen Notstand aus",
            "lehnt Vorschlag für Friedensgespräche ab",
            "will strengere Regeln für große Tech-Konzerne",
            "ermittelt wegen Korruption in Staatsbetrieb",
        ),
        "hl_event": (
            "Angriff auf Markt", "Busunglück", "Überschwemmungen", "Explosion in Fabrik",
            "Erdbeben", "Waldbränden",
        ),
        "hl_person": ("Selenskyj", "Macron", "Erdogan", "Guterres", "Rutte", "Merz"),
        "hl_quote": (
            "„Keine militärische Lösung für diesen Konflikt“", "„Das bleibt nicht ohne Folgen“",
            "„Europa muss jetzt handeln“",
        ),
        "actor": (
            "Der US-Präsident", "Die französische Regierung", "Das Verteidigungsministerium",
            "Die EU-Kommission", "Der britische Premierminister", "Der Nato-Generalsekretär",
            "Ein Sprecher des Kremls", "Der ukrainische Präsident", "Die chinesische Regierung",
            "Das Internationale Rote Kreuz", "Die Weltgesundheitsorganisation",
            "Der israelische Ministerpräsident", "Der türkische Präsident", "Die Bundesregierung",
            "Der Bundeskanzler", "Die polnische Außenministerin", "Die Europäische Zentralbank",
        ),
        "day": (
            "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
            "Montagabend", "Dienstagmorgen", "Mittwochnachmittag", "Donnerstagabend",
            "Freitagmorgen", "Sonntagnachmittag",
        ),
        "action": (
            "ein neues Sanktionspaket angekündigt",
            "die Grenze zum Nachbarland vorübergehend geschlossen",
            "zu einer sofortigen Waffenruhe aufgerufen",
            "zusätzliche Mittel für den Wiederaufbau der betroffenen Region bereitgestellt",
            "eine Untersuchung der Vorgänge eingeleitet", "den Botschafter einbestellt",
            "ein Abkommen über Getreidelieferungen geschlossen",
            "in drei Provinzen den Notstand ausgerufen",
            "Tausende zusätzliche Soldaten in die Region geschickt",
            "den Vorschlag der Opposition abgelehnt", "die Verhandlungen ausgesetzt",
            "die internationale Gemeinschaft um Hilfe gebeten",
        ),
        "speaker": (
            "ein Sprecher des Ministeriums", "die Ministerin", "der Regierungschef",
            "ein ranghoher Diplomat", "der Bürgermeister", "ein UN-Vertreter",
            "ein Militärsprecher", "eine Analystin einer Brüsseler Denkfabrik",
        ),
        "medium": (
            "der Nachrichtenagentur Reuters", "dem Staatsfernsehen", "vor Journalisten",
            "einem südkoreanischen Fernsehsender", "der Zeitung Le Monde",
            "der Nachrichtenagentur dpa",
        ),
        "quote": (
            "Wir werden nicht zulassen, dass dies ohne Folgen bleibt",
            "Das ist ein schwarzer Tag für unser Land",
            "Es gibt keine militärische Lösung für diesen Konflikt",
            "Wir bleiben mit allen Seiten im Gespräch",
            "Die Lage ist ernst, aber unter Kontrolle",
            "Alle müssen sich an die Vereinbarungen halten",
            "Jetzt ist die andere Seite am Zug, um zu zeigen, dass sie Frieden will",
            "Wir brauchen mehr Zeit, um alles gründlich zu prüfen",
        ),
        "event": (
            "dem Angriff auf einen Markt im Osten des Landes", "den Überschwemmungen im Süden",
            "dem Erdbeben der vergangenen Woche", "den Unruhen in der Hauptstadt",
            "dem Busunglück in den Bergen", "den Waldbränden an der Küste",
        ),
        "source": (
            "der örtlichen Behörden", "des Gesundheitsministeriums", "von Hilfsorganisationen",
            "der Vereinten Nationen", "von Augenzeugen", "des Roten Kreuzes",
        ),
        "country": (
            "Russland", "Iran", "Nordkorea", "Venezuela", "Syrien", "China", "Belarus", "Israel",
            "Ungarn", "Serbien",
        ),
        "place": (
            "Kiew", "Gaza", "Beirut", "Brüssel", "Washington", "Moskau", "Peking", "Paris",
            "Berlin", "Caracas", "Khartum", "Damaskus",
        ),
        "institution": (
            "der Nato", "der Europäischen Union", "den Vereinten Nationen", "der G20",
            "dem Internationalen Strafgerichtshof", "der Weltbank",
        ),
        "institution_nom": (
            "die Nato", "die Europäische Union", "die UN-Generalversammlung", "die G20",
            "der Internationale Strafgerichtshof", "die Weltbank",
        ),
        "unknown": (
            "wie viele Menschen genau ums Leben kamen", "wer hinter dem Angriff steckt",
            "wann die Gespräche fortgesetzt werden",
            "ob die Regierung die Maßnahme tatsächlich umsetzt",
            "wie lange die Grenze geschlossen bleibt",
        ),
        "goal": (
            "ein Abkommen schließen", "die Treibhausgasemissionen halbieren",
            "die Verteidigungsausgaben auf zwei Prozent der Wirtschaftsleistung erhöhen",
            "den Handel mit {country} einschränken", "Neuwahlen ansetzen",
        ),
    },
    months=(
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember",
    ),
    wire_months=(
        "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
    ),
    weekdays=("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    decimal=",",
    dateline_places=(
        "Berlin", "Brüssel", "Moskau", "Kiew", "Washington", "Peking", "Frankfurt am Main",
        "Paris", "Jerusalem", "Beirut", "Wien", "London", "Rom", "Madrid", "Ankara",
    ),
    agencies=("dpa", "AFP", "Reuters", "dpa/AFP", "KNA", "epd", "AP"),
    dashes=("-", "–"),
    rail_named="Mehr aus",
    sections=("Politik", "Ausland", "Wirtschaft", "Panorama"),
    rail_generic=("Meistgelesen", "Lesen Sie auch", "Weitere Nachrichten", "Auch interessant"),
    subheadings=(
        "Kritik", "Hintergrund", "Reaktionen", "Sanktionen", "Verhandlungen", "Folgen",
        "Ein Zwölf-Punkte-Plan", "Unterstützung aus Brüssel",
    ),
    byline_word="Von",
    conjunction="und",
    names=(
        "Anna Schmidt", "Jan Müller", "Lena Weber", "Hans Busemann", "Ralf Banser",
        "Sabine Wollrab",
    ),
    navigation=("Startseite", "Nachrichten", "Menü", "Suche", "Anmelden", "Nachrichten > Politik"),
    advert="Anzeige",
    share=("Teilen", "Facebook", "WhatsApp", "Link kopieren"),
    credits=("Bild: dpa", "Foto: Kay Nietfeld/dpa", "Foto: AFP"),
    footer=("© {yyyy} Rheinische Rundschau", "Impressum", "Datenschutz"),
    date_lines=(
        "{dd}.{mm}.{yyyy}, {HH}:{MM} Uhr", "Stand: {dd}.{mm}.{yyyy}, {HH}:{MM} Uhr",
        "{weekday}, {d}. {month} {yyyy}, {HH}:{MM} Uhr",
        "Aktualisiert am {d}. {month} {yyyy} um {HH}:{MM} Uhr",
    ),
    ages={
        "minute": "vor {n} Minute", "minutes": "vor {n} Minuten", "hour": "vor {n} Stunde",
        "hours": "vor {n} Stunden", "an_hour": "vor einer Stunde", "yesterday": "gestern",
        "now": "gerade eben",
    },
    wire_dateline="{place}, {dd}. {mon} (Reuters) {dash} ",
    wire_places=("Berlin", "Frankfurt", "München", "Brüssel", "Paris", "Moskau", "Washington"),
    wire_trailers=(
        "(Bericht von {name}, redigiert von {name})",
        "(Bericht von {name} und {name}, redigiert von {name})",
    ),
)

FR = _Language(
    code="fr",
    zone=ZoneInfo("Europe/Paris"),
    words={
        "sentence": (
            "{actor} a {action} {day}.",
            "{actor} a {action} {day}. C'est ce qu'a déclaré {speaker} à {medium}.",
            # French copy keeps its quotes and percent signs on the line with no-break spaces.
            "«\u00a0{quote}\u00a0», a déclaré {speaker}.",
            "«\u00a0{quote}. {quote}\u00a0», a ajouté {speaker}.",
            "Selon {source}, au moins {n} personnes ont été tuées lors {event}.",
            "{actor} veut {goal} d'ici la fin de l'année.", "On ignore encore {unknown}.",
            "En {year}, {actor_lc} avait déjà présenté un plan similaire, sans résultat.",
            "Les tensions entre {country} et {institution} s'accentuent depuis des mois.",
            "Depuis {month}, plus de {many} personnes ont fui la région de {place}.",
            "L'inflation s'est établie à {pct}\u00a0% le mois dernier, selon l'institut de "
            "statistique.",
            "Les critiques reprochent au gouvernement d'avoir réagi bien trop tard.",
            "{speaker_cap} n'a pas voulu préciser {unknown}.",
            "Les discussions à {place} doivent reprendre {day}.",
            "{institution_cap} s'est également exprimée sur le sujet.",
            "Lors du vote au Parlement, {many} députés ont soutenu la proposition.",
            "Le ministère des Affaires étrangères à {place} n'a pas répondu dans l'immédiat "
            "aux sollicitations.",
            "La mesure entrera en vigueur le {dom} {month} et s'appliquera pendant six mois.",
            "Les organisations humanitaires préviennent que les stocks de nourriture et de "
            "médicaments à {place} seront épuisés d'ici quelques jours.",
        ),
        "headline": (
            "{hl_subject} {hl_predicate}", "{hl_subject} {hl_predicate}",
            "{hl_subject} {hl_predicate}", "Au moins {n} morts dans {hl_event} à {place}",
            "{hl_person} : {hl_quote}",
        ),
        "hl_subject": (
            "La Chine", "Le gouvernement", "L'Ukraine", "La Russie", "Berlin", "Washington",
            "L'Otan", "Israël", "Londres", "L'ONU", "La Turquie", "L'Iran", "Le Japon",
            "Le Brésil", "Varsovie", "Bruxelles",
        ),
        "hl_predicate": (
            "refuse de s'immiscer dans le conflit avec {country}",
            "envoie des renforts à la frontière", "menace {country} de nouvelles sanctions",
            "conclut un accord sur les exportations de céréales",
            "appelle à un cessez-le-feu à {place}", "rappelle son ambassadeur",
            "promet une aide supplémentaire", "suspend les discussions avec {country}",
            "enquête sur une attaque contre un convoi près de {place}",
            "augmente fortement son budget militaire",
            "décrète l'état d'urgence après de graves inondations",
            "rejette une proposition de pourparlers de paix",
            "veut durcir les règles pour les géants du numérique",
            "ouvre une enquête pour corruption dans une entreprise publique",
        ),
        "hl_event": (
            "une attaque contre un marché", "un accident de car", "des inondations",
            "l'explosion d'une usine", "un séisme", "des incendies de forêt",
        ),
        "hl_person": ("Zelensky", "Macron", "Erdogan", "Guterres", "Rutte", "Barrot"),
        "hl_quote": (
            "« pas de solution militaire à ce conflit »",
            "« cela ne restera pas sans conséquences »", "« l'Europe doit agir maintenant »",
        ),
        "actor": (
            "Le président américain", "Le gouvernement français",
            "Le ministère allemand de la Défense", "La Commission européenne",
            "Le Premier ministre britannique", "Le secrétaire général de l'Otan",
            "Un porte-parole du Kremlin", "Le président ukrainien", "Le gouvernement chinois",
            "Le Comité international de la Croix-Rouge", "L'Organisation mondiale de la santé",
            "Le Premier ministre israélien", "Le président turc", "Le roi d'Espagne",
            "La Banque centrale européenne", "La ministre polonaise des Affaires étrangères",
        ),
        "day": (
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lundi soir",
            "mardi matin", "mercredi après-midi", "jeudi soir", "vendredi matin",
        ),
        "action": (
            "annoncé un nouveau train de sanctions",
            "fermé temporairement la frontière avec le pays voisin",
            "appelé à un cessez-le-feu immédiat",
            "débloqué des fonds supplémentaires pour la reconstruction de la région sinistrée",
            "ouvert une enquête sur les faits", "convoqué l'ambassadeur",
            "conclu un accord sur les livraisons de céréales",
            "décrété l'état d'urgence dans trois provinces",
            "envoyé des milliers de soldats supplémentaires dans la région",
            "rejeté la proposition de l'opposition", "suspendu les négociations",
            "lancé un appel à la communauté internationale",
        ),
        "speaker": (
            "un porte-parole du ministère", "la ministre", "le chef du gouvernement",
            "un haut diplomate", "le maire", "un responsable de l'ONU",
            "un porte-parole de l'armée", "une analyste d'un centre de réflexion bruxellois",
        ),
        "medium": (
            "l'agence Reuters", "la télévision d'Etat", "la presse",
            "une chaîne de télévision sud-coréenne", "l'AFP", "la radio publique",
        ),
        "quote": (
            "Nous ne laisserons pas cela sans conséquences", "C'est un jour noir pour notre pays",
            "Il n'y a pas de solution militaire à ce conflit",
            "Nous restons en contact avec toutes les parties",
            "La situation est grave mais sous contrôle",
            "Chacun doit respecter ce qui a été convenu",
            "C'est maintenant à l'autre camp de montrer qu'il veut la paix",
            "Nous avons besoin de plus de temps pour tout examiner",
        ),
        "event": (
            "de l'attaque contre un marché dans l'est du pays", "des inondations dans le sud",
            "du séisme de la semaine dernière", "des émeutes dans la capitale",
            "de l'accident de car dans les montagnes", "des incendies de forêt sur la côte",
        ),
        "source": (
            "les autorités locales", "le ministère de la Santé", "des organisations humanitaires",
            "les Nations unies", "des témoins", "la Croix-Rouge",
        ),
        "country": (
            "la Russie", "l'Iran", "la Corée du Nord", "le Venezuela", "la Syrie", "la Chine",
            "la Biélorussie", "la Hongrie", "la Serbie",
        ),
        "place": (
            "Kiev", "Gaza", "Beyrouth", "Bruxelles", "Washington", "Moscou", "Pékin", "Paris",
            "Berlin", "Caracas", "Khartoum", "Damas",
        ),
        "institution": (
            "l'Otan", "l'Union européenne", "l'ONU", "la Banque mondiale",
            "la Cour pénale internationale",
        ),
        "unknown": (
            "combien de personnes ont péri", "qui est derrière l'attaque",
            "quand les discussions reprendront",
            "si le gouvernement appliquera réellement la mesure",
            "combien de temps la frontière restera fermée",
        ),
        "goal": (
            "conclure un accord", "réduire de moitié les émissions de gaz à effet de serre",
            "porter les dépenses militaires à 2\u00a0% du PIB",
            "limiter les échanges avec {country}", "convoquer des élections anticipées",
        ),
    },
    months=(
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ),
    wire_months=(
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    decimal=",",
    dateline_places=(
        "Paris", "Bruxelles", "Moscou", "Kiev", "Washington", "Pékin", "Jérusalem", "Beyrouth",
        "Londres", "Berlin", "Genève", "Rome", "PARIS", "BRUXELLES", "GENÈVE",
    ),
    agencies=("AFP", "Reuters", "AFP/Reuters", "Belga", "AP"),
    dashes=("-", "—"),
    rail_named="Plus de",
    sections=("International", "Monde", "Économie", "Politique", "Société"),
    rail_generic=("Les plus lus", "À lire aussi", "Sur le même sujet", "Dernières actualités"),
    subheadings=(
        "Critiques", "Contexte", "Réactions", "Sanctions", "Négociations", "Conséquences",
        "Un plan en douze points", "Le soutien de Bruxelles",
    ),
    byline_word="Par",
    conjunction="et",
    names=(
        "Jean Dupont", "Claire Martin", "Luc Bernard", "Sophie Louet", "Camille Raynaud",
        "Nicolas Delame",
    ),
    navigation=(
        "Accueil", "Actualités", "Menu", "Rechercher", "Se connecter",
        "Actualités > International",
    ),
    advert="Publicité",
    share=("Partager", "Facebook", "X", "Copier le lien"),
    credits=("Photo : AFP / Ludovic Marin", "Crédit : Reuters", "Photo : AP"),
    footer=("© {yyyy} Le Courrier du Soir", "Mentions légales", "Cookies"),
    date_lines=(
        "Publié le {d} {month} {yyyy} à {HH}h{MM}", "Mis à jour le {dd}/{mm}/{yyyy} à {HH}:{MM}",
        "{weekday} {d} {month} {yyyy} à {HH}h{MM}", "Le {d} {month} {yyyy} à {HH}h{MM}",
    ),
    ages={
        "minute": "il y a {n} minute", "minutes": "il y a {n} minutes",
        "hour": "il y a {n} heure", "hours": "il y a {n} heures", "an_hour": "il y a une heure",
        "yesterday": "hier", "now": "à l'instant",
    },
    wire_dateline="{place}, {d} {mon} (Reuters) {dash} ",
    wire_places=("PARIS", "BRUXELLES", "GENÈVE", "LONDRES", "BERLIN", "WASHINGTON", "MOSCOU"),
    wire_trailers=(
        "(Reportage {name}, version française {name}, édité par {name})",
        "(Reportage {name} et {name}, rédigé par {name})",
    ),
)

# fmt: on

VOCABULARIES: Mapping[str, _Language] = {lang.code: lang for lang in (NL, EN, DE, FR)}

# Reuters slug words and desk cities for English wire copy.
SLUG_WORDS = ("Oil", "Markets", "Ukraine", "Mideast", "EU", "Trade", "Energy", "Rates")
WIRE_CITIES = ("London", "Brussels", "Washington", "Kyiv", "Berlin", "Paris", "Singapore")

_SLOT_RE = re.compile(r"\{(\w+)\}")
_ARTICLES = (
    "The ", "A ", "An ", "De ", "Het ", "Een ", "Der ", "Die ", "Das ", "Ein ", "Eine ",
    "Le ", "La ", "Les ", "Un ", "Une ", "L'",
)  # fmt: skip


def generate_pages(count: int, seed: int = 0) -> Iterator[SyntheticPage]:
    """Yield ``count`` pages, one at a time; the same ``seed`` gives the same pages."""
    for index in range(count):
        yield generate_page(index, seed=seed)


def generate_page(index: int, *, seed: int = 0) -> SyntheticPage:
    """Page ``index`` of the stream ``generate_pages(count, seed)`` yields."""
    rng = random.Random(f"wiredesk-bench:{seed}:{index}")
    lang = VOCABULARIES[rng.choice(LANGUAGES)]
    template = rng.choice(TEMPLATES)
    captured_at = CAPTURE_START + timedelta(seconds=rng.randrange(CAPTURE_SPAN_SECONDS))
    # Log-uniform: as many pages between 1 and 4.5 KB as between 4.5 and 20 KB.
    target = int(math.exp(rng.uniform(math.log(MIN_PAGE_BYTES), math.log(MAX_PAGE_BYTES))))
    builder = _PageBuilder(rng=rng, lang=lang, captured_at=captured_at, target=target)
    if template == "wire":
        lines, eol, headline, briefs = builder.wire()
    else:
        lines, headline, briefs = builder.site(template)
        eol = "\n"
    text = eol.join(lines) + (eol if rng.random() < 0.5 else "")
    return SyntheticPage(
        index=index,
        text=text,
        language=lang.code,
        template=template,
        captured_at=captured_at,
        headline=headline,
        brief_count=briefs,
    )


def _lower_article(text: str) -> str:
    """A leading article lowercased ("De Franse regering" -> "de Franse regering")."""
    return text[0].lower() + text[1:] if text.startswith(_ARTICLES) else text


def _fill(
    rng: random.Random,
    lang: _Language,
    template: str,
    taken: dict[str, set[str]] | None = None,
) -> str:
    """``template`` with each ``{slot}`` replaced by a random filler of that slot.

    Fillers may hold slots themselves. A ``_lc`` suffix lowercases a leading
    article, ``_cap`` capitalises the first letter; ``n``, ``many``, ``pct``,
    ``year``, ``dom`` and ``month`` are numbers and months. A slot used twice
    gets two different fillers while it has them ("by Jane Doe and Tom Aldridge").
    """
    taken = {} if taken is None else taken

    def pick(name: str, fillers: Sequence[str]) -> str:
        used = taken.setdefault(name, set())
        fresh = [filler for filler in fillers if filler not in used] or list(fillers)
        choice = rng.choice(fresh)
        used.add(choice)
        return choice

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.endswith("_lc"):
            return _lower_article(_fill(rng, lang, "{" + name[:-3] + "}", taken))
        if name.endswith("_cap"):
            filled = _fill(rng, lang, "{" + name[:-4] + "}", taken)
            return filled[:1].upper() + filled[1:]
        if name == "n":
            return str(rng.randint(2, 60))
        if name == "many":
            return str(rng.randint(70, 950))
        if name == "pct":
            return f"{rng.randint(1, 9)}{lang.decimal}{rng.randint(0, 9)}"
        if name == "year":
            return str(rng.randint(2015, 2024))
        if name == "dom":
            return str(rng.randint(2, 28))
        if name == "month":
            return rng.choice(lang.months)
        if name == "name":
            return pick(name, lang.names)
        if name == "wire_city":
            return rng.choice(WIRE_CITIES)
        return pick(name, lang.words[name])

    text = template
    for _ in range(4):  # fillers nest at most a few deep
        if "{" not in text:
            break
        text = _SLOT_RE.sub(replace, text)
    return text


def _cost(lines: Sequence[str], eol: str) -> int:
    """UTF-8 bytes of ``lines`` each followed by ``eol``."""
    return sum(len(line.encode()) for line in lines) + len(eol) * len(lines)


@dataclass(slots=True, kw_only=True)
class _PageBuilder:
    """Builds the lines of one page in one language from one random stream."""

    rng: random.Random
    lang: _Language
    captured_at: datetime
    target: int  # bytes the page should reach; never beyond MAX_PAGE_BYTES

    # -- pieces ------------------------------------------------------------------

    def headline(self) -> str:
        return _fill(self.rng, self.lang, "{headline}")

    def sentences(self, low: int, high: int) -> str:
        """A paragraph: sentences of different frames, no filler twice."""
        frames = self.rng.sample(self.lang.words["sentence"], self.rng.randint(low, high))
        taken: dict[str, set[str]] = {}
        return " ".join(_fill(self.rng, self.lang, frame, taken) for frame in frames)

    def site_dateline(self) -> str:
        place = self.rng.choice(self.lang.dateline_places)
        agencies = self.rng.choice(self.lang.agencies)
        return f"{place} ({agencies}) {self.rng.choice(self.lang.dashes)} "

    def brief(self) -> str:
        return self.site_dateline() + self.sentences(1, 3)

    def age(self, seconds: int) -> str:
        ages = self.lang.ages
        if seconds < 60:
            return ages["now"]
        if seconds < 3600:
            minutes = seconds // 60
            return ages["minute" if minutes == 1 else "minutes"].format(n=minutes)
        if seconds < 86400:
            hours = seconds // 3600
            if hours == 1 and self.rng.random() < 0.3:
                return ages["an_hour"]
            return ages["hour" if hours == 1 else "hours"].format(n=hours)
        return ages["yesterday"]

    def ages(self, count: int) -> list[str]:
        """Labels for ``count`` briefs, newest first."""
        seconds = self.rng.choice((0, self.rng.randint(60, 3000)))
        labels = []
        for _ in range(count):
            labels.append(self.age(seconds))
            seconds += self.rng.randint(5, 150) * 60
        return labels

    def rail_title(self, *, named: bool) -> str:
        if named:
            return f"{self.lang.rail_named} {self.rng.choice(self.lang.sections)}"
        return self.rng.choice(self.lang.rail_generic)

    def dateline_rail(self, *, ages_before: bool) -> tuple[list[str], int]:
        """A section rail of briefs with datelines, ages glued to the neighbouring brief."""
        count = self.rng.randint(MIN_BRIEFS, MAX_BRIEFS)
        briefs = [self.brief() for _ in range(count)]
        ages = self.ages(count)
        if ages_before:
            lines = [age + brief for age, brief in zip(ages, briefs, strict=True)]
        else:  # each age after its brief: glued to the next brief, the last one dangling
            lines = [briefs[0]]
            lines += [age + brief for age, brief in zip(ages, briefs[1:], strict=False)]
            lines.append(ages[-1])
        return [self.rail_title(named=True), *lines], count

    def headline_rail(self, *, named: bool) -> tuple[list[str], int]:
        """A rail of headlines, each followed by its age on a line of its own."""
        count = self.rng.randint(MIN_BRIEFS, MAX_BRIEFS)
        lines = [self.rail_title(named=named)]
        seen: set[str] = set()
        for age in self.ages(count):
            title = self.headline()
            for _ in range(5):  # a rail rarely lists the same story twice
                if title not in seen:
                    break
                title = self.headline()
            seen.add(title)
            lines += [title, age]
        return lines, count

    def date_line(self, moment: datetime) -> str:
        local = moment.astimezone(self.lang.zone)
        fields = {
            "d": str(local.day),
            "dd": f"{local.day:02d}",
            "mm": f"{local.month:02d}",
            "month": self.lang.months[local.month - 1],
            "yyyy": str(local.year),
            "HH": f"{local.hour:02d}",
            "MM": f"{local.minute:02d}",
            "h12": str(local.hour % 12 or 12),
            "ampm": "pm" if local.hour >= 12 else "am",
            "weekday": self.lang.weekdays[local.weekday()],
        }
        return self.rng.choice(self.lang.date_lines).format(**fields)

    # -- the body ----------------------------------------------------------------

    def body(
        self,
        *,
        used: int,
        dateline: str,
        adverts: bool = False,
        wrap: int | None = None,
        indent: str = "",
        eol: str = "\n",
    ) -> list[str]:
        """Paragraphs (and sub-headings, adverts) until the page reaches its target size.

        ``used`` is what the rest of the page already takes. With ``wrap``,
        paragraphs are hard-wrapped at that width and separated by blank lines.
        """
        lines: list[str] = []
        paragraphs = 0
        since_heading = 0
        while True:
            block: list[str] = []
            if paragraphs >= 2 and since_heading >= 2 and self.rng.random() < 0.25:
                block += self.block(self.rng.choice(self.lang.subheadings), wrap, indent)
                since_heading = 0
            text = self.sentences(1, 6)
            if paragraphs == 0:
                text = dateline + text
            block += self.block(text, wrap, indent)
            cost = _cost(block, eol)
            if paragraphs > 0 and used + cost > MAX_PAGE_BYTES:
                break
            lines += block
            used += cost
            paragraphs += 1
            since_heading += 1
            if used >= self.target + len(eol):  # the last line end may be left off
                break
            if adverts and paragraphs % 3 == 0 and self.rng.random() < 0.7:
                advert = [self.lang.advert]
                if used + _cost(advert, eol) <= MAX_PAGE_BYTES:
                    lines += advert
                    used += _cost(advert, eol)
        return lines

    @staticmethod
    def block(text: str, wrap: int | None, indent: str) -> list[str]:
        if wrap is None:
            return [text]
        wrapped = textwrap.wrap(
            text,
            width=wrap,
            initial_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        return [*wrapped, ""]

    # -- templates ---------------------------------------------------------------

    def site(self, template: str) -> tuple[list[str], str, int]:
        """Site copy: lines, the headline and the number of briefs."""
        rng, lang = self.rng, self.lang
        headline = self.headline()
        top: list[str] = []
        tail: list[str] = []
        briefs = 0
        dateline = self.site_dateline()
        adverts = False
        if template in ("site_ages_after", "site_ages_before"):
            top = [headline]
            rail, briefs = self.dateline_rail(ages_before=template == "site_ages_before")
            tail = rail
        elif template == "site_furniture":
            nav_start = rng.randint(0, 2)
            top = list(lang.navigation[nav_start : nav_start + rng.randint(2, 4)])
            top.append(headline)
            if rng.random() < 0.3:
                top.append(self.sentences(1, 2))  # standfirst
            top.append(self.byline())
            published = self.captured_at - timedelta(minutes=rng.randint(15, 600))
            top.append(self.date_line(published))
            if rng.random() < 0.5:
                top.append(rng.choice(lang.credits))
            if rng.random() < 0.5:
                dateline = ""  # a site story without an agency dateline
            adverts = True
            rail, briefs = self.headline_rail(named=rng.random() < 0.5)
            tail = [*lang.share[: rng.randint(0, len(lang.share))], *rail]
            if rng.random() < 0.5:
                tail += self.footer()
        elif template == "two_rails":
            top = [headline]
            first, first_count = self.dateline_rail(ages_before=rng.random() < 0.5)
            second, second_count = self.headline_rail(named=False)
            briefs = first_count + second_count
            tail = [*lang.share[: rng.randint(0, len(lang.share))], *first, *second]
            if rng.random() < 0.5:
                tail += self.footer()
        else:
            raise ValueError(f"unknown site template: {template}")
        body = self.body(
            used=_cost(top, "\n") + _cost(tail, "\n"), dateline=dateline, adverts=adverts
        )
        return [*top, *body, *tail], headline, briefs

    def byline(self) -> str:
        """The byline: "Door ANP", "By Jane Doe", "Von Anna Schmidt und Jan Müller"."""
        if self.lang.code == "nl" and self.rng.random() < 0.3:
            return "Door ANP"
        names = self.rng.sample(self.lang.names, self.rng.choice((1, 1, 1, 2)))
        return f"{self.lang.byline_word} {f' {self.lang.conjunction} '.join(names)}"

    def footer(self) -> list[str]:
        year = str(self.captured_at.year)
        return [line.replace("{yyyy}", year) for line in self.lang.footer]

    def wire(self) -> tuple[list[str], str, str, int]:
        """Wire copy: lines, line end, the headline (without markers) and 0 briefs."""
        rng, lang = self.rng, self.lang
        eol = "\r\n" if rng.random() < 0.4 else "\n"
        width = rng.choice(WRAP_WIDTHS)
        headline = self.headline()
        top: list[str] = []
        tail: list[str] = []
        place = rng.choice(lang.wire_places)
        local = self.captured_at.astimezone(lang.zone)
        dateline = lang.wire_dateline.format(
            place=place,
            mon=lang.wire_months[local.month - 1],
            month=lang.months[local.month - 1],
            d=local.day,
            dd=f"{local.day:02d}",
            dash=rng.choice(lang.dashes),
        )
        indent = ""
        if lang.code == "nl":  # ANP copy
            if rng.random() < 0.5:
                stamp = local.strftime("%d-%m-%y %H:%M")
                top += ["ZCZC", f"ANP-{rng.randint(1, 9999):04d} {stamp}", ""]
            indent = "   " if rng.random() < 0.5 else ""
            if rng.random() < 0.2:
                old = self.headline()
                top += [
                    f"{headline} ({rng.randint(2, 4)})",
                    "",
                    f"N i e u w bericht, vervangt: {old}",
                    "",
                ]
            else:
                top += [headline, ""]
            tail = [rng.choice(lang.wire_trailers)]
            if top[0] == "ZCZC":
                tail.append("NNNN")
        else:  # Reuters copy
            if lang.code == "en" and rng.random() < 0.4:
                top += ["BC-{}-{}/".format(*rng.sample(SLUG_WORDS, 2)), ""]
            printed = headline
            if lang.code == "en" and rng.random() < 0.25:
                printed = rng.choice(("UPDATE 1-", "UPDATE 2-", "REFILE-")) + headline
            top += [printed, ""]
            trailer = _fill(rng, lang, rng.choice(lang.wire_trailers))
            tail = self.block(trailer, width, "")[:-1]
        used = _cost(top, eol) + _cost(tail, eol)
        body = self.body(used=used, dateline=dateline, wrap=width, indent=indent, eol=eol)
        return [*top, *body, *tail], eol, headline, 0
