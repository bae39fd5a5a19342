"""The delivery worker's side of the outbox: claim what is due, send it, record how it went.

A claim is a short transaction that marks rows `sending` until `lease_until`; sending
happens outside any transaction; each result is written only if the row is still ours
(same attempt, still sending), so a worker that lost its lease cannot overwrite another's
result. The worker looks across organisations, so it runs unscoped.
"""

import logging
import random
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.db import OperationalError, transaction
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

logger = logging.getLogger(__name__)
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
            for message in messages:
                if message.kind == "digest":
                    _write_digest(message)
            rows: list[Deliverable] = [*messages, *deliveries]
            # Sending is waiting on the network: send a batch side by side. The transports
            # touch no database, so the threads need no connection of their own.
            with ThreadPoolExecutor(settings.DELIVERY_CONCURRENCY) as pool:
                outcomes = list(pool.map(send, rows))
            report.update(record_all(zip(rows, outcomes, strict=True)))


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
    related = (
        ("organisation", "recipient", "recipient__contact")
        if model is Message
        else ("organisation", "endpoint")
    )
    return list(model.objects.filter(pk__in=ids).select_related(*related).order_by("pk"))


def send(row: Deliverable) -> Outcome:
    if isinstance(row, WebhookDelivery):
        return webhook.deliver_event(row)
    assert isinstance(row, Message)
    if row.kind == "digest" and not row.body_text:
        return Outcome(delivered=True, detail="Nothing left to digest.")
    return TRANSPORTS[Channel(row.channel)](row)


def record_all(results: Iterable[tuple[Deliverable, Outcome]]) -> Counter[str]:
    """Write a batch's results in one commit. A worker that dies before it only makes the
    batch due again when its lease ends, and the idempotency keys make the repeat harmless;
    so does a database too busy to take the commit, which is tried a few times first."""
    results = list(results)
    for attempt in range(1, 4):
        try:
            with transaction.atomic():
                return Counter(record(row, outcome) for row, outcome in results)
        except OperationalError:
            if attempt == 3:
                raise
            logger.warning("The database is busy; recording the batch again (%d)", attempt)
            time.sleep(attempt)
    raise AssertionError("unreachable")


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


def _write_digest(digest: Message) -> None:
    """Compose a digest from the messages it holds (it stays empty when it holds none)."""
    held = list(digest.held.order_by("created_at", "pk"))
    if not held:
        return
    context = {
        "recipient": digest.recipient.name or digest.recipient.email,
        "organisation": digest.organisation.name,
        "messages": [{"subject": m.subject, "text": m.text} for m in held],
    }
    rendered = rendering.render("digest", context)
    digest.subject, digest.text = rendered.subject, rendered.text
    digest.body_text, digest.body_html = rendered.body_text, rendered.body_html
    digest.save(update_fields=["subject", "text", "body_text", "body_html"])
