"""Wire copy as agencies deliver it: IPTC 7901 and ANPA 1312 telex, NITF, NewsML 1.2,
NewsML-G2 and NINJS (with agency JSON of the same shape), each read into the same
``Page`` the text parser gives, with what the item says of itself in ``Page.wire``.

``sniff_wire`` tells the format by content; ``read_wire`` reads a capture's
bytes in it. Like all of ``parse``, these are pure: no I/O, no clock.
"""

from wiredesk.parse.wire.reader import read_wire, read_wire_item
from wiredesk.parse.wire.sniff import WireKind, sniff_wire

__all__ = ["WireKind", "read_wire", "read_wire_item", "sniff_wire"]
