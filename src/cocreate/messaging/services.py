"""Sending: `notify` a person, `emit` an organisation's event to its webhooks; and what
organisers do with both (webhook endpoints, sending again, their own wording).

Both write to the outbox in the caller's transaction, so a message exists if and only if
the change that caused it was saved; the delivery worker is woken once it commits.
"""

from collections.abc import Sequence
from datetime import time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import Channel, ContactPreferences, User
from cocreate.accounts.selectors import contact_preferences
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.core.safe_urls import UnsafeUrl, check_public_url
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
from cocreate.organisations import audit
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
        elif settings.DIGEST_THRESHOLD and goes_to_digest(
            _sent_in_last_hour(recipient, now), settings.DIGEST_THRESHOLD
        ):
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
    """Wake the worker once this transaction commits (once, however many messages it wrote)."""
    pending = transaction.get_connection().run_on_commit
    if not any(callback is wake_worker for _, callback, _ in pending):
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
    *,
    organisation: Organisation,
    actor: User,
    url: str,
    events_chosen: Sequence[str],
    description: str = "",
) -> WebhookEndpoint:
    url = url.strip()
    errors = endpoint_errors(url, events_chosen)
    if len(description) > 200:
        errors["description"] = ["Use at most 200 characters."]
    if errors:
        raise InvalidInput("The webhook was not saved.", fields=errors)
    with transaction.atomic(), scope(organisation=organisation):
        endpoint = WebhookEndpoint.objects.create(
            organisation=organisation,
            url=url,
            events=list(dict.fromkeys(events_chosen)),
            description=description.strip(),
        )
        audit.record(
            organisation=organisation,
            actor=actor,
            action="webhook.created",
            target=url,
            events=endpoint.events,
        )
    return endpoint


def endpoint_update(
    *,
    endpoint: WebhookEndpoint,
    actor: User,
    url: str,
    events_chosen: Sequence[str],
    description: str,
    active: bool,
) -> WebhookEndpoint:
    url = url.strip()
    errors = endpoint_errors(url, events_chosen)
    if len(description) > 200:
        errors["description"] = ["Use at most 200 characters."]
    if errors:
        raise InvalidInput("The webhook was not saved.", fields=errors)
    with transaction.atomic():
        endpoint.url, endpoint.description, endpoint.active = url, description.strip(), active
        endpoint.events = list(dict.fromkeys(events_chosen))
        endpoint.save()
        audit.record(
            organisation=endpoint.organisation,
            actor=actor,
            action="webhook.updated",
            target=url,
            events=endpoint.events,
            active=active,
        )
    return endpoint


def endpoint_delete(*, endpoint: WebhookEndpoint, actor: User) -> None:
    with transaction.atomic():
        audit.record(
            organisation=endpoint.organisation,
            actor=actor,
            action="webhook.deleted",
            target=endpoint.url,
        )
        endpoint.delete()


def send_again(*, row: Message | WebhookDelivery, actor: User) -> None:
    """Retry a dead message or replay a webhook delivery, with a fresh set of attempts.

    The idempotency key stays, so a receiver that already has it can drop the repeat.
    """
    if isinstance(row, Message) and row.status not in (Status.DEAD, Status.FAILED):
        raise Conflict("Only a message that could not be delivered can be sent again.")
    if row.status in (Status.QUEUED, Status.SENDING):
        raise Conflict("This is being delivered already.")
    with transaction.atomic():
        type(row).objects.filter(pk=row.pk).update(
            status=Status.QUEUED, attempts=0, next_attempt_at=timezone.now(), lease_until=None
        )
        audit.record(
            organisation=row.organisation,
            actor=actor,
            action="message.retried" if isinstance(row, Message) else "webhook.replayed",
            target=str(row),
        )
        _wake_worker_on_commit()


def template_save(
    *, organisation: Organisation, actor: User, kind: str, subject: str, text: str, body: str
) -> MessageTemplate:
    """Set an organisation's own wording for a kind; empty parts keep Cocreate's."""
    if kind not in KINDS:
        raise InvalidInput(f"Unknown kind of message {kind!r}.", code="unknown_kind")
    parts = {"subject": subject, "text": text, "body": body}
    errors = {
        part: problems
        for part, source in parts.items()
        if (problems := rendering.template_errors(part, source))
    }
    if errors:
        raise InvalidInput("The wording was not saved.", fields=errors)
    with transaction.atomic(), scope(organisation=organisation):
        template, _ = MessageTemplate.objects.update_or_create(
            organisation=organisation, kind=kind, defaults=parts
        )
        audit.record(organisation=organisation, actor=actor, action="template.saved", target=kind)
    return template


def mark_read(*, user: User, message_ids: Sequence[int] | None = None) -> int:
    """Mark some (or all) of a person's unread messages read; return how many."""
    with scopes_disabled():
        unread = Message.objects.filter(recipient=user, read_at__isnull=True)
        if message_ids is not None:
            unread = unread.filter(pk__in=message_ids)
        return unread.update(read_at=timezone.now())


def notification_settings_update(
    *,
    user: User,
    quiet_start: time | None,
    quiet_end: time | None,
    time_zone: str,
    muted_kinds: Sequence[str],
) -> ContactPreferences:
    """When a person does not want messages, and which kinds they do not want at all."""
    errors: dict[str, list[str]] = {}
    if (quiet_start is None) != (quiet_end is None):
        errors["quiet_end" if quiet_end is None else "quiet_start"] = [
            "Give both ends of your quiet hours, or neither."
        ]
    if time_zone not in available_timezones():
        errors["time_zone"] = ["Choose a time zone from the list, e.g. Europe/London."]
    for name, moment in (("quiet_start", quiet_start), ("quiet_end", quiet_end)):
        if moment is not None and moment.tzinfo is not None:
            errors[name] = ["Give a time of day (e.g. 22:00); the time zone is its own field."]
    unknown = [k for k in muted_kinds if k not in KINDS]
    mandatory = [k for k in muted_kinds if k in KINDS and KINDS[k].mandatory]
    if unknown:
        errors["muted_kinds"] = [f"Unknown kinds: {', '.join(unknown)}."]
    elif mandatory:
        errors["muted_kinds"] = [f"These cannot be turned off: {', '.join(mandatory)}."]
    if errors:
        raise InvalidInput("Your notification settings were not saved.", fields=errors)
    preferences = contact_preferences(user)
    preferences.quiet_start, preferences.quiet_end = quiet_start, quiet_end
    preferences.time_zone = time_zone
    preferences.muted_kinds = list(dict.fromkeys(muted_kinds))
    preferences.save()
    return preferences
