"""The HTTP client every HTTP transport shares, and the guard against requests to
private addresses (server-side request forgery)."""

import ipaddress
import json
import socket
from typing import Any
from urllib.parse import urlsplit

import httpx
from django.conf import settings

from cocreate.messaging.transports import Outcome, http_outcome

_client: httpx.Client | None = None


class UnsafeUrl(ValueError):
    pass


def client() -> httpx.Client:
    """One keep-alive client per process."""
    global _client
    if _client is None:
        _client = httpx.Client(timeout=settings.DELIVERY_TIMEOUT, follow_redirects=False)
    return _client


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


def dumps(body: dict[str, Any]) -> str:
    return json.dumps(body, separators=(",", ":"), sort_keys=True, default=str)


def post_json(url: str, data: str, headers: dict[str, str]) -> Outcome:
    """POST a JSON text; never raises for network trouble, which is worth a retry."""
    try:
        check_public_url(url)
    except UnsafeUrl as refusal:
        return Outcome(delivered=False, permanent=True, detail=str(refusal))
    try:
        response = client().post(
            url, content=data, headers={"Content-Type": "application/json", **headers}
        )
    except httpx.HTTPError as error:
        return Outcome(delivered=False, detail=f"{type(error).__name__}: {error}")
    return http_outcome(response.status_code, response.text)
