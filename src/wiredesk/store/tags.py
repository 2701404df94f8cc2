"""A story's filter values as words of SQLite's search index: the index narrows a filtered search.

A search for "drone" in section Buitenland asks the index for stories with
"drone" in their text *and* the section's tag in their ``tags`` column: FTS5
intersects the two lists of rows, newest first, and ranks only what passes.
Filtering after the index instead meant ranking every match of the word
when the newest matches held too few of the section's (bench/store_bench.py).

A tag is one index word per value: a field's letter and a hash of the value
as the filters compare it (casefolded), e.g. ``s3f0c…`` for section
Buitenland. Tags only narrow: the SQL filters still decide, so two values
sharing a tag could cost time, never a wrong result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from hashlib import blake2b

# The letter that starts each field's tags.
FIELDS = {"section": "s", "agency": "a", "place": "p", "language": "l", "kind": "k"}
DIGEST_BYTES = 8
TAG_RE = re.compile(f"[{''.join(FIELDS.values())}][0-9a-f]{{{DIGEST_BYTES * 2}}}")


def tag(field: str, value: str) -> str:
    """The index word for one filter value: ``tag("section", "Buitenland")``."""
    digest = blake2b(value.casefold().encode(), digest_size=DIGEST_BYTES).hexdigest()
    return FIELDS[field] + digest


def looks_like_tag(word: str) -> bool:
    """Whether a word has the shape of a tag (a word of a query may, by chance or not)."""
    return TAG_RE.fullmatch(word) is not None


def tags_of(
    *,
    kind: str | None,
    section: str | None,
    place: str | None,
    language: str | None,
    agencies: Iterable[str],
) -> list[str]:
    """The tags of the values given: a story's, or those a filtered search asks for."""
    wanted = [("kind", kind), ("section", section), ("place", place), ("language", language)]
    wanted += [("agency", agency) for agency in sorted({a.casefold() for a in agencies})]
    return [tag(field, value) for field, value in wanted if value]


def story_tags(
    *,
    kind: str,
    section: str | None,
    place: str | None,
    language: str | None,
    agencies: Iterable[str],
) -> str:
    """The ``tags`` column of a story's index row: its tags, separated by spaces."""
    return " ".join(
        tags_of(kind=kind, section=section, place=place, language=language, agencies=agencies)
    )
