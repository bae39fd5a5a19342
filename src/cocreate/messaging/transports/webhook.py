"""Signed JSON POSTs, following the Standard Webhooks convention: `webhook-id` (also the
idempotency key), `webhook-timestamp` and `webhook-signature` (HMAC-SHA256 of
"id.timestamp.body" with the endpoint's secret, "v1,<base64>")."""

from datetime import UTC, datetime
from typing import Any

from standardwebhooks.webhooks import Webhook

from cocreate.messaging.models import Message, WebhookDelivery
from cocreate.messaging.transports import Outcome
from cocreate.messaging.transports.http import dumps, post_json


def signed_post(url: str, secret: str, webhook_id: str, body: dict[str, Any]) -> Outcome:
    now = datetime.now(UTC)
    data = dumps(body)
    headers = {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(webhook_id, now, data),
        "Idempotency-Key": webhook_id,
    }
    return post_json(url, data, headers)


def send(message: Message) -> Outcome:
    """A message to a person's own webhook, signed with their secret (loaded with the
    message: transports run in threads without a database connection)."""
    secret = message.recipient.contact.webhook_secret
    body = {
        "type": f"message.{message.kind}",
        "timestamp": message.created_at.isoformat(),
        "data": {
            "organisation": message.organisation.slug,
            "subject": message.subject,
            "text": message.text,
            "body": message.body_text,
            "link": message.link,
        },
    }
    return signed_post(message.address, secret, message.idempotency_key, body)


def deliver_event(delivery: WebhookDelivery) -> Outcome:
    """An organisation's event to one of its endpoints."""
    body = {
        "type": delivery.event,
        "timestamp": delivery.created_at.isoformat(),
        "data": delivery.payload,
    }
    endpoint = delivery.endpoint
    return signed_post(endpoint.url, endpoint.secret, delivery.idempotency_key, body)
