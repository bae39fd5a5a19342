"""SMS and social messages through a JSON-over-HTTP provider, configured in settings:

    SMS_PROVIDER_URL / SMS_PROVIDER_TOKEN, SOCIAL_PROVIDER_URL / SOCIAL_PROVIDER_TOKEN

The provider receives {"to", "text", "network"?} with `Authorization: Bearer <token>` and
`Idempotency-Key`; a provider that honours the key never delivers a repeat twice.
Without a URL, development prints the message; production falls back to another channel.
"""

import logging

from django.conf import settings

from cocreate.accounts.models import Channel
from cocreate.messaging.models import Message
from cocreate.messaging.transports import Outcome
from cocreate.messaging.transports.http import dumps, post_json

logger = logging.getLogger(__name__)


def send(message: Message) -> Outcome:
    prefix = "SMS" if message.channel == Channel.SMS else "SOCIAL"
    url = getattr(settings, f"{prefix}_PROVIDER_URL")
    body = {"to": message.address, "text": message.text, "id": message.idempotency_key}
    if message.channel == Channel.SOCIAL:
        network, _, handle = message.address.partition(":")
        body.update(to=handle, network=network)
    if not url:
        if settings.DEBUG:
            logger.info("%s to %s: %s", prefix, message.address, message.text)
            return Outcome(delivered=True, detail="Printed: no provider in development.")
        return Outcome(delivered=False, permanent=True, detail=f"No {prefix} provider is set up.")
    headers = {"Idempotency-Key": message.idempotency_key}
    if token := getattr(settings, f"{prefix}_PROVIDER_TOKEN"):
        headers["Authorization"] = f"Bearer {token}"
    return post_json(url, dumps(body), headers, public_only=False)
