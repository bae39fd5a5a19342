"""Absolute links to pages, for messages that leave the site (email, SMS, webhooks)."""

from typing import Any

from django.conf import settings
from django.urls import reverse


def site_link(url_name: str, *args: Any) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(url_name, args=args)
