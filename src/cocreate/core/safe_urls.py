"""The guard against making the server send requests to private addresses (request forgery)."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


class UnsafeUrl(ValueError):
    pass


def check_public_url(url: str) -> None:
    """Refuse URLs that are not http(s) or that resolve to a private, loopback or link-local
    address, unless ALLOW_PRIVATE_WEBHOOKS (development and tests)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeUrl("Use a full http:// or https:// address.")
    if settings.ALLOW_PRIVATE_WEBHOOKS:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except OSError:
        raise UnsafeUrl(f"{parts.hostname} cannot be found.") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise UnsafeUrl(f"{parts.hostname} points at a private address ({address}).")
