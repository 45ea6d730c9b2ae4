from ipaddress import ip_address

import pytest

from astralbot.payments.ip_ranges import client_ip, is_yookassa_ip, parse_networks

LOOPBACK = parse_networks(["127.0.0.1/32"])
TWO_PROXIES = parse_networks(["127.0.0.1", "10.0.0.0/8"])


@pytest.mark.parametrize(
    ("ip", "expected"),
    [
        ("185.71.76.1", True),
        ("185.71.76.31", True),
        ("185.71.76.32", False),
        ("185.71.77.20", True),
        ("77.75.153.127", True),
        ("77.75.153.128", False),
        ("77.75.156.11", True),
        ("77.75.156.12", False),
        ("77.75.156.35", True),
        ("77.75.154.200", True),
        ("77.75.154.127", False),
        ("2a02:5180::1", True),
        ("2a02:5181::1", False),
        ("::ffff:185.71.76.5", True),
        ("127.0.0.1", False),
        ("203.0.113.5", False),
    ],
)
def test_yookassa_ranges(ip: str, expected: bool) -> None:
    assert is_yookassa_ip(ip_address(ip)) is expected


def test_untrusted_peer_is_the_client_whatever_the_header_says() -> None:
    assert client_ip("203.0.113.5", "185.71.76.1", LOOPBACK) == ip_address("203.0.113.5")
    assert client_ip("127.0.0.1", "185.71.76.1", []) == ip_address("127.0.0.1")


def test_trusted_proxy_hands_over_to_the_rightmost_untrusted_hop() -> None:
    # The client wrote "185.71.76.1" itself; our proxy appended the address it saw.
    assert client_ip("127.0.0.1", "185.71.76.1, 203.0.113.5", LOOPBACK) == ip_address("203.0.113.5")
    assert client_ip("127.0.0.1", "203.0.113.5, 185.71.76.1", LOOPBACK) == ip_address("185.71.76.1")
    assert client_ip("127.0.0.1", "185.71.76.1, 10.1.2.3", TWO_PROXIES) == ip_address("185.71.76.1")
    # 10.1.2.3 is not ours in LOOPBACK-only mode, so it is the client.
    assert client_ip("127.0.0.1", "185.71.76.1, 10.1.2.3", LOOPBACK) == ip_address("10.1.2.3")


def test_no_header_or_a_broken_hop_leaves_the_proxy_as_the_client() -> None:
    assert client_ip("127.0.0.1", None, LOOPBACK) == ip_address("127.0.0.1")
    assert client_ip("127.0.0.1", "185.71.76.1, garbage", LOOPBACK) == ip_address("127.0.0.1")
    assert client_ip("::ffff:127.0.0.1", "185.71.76.1", LOOPBACK) == ip_address("185.71.76.1")
