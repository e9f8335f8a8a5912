"""Where a webhook may be sent: http(s) URLs whose host resolves only to public addresses,
unless the company's allow-list (kept by an admin) names the host or network. Metadata
endpoints of cloud providers, and the networks the platform denies (its loopback in
production, its pod and service networks: `CRM_WEBHOOK_DENIED_NETWORKS`), are refused even
then.

The check runs on resolved addresses (a name pointing at 127.0.0.1, a decimal or
IPv4-mapped IPv6 spelling of a private address are caught like the literal), and the sender
connects to the address it checked (`ResolvedTarget.ip`), so a DNS answer changing between
the check and the connection cannot slip through.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[str]]]
"""`await resolver(host, port)`: the addresses a name resolves to (raises OSError if none)."""

ALLOWED_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 2048
RESOLVE_TIMEOUT_S = 5.0

METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(address)
    for address in (
        "169.254.169.254",  # AWS, GCP, Azure, DigitalOcean, OpenStack instance metadata
        "169.254.170.2",  # AWS ECS task metadata
        "fd00:ec2::254",  # AWS instance metadata over IPv6
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud
        "168.63.129.16",  # Azure wire server
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class TargetRefused(ValueError):
    """The URL may not be called; `reason` is a stable code, `detail` says why."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class AllowList:
    """A company's exceptions: exact host names, `*.suffix` wildcards and IP networks; and
    the platform's `denied` networks, which no exception opens (`Settings.webhook_denied`)."""

    hosts: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()
    networks: tuple[IPNetwork, ...] = ()
    denied: tuple[IPNetwork, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str], denied: Iterable[str] = ()) -> AllowList:
        hosts: set[str] = set()
        suffixes: list[str] = []
        networks: list[IPNetwork] = []
        for entry in entries:
            kind, value = classify_entry(entry)
            if kind == "network":
                networks.append(ipaddress.ip_network(value))
            elif kind == "wildcard":
                suffixes.append(value[1:])
            else:
                hosts.add(value)
        platform = tuple(ipaddress.ip_network(network, strict=False) for network in denied)
        return cls(frozenset(hosts), tuple(suffixes), tuple(networks), platform)

    def names(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return host in self.hosts or any(host.endswith(suffix) for suffix in self.suffixes)

    def covers(self, ip: IPAddress) -> bool:
        return _within(ip, self.networks)

    def platform_denies(self, ip: IPAddress) -> bool:
        return _within(ip, self.denied)

    def reserved_entries(self) -> list[str]:
        """The allowed networks that overlap a network the platform denies."""
        return [
            str(network)
            for network in self.networks
            if any(network.version == d.version and network.overlaps(d) for d in self.denied)
        ]


def _within(ip: IPAddress, networks: tuple[IPNetwork, ...]) -> bool:
    candidates = [ip, *([embedded] if (embedded := _embedded_ipv4(ip)) else [])]
    return any(
        candidate.version == network.version and candidate in network
        for candidate in candidates
        for network in networks
    )


def classify_entry(entry: str) -> tuple[str, str]:
    """An allow-list entry normalised: ("network", "10.0.0.0/8"), ("wildcard",
    "*.corp.example") or ("host", "hooks.corp.example"); ValueError when it is none."""
    text = entry.strip().lower().rstrip(".")
    if not text or len(text) > 253:
        raise ValueError("must be a host name, *.domain, an IP address or a CIDR")
    network = _as_network(text)
    if network is not None:
        if any(address in network for address in METADATA_ADDRESSES):
            raise ValueError("cloud metadata addresses cannot be allowed")
        return "network", str(network)
    name = text[2:] if text.startswith("*.") else text
    labels = name.split(".")
    if not all(label and len(label) <= 63 for label in labels) or not all(
        ch.isalnum() or ch in "-_" for label in labels for ch in label
    ):
        raise ValueError("must be a host name, *.domain, an IP address or a CIDR")
    return ("wildcard", f"*.{name}") if text.startswith("*.") else ("host", name)


def _as_network(text: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    """`text` as an IP address or CIDR network, or None when it is a host name."""
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        return None


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, 6to4, Teredo or NAT64 IPv6 address."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(ip: IPAddress) -> str | None:
    """Why `ip` is not a public address (a stable code), or None when it is."""
    if ip in METADATA_ADDRESSES:
        return "metadata_address"
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        if embedded in METADATA_ADDRESSES:
            return "metadata_address"
        inner = address_problem(embedded)
        if inner is not None:
            return inner
    checks: tuple[tuple[bool, str], ...] = (
        (ip.is_unspecified, "unspecified_address"),
        (ip.is_loopback, "loopback_address"),
        (ip.is_link_local, "link_local_address"),
        (ip.is_multicast, "multicast_address"),
        (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local, "site_local_address"),
        (ip.is_private, "private_address"),
        (ip.is_reserved, "reserved_address"),
        (not ip.is_global, "non_public_address"),
    )
    return next((reason for failing, reason in checks if failing), None)


@dataclass(frozen=True)
class ParsedTarget:
    url: str
    scheme: str
    host: str
    """Lower-case, IPv6 literals without brackets."""
    port: int
    literal: IPAddress | None


def parse_url(url: str) -> ParsedTarget:
    """The parts of a webhook URL; TargetRefused for anything but http(s) with a host and
    no credentials."""
    if len(url) > MAX_URL_LENGTH:
        raise TargetRefused("url_too_long", f"URLs are limited to {MAX_URL_LENGTH} characters")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise TargetRefused("url_invalid", "the URL contains whitespace or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise TargetRefused("url_invalid", "the URL cannot be parsed") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise TargetRefused("scheme_not_allowed", "only http and https URLs can receive webhooks")
    if parts.username is not None or parts.password is not None:
        raise TargetRefused("credentials_in_url", "the URL may not carry a user name or password")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise TargetRefused("url_invalid", "the URL has no host")
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    return ParsedTarget(
        url=url,
        scheme=scheme,
        host=host,
        port=port or (443 if scheme == "https" else 80),
        literal=literal,
    )


async def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for `host` (TCP)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


@dataclass(frozen=True)
class ResolvedTarget:
    target: ParsedTarget
    ip: IPAddress
    """The checked address the sender must connect to."""


def check_address(target: ParsedTarget, ip: IPAddress, allow: AllowList) -> None:
    """Refuse `ip` (an address of `target`) unless it is public or allowed."""
    if allow.platform_denies(ip):
        raise TargetRefused(
            "platform_address",
            f"{ip} belongs to the platform's own networks, which webhooks cannot reach",
        )
    problem = address_problem(ip)
    if problem is None:
        return
    if problem != "metadata_address" and (allow.names(target.host) or allow.covers(ip)):
        return
    raise TargetRefused(
        problem,
        f"{target.host} resolves to {ip}, which is not a public address"
        if target.literal is None
        else f"{ip} is not a public address",
    )


async def resolve_target(
    url: str,
    allow: AllowList,
    resolver: Resolver = system_resolver,
    *,
    timeout_s: float = RESOLVE_TIMEOUT_S,
) -> ResolvedTarget:
    """Parse `url`, resolve its host and check every address it resolves to; the first is
    the one to connect to. Raises TargetRefused."""
    target = parse_url(url)
    if target.literal is not None:
        addresses: list[IPAddress] = [target.literal]
    else:
        try:
            async with asyncio.timeout(timeout_s):
                answers = await resolver(target.host, target.port)
        except (OSError, TimeoutError, UnicodeError):
            raise TargetRefused("unresolvable", f"{target.host} does not resolve") from None
        addresses = []
        for answer in answers:
            try:
                address = ipaddress.ip_address(answer.split("%", 1)[0])
            except ValueError:
                continue
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            raise TargetRefused("unresolvable", f"{target.host} does not resolve")
    for address in addresses:
        check_address(target, address, allow)
    return ResolvedTarget(target, addresses[0])
