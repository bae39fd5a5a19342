"""The outbox: messages to people and event deliveries to organisations' webhooks.

A row is written in the same transaction as the change that caused it, and the delivery
worker takes it from there: claims it for a while (`lease_until`), tries to deliver it,
and records the attempt in `log`. Nothing is lost when a worker dies: an expired lease
makes the row due again, and its `idempotency_key` lets a provider drop the repeat.
"""

import uuid

from django.conf import settings
from django.db import models

from cocreate.accounts.models import Channel, new_webhook_secret
from cocreate.organisations.models import Organisation
from cocreate.organisations.scoping import OrganisationScopedManager


class Status(models.TextChoices):
    QUEUED = "queued", "Queued"  # waiting for its first or next attempt
    SENDING = "sending", "Sending"  # claimed by a worker until lease_until
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"  # refused for good on its channel; a fallback may follow
    DEAD = "dead", "Dead letter"  # gave up after the last attempt
    HELD = "held", "In a digest"  # folded into a digest message
    SUPPRESSED = "suppressed", "Not sent"  # the person opted out of this kind


def new_key() -> str:
    return uuid.uuid4().hex


class Deliverable(models.Model):
    """What the delivery worker needs of every outbox row."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    idempotency_key = models.CharField(max_length=40, unique=True, default=new_key)
    log = models.JSONField(default=list, blank=True, help_text="One entry per attempt.")
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        abstract = True


class Message(Deliverable):
    """One message to one person, on one channel."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(max_length=60)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    address = models.CharField(max_length=500, blank=True, help_text="Where it was sent.")
    subject = models.CharField(max_length=200)
    text = models.CharField(max_length=320, help_text="The short version (SMS, previews).")
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    link = models.URLField(max_length=500, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    fallback_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="fallbacks"
    )
    fallback_reason = models.CharField(max_length=300, blank=True)
    digest = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="held"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="message_due"),
            models.Index(fields=["recipient", "organisation", "read_at"], name="message_inbox"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.recipient} by {self.channel}"


class WebhookEndpoint(models.Model):
    """An organisation's URL subscribed to some of its events (Standard Webhooks)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(max_length=500)
    description = models.CharField(max_length=200, blank=True)
    events = models.JSONField(default=list)
    secret = models.CharField(max_length=80, default=new_webhook_secret)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.url


class WebhookDelivery(Deliverable):
    """One event sent to one endpoint; `idempotency_key` is its `webhook-id`."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=60)
    payload = models.JSONField()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhook_due")]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint}"


class MessageTemplate(models.Model):
    """An organisation's own wording for one kind of message; empty parts use ours."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="message_templates"
    )
    kind = models.CharField(max_length=60)
    subject = models.TextField(blank=True)
    text = models.TextField(blank=True)
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="one_template_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.kind}"
