"""The bundled sample pages as captures, timed as if they had just come in.

``samples/demo.json`` lists the pages and how many minutes before the demo
starts each was captured, so the site shows a morning's news whose ages are
true now: the ANP sample's briefs read "1 uur geleden" when the demo starts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from importlib.resources import files

from wiredesk.model import Capture

SAMPLES = files("wiredesk") / "samples"


def sample_pages(now: datetime) -> Iterator[Capture]:
    """The demo's captures, oldest first."""
    listed = json.loads((SAMPLES / "demo.json").read_text(encoding="utf-8"))
    for entry in sorted(listed["pages"], key=lambda page: -page["minutes_ago"]):
        name = entry["file"]
        yield Capture(
            data=(SAMPLES / name).read_bytes(),
            source=f"samples/{name}",
            captured_at=now - timedelta(minutes=entry["minutes_ago"]),
            captured_at_from="given",
            content_type="html" if name.endswith(".html") else "text",
            url=entry.get("url"),
        )
