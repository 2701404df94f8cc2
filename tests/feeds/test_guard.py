"""The private-address guard: a host is resolved once, checked, and connected to at an address
it checked, so that a second answer (DNS rebinding) is never asked for; every redirect hop
likewise; over HTTPS the host's name is still the one sent and verified.

Test names end in ``.test`` and are answered by ``Names``, a stand-in for DNS through
``socket.getaddrinfo``; the public address ``PUBLIC`` is answered by the loopback server,
through ``socket.create_connection``: tests reach only 127.0.0.1. Both record what they
were asked.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.feeds.conftest import TEST_LIMITS
from tests.feeds.server import FeedServer, serving
from wiredesk.errors import SourceError
from wiredesk.poller import Poller
from wiredesk.sources.guard import UnresolvedHost, check_url, private_kind
from wiredesk.sources.http import Fetcher
from wiredesk.store import Store

PUBLIC = "93.184.216.34"  # a global address; the loopback server answers for it here


class Names:
    """Answers for ``.test`` names, each name's in turn (the last one repeats)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: dict[str, list[list[str]]] = {}
        self.lookups: list[str] = []
        self.connections: list[str] = []
        real_getaddrinfo = socket.getaddrinfo
        real_connection = socket.create_connection

        def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
            if host not in self.answers:
                return real_getaddrinfo(host, port, *args, **kwargs)
            self.lookups.append(host)
            turns = self.answers[host]
            addresses = turns.pop(0) if len(turns) > 1 else turns[0]
            if not addresses:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            return [
                (socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, int(port)))
                for address in addresses
            ]

        def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
            host, port = address
            self.connections.append(host)
            if host == PUBLIC:
                address = ("127.0.0.1", port)
            elif not host.startswith("127."):  # a name, or another address: never the network
                raise ConnectionRefusedError(f"the tests reach only 127.0.0.1, not {host}")
            return real_connection(address, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        monkeypatch.setattr(socket, "create_connection", create_connection)


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch) -> Names:
    return Names(monkeypatch)


def test_the_connection_goes_to_the_address_checked_not_to_a_second_answer(
    feed_server: FeedServer, fetcher: Fetcher, names: Names
) -> None:
    # A rebinding name: public when the guard looks, loopback if anyone looks again.
    names.answers["news.test"] = [[PUBLIC], ["127.0.0.1"]]
    response = fetcher.get(f"http://news.test:{feed_server.port}/host.txt")
    assert response.body == f"news.test:{feed_server.port}".encode()  # the name, as Host
    assert names.lookups == ["news.test"]  # asked once
    assert names.connections == [PUBLIC]  # and connected to what it said, never to 127.0.0.1


def test_a_name_that_resolves_to_a_private_address_is_refused_before_connecting(
    feed_server: FeedServer, fetcher: Fetcher, names: Names
) -> None:
    names.answers["intranet.test"] = [["127.0.0.1"]]
    names.answers["mixed.test"] = [[PUBLIC, "10.1.2.3"]]
    with pytest.raises(SourceError) as refused:
        fetcher.get(f"http://intranet.test:{feed_server.port}/feed.xml")
    assert refused.value.reason == (
        "refused: intranet.test resolves to 127.0.0.1, a loopback address "
        "(allow it with --allow-private)"
    )
    with pytest.raises(SourceError, match=r"mixed\.test resolves to 10\.1\.2\.3, a private"):
        fetcher.get(f"http://mixed.test:{feed_server.port}/feed.xml")
    assert names.connections == []
    assert feed_server.requests_for("/feed.xml") == []


def test_with_private_addresses_allowed_the_answer_checked_is_still_the_one_used(
    feed_server: FeedServer, fetcher: Fetcher, names: Names
) -> None:
    # 127.0.0.2 is loopback too, but nothing listens there on this port.
    names.answers["intranet.test"] = [["127.0.0.1"], ["127.0.0.2"]]
    url = f"http://intranet.test:{feed_server.port}/feed.xml"
    assert fetcher.get(url, is_private_allowed=True).status == 200
    assert (names.lookups, names.connections) == (["intranet.test"], ["127.0.0.1"])
    assert feed_server.requests_for("/feed.xml") == [200]


def test_each_address_checked_is_tried_in_turn(
    feed_server: FeedServer, fetcher: Fetcher, names: Names
) -> None:
    names.answers["two.test"] = [["127.0.0.2", "127.0.0.1"]]
    url = f"http://two.test:{feed_server.port}/feed.xml"
    assert fetcher.get(url, is_private_allowed=True).status == 200
    assert names.connections == ["127.0.0.2", "127.0.0.1"]


def test_a_redirect_to_a_private_address_is_refused(
    feed_server: FeedServer, fetcher: Fetcher, names: Names
) -> None:
    names.answers["news.test"] = [[PUBLIC]]
    names.answers["inside.test"] = [["10.1.2.3"]]
    with pytest.raises(SourceError) as refused:
        fetcher.get(f"http://news.test:{feed_server.port}/go/inside.test")
    assert str(refused.value) == (
        f"http://inside.test:{feed_server.port}/feed.xml: refused: inside.test resolves to "
        "10.1.2.3, a private address (allow it with --allow-private)"
    )
    assert feed_server.requests_for("/go/inside.test") == [302]
    assert names.connections == [PUBLIC]


def test_a_redirect_hop_is_resolved_once_too(
    feed_server: FeedServer, fetcher: Fetcher, names: Names
) -> None:
    names.answers["news.test"] = [[PUBLIC]]
    names.answers["hop.test"] = [[PUBLIC], ["10.1.2.3"]]
    response = fetcher.get(f"http://news.test:{feed_server.port}/go/hop.test")
    assert response.url == f"http://hop.test:{feed_server.port}/feed.xml"
    assert names.lookups == ["news.test", "hop.test"]
    assert names.connections == [PUBLIC, PUBLIC]


def test_a_name_that_does_not_resolve_is_named(fetcher: Fetcher, names: Names) -> None:
    names.answers["gone.test"] = [[]]
    with pytest.raises(UnresolvedHost, match=r"cannot resolve gone\.test"):
        fetcher.get("http://gone.test/feed.xml")


def test_a_linked_page_the_guard_refuses_is_reported_once_with_the_guards_reason(
    feed_server: FeedServer, fetcher: Fetcher, names: Names, store_url: str
) -> None:
    names.answers["news.test"] = [[PUBLIC]]
    names.answers["intranet.test"] = [["192.168.1.20"]]
    with Store(store_url) as store:
        store.add_feed(
            f"http://news.test:{feed_server.port}/links-to/intranet.test.xml",
            section=None,
            interval_seconds=900,
            is_fetching_articles=True,
            is_private_allowed=False,
            now=datetime.now(UTC),
        )
        summary = Poller(store, fetcher).poll()
        assert (summary.new_entries, summary.articles, summary.errors) == (2, 2, [])
    page = f"http://intranet.test:{feed_server.port}/articles"
    assert summary.page_errors == [
        f"{page}/{n}: refused: intranet.test resolves to 192.168.1.20, a private address "
        "(allow it with --allow-private) (kept the feed's summary instead)"
        for n in (0, 1)
    ]
    assert summary.copy_errors == []
    assert names.connections == [PUBLIC]  # neither robots.txt nor the page was asked for


# -- HTTPS ------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for news.test, and its key."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("no openssl to make a test certificate with")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2",
            "-subj", "/CN=news.test", "-addext", "subjectAltName=DNS:news.test",
        ],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_server(certificate: tuple[Path, Path]) -> Iterator[FeedServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    with serving(context) as server:
        yield server


@pytest.fixture
def tls_fetcher(certificate: tuple[Path, Path]) -> Iterator[Fetcher]:
    trusting = ssl.create_default_context(cafile=str(certificate[0]))
    with Fetcher(limits=TEST_LIMITS, ssl_context=trusting) as client:
        yield client


def test_https_sends_and_verifies_the_host_name_at_the_checked_address(
    tls_server: FeedServer, tls_fetcher: Fetcher, names: Names
) -> None:
    names.answers["news.test"] = [[PUBLIC], ["127.0.0.1"]]
    response = tls_fetcher.get(f"https://news.test:{tls_server.port}/feed.xml")
    assert response.status == 200
    assert tls_server.server_names == ["news.test"]  # SNI: the name, not the address
    assert names.connections == [PUBLIC]


def test_https_refuses_a_certificate_for_another_name(
    tls_server: FeedServer, tls_fetcher: Fetcher, names: Names
) -> None:
    names.answers["other.test"] = [[PUBLIC]]
    with pytest.raises(SourceError, match="certificate verify failed"):
        tls_fetcher.get(f"https://other.test:{tls_server.port}/feed.xml")
    assert tls_server.requests_for("/feed.xml") == []


# -- the check up front, for a feed being added ---------------------------------


def test_check_url_refuses_private_names_and_addresses(names: Names) -> None:
    names.answers["intranet.test"] = [["192.168.1.20"]]
    with pytest.raises(SourceError, match=r"intranet\.test resolves to 192\.168\.1\.20"):
        check_url("http://intranet.test/feed.xml", is_private_allowed=False)
    with pytest.raises(SourceError, match="loopback"):
        check_url("http://localhost:9/feed.xml", is_private_allowed=False)
    check_url("http://intranet.test/feed.xml", is_private_allowed=True)
    names.answers["news.test"] = [[PUBLIC]]
    check_url("https://news.test/feed.xml", is_private_allowed=False)


def test_only_http_and_https_with_a_host_and_a_port() -> None:
    with pytest.raises(SourceError, match="not an http or https URL"):
        check_url("file:///etc/passwd", is_private_allowed=True)
    with pytest.raises(SourceError, match="names no host"):
        check_url("http:///feed.xml", is_private_allowed=True)
    with pytest.raises(SourceError, match="port is not a number"):
        check_url("http://news.test:99999/feed.xml", is_private_allowed=True)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("169.254.169.254", "link-local"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-public"),
        ("93.184.216.34", None),
        # IPv6 carrying IPv4: judged by the IPv4 address when that is not public.
        ("2002:7f00:1::", "loopback"),  # 6to4
        ("2002:5db8:d822::", None),  # 6to4 of a public address
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 of the cloud metadata address
        ("64:ff9b::5db8:d822", None),  # NAT64 of a public address: how IPv6-only hosts reach it
        ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "private"),  # Teredo of 10.0.0.1
        ("::7f00:1", "loopback"),  # IPv4-compatible
        ("::5db8:d822", "reserved"),  # IPv4-compatible of a public one: deprecated, refused
    ],
)
def test_private_kinds(address: str, kind: str | None) -> None:
    assert private_kind(address) == kind
