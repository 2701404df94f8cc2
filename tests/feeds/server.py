"""A real HTTP server on 127.0.0.1 that serves feeds and pages, good and hostile.

Every request is logged as ``(path, status)`` so tests can count what a poll
cost; with a TLS context, it serves HTTPS and keeps the server names clients
asked for (SNI). Routes:

- ``/feed.xml`` RSS 2.0 with three Dutch agency stories, an ETag and a
  Last-Modified (a matching ``If-None-Match`` gets a 304); ``/atom.xml``,
  ``/rss1.xml`` (RDF), ``/rss091.xml`` (with the Netscape DOCTYPE);
- ``/bomb.xml`` a billion-laughs entity bomb; ``/huge.xml`` 11 MB streamed
  without a length; ``/huge-declared.xml`` the same with its length said;
  ``/gzip-bomb.xml`` 20 MB that arrive as 20 KB of gzip;
  ``/malformed.xml`` no XML at all; ``/html-page.xml`` an HTML page;
  ``/latin1.xml`` windows-1252 bytes declared as UTF-8;
- ``/slow.xml`` trickles a byte every 0.2 s; ``/hang.xml`` never answers;
  ``/reset.xml`` resets the connection;
- ``/limited.xml`` 429 with ``Retry-After: 120``; ``/unavailable.xml`` 503;
  ``/hostile-status.xml`` 500 with markup for its reason phrase;
- ``/redirect.xml`` to ``/feed.xml``; ``/loop-a`` and ``/loop-b`` redirect to
  each other; ``/hops/N`` redirects N more times; ``/go/NAME`` redirects to
  ``/feed.xml`` on the host NAME (this server's port); ``/host.txt`` answers
  with the Host header it was sent;
- ``/robots.txt`` disallows ``/private/``; ``/articles/N.html`` and
  ``/private/N.html`` are article pages; ``/with-pages.xml`` links to them;
  ``/with-rail.xml`` links to ``/railed/N.html``, article pages with a rail
  "Meer uit Buitenland" that names their section.
"""

from __future__ import annotations

import gzip
import socket
import ssl
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.hostile_inputs import FEED_DATES, feed_pages
from tests.hostile_inputs import STORIES as HOSTILE_STORIES

STORIES = (
    (
        "Kabinet trekt extra geld uit voor dijkversterking",
        "DEN HAAG (ANP) - Het kabinet trekt de komende vijf jaar 800 miljoen euro extra uit "
        "voor de versterking van dijken langs de grote rivieren. Dat heeft de minister van "
        "Infrastructuur en Waterstaat dinsdag bekendgemaakt.",
    ),
    (
        "Copper climbs to two-month high on Chinese demand hopes",
        "LONDON (Reuters) - Copper prices rose to their highest in two months on Wednesday as "
        "hopes of stronger demand from top consumer China outweighed worries about inventories.",
    ),
    (
        "Bahn streicht Verbindungen wegen Sturm",
        "BERLIN (dpa) - Die Deutsche Bahn hat wegen des Sturms zahlreiche Fernverbindungen im "
        "Norden gestrichen. Reisende sollten sich vor der Fahrt informieren, teilte sie mit.",
    ),
)
ETAG = '"feed-v1"'
LAST_MODIFIED = "Wed, 18 Mar 2026 14:00:00 GMT"


def rss(base: str, stories: tuple[tuple[str, str], ...] = STORIES, prefix: str = "news") -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}/{prefix}/{n}</link>"
        f"<guid>{base}/{prefix}/{n}</guid><description>{text}</description>"
        f"<pubDate>Wed, 18 Mar 2026 1{n}:00:00 GMT</pubDate></item>"
        for n, (title, text) in enumerate(stories)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Nieuws</title><link>{base}/</link><description>Test</description>{items}"
        "</channel></rss>"
    ).encode()


def hostile_rss(base: str) -> bytes:
    """Entries at the calendar's edges, each linking to a hostile page (or a huge one)."""
    links = [f"{base}/hostile/{name}" for name in feed_pages()] + [f"{base}/huge.xml"]
    dates = [*FEED_DATES, FEED_DATES[-1]]
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<description>{text}</description><pubDate>{date}</pubDate></item>"
        for (title, text), link, date in zip(
            HOSTILE_STORIES[: len(links)], links, dates, strict=True
        )
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Vijandig</title><link>{base}/</link><description>Test</description>{items}"
        "</channel></rss>"
    ).encode()


def atom(base: str) -> bytes:
    title, text = STORIES[1]
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Markets</title><id>{base}/atom</id><updated>2026-03-18T14:00:00Z</updated>"
        f'<entry><title>{title}</title><id>tag:test,2026:copper</id><link href="{base}/copper"/>'
        f"<updated>2026-03-18T13:00:00Z</updated><summary>{text}</summary></entry></feed>"
    ).encode()


def rss1(base: str) -> bytes:
    title, text = STORIES[2]
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/">'
        f'<channel rdf:about="{base}/rss1.xml"><title>Bahn</title><link>{base}/</link>'
        f'<description>d</description></channel><item rdf:about="{base}/bahn">'
        f"<title>{title}</title><link>{base}/bahn</link><description>{text}</description>"
        "</item></rdf:RDF>"
    ).encode()


def rss091(base: str) -> bytes:
    title, text = STORIES[0]
    return (
        '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        f"<title>Oud</title><link>{base}/</link><description>d</description><language>nl</language>"
        f"<item><title>{title}</title><link>{base}/dijk</link><description>{text}</description>"
        "</item></channel></rss>"
    ).encode()


BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'.encode()
        for n in range(1, 10)
    )
    + b']>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
    b"<description>&lol9;</description></item></channel></rss>"
)
LATIN1 = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Café</title>'
    "<item><title>Premier opent café in Genève</title><link>http://example.invalid/cafe</link>"
    "<description>GENEVE (ANP) - De premier heeft donderdag een café geopend in Genève, "
    "waar hij met ministers over de begroting sprak.</description></item></channel></rss>"
).encode("cp1252")
HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>Home</title></head>"
    b"<body><h1>Welcome</h1><p>No feed here.</p></body></html>"
)
# A reason phrase is the server's to choose, and it ends up in the feed's last error.
HOSTILE_REASON = '<script>alert("feed")</script>'
RAIL = (
    '<aside class="rail"><h2>Meer uit Buitenland</h2><ul>'
    '<li><a href="/b/1"><p>NAIROBI (ANP/AFP) - Door zware regenval in het westen van Kenia zijn '
    "zeker twaalf mensen om het leven gekomen.</p></a>"
    '<time datetime="2026-03-18T15:28:00+01:00">2 uur geleden</time></li>'
    '<li><a href="/b/2"><p>BEIROET (ANP/RTR) - Het Libanese parlement is er opnieuw niet in '
    "geslaagd een nieuwe president van de centrale bank te benoemen.</p></a>"
    '<time datetime="2026-03-18T16:30:00+01:00">1 uur geleden</time></li></ul></aside>'
)
HUGE_SIZE = 11 * 1024 * 1024
ARTICLE = (
    "<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
    "<h1>{title}</h1><p>{text}</p><p>Meer details volgen later vandaag.</p></article></body></html>"
)


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, context: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.log: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        self.closing = threading.Event()
        self.scheme = "http" if context is None else "https"
        self.server_names: list[str | None] = []
        if context is not None:
            context.sni_callback = lambda _socket, name, _context: self.server_names.append(name)
            self.socket = context.wrap_socket(self.socket, server_side=True)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up or reset are what these tests are about

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def record(self, path: str, status: int) -> None:
        with self.lock:
            self.log.append((path, status))

    def requests_for(self, path: str) -> list[int]:
        with self.lock:
            return [status for logged, status in self.log if logged == path]


class Handler(BaseHTTPRequestHandler):
    server: FeedServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.server.record(self.path, status)
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = self.server.base
        path = self.path
        xml = {"Content-Type": "application/rss+xml; charset=utf-8"}
        if path == "/with-rail.xml":
            self.send(200, rss(base, STORIES[:1], "railed"), xml)
        elif path in ("/feed.xml", "/with-pages.xml"):
            if self.headers.get("If-None-Match") == ETAG:
                self.send(304, headers={"ETag": ETAG})
                return
            body = rss(base) if path == "/feed.xml" else rss(base, STORIES[:2], "articles")
            if path == "/with-pages.xml":
                body = body.replace(f"{base}/articles/1".encode(), f"{base}/private/1".encode())
            self.send(200, body, {**xml, "ETag": ETAG, "Last-Modified": LAST_MODIFIED})
        elif path == "/atom.xml":
            self.send(200, atom(base), {"Content-Type": "application/atom+xml"})
        elif path == "/rss1.xml":
            self.send(200, rss1(base), {"Content-Type": "application/rdf+xml"})
        elif path == "/rss091.xml":
            self.send(200, rss091(base), {"Content-Type": "text/xml"})
        elif path == "/bomb.xml":
            self.send(200, BOMB, xml)
        elif path == "/malformed.xml":
            self.send(200, b"<rss><<<&&& this is not XML", xml)
        elif path == "/html-page.xml":
            self.send(200, HTML_PAGE, {"Content-Type": "text/html; charset=utf-8"})
        elif path == "/latin1.xml":
            self.send(200, LATIN1, xml)
        elif path == "/huge-declared.xml":
            self.server.record(path, 200)
            self.send_response(200)
            self.send_header("Content-Length", str(HUGE_SIZE))
            self.end_headers()  # and no body: the client must refuse on the length alone
        elif path == "/gzip-bomb.xml":  # 20 MB of spaces in 20 KB
            body = gzip.compress(b" " * (20 * 1024 * 1024))
            self.send(200, body, {**xml, "Content-Encoding": "gzip"})
        elif path == "/huge.xml":
            self.server.record(path, 200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<!-- " + b"x" * 65536 + b" -->"
            try:
                for _ in range(HUGE_SIZE // len(chunk) + 2):
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass  # the client hung up, as it should
        elif path == "/slow.xml":
            self.server.record(path, 200)
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    if self.server.closing.wait(0.2):
                        return
                    self.wfile.write(b" ")
                    self.wfile.flush()
            except OSError:
                pass
        elif path == "/hang.xml":
            self.server.record(path, 0)
            self.server.closing.wait(30)
        elif path == "/reset.xml":
            self.server.record(path, 0)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()  # with SO_LINGER 0: a reset, not a goodbye
            self.close_connection = True
        elif path == "/limited.xml":
            self.send(429, b"slow down", {"Retry-After": "120"})
        elif path == "/unavailable.xml":
            self.send(503, b"down", {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"})
        elif path == "/hostile-status.xml":
            self.server.record(path, 500)
            self.send_response(500, HOSTILE_REASON)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/redirect.xml":
            self.send(301, headers={"Location": "/feed.xml"})
        elif path == "/loop-a":
            self.send(302, headers={"Location": f"{base}/loop-b"})
        elif path == "/loop-b":
            self.send(302, headers={"Location": "/loop-a"})
        elif path == "/hostile-entries.xml":
            self.send(200, hostile_rss(base), xml)
        elif path.startswith("/hostile/") and path.removeprefix("/hostile/") in feed_pages():
            self.send(
                200, feed_pages()[path.removeprefix("/hostile/")], {"Content-Type": "text/html"}
            )
        elif path.startswith("/links-to/") and path.endswith(".xml"):
            host = path.removeprefix("/links-to/").removesuffix(".xml")
            self.send(200, rss(f"http://{host}:{self.server.port}", STORIES[:2], "articles"), xml)
        elif path.startswith("/go/"):
            name = path.removeprefix("/go/")
            target = f"{self.server.scheme}://{name}:{self.server.port}/feed.xml"
            self.send(302, headers={"Location": target})
        elif path == "/host.txt":
            self.send(200, self.headers.get("Host", "").encode(), {"Content-Type": "text/plain"})
        elif path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            target = f"/hops/{left - 1}" if left > 0 else "/feed.xml"
            self.send(302, headers={"Location": target})
        elif path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
        elif path.startswith(("/articles/", "/private/", "/railed/")):
            number = int(path.rsplit("/", 1)[1])
            title, text = STORIES[number % len(STORIES)]
            page = ARTICLE.format(title=title, text=text).encode()
            if path.startswith("/railed/"):
                page = page.replace(b"</body>", RAIL.encode() + b"</body>")
            self.send(200, page, {"Content-Type": "text/html; charset=utf-8"})
        else:
            self.send(404, b"not found", {"Content-Type": "text/plain"})


@contextmanager
def serving(context: ssl.SSLContext | None = None) -> Iterator[FeedServer]:
    server = FeedServer(context)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        time.sleep(0)  # let handler threads see the closing event
