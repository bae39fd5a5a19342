"""The delivery worker's side of the outbox: claim what is due, send it, record how it went.

A claim is a short transaction that marks rows `sending` until `lease_until`; sending
happens outside any transaction; each result is written only if the row is still ours
(same attempt, still sending), so a worker that lost its lease cannot overwrite another's
result. The worker looks across organisations, so it runs unscoped.
"""

import random
from collections import Counter
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_scopes import scopes_disabled

from cocreate.accounts.models import Channel
from cocreate.accounts.selectors import contact_preferences
from cocreate.engines.delivery import channel_order, retry_delay
from cocreate.messaging import rendering
from cocreate.messaging.addresses import addresses_of
from cocreate.messaging.models import Deliverable, Message, Status, WebhookDelivery
from cocreate.messaging.transports import Outcome, email, provider, webhook

Row = TypeVar("Row", bound=Deliverable)
_rng = random.Random()

TRANSPORTS = {
    Channel.EMAIL: email.send,
    Channel.SMS: provider.send,
    Channel.SOCIAL: provider.send,
    Channel.WEBHOOK: webhook.send,
}


def deliver_due() -> Counter[str]:
    """Deliver everything due now, batch by batch; return what happened, by outcome."""
    report: Counter[str] = Counter()
    with scopes_disabled():
        while True:
            messages = claim(Message, settings.DELIVERY_BATCH)
            deliveries = claim(WebhookDelivery, settings.DELIVERY_BATCH)
            if not messages and not deliveries:
                return report
            sent: list[tuple[Deliverable, Outcome]] = [(m, send_message(m)) for m in messages]
            sent += [(d, webhook.deliver_event(d)) for d in deliveries]
            # One commit per batch. A worker that dies before it only makes the batch due
            # again when its lease ends; the idempotency keys make the repeat harmless.
            with transaction.atomic():
                for row, outcome in sent:
                    report[record(row, outcome)] += 1


def due(now: Any) -> Q:
    """Queued and due, or claimed by a worker whose lease ran out (it died)."""
    return Q(status=Status.QUEUED, next_attempt_at__lte=now) | Q(
        status=Status.SENDING, lease_until__lt=now
    )


def claim(model: type[Row], size: int) -> list[Row]:
    with transaction.atomic():
        now = timezone.now()
        ids = list(
            model.objects.filter(due(now))
            .order_by("next_attempt_at")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:size]
        )
        model.objects.filter(pk__in=ids).update(
            status=Status.SENDING,
            lease_until=now + timedelta(seconds=settings.DELIVERY_LEASE_SECONDS),
            attempts=F("attempts") + 1,
        )
    related = ("organisation", "recipient") if model is Message else ("organisation", "endpoint")
    return list(model.objects.filter(pk__in=ids).select_related(*related).order_by("pk"))


def send_message(message: Message) -> Outcome:
    if message.kind == "digest" and not _write_digest(message):
        return Outcome(delivered=True, detail="Nothing left to digest.")
    return TRANSPORTS[Channel(message.channel)](message)


def record(row: Deliverable, outcome: Outcome) -> str:
    """Write an attempt's result, if the row is still ours; return the outcome's name.

    Call it inside a transaction: a permanent failure also writes the fallback message.
    """
    now = timezone.now()
    entry = {
        "attempt": row.attempts,
        "at": now.isoformat(),
        "delivered": outcome.delivered,
        "detail": outcome.detail,
    }
    changes: dict[str, Any] = {"lease_until": None, "log": [*row.log, entry]}
    if outcome.delivered:
        result = "delivered"
        changes.update(status=Status.DELIVERED, delivered_at=now)
    elif outcome.permanent:
        result = "failed" if isinstance(row, Message) else "dead"
        changes.update(status=Status.FAILED if isinstance(row, Message) else Status.DEAD)
    elif row.attempts >= settings.DELIVERY_MAX_ATTEMPTS:
        result = "dead"
        changes.update(status=Status.DEAD)
    else:
        result = "retried"
        delay = retry_delay(
            row.attempts,
            base=settings.DELIVERY_BACKOFF_SECONDS,
            cap=settings.DELIVERY_BACKOFF_CAP_SECONDS,
            rng=_rng,
        )
        changes.update(status=Status.QUEUED, next_attempt_at=now + timedelta(seconds=delay))
    mine = type(row).objects.filter(pk=row.pk, status=Status.SENDING, attempts=row.attempts)
    if not mine.update(**changes):
        return "lost_lease"
    if isinstance(row, Message) and result == "failed":
        fall_back(row, reason=outcome.detail)
    elif isinstance(row, Message) and result == "dead":  # a dead letter, but the person still hears
        fall_back(row, reason=f"gave up after {row.attempts} attempts: {outcome.detail}")
    return result


def fall_back(message: Message, *, reason: str) -> Message | None:
    """Send a failed message again on the next channel the person can be reached on."""
    tried = set()
    link: Message | None = message
    while link is not None:
        tried.add(link.channel)
        link = link.fallback_of
    preferences = contact_preferences(message.recipient)
    order = channel_order(
        preferences.preferred_channel, addresses_of(message.recipient, preferences)
    )
    remaining = [(channel, address) for channel, address in order if channel not in tried]
    if not remaining:
        return None
    channel, address = remaining[0]
    now = timezone.now()
    in_app = channel == Channel.IN_APP
    fallback = Message.objects.create(
        organisation=message.organisation,
        recipient=message.recipient,
        kind=message.kind,
        channel=channel,
        address=address,
        subject=message.subject,
        text=message.text,
        body_text=message.body_text,
        body_html=message.body_html,
        link=message.link,
        status=Status.DELIVERED if in_app else Status.QUEUED,
        delivered_at=now if in_app else None,
        next_attempt_at=now,
        fallback_of=message,
        fallback_reason=f"{Channel(message.channel).label} failed: {reason}"[:300],
    )
    return fallback


def _write_digest(digest: Message) -> bool:
    """Compose a digest from the messages it holds; False when it holds none."""
    held = list(digest.held.order_by("created_at", "pk"))
    if not held:
        return False
    context = {
        "recipient": digest.recipient.name or digest.recipient.email,
        "organisation": digest.organisation.name,
        "messages": [{"subject": m.subject, "text": m.text} for m in held],
    }
    rendered = rendering.render("digest", context)
    digest.subject, digest.text = rendered.subject, rendered.text
    digest.body_text, digest.body_html = rendered.body_text, rendered.body_html
    digest.save(update_fields=["subject", "text", "body_text", "body_html"])
    return True
