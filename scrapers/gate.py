"""The one gate every scraper request passes, redirect hops included.

A URL may be fetched only when it is http(s), its host is one of the site's own hosts or
the sister hosts its definition names, and every address the host resolves to is a public
one: no private, loopback, link-local, multicast, reserved or unspecified address, so a
page, robots.txt or sitemap cannot steer the crawler into the local network or a cloud
metadata service. The one exception is the start URL's own addresses: a crawl started on
127.0.0.1 (the tests, a mirror on the LAN) may go on talking to that address, and to
nothing else that is not public.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from danvan_nlp.errors import RefusedRequestError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the literal itself for an IP address)."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []
    return sorted({str(answer[4][0]) for answer in answers})


def is_public(address: IPAddress) -> bool:
    """True for an address on the public internet (IPv4-mapped IPv6 judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not (address.is_private or address.is_loopback or address.is_link_local
                or address.is_multicast or address.is_reserved or address.is_unspecified)


@dataclass(frozen=True, slots=True)
class RequestGate:
    """Decides whether a URL may be requested; see the module docstring."""

    hosts: frozenset[str]
    trusted_addresses: frozenset[IPAddress] = frozenset()
    resolver: Resolver = field(default=resolve, compare=False)

    @classmethod
    def for_start(cls, hosts: Iterable[str], start_url: str,
                  resolver: Resolver = resolve) -> RequestGate:
        """A gate for a crawl from ``start_url``: its non-public addresses are trusted."""
        start = _addresses(start_url, resolver)
        trusted = frozenset(address for address in start if not is_public(address))
        return cls(frozenset(host.lower() for host in hosts), trusted, resolver)

    @classmethod
    def for_hosts(cls, hosts: Iterable[str], resolver: Resolver = resolve) -> RequestGate:
        """A gate trusting only the hosts given as IP literals (e.g. ``127.0.0.1``)."""
        lowered = frozenset(host.lower() for host in hosts)
        trusted = frozenset(address for host in lowered if (address := _literal(host)))
        return cls(lowered, trusted, resolver)

    def check(self, url: str) -> None:
        """Raise :class:`RefusedRequestError` unless ``url`` may be requested."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise RefusedRequestError(f"{url}: only http and https URLs are fetched")
        host = (parts.hostname or "").lower()
        if host not in self.hosts:
            raise RefusedRequestError(f"{url}: host {host or '(none)'} is outside the site "
                                      "(neither its own nor a sister host); not fetched")
        addresses = _addresses(url, self.resolver)
        if not addresses:
            raise RefusedRequestError(f"{url}: host name not found; check the URL")
        for address in addresses:
            if not self.address_allowed(address):
                raise RefusedRequestError(
                    f"{url}: {host} resolves to {address}, a private, loopback or "
                    "link-local address; not fetched (only a crawl started on that very "
                    "address may use it)")

    def address_allowed(self, address: IPAddress) -> bool:
        """True for a public address or one the start URL itself has."""
        return is_public(address) or address in self.trusted_addresses

    def check_peer(self, peer: str) -> None:
        """Raise unless the address a connection reached is allowed (against DNS
        rebinding: the name may resolve differently when the connection is made)."""
        address = _literal(peer.split("%")[0])
        if address is None or not self.address_allowed(address):
            raise RefusedRequestError(f"connection reached {peer}, a private, loopback or "
                                      "link-local address; closed before any request was "
                                      "sent")


def _addresses(url: str, resolver: Resolver) -> list[IPAddress]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return []
    found: list[IPAddress] = []
    for text in resolver(host, port):
        address = _literal(text.split("%")[0])  # drop an IPv6 zone id
        if address is not None:
            found.append(address)
    return found


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
