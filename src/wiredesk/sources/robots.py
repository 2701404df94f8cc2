"""robots.txt, asked before an article page is fetched (feeds themselves are asked for by
the people who add them, as a browser's feed reader does).

Rules follow RFC 9309: a robots.txt that is missing (any 4xx) allows everything;
one that cannot be had (5xx, no connection) disallows everything until it can.
Each host's rules are kept for an hour, for at most ``MAX_HOSTS`` hosts.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from wiredesk.errors import SourceError
from wiredesk.sources.guard import RefusedAddress, UnresolvedHost
from wiredesk.sources.http import ROBOTS_AGENT, Fetcher

MAX_HOSTS = 256
KEEP_SECONDS = 3600.0
# A robots.txt larger than this is read only this far (RFC 9309 asks for at least 500 KiB).
MAX_ROBOTS_BYTES = 512 * 1024
DISALLOW_ALL = ["User-agent: *", "Disallow: /"]


class Robots:
    """Whether a page may be fetched, by its site's robots.txt."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._rules: OrderedDict[str, tuple[float, RobotFileParser]] = OrderedDict()
        self._guard = threading.Lock()

    def allows(self, url: str, *, is_private_allowed: bool) -> bool:
        """Whether the site's robots.txt allows fetching ``url``; a site the address guard
        refuses, or whose name does not resolve, raises that (``RefusedAddress``,
        ``UnresolvedHost``) instead of being taken for one that disallows everything."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        now = time.monotonic()
        with self._guard:
            kept = self._rules.get(site)
            if kept is not None and now - kept[0] < KEEP_SECONDS:
                self._rules.move_to_end(site)
                return kept[1].can_fetch(ROBOTS_AGENT, url)
        try:
            rules = self._fetch(site, is_private_allowed=is_private_allowed)
        except (RefusedAddress, UnresolvedHost) as error:  # named by the page asked for
            raise type(error)(url, error.reason) from None
        with self._guard:
            self._rules[site] = (now, rules)
            self._rules.move_to_end(site)
            while len(self._rules) > MAX_HOSTS:
                self._rules.popitem(last=False)
        return rules.can_fetch(ROBOTS_AGENT, url)

    def _fetch(self, site: str, *, is_private_allowed: bool) -> RobotFileParser:
        rules = RobotFileParser(f"{site}/robots.txt")
        try:
            response = self.fetcher.get(
                f"{site}/robots.txt", is_private_allowed=is_private_allowed, accept="text/plain"
            )
        except (RefusedAddress, UnresolvedHost):
            raise  # the site is not asked at all: its pages fail for this reason, not robots.txt
        except SourceError as error:
            is_missing = error.status is not None and 400 <= error.status < 500
            rules.parse([] if is_missing and error.status != 429 else DISALLOW_ALL)
            return rules
        text = response.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        return rules
