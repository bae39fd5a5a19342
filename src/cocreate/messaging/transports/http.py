"""The HTTP client every HTTP transport shares."""

import json
from typing import Any

import httpx
from django.conf import settings

from cocreate.core.safe_urls import UnsafeUrl, check_public_url
from cocreate.messaging.transports import Outcome, http_outcome

_client: httpx.Client | None = None


def client() -> httpx.Client:
    """One keep-alive client per process."""
    global _client
    if _client is None:
        _client = httpx.Client(timeout=settings.DELIVERY_TIMEOUT, follow_redirects=False)
    return _client


def dumps(body: dict[str, Any]) -> str:
    return json.dumps(body, separators=(",", ":"), sort_keys=True, default=str)


def post_json(url: str, data: str, headers: dict[str, str], *, public_only: bool = True) -> Outcome:
    """POST a JSON text; never raises for network trouble, which is worth a retry.

    `public_only` refuses private addresses: on for URLs people type (webhooks), off for
    the providers an administrator configured.
    """
    if public_only:
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
