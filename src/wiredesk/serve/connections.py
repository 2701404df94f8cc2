"""The server's hold on connections: how long a request may take to arrive, how large its
head may be, and how many connections one client and all clients may keep open.

uvicorn times out only a kept-alive connection that sits idle after an answer,
and its ``limit_concurrency`` counts a connection only once its headers are in:
a client that opens connections and sends nothing, or a byte a second, keeps
them forever, until the process runs out of file descriptors (issue 17).
Neither hypercorn (a read timeout, no connection caps) nor granian (a header
timeout and a cap on requests in flight, no body timeout, no cap per client)
covers all of it, so this is uvicorn's own HTTP protocol with timers and
counts added (uvicorn takes it as ``http=``, or ``--http`` with its import path):

- A request's line and headers must be in within ``head_seconds`` of the
  connection opening (of its first byte on a kept-alive connection), and hold at
  most ``head_bytes``: else a 408, or a 431, and the connection closes.
- A body must keep coming: at least ``body_bytes`` in every ``body_seconds``,
  the way Apache's mod_reqtimeout asks a minimum rate, else a 408 and the
  connection closes. A 4,000,000-byte body that stops after 3, or one sent a
  byte a second, is cut off there.
- A request answered before its body is all in closes its connection: the rest
  of the body, an endless chunked one too, is never read.
- At most ``per_client`` connections open from one address and ``total`` in all
  (fewer if the process may not open that many files): one more is answered
  with a 503 and closed. Behind a reverse proxy the proxy is one address.

Every answer given here carries the server's default headers (the security
headers among them, ``server.py``), as uvicorn's own answers do.
"""

from __future__ import annotations

import asyncio
import json
import logging
import resource
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any, ClassVar
from weakref import WeakKeyDictionary

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
from uvicorn.server import ServerState

from wiredesk.serve.problems import error_body

log = logging.getLogger(__name__)

# Files a server process keeps open besides its connections: the database, its
# journal, the templates, the log.
RESERVED_FILES = 64
# How often the log says that connections were cut off or refused, at most.
NOTE_SECONDS = 60.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """How long a request may take to arrive, and how many connections may be open."""

    head_seconds: float = 10.0
    head_bytes: int = 64 * 1024
    body_seconds: float = 10.0
    body_bytes: int = 1024  # at least this much body in every body_seconds: 100 B/s
    per_client: int = 100
    total: int = 4096
    # A refused connection stays open this long at most for its client to read the 503.
    linger_seconds: float = 2.0


LIMITS = Limits()

# The open connections of each server, by client address.
_OPEN: WeakKeyDictionary[ServerState, Counter[str]] = WeakKeyDictionary()
# How many refused connections each server keeps open for their clients to read the 503.
_LINGERING: WeakKeyDictionary[ServerState, int] = WeakKeyDictionary()


def open_file_limit() -> int:
    """How many files this process may open (the soft limit)."""
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def raise_file_limit(limits: Limits = LIMITS) -> int:
    """Raise the soft limit on open files to what ``limits.total`` connections need, as
    far as the hard limit allows (processes started from here inherit it); the new limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = limits.total + RESERVED_FILES
    if soft != resource.RLIM_INFINITY and soft < wanted:
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return soft


class _Notes:
    """Says in the log, at most once a minute per kind, how many connections were cut
    off or refused: an attack must not flood the log either."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.said_at: dict[str, float] = {}

    def add(self, kind: str) -> None:
        self.counts[kind] += 1
        now = time.monotonic()
        if now - self.said_at.get(kind, -NOTE_SECONDS) >= NOTE_SECONDS:
            log.warning("%s: %d connection(s) in the last minute", kind, self.counts[kind])
            self.said_at[kind] = now
            self.counts[kind] = 0


_notes = _Notes()


class _HeadTooLarge(Exception):
    """Raised from the parser's callbacks: uvicorn turns it into its 400, which
    ``send_400_response`` here makes a 431."""


class GuardedProtocol(HttpToolsProtocol):
    """uvicorn's HTTP/1.1 protocol (httptools), held to ``limits``."""

    limits: ClassVar[Limits] = LIMITS

    def __init__(
        self,
        config: Any,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.address: str | None = None  # counted in _OPEN while open
        self.is_refused = False
        self.is_head_too_large = False
        self.head_size = 0
        self.head_timer: asyncio.TimerHandle | None = None
        self.body_timer: asyncio.TimerHandle | None = None
        self.body_seen = 0
        self.linger_timer: asyncio.TimerHandle | None = None

    # -- opening and closing -----------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        peer = transport.get_extra_info("peername")
        address = str(peer[0]) if isinstance(peer, tuple | list) and peer else "?"
        counts = _OPEN.setdefault(self.server_state, Counter())
        total = min(self.limits.total, open_file_limit() - RESERVED_FILES)
        if len(self.connections) >= total or counts[address] >= self.limits.per_client:
            self._refuse(transport, "too many connections from this address"
                         if counts[address] >= self.limits.per_client
                         else "the server has too many connections open")  # fmt: skip
            return
        super().connection_made(transport)
        self.address = address
        counts[address] += 1
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.is_refused:
            if self.linger_timer is not None:
                self.linger_timer.cancel()
                _LINGERING[self.server_state] -= 1
            return
        self._stop_timers()
        if self.address is not None:
            counts = _OPEN.get(self.server_state)
            if counts is not None:
                counts[self.address] -= 1
                if counts[self.address] <= 0:
                    del counts[self.address]
            self.address = None
        super().connection_lost(exc)

    def _refuse(self, transport: asyncio.Transport, reason: str) -> None:
        """A 503 before anything is read; what the client sends meanwhile is read and
        dropped, so that closing does not reset the connection before it reads the 503."""
        self.is_refused = True
        self.transport = transport
        _notes.add("refused connections (503)")
        transport.write(self._answer_bytes(503, f"{reason}: try again later"))
        lingering = _LINGERING.get(self.server_state, 0)
        # A flood of refused connections must not hold the files the caps keep free.
        if lingering >= self.limits.total // 8 or not transport.can_write_eof():
            transport.close()
            return
        _LINGERING[self.server_state] = lingering + 1
        transport.write_eof()
        self.linger_timer = self.loop.call_later(self.limits.linger_seconds, transport.close)

    def data_received(self, data: bytes) -> None:
        if self.is_refused:
            return
        super().data_received(data)

    # -- the request's head --------------------------------------------------------------

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.head_size = 0
        if self.head_timer is None:  # a kept-alive connection's next request
            self._arm_head_timer()

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        self._count_head(len(url))

    def on_header(self, name: bytes, value: bytes) -> None:
        super().on_header(name, value)
        self._count_head(len(name) + len(value) + 4)

    def _count_head(self, size: int) -> None:
        self.head_size += size
        if self.head_size > self.limits.head_bytes:
            self.is_head_too_large = True
            raise _HeadTooLarge

    def on_headers_complete(self) -> None:
        self._cancel_head_timer()
        super().on_headers_complete()
        self._arm_body_timer()

    def send_400_response(self, msg: str) -> None:
        self._stop_timers()
        if self.is_head_too_large:
            _notes.add("request heads over the size limit (431)")
            kilobytes = self.limits.head_bytes // 1024
            self._answer_and_close(431, f"the request's line and headers exceed {kilobytes} KB")
            return
        super().send_400_response(msg)

    def _arm_head_timer(self) -> None:
        self.head_timer = self.loop.call_later(self.limits.head_seconds, self._head_timed_out)

    def _cancel_head_timer(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def _head_timed_out(self) -> None:
        self.head_timer = None
        if self.transport.is_closing():
            return
        _notes.add("request heads not finished in time (408)")
        seconds = f"{self.limits.head_seconds:g}"
        if self.cycle is None or self.cycle.response_complete:
            self._answer_and_close(408, f"the request's headers did not arrive in {seconds} s")
        else:  # an answer is still being sent on this connection: it is cut off
            self.transport.close()

    # -- the request's body --------------------------------------------------------------

    def on_body(self, body: bytes) -> None:
        super().on_body(body)
        self.body_seen += len(body)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._cancel_body_timer()

    def _arm_body_timer(self) -> None:
        self._cancel_body_timer()
        self.body_seen = 0
        self.body_timer = self.loop.call_later(self.limits.body_seconds, self._check_body)

    def _cancel_body_timer(self) -> None:
        if self.body_timer is not None:
            self.body_timer.cancel()
            self.body_timer = None

    def _check_body(self) -> None:
        """Every ``body_seconds`` while a body comes in: enough came, or the request ends.
        While reading is paused (the app has not taken what came) the client is not to blame."""
        self.body_timer = None
        if self.transport.is_closing():
            return
        if self.body_seen >= self.limits.body_bytes or self.flow.read_paused:
            self._arm_body_timer()
            return
        _notes.add("request bodies that stopped coming (408)")
        cycle = self.cycle
        if cycle is not None and not cycle.response_started:
            cycle.disconnected = True  # the app reading the body is told the client left
            cycle.message_event.set()
            self._answer_and_close(
                408, f"the request body stopped coming (under {self.limits.body_bytes} bytes "
                f"in {self.limits.body_seconds:g} s)"
            )  # fmt: skip
        else:
            self.transport.close()

    def on_response_complete(self) -> None:
        cycle = self.cycle
        if cycle is not None and cycle.response_complete and cycle.more_body and not self.pipeline:
            # Answered before its body was all in: the rest is not read (an endless
            # chunked body would otherwise be read for ever).
            self._cancel_body_timer()
            self.transport.close()
        super().on_response_complete()

    # -- answers of its own --------------------------------------------------------------

    def _stop_timers(self) -> None:
        self._cancel_head_timer()
        self._cancel_body_timer()

    def _answer_bytes(self, status: int, message: str) -> bytes:
        body = json.dumps(error_body(status, message)).encode()
        lines = [STATUS_LINE[status]]
        defaults = self.server_state.default_headers  # the date, the security headers
        lines += [name + b": " + value + b"\r\n" for name, value in defaults]
        lines += [
            b"content-type: application/json\r\n",
            b"content-length: " + str(len(body)).encode() + b"\r\n",
            b"connection: close\r\n\r\n",
            body,
        ]
        return b"".join(lines)

    def _answer_and_close(self, status: int, message: str) -> None:
        self._stop_timers()
        self.transport.write(self._answer_bytes(status, message))
        self.transport.close()


def guarded(limits: Limits) -> type[GuardedProtocol]:
    """The protocol held to other ``limits`` than the default ones."""
    if limits == LIMITS:
        return GuardedProtocol
    return type("GuardedProtocol", (GuardedProtocol,), {"limits": limits})
