"""The wire readers' rules as data: telex control characters and header lines, version and
kill words, publishing statuses, and the body markup that is not the story.

Each rule says where it comes from: the IPTC 7901 and ANPA 1312 standards, the
NewsML 1.2, NewsML-G2, NITF and NINJS specifications, or the habit of an agency
as its delivered copy shows it. Change a rule here, add an item under
``tests/parse/wire/items/`` that shows why.
"""

from __future__ import annotations

import re

# -- telex: IPTC 7901 and ANPA 1312 -------------------------------------------------

# Transmission control characters (ASCII): a message opens with SOH, its text with
# STX, the text ends with ETX and the message with EOT. ANPA 1312 sends SYN SYN
# before SOH; AP's selector line carries DC1-DC4 as format codes; printers were
# woken with BEL; DEL pads the end; US (unit separator) parts the header fields.
SOH, STX, ETX, EOT, SYN, US = "\x01", "\x02", "\x03", "\x04", "\x16", "\x1f"
# Control characters left over once the message is cut into its parts: dropped.
TELEX_NOISE_RE = re.compile("[\x00\x05-\x08\x0b\x0c\x0e-\x15\x17-\x1e\x7f]")
# What tells a telex file by its first bytes: SOH, STX or SYN near the start, or
# the teleprinter's "ZCZC" start-of-message.
TELEX_START_BYTES = (b"\x01", b"\x02", b"\x16")
TELEX_SNIFF_BYTES = 64
ZCZC_RE = re.compile(r"\s*ZCZC\b")
END_OF_MESSAGE_RE = re.compile(r"^\s*NNNN\s*$", re.MULTILINE)

# The IPTC 7901 header line: service and message number, priority (1 flash ... 6),
# category, word count, then optional keywords and the agency:
# "bdt0123 4 pl 254  dpa 0678", "eca0211 3 s 412 abcde   dpa 0188".
IPTC7901_HEADER_RE = re.compile(
    r"(?P<service>[A-Za-z]{1,4})(?P<number>\d{2,5})\s+(?P<priority>[1-6])\s+"
    r"(?P<category>[A-Za-z]{1,3})\s+(?P<words>\d{1,5})\b(?P<rest>.*)"
)
# The ANPA 1312 service line after SOH: a service letter and a four-digit
# sequence number, the unit separator, then a routing code: "a0417" US "route".
ANPA_SERVICE_RE = re.compile(r"(?P<service>[A-Za-z])(?P<number>\d{4})(?P<rest>.*)")
# The ANPA 1312 selector line: priority letter, category letter, format codes (DC1-DC4,
# stripped before this matches), keyword (slug), version, reference date and word count:
# "r a BC-US--Ethanol-LosingGra 1stLd-Writethru   11-13 1693".
ANPA_SELECTOR_RE = re.compile(
    r"(?P<priority>[a-z])\s(?P<category>[a-z])\s*(?P<slug>\S+)(?P<version>.*?)\s+"
    r"\d{2}-\d{2}\s+(?P<words>\d{3,5})\s*"
)
# ANPA 1312 priority letters, as urgency 1-9 (1 a flash): flash, bulletin, urgent,
# regular, deferred, and the advance and weekday letters agencies use for features.
ANPA_URGENCY = {"f": 1, "b": 2, "u": 3, "r": 5, "s": 5, "a": 6, "d": 7, "w": 6}

# AAP's telex form: after "ZCZC", header fields each opened by one character
# (Superdesk's AAP parser reads the same): % service, # slug, $ headline,
# : dateline, & author, * subject code, @ category (state).
ZCZC_FIELD_PREFIXES = {
    "%": "service",
    "#": "slug",
    "$": "headline",
    ":": "dateline",
    "&": "author",
    "*": "subject",
    "@": "category",
}

# AP marks header lines with a leading "^" and ends them with "<" (end of line)
# or "=" (end of a byline part); 7901 ends the header's last line with " =";
# Kyodo ends its headline with "+".
FORMAT_CODE_PREFIX = "^"
HEADER_LINE_ENDS = ("<", "=", "+")
# The budget slug of AP and the agencies that follow ANPA: "BC-Oil-Prices,0435".
BUDGET_SLUG_RE = re.compile(r"BC-\S.*", re.IGNORECASE)
# 7901 keyword lines, as dpa sends them: "Bundestag/Haushalt/Schulden/".
KEYWORD_LINE_RE = re.compile(r"[^\s/][^/]{0,60}(?:/[^/]{1,60}){0,12}/")
# Notes to editors in a header: "Eds: ...", "EDITOR'S NOTE _ ...", "AP Photo NY123".
EDITOR_NOTE_RE = re.compile(
    r"(?:eds?\b|editors?\b|editor's note|note to editors|(?:[a-z]{2,5}\s+)?photos?\b|"
    r"achtung|hinweis|redaktionshinweis|note aux rédactions|à l'attention|"
    r"let op|noot voor de redactie)\s*[:_.\-]?.*",
    re.IGNORECASE,
)
# Where a 7901 item's notes for editors start after the story: dpa opens them with a
# Markdown heading line ("# Hinweise"); what follows is not for publication.
NOTES_START_RE = re.compile(r"#{1,3}\s+\S.*")

# -- versions, corrections and kills -------------------------------------------

# Words in a header or a signal that say what this version of an item is, casefolded.
# AP: "1st Ld-Writethru", "Correction"; dpa: "1. Zusammenfassung", "Berichtigung";
# AFP: "URGENT", "CORRECTION", "Rectificatif"; ANP: "Gecorrigeerd";
# kills and withdrawals in each language.
SIGNAL_WORDS = {
    "lead": "update", "ld": "update", "writethru": "update", "update": "update",
    "updates": "update", "zusammenfassung": "update", "aktualisierung": "update",
    "nouvelle": "update", "aangevuld": "update", "aanvulling": "update",
    "correction": "correction", "corrects": "correction", "corrected": "correction",
    "berichtigung": "correction", "korrektur": "correction",
    "rectificatif": "correction", "rectification": "correction",
    "gecorrigeerd": "correction", "correctie": "correction", "rectify": "correction",
    "refile": "refile", "repeat": "refile", "wiederholung": "refile",
    "kill": "kill", "withdraw": "kill", "withdrawn": "kill", "withdrawal": "kill",
    "löschung": "kill", "sperrvermerk": "kill", "annulation": "kill", "annulé": "kill",
    "ingetrokken": "kill", "intrekking": "kill", "vervalt": "kill", "elimination": "kill",
}  # fmt: skip
# Header lines that only say what version this is: "2ND LEAD", "REPEAT", "3RD LD".
VERSION_LINE_RE = re.compile(
    r"(?:(?:\d{1,2}(?:st|nd|rd|th)|\d{1,2}\.)\s*(?:lead|ld|zusammenfassung)(?:[-\s]writethru)?|"
    r"refile|repeat|correction|corrected|kill|withdrawal|urgent|flash|bulletin|eil)"
    r"(?:\s*[-:].*)?",
    re.IGNORECASE,
)
# The count in "1st Ld-Writethru" or "2. Zusammenfassung": the version before this one.
LEAD_COUNT_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th|\.)\s*(?:lead|ld|zusammenfassung)", re.I)

# Publishing statuses (NewsML-G2 "stat:", NewsML 1.2 Status, NINJS pubstatus, NITF
# management-status), in the spelling G2 uses.
PUB_STATUSES = {
    "usable": "usable",
    "withheld": "withheld",
    "canceled": "canceled",
    "cancelled": "canceled",
    "embargoed": "embargoed",
}

# IPTC's controlled vocabularies by address and by the QCode prefix NewsML-G2 gives them
# (IPTC NewsCodes: "mediatopic" is Media Topics, "subjectcode" the older Subject Codes).
IPTC_SCHEMES = {
    "cv.iptc.org/newscodes/mediatopic/": "medtop:",
    "cv.iptc.org/newscodes/subjectcode/": "subj:",
    "cv.iptc.org/newscodes/genre/": "genre:",
}
# IPTC Subject Codes are eight digits, and agencies send them bare ("04000000").
SUBJECT_CODE_RE = re.compile(r"\d{8}")

# What agencies call their photos, video and graphics (NewsML 1.2's MediaType, a G2
# itemClass after its scheme, NINJS's type), as ``Media.kind``.
MEDIA_KINDS = {
    "photo": "picture",
    "picture": "picture",
    "image": "picture",
    "video": "video",
    "graphic": "graphic",
    "interactive": "graphic",
    "audio": "audio",
}

# -- body markup -------------------------------------------------------------------

# Elements (local names, lowercased) that hold a paragraph, a sub-heading, or other blocks.
PARAGRAPH_ELEMENTS = frozenset({"p", "li", "blockquote", "dd", "dt", "pre", "address"})
HEADING_ELEMENTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hl2"})
CONTAINER_ELEMENTS = frozenset(
    {"html", "body", "body.content", "block", "div", "section", "article", "main", "ul", "ol",
     "dl", "center", "bq"}
)  # fmt: skip
# Elements that are never story text: markup for pictures, tables and scripts, the
# HTML5 article header and footer, NITF's media, notes and footnotes.
SKIPPED_ELEMENTS = frozenset(
    {"head", "title", "header", "footer", "aside", "nav", "figure", "figcaption", "img",
     "picture", "video", "audio", "iframe", "object", "embed", "script", "style", "noscript",
     "table", "form", "media", "media-caption", "media-reference", "note", "fn", "caption",
     "tobject", "docdata", "byline", "dateline", "hedline", "abstract", "distributor",
     "series", "ed-msg", "rights", "body.head", "body.end", "tagline", "bibliography"}
)  # fmt: skip
# Class names of blocks that are not story text in agencies' XHTML and HTML bodies.
SKIPPED_CLASSES = frozenset({"byline", "credit-block", "caption", "photo-caption"})
# A line made of rule characters only: "___", "* * * *", "-----". Never story text.
RULE_LINE_RE = re.compile(r"[\s_*=~#+-]{3,}")

# A heading longer than this, or closed by a full stop, is a paragraph set in a heading
# (an ingress in an <h2>), not a sub-heading.
MAX_SUBHEADING_CHARS = 120
# A line in capitals of at most this length that stands between paragraphs is a
# sub-heading in plain wire text (AP's "KEY PLAYERS", a Spanish agency's "REACCIONES").
MAX_CAPITALS_HEADING_CHARS = 100
# Short lines that open a body before its first paragraph ("Inrikes TT", a genre or
# section label) hold at most this many words.
MAX_LABEL_WORDS = 3
