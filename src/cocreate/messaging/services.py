"""Sending: `notify` a person, `emit` an organisation's event to its webhooks.

Both write to the outbox in the caller's transaction, so a message exists if and only if
the change that caused it was saved; the delivery worker is woken once it commits.
"""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import Channel, ContactPreferences, User
from cocreate.accounts.selectors import contact_preferences
from cocreate.core.errors import InvalidInput
from cocreate.engines.delivery import channel_order, goes_to_digest, quiet_until
from cocreate.messaging import events, rendering
from cocreate.messaging.addresses import addresses_of
from cocreate.messaging.kinds import KINDS
from cocreate.messaging.models import (
    Message,
    MessageTemplate,
    Status,
    WebhookDelivery,
    WebhookEndpoint,
)
from cocreate.messaging.tasks import wake_worker
from cocreate.messaging.transports.http import UnsafeUrl, check_public_url
from cocreate.organisations.models import Organisation

DIGEST_WINDOW = timedelta(hours=1)


def notify(
    *,
    recipient: User,
    organisation: Organisation,
    kind: str,
    context: dict[str, Any] | None = None,
    link: str = "",
) -> Message:
    """Tell one person something, on the channel they chose, in this transaction."""
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of message {kind!r}: add it to messaging/kinds.py.")
    preferences = contact_preferences(recipient)
    now = timezone.now()
    rendered = _render(organisation, kind, recipient, context or {}, link)
    (channel, address), *_ = channel_order(
        preferences.preferred_channel, addresses_of(recipient, preferences)
    )
    message = Message(
        organisation=organisation,
        recipient=recipient,
        kind=kind,
        channel=channel,
        address=address,
        subject=rendered.subject,
        text=rendered.text,
        body_text=rendered.body_text,
        body_html=rendered.body_html,
        link=link,
        next_attempt_at=now,
    )
    if channel != preferences.preferred_channel:
        label = Channel(preferences.preferred_channel).label
        message.fallback_reason = f"No address for {label}: sent by {Channel(channel).label}."
    with scope(organisation=organisation):
        if kind in preferences.muted_kinds and not KINDS[kind].mandatory:
            message.status = Status.SUPPRESSED
        elif channel == Channel.IN_APP:
            message.status, message.delivered_at = Status.DELIVERED, now
        elif goes_to_digest(_sent_in_last_hour(recipient, now), settings.DIGEST_THRESHOLD):
            message.status = Status.HELD
            message.digest = _open_digest(message, now)
        else:
            message.next_attempt_at = _after_quiet_hours(preferences, now)
        message.save()
    if message.status == Status.QUEUED:
        _wake_worker_on_commit()
    return message


def _render(
    organisation: Organisation, kind: str, recipient: User, context: dict[str, Any], link: str
) -> rendering.Rendered:
    with scope(organisation=organisation):
        own = MessageTemplate.objects.filter(kind=kind).first()
    overrides = {part: getattr(own, part) for part in rendering.PARTS} if own else None
    full_context = {
        "recipient": recipient.name or recipient.email,
        "organisation": organisation.name,
        "link": link,
        **context,
    }
    return rendering.render(kind, full_context, overrides)


def _sent_in_last_hour(recipient: User, now: Any) -> int:
    """Messages to this person's outside channels within the hour (in this scope)."""
    return (
        Message.objects.filter(recipient=recipient, created_at__gte=now - DIGEST_WINDOW)
        .exclude(channel=Channel.IN_APP)
        .exclude(kind="digest")
        .exclude(status=Status.SUPPRESSED)
        .count()
    )


def _open_digest(message: Message, now: Any) -> Message:
    """The digest still collecting this person's messages, opened if there is none."""
    # Locked, so a worker cannot claim and send it before this message has joined it.
    digest = (
        Message.objects.select_for_update()
        .filter(recipient=message.recipient, kind="digest", status=Status.QUEUED)
        .first()
    )
    if digest is None:
        digest = Message.objects.create(
            organisation=message.organisation,
            recipient=message.recipient,
            kind="digest",
            channel=message.channel,
            address=message.address,
            subject="",  # written when it is sent, from the messages it holds
            text="",
            body_text="",
            next_attempt_at=now + DIGEST_WINDOW,
        )
        _wake_worker_on_commit()
    return digest


def _after_quiet_hours(preferences: ContactPreferences, now: Any) -> Any:
    try:
        zone = ZoneInfo(preferences.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    until = quiet_until(now.astimezone(zone), preferences.quiet_start, preferences.quiet_end)
    return until or now


def _wake_worker_on_commit() -> None:
    transaction.on_commit(wake_worker)


# Organisations' webhooks


def emit(*, organisation: Organisation, event: str, data: dict[str, Any]) -> int:
    """Queue an event for every active endpoint subscribed to it; return how many."""
    if event not in events.EVENTS:
        raise ValueError(f"Unknown event {event!r}: add it to messaging/events.py.")
    now = timezone.now()
    with scope(organisation=organisation):
        endpoints = [e for e in WebhookEndpoint.objects.filter(active=True) if event in e.events]
        WebhookDelivery.objects.bulk_create(
            [
                WebhookDelivery(
                    organisation=organisation,
                    endpoint=endpoint,
                    event=event,
                    payload={"organisation": organisation.slug, **data},
                    next_attempt_at=now,
                )
                for endpoint in endpoints
            ]
        )
    if endpoints:
        _wake_worker_on_commit()
    return len(endpoints)


def endpoint_errors(url: str, events_chosen: Sequence[str]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        check_public_url(url)
    except UnsafeUrl as refusal:
        errors["url"] = [str(refusal)]
    if len(url) > 500:
        errors["url"] = ["Use at most 500 characters."]
    unknown = [e for e in events_chosen if e not in events.EVENTS]
    if unknown:
        errors["events"] = [f"Unknown events: {', '.join(unknown)}."]
    elif not events_chosen:
        errors["events"] = ["Choose at least one event."]
    return errors


def endpoint_create(
    *, organisation: Organisation, url: str, events_chosen: Sequence[str], description: str = ""
) -> WebhookEndpoint:
    url = url.strip()
    errors = endpoint_errors(url, events_chosen)
    if len(description) > 200:
        errors["description"] = ["Use at most 200 characters."]
    if errors:
        raise InvalidInput("The webhook was not saved.", fields=errors)
    with scope(organisation=organisation):
        return WebhookEndpoint.objects.create(
            organisation=organisation,
            url=url,
            events=list(dict.fromkeys(events_chosen)),
            description=description.strip(),
        )
