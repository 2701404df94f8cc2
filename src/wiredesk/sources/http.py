"""Polite HTTP for feeds and pages: one ``Fetcher`` that every network request goes through.

What it promises a server: a clear User-Agent; conditional GET (ETag,
Last-Modified), so an unchanged feed costs one 304; at most one request at a
time per host. What it promises wiredesk: every failure is a ``SourceError``
with the URL and a plain reason (and ``retry_after`` for 429 and 503); a
response is cut off past ``Limits.max_bytes`` while it streams in, and past
``Limits.total_seconds`` however slowly it trickles; redirects are followed by
hand, at most ``Limits.max_redirects`` of them, a loop is named as one, and
every hop's connection goes through the private-address guard (``guard.py``):
to an address it checked, never to a private one unless the feed allows it.
"""

from __future__ import annotations

import ssl
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from wiredesk.errors import SourceError
from wiredesk.sources.guard import (
    GuardedBackend,
    Refused,
    RefusedAddress,
    UnresolvedHost,
    host_and_port,
)


def _user_agent() -> str:
    try:
        number = version("wiredesk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        number = "0"
    return f"wiredesk/{number} (news feed reader; +https://pypi.org/project/wiredesk/)"


USER_AGENT = _user_agent()
# The name robots.txt rules are matched against.
ROBOTS_AGENT = "wiredesk"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# A Retry-After longer than this is taken as this: a server cannot park a feed for ever.
LONGEST_RETRY_AFTER = 7 * 24 * 3600
# httpx's own defaults for its connection pool.
POOL = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """How long and how much one request may take."""

    timeout_seconds: float = 10.0  # to connect, and between two pieces of the answer
    total_seconds: float = 30.0  # for the whole response, however it trickles in
    max_bytes: int = 10 * 1024 * 1024  # of the body, after decompression
    max_redirects: int = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    """A body fetched (status 200), or a feed unchanged since the last poll (status 304)."""

    url: str  # where the body came from, after redirects
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def is_not_modified(self) -> bool:
        return self.status == 304


class HostLocks:
    """One lock per host, held while a request to it runs.

    Locks live as long as someone holds them (a weak dictionary): a poller that
    meets ten thousand hosts keeps none of their locks once it is done with them.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: weakref.WeakValueDictionary[str, _HostLock] = weakref.WeakValueDictionary()

    @contextmanager
    def hold(self, host: str) -> Iterator[None]:
        with self._guard:
            lock = self._locks.get(host)
            if lock is None:
                lock = _HostLock()
                self._locks[host] = lock
        with lock.lock:
            yield

    def __len__(self) -> int:
        return len(self._locks)


class _HostLock:
    __slots__ = ("__weakref__", "lock")

    def __init__(self) -> None:
        self.lock = threading.Lock()


def guarded_transport(
    *, is_private_allowed: bool, ssl_context: ssl.SSLContext
) -> httpx.BaseTransport:
    """httpx's transport, connecting through the guard's network backend."""
    transport = httpx.HTTPTransport(verify=ssl_context, trust_env=False, limits=POOL)
    # httpx 0.28 takes no network backend (encode/httpx#3749): its pool is made again, the
    # same but for the backend. tests/feeds/test_guard.py fails should this stop working.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=ssl_context,
        max_connections=POOL.max_connections,
        max_keepalive_connections=POOL.max_keepalive_connections,
        keepalive_expiry=POOL.keepalive_expiry,
        network_backend=GuardedBackend(is_private_allowed=is_private_allowed),
    )
    return transport


class Fetcher:
    """The one way wiredesk asks the network for something (thread-safe).

    Requests that may reach private addresses and those that may not keep
    apart connection pools, so that neither reuses a connection the other made.
    ``ssl_context`` is the certificates trusted (the system's, by default).
    """

    def __init__(
        self,
        *,
        limits: Limits | None = None,
        user_agent: str = USER_AGENT,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.limits = limits or Limits()
        self.user_agent = user_agent
        self.host_locks = HostLocks()
        context = ssl_context or httpx.create_ssl_context(trust_env=False)
        self._clients = {
            is_private_allowed: httpx.Client(
                headers={"User-Agent": user_agent},
                timeout=httpx.Timeout(self.limits.timeout_seconds),
                follow_redirects=False,
                transport=guarded_transport(
                    is_private_allowed=is_private_allowed, ssl_context=context
                ),
                trust_env=False,  # a proxy set in the environment must not bypass the guard
            )
            for is_private_allowed in (False, True)
        }

    def close(self) -> None:
        for client in self._clients.values():
            client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        is_private_allowed: bool = False,
        accept: str = FEED_ACCEPT,
    ) -> Response:
        """GET ``url``, following redirects by hand; raise ``SourceError`` on any failure."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen: set[str] = set()
        current = url
        for _hop in range(self.limits.max_redirects + 1):
            if current in seen:
                raise SourceError(url, f"redirect loop: {current} is asked for twice")
            seen.add(current)
            host_and_port(current)  # http or https, with a host: the guard checks the rest
            with self.host_locks.hold(_host_key(current)):
                answer = self._request(url, current, headers, is_private_allowed)
            if isinstance(answer, Response):
                return answer
            current = answer  # where the redirect points
        raise SourceError(url, f"more than {self.limits.max_redirects} redirects")

    def _request(
        self, url: str, current: str, headers: dict[str, str], is_private_allowed: bool
    ) -> Response | str:
        """One request: a ``Response``, or the next URL of a redirect."""
        started = time.monotonic()
        client = self._clients[is_private_allowed]
        try:
            with client.stream("GET", current, headers=headers) as answer:
                status = answer.status_code
                if status in REDIRECTS:
                    location = answer.headers.get("location")
                    if not location:
                        raise SourceError(url, f"HTTP {status} redirect without a Location")
                    return urljoin(current, str(location))
                if status == 304:
                    return _response(current, answer, b"")
                if status in (429, 503):
                    wait = read_retry_after(answer.headers.get("retry-after"), datetime.now(UTC))
                    said = f"; asked to wait {wait:.0f} s" if wait is not None else ""
                    raise SourceError(
                        url,
                        f"HTTP {status} {answer.reason_phrase}{said}",
                        status=status,
                        retry_after=wait,
                    )
                if status >= 400:
                    raise SourceError(url, f"HTTP {status} {answer.reason_phrase}", status=status)
                if status != 200:
                    raise SourceError(url, f"unexpected HTTP {status} {answer.reason_phrase}")
                return _response(current, answer, self._read_body(url, answer, started))
        except httpx.HTTPError as error:
            raise SourceError(url, _reason(error, self.limits)) from None
        except Refused as refused:  # the hop asked for, by name: a redirect's too
            kind = UnresolvedHost if refused.is_unresolved else RefusedAddress
            raise kind(current, refused.reason) from None

    def _read_body(self, url: str, answer: httpx.Response, started: float) -> bytes:
        limit = self.limits.max_bytes
        declared = answer.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise SourceError(url, f"too large: {int(declared):,} bytes (the limit is {limit:,})")
        parts: list[bytes] = []
        size = 0
        for part in answer.iter_bytes():
            size += len(part)
            if size > limit:
                raise SourceError(url, f"too large: more than {limit:,} bytes")
            if time.monotonic() - started > self.limits.total_seconds:
                raise SourceError(
                    url, f"too slow: not complete after {self.limits.total_seconds:g} s"
                )
            parts.append(part)
        return b"".join(parts)


def _response(url: str, answer: httpx.Response, body: bytes) -> Response:
    return Response(
        url=url,
        status=answer.status_code,
        body=body,
        content_type=answer.headers.get("content-type"),
        etag=answer.headers.get("etag"),
        last_modified=answer.headers.get("last-modified"),
    )


def _reason(error: httpx.HTTPError, limits: Limits) -> str:
    """A failure in plain words."""
    if isinstance(error, httpx.ConnectTimeout):
        return f"no connection within {limits.timeout_seconds:g} s"
    if isinstance(error, httpx.TimeoutException):
        return f"the server did not answer within {limits.timeout_seconds:g} s"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect: {error}"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server broke off the connection: {error}"
    if isinstance(error, httpx.ReadError):
        return f"the connection was reset: {error}"
    if isinstance(error, httpx.DecodingError):
        return f"the response could not be decompressed: {error}"
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"not an http or https URL: {error}"
    return f"{type(error).__name__}: {error}"


def read_retry_after(value: str | None, now: datetime) -> float | None:
    """The seconds a ``Retry-After`` header asks for (a number or an HTTP date), or None."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(min(int(value), LONGEST_RETRY_AFTER))
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return min(max((moment - now).total_seconds(), 0.0), float(LONGEST_RETRY_AFTER))


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or ''}"
