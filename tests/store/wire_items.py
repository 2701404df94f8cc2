"""Agency items of our own for the tests of versions, corrections, kills and embargoes.

Written from the formats' documentation (NewsML-G2 2.33, NITF 3.6, NINJS 2.1,
IPTC 7901 and ANPA 1312) in the shapes ANP, Belga, dpa, AFP, Reuters and AP
deliver; each builder gives the bytes of one item, so a test can make the
versions of one story: the same id, a higher version, a new status.
"""

from __future__ import annotations

import json
from datetime import datetime

from wiredesk.model import Capture


def capture(data: bytes, source: str, captured_at: datetime) -> Capture:
    return Capture(data=data, source=source, captured_at=captured_at, captured_at_from="given")


def g2_item(
    *,
    guid: str,
    version: int,
    headline: str,
    paragraphs: list[str],
    created: str,
    language: str = "nl",
    provider: str = "ANP",
    status: str = "usable",
    signal: str | None = None,
    embargoed: str | None = None,
) -> bytes:
    """A NewsML-G2 news item with an XHTML body."""
    signal_xml = f'<signal qcode="sig:{signal}"/>' if signal else ""
    embargo_xml = f"<embargoed>{embargoed}</embargoed>" if embargoed else ""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{guid}" version="{version}"
    standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang="{language}">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:{provider}"/>
    <versionCreated>{created}</versionCreated>
    {embargo_xml}
    <pubStatus qcode="stat:{status}"/>
    {signal_xml}
  </itemMeta>
  <contentMeta>
    <urgency>3</urgency>
    <language tag="{language}"/>
    <headline>{headline}</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>
    </inlineXML>
  </contentSet>
</newsItem>
""".encode()


def ninjs_item(
    *,
    uri: str,
    version: int | None,
    headline: str,
    body: str | None,
    created: str,
    language: str = "fr",
    status: str = "usable",
    embargoed: str | None = None,
) -> bytes:
    """A NINJS 2 item as Belga's API sends it; a kill notice may have no body."""
    item: dict[str, object] = {
        "uri": uri,
        "type": "text",
        "versioncreated": created,
        "pubstatus": status,
        "language": language,
        "headline": headline,
    }
    if version is not None:
        item["version"] = str(version)
    if body is not None:
        item["body_text"] = body
    if embargoed is not None:
        item["embargoed"] = embargoed
    return json.dumps(item, ensure_ascii=False, indent=2).encode()


def nitf_item(
    *, doc_id: str, headline: str, paragraphs: list[str], issued: str, status: str = "usable"
) -> bytes:
    """An NITF 3.6 document as dpa sends it, with its management status."""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN">
  <head>
    <title>{headline}</title>
    <docdata management-status="{status}">
      <doc-id id-string="{doc_id}"/>
      <urgency ed-urg="3"/>
      <date.issue norm="{issued}"/>
    </docdata>
  </head>
  <body>
    <body.head><hedline><hl1>{headline}</hl1></hedline></body.head>
    <body.content>{body}</body.content>
  </body>
</nitf>
""".encode()


def anpa_item(*, slug: str, version_note: str, headline: str, paragraphs: list[str]) -> bytes:
    """An ANPA 1312 message as AP sends it: the slug stays, the version line changes."""
    lines = [
        "\x16\x16\x01a0733\x1fap-wire",
        f"r a\x13\x11 {slug} {version_note}   03-18 0410",
        f"\x02^{slug}, {version_note},0398<",
        f"^{headline}<",
        "^By JANE MILLER=",
        "^Associated Press=",
        *(f"\t   {text}" for text in paragraphs),
        "\x03AP-WF-03-18-26 1422GMT<",
        "\x0c\x04",
    ]
    return "\r\n".join(lines).encode()


# -- a story from Brussels in NewsML-G2 (ANP, Dutch) -----------------------------

ANP_GUID = "urn:newsml:anp.nl:20260318:anp-260318-0412"
ANP_V1_HEADLINE = "EU-ministers praten over gasvoorraden"
ANP_V2_HEADLINE = "EU-ministers eens over gezamenlijke inkoop van gas"
ANP_V1 = g2_item(
    guid=ANP_GUID,
    version=1,
    headline=ANP_V1_HEADLINE,
    created="2026-03-18T14:00:00+01:00",
    paragraphs=[
        "BRUSSEL (ANP) - De energieministers van de Europese Unie praten woensdag in Brussel "
        "over de gasvoorraden voor de komende winter. Een akkoord wordt niet uitgesloten.",
        "Minister Hermans zei bij aankomst dat Nederland wil dat landen samen gas inkopen.",
    ],
)
ANP_V2 = g2_item(
    guid=ANP_GUID,
    version=2,
    headline=ANP_V2_HEADLINE,
    created="2026-03-18T15:00:00+01:00",
    signal="update",
    paragraphs=[
        "BRUSSEL (ANP) - De energieministers van de Europese Unie zijn het woensdag in Brussel "
        "eens geworden over de gezamenlijke inkoop van gas voor de komende winter.",
        "Minister Hermans sprak van een doorbraak. Nederland drong al lang aan op de afspraak.",
    ],
)
ANP_V3_CORRECTION = g2_item(
    guid=ANP_GUID,
    version=3,
    headline=ANP_V2_HEADLINE,
    created="2026-03-18T15:20:00+01:00",
    signal="correction",
    paragraphs=[
        "BRUSSEL (ANP) - De energieministers van de Europese Unie zijn het woensdag in Brussel "
        "eens geworden over de gezamenlijke inkoop van gas voor de komende twee winters.",
        "Minister Hermans sprak van een doorbraak. Nederland drong al lang aan op de afspraak.",
    ],
)
ANP_V4_KILL = g2_item(
    guid=ANP_GUID,
    version=4,
    headline="VERVALT: " + ANP_V2_HEADLINE,
    created="2026-03-18T16:00:00+01:00",
    status="canceled",
    paragraphs=["Dit bericht vervalt. Niet gebruiken."],
)

# -- a story from Liège in NINJS (Belga, French) ---------------------------------

BELGA_URI = "urn:belga.be:20260318:belga-1183"
BELGA_V1 = ninjs_item(
    uri=BELGA_URI,
    version=1,
    headline="Grève des cheminots en Wallonie",
    created="2026-03-18T08:10:00+01:00",
    body="LIÈGE (Belga) - Les cheminots wallons ont entamé mercredi une grève de 24 heures. "
    "Peu de trains circulent entre Liège et Namur.\n\nLes syndicats dénoncent la charge de "
    "travail.",
)
BELGA_V2 = ninjs_item(
    uri=BELGA_URI,
    version=2,
    headline="La SNCB annonce un service minimum pour jeudi",
    created="2026-03-18T11:40:00+01:00",
    body="BRUXELLES (Belga) - La SNCB assurera jeudi un service minimum sur les grandes lignes, "
    "a-t-elle annoncé mercredi au terme d'une réunion avec les syndicats.\n\nLa grève se "
    "poursuit en Wallonie.",
)
BELGA_KILL = ninjs_item(
    uri=BELGA_URI,
    version=3,
    headline="ANNULATION",
    created="2026-03-18T12:30:00+01:00",
    status="canceled",
    body=None,
)

# -- a story from Berlin in NITF (dpa, German) -----------------------------------

DPA_DOC_ID = "dpa-20260318-bdt-0678"
DPA_USABLE = nitf_item(
    doc_id=DPA_DOC_ID,
    headline="Bundestag beschließt Haushalt für 2027",
    issued="2026-03-18T13:05:00Z",
    paragraphs=[
        "Berlin (dpa) - Der Bundestag hat am Mittwoch den Haushalt für das Jahr 2027 "
        "beschlossen. Für den Entwurf stimmten die Abgeordneten der Koalition.",
        "Die Opposition kritisierte die hohe Neuverschuldung.",
    ],
)
DPA_WITHHELD = nitf_item(
    doc_id="dpa-20260318-bdt-0701",
    headline="Minister tritt zurück",
    issued="2026-03-18T13:30:00Z",
    status="withheld",
    paragraphs=[
        "Berlin (dpa) - Ein Bundesminister ist nach Angaben aus Koalitionskreisen am Mittwoch "
        "zurückgetreten. Eine Bestätigung steht aus.",
    ],
)

# -- a story from Denver in ANPA 1312 (AP, English) ------------------------------

AP_SLUG = "BC-US--Colorado-Avalanche"
AP_FIRST = anpa_item(
    slug=AP_SLUG,
    version_note="1st Ld-Writethru",
    headline="Avalanche buries ski run near Denver; 3 missing",
    paragraphs=[
        "DENVER (AP) _ An avalanche swept across a ski run west of Denver on Wednesday, "
        "and three skiers were missing, the sheriff's office said.",
        "Rescue teams with dogs were searching the slope.",
    ],
)
AP_KILL = anpa_item(
    slug=AP_SLUG,
    version_note="KILL",
    headline="AP KILLS avalanche story",
    paragraphs=[
        "DENVER (AP) _ Editors: The story about an avalanche near Denver is withdrawn. "
        "The sheriff's office says it was a drill. Do not use.",
    ],
)

# -- copied pages: the same story in text, with its update and a correction ------
# ANP's pages print the time of each version under its headline.

REUTERS_ORIGINAL = """\
Oil prices fall as China demand worries mount
LONDON, March 18 (Reuters) - Oil prices fell on Wednesday as weak economic data from China fuelled worries about demand in the world's biggest crude importer.
Brent crude futures fell 62 cents, or 0.8%, to $73.01 a barrel by 0938 GMT.
"""
REUTERS_UPDATE = """\
Oil prices extend losses as China demand worries mount (update 1)
LONDON, March 18 (Reuters) - Oil prices fell on Wednesday as weak economic data from China fuelled worries about demand in the world's biggest crude importer.
Brent crude futures fell 95 cents, or 1.3%, to $72.68 a barrel by 1305 GMT, after industry data showed a surprise stock build in the United States.
"""
ANP_TEXT_ORIGINAL = """\
Kabinet presenteert plan voor woningbouw
18 maart 2026, 13:05
DEN HAAG (ANP) - Het kabinet wil de komende tien jaar 900.000 woningen laten bouwen. Dat heeft minister De Jong van Volkshuisvesting woensdag bekendgemaakt.
Gemeenten krijgen extra geld om bouwlocaties aan te wijzen.
"""
ANP_TEXT_UPDATE = """\
Kabinet wil 900.000 woningen, oppositie sceptisch (2)
18 maart 2026, 14:20
N i e u w bericht, vervangt: Kabinet presenteert plan voor woningbouw
DEN HAAG (ANP) - Het kabinet wil de komende tien jaar 900.000 woningen laten bouwen. Dat heeft minister De Jong van Volkshuisvesting woensdag na afloop van de ministerraad bekendgemaakt.
De oppositie noemt het plan onhaalbaar zolang er te weinig bouwvakkers zijn.
"""
ANP_TEXT_CORRECTED = """\
Kabinet wil 900.000 woningen, oppositie sceptisch (gecorrigeerd)
18 maart 2026, 15:10
DEN HAAG (ANP) - Het kabinet wil de komende tien jaar 900.000 woningen laten bouwen. Dat heeft minister De Jong van Volkshuisvesting woensdag bekendgemaakt. In een eerdere versie stond ten onrechte 90.000.
Gemeenten krijgen extra geld om bouwlocaties aan te wijzen.
"""
DPA_TEXT_CORRECTED = """\
Bahnstreik legt Fernverkehr lahm (berichtigt)
Frankfurt/Main (dpa) - Ein Streik der Lokführer hat am Mittwoch den Fernverkehr der Deutschen Bahn weitgehend lahmgelegt. Nur jeder fünfte Zug fuhr, teilte die Bahn mit.
Die Gewerkschaft kündigte weitere Streiks an.
"""
AFP_TEXT_CORRECTED = """\
Le Parlement adopte la réforme des retraites (rectificatif)
PARIS (AFP) - L'Assemblée nationale a adopté mercredi la réforme des retraites par 289 voix contre 250, a annoncé la présidente de l'Assemblée.
Le texte doit encore être examiné par le Sénat.
"""


# An ANP item under embargo until 18:00 Amsterdam time (17:00 UTC).
ANP_EMBARGOED = g2_item(
    guid="urn:newsml:anp.nl:20260318:anp-260318-0500",
    version=1,
    headline="Kabinet maakt Voorjaarsnota bekend",
    created="2026-03-18T12:00:00+01:00",
    embargoed="2026-03-18T18:00:00+01:00",
    paragraphs=[
        "DEN HAAG (ANP) - Het kabinet trekt dit jaar 2 miljard euro extra uit voor defensie, "
        "staat in de Voorjaarsnota die woensdag wordt gepubliceerd.",
    ],
)
