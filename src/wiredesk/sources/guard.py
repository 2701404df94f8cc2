"""The private-address guard: a server running wiredesk must not be turned against its own
network.

A host is refused when any of its addresses is private, loopback, link-local
or otherwise not global, unless private addresses are allowed for that feed.
The check and the connection are one step: ``GuardedBackend`` resolves a host
once, checks what it got, and connects to one of those very addresses. A host
asked again between the check and the connection could answer otherwise (DNS
rebinding: a public address for the check, 127.0.0.1 for the connection);
here it is never asked twice. TLS is untouched: the server name sent (SNI)
and the name its certificate must carry are still the host's.

``check_url`` is the same check up front, for a feed being added.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

import httpcore

from wiredesk.errors import SourceError


class UnresolvedHost(SourceError):
    """The host name did not resolve: perhaps only for now."""


class RefusedAddress(SourceError):
    """The guard refused the host: it resolves to a private address."""


class Refused(Exception):
    """Raised from inside httpx when the guard refuses a host; the fetcher names the URL."""

    def __init__(self, reason: str, *, is_unresolved: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.is_unresolved = is_unresolved


def check_url(url: str, *, is_private_allowed: bool) -> None:
    """Refuse a URL that is not http(s), or whose host resolves to a private address."""
    host, port = host_and_port(url)
    if is_private_allowed:
        return
    try:
        reason = refusal(host, resolve(host, port))
    except Refused as refused:
        raise UnresolvedHost(url, refused.reason) from None
    if reason is not None:
        raise RefusedAddress(url, reason)


def host_and_port(url: str) -> tuple[str, int]:
    """The host and port a URL names; ``SourceError`` for one wiredesk will not ask."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise SourceError(url, "not an http or https URL")
    host = parts.hostname
    if not host:
        raise SourceError(url, "the URL names no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise SourceError(url, "the URL's port is not a number from 0 to 65535") from None
    return host, port


def resolve(host: str, port: int) -> list[str]:
    """The addresses of a host, in the resolver's order (an address is its own);
    ``Refused`` with ``is_unresolved`` when it has none."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise Refused(f"cannot resolve {host}: {error}", is_unresolved=True) from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    if not addresses:
        raise Refused(f"cannot resolve {host}: no address", is_unresolved=True)
    return addresses


def refusal(host: str, addresses: Iterable[str]) -> str | None:
    """Why the guard refuses a host with these addresses, or None: any private one refuses."""
    for address in addresses:
        kind = private_kind(address)
        if kind is not None:
            embedded = embedded_ipv4(address)
            inside = f" ({embedded[0]} of {embedded[1]})" if embedded else ""
            return (
                f"refused: {host} resolves to {address}, a {kind} address{inside} "
                "(allow it with --allow-private)"
            )
    return None


# IPv6 addresses that carry an IPv4 one, which a router or tunnel on the way may reach:
# the well-known NAT64 prefix (RFC 6052), IPv4-compatible (RFC 4291, deprecated) and
# IPv4-translated (RFC 2765) addresses. Mapped, 6to4 and Teredo ones ipaddress tells.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
IPV4_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")
# Forms through which a public IPv4 address is reached as itself: judged by that address.
THROUGH_FORMS = frozenset({"IPv4-mapped", "6to4", "NAT64"})


def embedded_ipv4(address: str) -> tuple[str, ipaddress.IPv4Address] | None:
    """The form and the IPv4 address an IPv6 address carries ("6to4", 127.0.0.1), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    last = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.ipv4_mapped is not None:
        return "IPv4-mapped", ip.ipv4_mapped
    if ip.sixtofour is not None:
        return "6to4", ip.sixtofour
    if ip.teredo is not None:
        return "Teredo", ip.teredo[1]  # the client's address, which the tunnel reaches
    if ip in NAT64:
        return "NAT64", last
    if ip in IPV4_TRANSLATED:
        return "IPv4-translated", last
    if ip in IPV4_COMPATIBLE and int(ip) > 1:  # not :: nor ::1
        return "IPv4-compatible", last
    return None


def private_kind(address: str) -> str | None:
    """What kind of non-public address this is ("loopback", "private"...), or None.

    An IPv6 address carrying an IPv4 one (``2002:7f00:1::``, 6to4 of 127.0.0.1) is
    the kind of that IPv4 address when it is not public; a public one reached through
    it (mapped, 6to4, NAT64) makes it public, and the other forms are judged as IPv6.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    embedded = embedded_ipv4(address)
    if embedded is not None:
        form, inner = embedded
        kind = _kind(inner)
        if kind is not None or form in THROUGH_FORMS:
            return kind
    return _kind(ip)


def _kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    for kind, is_kind in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("unspecified", ip.is_unspecified),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if is_kind:
            return kind
    return None if ip.is_global else "non-public"


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's network backend, connecting only to addresses the guard has checked."""

    def __init__(self, *, is_private_allowed: bool) -> None:
        self.is_private_allowed = is_private_allowed

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port)
        if not self.is_private_allowed:
            reason = refusal(host, addresses)
            if reason is not None:
                raise Refused(reason)
        *others, last = addresses
        for address in others:  # each in turn, as socket.create_connection tries them
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue
        return super().connect_tcp(last, port, timeout, local_address, socket_options)
