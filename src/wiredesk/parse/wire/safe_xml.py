"""Reading an agency's XML without trusting it: no entities, DTDs or network; size and depth caps.

An XML file can ask its reader to expand entities a billion times over
("billion laughs"), to read a local file or an address into the text (an
external entity), or to fetch a DTD. Wire XML never needs any of that:
NewsML 1.2 and NITF items do carry a DOCTYPE that names their DTD (often with
the NITF DTD pulled in as an external parameter entity), but nothing in them
uses what it declares. So a document that declares an entity of its own is
refused, a DTD is never loaded (a resolver answers every request with
nothing, so not even a local file is opened), and documents over
``MAX_XML_BYTES`` or nested deeper than ``MAX_DEPTH`` are refused. Every
refusal is an ``InputError`` naming the file and, where there is one, the
element.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from wiredesk.errors import InputError
from wiredesk.model import MAX_CAPTURE_BYTES
from wiredesk.parse.decode import SINGLE_BYTE_NAMES, UTF16_BOMS

# Agency items are a few KB; a NewsML-G2 message with a hundred items stays under 5 MB.
MAX_XML_BYTES = MAX_CAPTURE_BYTES
# The deepest wire item met is 12 levels (a G2 message holding XHTML with nested spans);
# libxml2 stops at 256 on its own.
MAX_DEPTH = 100
# A DOCTYPE's internal subset in wire XML only names DTDs: a few hundred bytes.
MAX_INTERNAL_SUBSET_BYTES = 4096

DOCTYPE_RE = re.compile(rb"<!DOCTYPE\s+(?P<root>[^\s\[>]+)[^\[>]*(?P<subset>\[)?")
# The only declaration wire XML needs in its DOCTYPE: an external parameter entity
# naming a DTD, as NewsML 1.2 items pull in NITF's: <!ENTITY % nitf SYSTEM "nitf-3-0.dtd">
EXTERNAL_PARAMETER_ENTITY_RE = re.compile(
    rb"<!ENTITY\s+%\s+[\w.:-]+\s+(?:SYSTEM\s+(?:\"[^\"]*\"|'[^']*')|"
    rb"PUBLIC\s+(?:\"[^\"]*\"|'[^']*')\s+(?:\"[^\"]*\"|'[^']*'))\s*>"
)
ENTITY_DECLARATION = b"<!ENTITY"
DECLARED_ENCODING_RE = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")


class _NothingResolver(etree.Resolver):
    """Answers every request for a DTD or an entity with an empty document."""

    def resolve(self, system_url: str, public_id: str, context: Any = None) -> Any:
        return self.resolve_string("", context, base_url=None)


def load_xml(data: bytes, source: str) -> etree._Element:
    """The root element of an XML capture, read safely; ``InputError`` saying why it cannot be."""
    if len(data) > MAX_XML_BYTES:
        raise InputError(
            source,
            f"XML too large: {len(data) / 1e6:.1f} MB (at most {MAX_XML_BYTES / 1e6:.0f} MB)",
        )
    _refuse_entity_declarations(data, source)
    try:
        root = etree.fromstring(data, _parser(_mislabelled_utf8(data)))
    except etree.XMLSyntaxError as error:
        reason = _first_line(error.msg or str(error))
        raise InputError(source, f"broken XML: {reason} (line {error.lineno})") from None
    _check_depth(root, source, data)
    return root


def _mislabelled_utf8(data: bytes) -> str | None:
    """ "utf-8" when a document declares a single-byte set but its bytes are UTF-8.

    Agencies' templates declare ISO-8859-1 over UTF-8 text, as web pages do
    (``decode.decode_html`` reads those the same way): such byte runs are next
    to never Latin-1 text.
    """
    declared = DECLARED_ENCODING_RE.match(data.lstrip()[:200])
    if declared is None or declared[1].decode("ascii").lower() not in SINGLE_BYTE_NAMES:
        return None
    if data.isascii():
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def _parser(encoding: str | None = None) -> etree.XMLParser:
    # A parser per document: lxml parsers must not be shared between threads, and
    # building one costs a few microseconds.
    parser = etree.XMLParser(
        encoding=encoding,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        collect_ids=False,
    )
    parser.resolvers.add(_NothingResolver())
    return parser


def _refuse_entity_declarations(data: bytes, source: str) -> None:
    """Refuse a DOCTYPE that declares entities of its own (only DTD references pass)."""
    head = data
    if data.startswith(UTF16_BOMS):
        head = data.decode("utf-16", errors="replace").encode("utf-8")
    found = DOCTYPE_RE.search(head, 0, 65_536)
    if found is None:
        if ENTITY_DECLARATION in head[:65_536]:
            raise InputError(source, "XML declares an entity outside a DOCTYPE: refused")
        return
    if found["subset"] is None:
        return
    end = head.find(b"]", found.end())
    if end < 0 or end - found.end() > MAX_INTERNAL_SUBSET_BYTES:
        raise InputError(
            source,
            f"XML <!DOCTYPE {found['root'].decode('ascii', 'replace')}> has an internal subset "
            f"longer than {MAX_INTERNAL_SUBSET_BYTES} bytes: refused",
        )
    subset = EXTERNAL_PARAMETER_ENTITY_RE.sub(b"", head[found.end() : end])
    if ENTITY_DECLARATION in subset:
        declared = re.search(rb"<!ENTITY\s+(%\s+)?([^\s>]+)", subset)
        name = declared[2].decode("utf-8", "replace") if declared else "?"
        raise InputError(
            source,
            f"XML declares the entity {name!r} in <!DOCTYPE "
            f"{found['root'].decode('ascii', 'replace')}>: entity declarations are refused "
            "(wire XML needs none; they can expand without bound or read files)",
        )


def _check_depth(root: etree._Element, source: str, data: bytes) -> None:
    if data.count(b"<") <= MAX_DEPTH:
        return  # fewer tags than the limit: the document cannot nest that deep
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(
                source,
                f"XML nested deeper than {MAX_DEPTH} elements at <{local_name(element)}>: refused",
            )
        stack.extend((child, depth + 1) for child in element)


def local_name(element: etree._Element) -> str:
    """An element's name without its namespace: ``newsItem`` for ``{http://iptc.org/...}newsItem``."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # a comment or processing instruction
    return tag.rpartition("}")[2]


def text_content(element: etree._Element) -> str:
    """The text of an element and all it holds, comments and processing instructions left out."""
    return "".join(str(piece) for piece in element.itertext())


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "not well-formed"
