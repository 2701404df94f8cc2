"""The records every stage shares: what one news page holds.

Frozen, slotted, keyword-only dataclasses. ``None`` means "the copy did not
say"; an empty tuple means "it says there are none". Timestamps are
timezone-aware UTC. This module imports nothing else from wiredesk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

BlockKind = Literal["paragraph", "subheading"]
CapturedAtFrom = Literal["given", "file modification time", "now"]
ContentType = Literal["text", "html"]
# The formats agencies deliver items in, as wiredesk reads them (``parse/wire/``).
WireFormat = Literal["iptc7901", "anpa1312", "nitf", "newsml", "newsml-g2", "ninjs"]
# Publishing statuses (as ``Wire.pub_status`` spells them) that forbid using an item.
KILLED_STATUSES = frozenset({"withheld", "canceled"})
# A feed that was never polled is "new"; after a poll it is "ok" or "error".
FeedStatus = Literal["new", "ok", "error"]
# What enrichment finds named in a story (``enrich/``).
EntityType = Literal["place", "person", "organisation"]
QuoteKind = Literal["direct", "indirect"]
# A mention's ``block`` for the headline (a brief's title) and for the dateline's place; a
# body block (a brief's text) is 0 and up.
HEADLINE_BLOCK = -1
DATELINE_BLOCK = -2


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """Where and from whom a story came: ``LONDEN (ANP/AFP/RTR) -``."""

    place: str | None
    agencies: tuple[str, ...]
    date_text: str | None = None
    desk: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One piece of an article body: a paragraph or a sub-heading."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """Where a story names an entity: ``text[start:end]`` of one block, as printed.

    ``block`` is the body block's index (a brief's text is block 0), ``HEADLINE_BLOCK``
    for the headline (a brief's title) and ``DATELINE_BLOCK`` for the dateline's place.
    """

    text: str
    block: int
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A place, person or organisation a story names, with every mention of it.

    ``id`` is stable across stories and languages: ``geonames:2759794`` for a place
    GeoNames knows, ``person:zelensky`` (a name's normalised key), ``org:nato``;
    ``name`` is its name in English where wiredesk knows one, else as printed.
    """

    type: EntityType
    id: str
    name: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """Who said something: a name as printed, the entity it is (a person, or for a speaker
    named only by role the organisation the role serves), and the role ("woordvoerder")."""

    name: str | None
    entity: str | None
    role: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """What someone said: in their words (``direct``) or reported (``indirect``)."""

    kind: QuoteKind
    text: str
    speaker: Speaker | None
    block: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number in the copy and what it counts: "zo'n 8000 Noord-Koreaanse soldaten"."""

    text: str
    value: float
    counts: str | None
    block: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """The main story of a page."""

    headline: str | None
    standfirst: str | None = None
    byline: str | None = None
    version: int | None = None
    replaces: str | None = None
    # The copy says it corrects an earlier one: "(gecorrigeerd)", "CORRECTED-", a wire signal.
    is_correction: bool = False
    dateline: Dateline | None = None
    body: tuple[Block, ...] = ()
    published_at: datetime | None = None
    # The section it is filed under: the first rail that names one ("Meer uit Buitenland"),
    # else the one its source gave (a feed's section).
    section: str | None = None
    # What enrichment found in it (``enrich/``); empty until then.
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Brief:
    """One item of a rail: a short story with its own time."""

    title: str | None
    dateline: Dateline | None
    text: str | None
    age_text: str | None
    age_seconds: int | None
    published_at: datetime | None
    # What enrichment found in its title (block -1) and text (block 0); empty until then.
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Rail:
    """A list of briefs beside the story: "Meer uit Buitenland", "Related" (None: untitled)."""

    title: str | None
    section: str | None
    items: tuple[Brief, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Subject:
    """A subject an agency files an item under: a scheme's code and, when the item gives it, a name.

    ``code`` keeps the scheme's prefix: ``medtop:20000523`` (IPTC Media Topics),
    ``subj:04000000`` (IPTC Subject Codes), ``dpasubject:...``.
    """

    code: str
    name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Media:
    """A photo, video, graphic or audio item that goes with a wire story: only what it is."""

    kind: str  # "picture", "video", "graphic", "audio"
    item_id: str | None = None
    caption: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Wire:
    """What an agency item says of itself beyond the article: ids, status, filing and rights.

    ``None`` for a page that is not wire copy. ``version`` is the agency's own
    count for the item (``item_id``), ``pub_status`` its word for whether the
    item may be used (``usable``, ``withheld``, ``canceled``), ``signals``
    what the agency marks a version as (``update``, ``correction``, ``kill``,
    ``refile``), ``urgency`` its priority (1 is a flash, 9 the least urgent).
    ``agencies`` are those the item names as its provider, sources and credit.
    """

    format: WireFormat
    item_id: str | None = None
    version: int | None = None
    pub_status: str | None = None
    signals: tuple[str, ...] = ()
    urgency: int | None = None
    service: str | None = None
    category: str | None = None
    slugline: str | None = None
    subheadline: str | None = None
    keywords: tuple[str, ...] = ()
    subjects: tuple[Subject, ...] = ()
    agencies: tuple[str, ...] = ()
    embargoed_at: datetime | None = None
    copyright: str | None = None
    notes: tuple[str, ...] = ()  # notes to editors, not for publication
    media: tuple[Media, ...] = ()

    @property
    def is_killed(self) -> bool:
        """True when the agency says the item must not be used: withheld or canceled
        (G2 ``pubStatus``, NITF ``management-status``, NINJS ``pubstatus``), or a kill
        or withdrawal advisory (7901's "KILL", a "withdraw" signal)."""
        return self.pub_status in KILLED_STATUSES or "kill" in self.signals

    @property
    def is_correction(self) -> bool:
        """True when the agency marks this version as a correction."""
        return "correction" in self.signals


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """What one capture holds: the main article, its rails, and what was left out."""

    source: str | None
    captured_at: datetime | None
    language: str | None
    article: Article
    rails: tuple[Rail, ...]
    dropped: tuple[str, ...]
    # What an HTML page says of itself: its canonical address and the site's name.
    url: str | None = None
    site_name: str | None = None
    # What a wire item says of itself; None for copy that is not an agency item.
    wire: Wire | None = None

    @property
    def has_article(self) -> bool:
        """True when the page held something recognisable as a story: a body."""
        return bool(self.article.body)


# The most one capture may hold, whatever its kind (a file, standard input, a line of
# JSON Lines, an HTML page, wire XML): 20 MB. The longest real news page met is
# under 3 MB; past this an input is refused, naming it, and nothing more of it is
# read (``/dev/urandom`` and an endless pipe included). Uploads to the API (5 MB)
# and fetched feeds and pages (10 MB) are cut off sooner, as they stream in.
MAX_CAPTURE_BYTES = 20_000_000

# Why such an input is refused, in the same words on every route.
TOO_LARGE = f"too large: more than {MAX_CAPTURE_BYTES // 1_000_000} MB, the most read of one input"


@dataclass(frozen=True, slots=True, kw_only=True)
class Capture:
    """Raw bytes as received, and what their source said of them.

    ``data``, ``source`` and ``captured_at`` (with how that time is known) are
    what every capture has. The rest is what a source may know and the bytes
    may not say, kept with the bytes so that parsing them again gives the
    same page: whether they are HTML (``None``: told from the bytes; ``html``
    still needs a tag in them), where they came from, the section the source
    files them under (a feed's), how to read them (language, zone for printed
    times, encoding), and when the source says the story was published (a
    feed entry's date, used when the page prints none).
    """

    data: bytes
    source: str
    captured_at: datetime
    captured_at_from: CapturedAtFrom
    content_type: ContentType | None = None
    url: str | None = None
    section: str | None = None
    language: str | None = None
    timezone: str | None = None
    encoding: str | None = None
    published_at: datetime | None = None


@dataclass(slots=True, kw_only=True)
class Counts:
    """What keeping copy added up to; a capture's result, an ingest and a poll count alike."""

    articles: int = 0  # new stories
    briefs: int = 0  # new briefs
    versions: int = 0  # new versions of kept stories
    duplicates: int = 0  # copies already kept

    def add(self, other: Counts) -> None:
        self.articles += other.articles
        self.briefs += other.briefs
        self.versions += other.versions
        self.duplicates += other.duplicates


@dataclass(slots=True, kw_only=True)
class SaveResult(Counts):
    """What saving one capture changed."""

    capture_id: int | None = None
    is_new_capture: bool = False
    error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Keep:
    """A capture on its way into the store (its ``content_type`` told): its page, or why
    it has none."""

    capture: Capture
    page: Page | None
    error: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredArticle:
    """An article or brief as the store keeps it: its latest version and what is known of it.

    ``article`` is the story as its latest version gave it (a brief's title is its
    headline, its text its body): its ``version`` is the one the copy printed,
    while ``version`` here counts the versions the store has kept. ``wire`` is what
    its latest version said of itself as an agency item (None for other copy).
    """

    id: int
    kind: Literal["article", "brief"]
    article: Article
    language: str | None
    version: int
    age_text: str | None
    first_seen_at: datetime
    last_seen_at: datetime
    full_article_id: int | None
    wire: Wire | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Version:
    """One version of a stored article, as it was seen."""

    version: int
    headline: str | None
    body: tuple[Block, ...]
    printed_version: int | None
    published_at: datetime | None
    seen_at: datetime
    source: str | None
    is_correction: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryCopy:
    """What telling stories apart needs of an article, kept or new."""

    id: int | None
    headline: str | None
    place: str | None
    lead: bytes  # the word trigrams of its lead, as ``Matching.lead`` gives them


@dataclass(frozen=True, slots=True, kw_only=True)
class VersionMark:
    """What ordering a story's versions compares of each: the copy's own count of its
    versions (None when it gives none), and when it says it was published."""

    sequence: int | None
    published_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Matching:
    """How the store tells a new version or a brief's full article: rules handed in by the caller.

    ``lead(body_text)`` gives what matching compares of a story's text, worked
    out once and kept with the story; ``previous_version(new, replaces,
    candidates)`` gives the id of the kept story a new copy continues, or None;
    ``briefs_of(article_lead, brief_leads)`` which briefs are leads of an
    article, ``article_of(brief_lead, article_leads)`` the position of the first
    article a brief is the lead of, or None; ``window`` how far apart in time
    copies of one story can be; ``place_version(new, kept)`` where among a story's
    kept versions, oldest first, a new one goes (0 to ``len(kept)``, the latter
    making it the current version).
    """

    window: timedelta
    lead: Callable[[str], bytes]
    previous_version: Callable[[StoryCopy, str | None, list[StoryCopy]], int | None]
    briefs_of: Callable[[bytes, list[bytes]], list[bool]]
    article_of: Callable[[bytes, list[bytes]], int | None]
    place_version: Callable[[VersionMark, list[VersionMark]], int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Snippet:
    """A piece of an article's text, with the character spans that matched the query."""

    text: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """One search result."""

    id: int
    kind: str
    headline: str | None
    section: str | None
    place: str | None
    agencies: tuple[str, ...]
    language: str | None
    published_at: datetime | None
    dated_at: datetime
    score: float
    snippet: Snippet


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A section as the store knows it: its name as printed, how many stories, the newest."""

    name: str
    count: int
    latest_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Sighting:
    """A story one capture showed: the page's article, or one of its briefs."""

    article_id: int
    role: Literal["article", "brief"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Feed:
    """An RSS or Atom feed wiredesk polls, and how its polls have gone."""

    id: int
    url: str
    title: str | None  # as the feed names itself, once a poll has read it
    section: str | None
    interval_seconds: int
    is_fetching_articles: bool  # take each entry's linked page instead of its summary
    is_private_allowed: bool  # may resolve to private, loopback or link-local addresses
    etag: str | None
    last_modified: str | None
    status: FeedStatus
    last_error: str | None
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    next_poll_at: datetime
    failures: int  # errors in a row since the last success
    items_seen: int  # entries taken from the feed, all polls together
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityCount:
    """An entity as the store knows it: how many stories shown name it, how many times."""

    id: str
    type: EntityType
    name: str
    stories: int
    mentions: int


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteSeen:
    """A quote kept with a story, and the story it is in."""

    quote: Quote
    article_id: int
    headline: str | None
    dated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityProfile:
    """What the store knows of one entity: its counts, its stories per day (UTC dates as
    ``YYYY-MM-DD``, oldest first), the entities named most often beside it, and what it
    said (a person's quotes, newest first)."""

    entity: EntityCount
    days: tuple[tuple[str, int], ...]
    related: tuple[EntityCount, ...]
    quotes: tuple[QuoteSeen, ...]
