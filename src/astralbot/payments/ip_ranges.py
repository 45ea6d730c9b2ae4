"""Where YooKassa notifications come from, and who the client of a request really is.

YooKassa does not sign notifications, so the source address is the first gate (the second is
re-fetching the payment from the API). Behind a reverse proxy the peer is the proxy; only then is
``X-Forwarded-For`` read, right to left, skipping our own proxies. Entries left of the first
untrusted hop were written by the client and prove nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

IPAddress = IPv4Address | IPv6Address
IPNetwork = IPv4Network | IPv6Network

# https://yookassa.ru/developers/using-api/webhooks#ip
YOOKASSA_NETWORKS: tuple[IPNetwork, ...] = tuple(
    ip_network(net)
    for net in (
        "185.71.76.0/27",
        "185.71.77.0/27",
        "77.75.153.0/25",
        "77.75.156.11/32",
        "77.75.156.35/32",
        "77.75.154.128/25",
        "2a02:5180::/32",
    )
)


def parse_networks(specs: Sequence[str]) -> list[IPNetwork]:
    """``["10.0.0.0/8", "127.0.0.1"]`` → networks; a bare address is a /32 (or /128)."""
    return [ip_network(spec.strip(), strict=False) for spec in specs if spec.strip()]


def _normalized(ip: IPAddress) -> IPAddress:
    # A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; compare them as IPv4.
    if isinstance(ip, IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _is_in(ip: IPAddress, networks: Sequence[IPNetwork]) -> bool:
    return any(ip.version == net.version and ip in net for net in networks)


def client_ip(peer: str, forwarded_for: str | None, trusted_proxies: Sequence[IPNetwork]) -> IPAddress:
    """The address that reached our first trusted proxy (or the peer itself if it is no proxy of ours).

    Raises ValueError if ``peer`` is not an IP address. A malformed hop stops the walk at the last
    trusted proxy, which is then the answer (and is not YooKassa's, so the request is refused).
    """
    current = _normalized(ip_address(peer))
    if not forwarded_for:
        return current
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_in(current, trusted_proxies):
            return current
        try:
            current = _normalized(ip_address(hop))
        except ValueError:
            return current
    return current


def is_yookassa_ip(ip: IPAddress) -> bool:
    return _is_in(_normalized(ip), YOOKASSA_NETWORKS)
