"""Reads of the outbox: a person's inbox, and an organisation's deliveries."""

from django.db.models import QuerySet
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import User
from cocreate.messaging.models import (
    Message,
    MessageTemplate,
    Status,
    WebhookDelivery,
    WebhookEndpoint,
)
from cocreate.organisations.models import Organisation

# What a person was told: not messages they muted, not a channel's failed copy (its
# fallback is there), and not digests (the messages they hold are).
NOT_IN_INBOX = [Status.SUPPRESSED, Status.FAILED]


def inbox(user: User) -> QuerySet[Message]:
    """A person's messages from every organisation they belong to.

    Crossing organisations is safe: the rows are filtered to this person.
    """
    with scopes_disabled():
        return (
            Message.objects.filter(recipient=user)
            .exclude(status__in=NOT_IN_INBOX)
            .exclude(kind="digest")
            .select_related("organisation")
        )


def unread_count(user: User) -> int:
    return inbox(user).filter(read_at__isnull=True).count()


def unread_count_in(user: User, organisation: Organisation | int) -> int:
    """The messages from one organisation in a person's inbox that they have not read."""
    return inbox(user).filter(organisation=organisation, read_at__isnull=True).count()


def messages(
    organisation: Organisation, *, status: str = "", channel: str = "", kind: str = ""
) -> QuerySet[Message]:
    """The organisation's delivery log, newest first."""
    with scope(organisation=organisation):
        found = Message.objects.select_related("recipient")
        if status:
            found = found.filter(status=status)
        if channel:
            found = found.filter(channel=channel)
        if kind:
            found = found.filter(kind=kind)
        return found


def webhook_endpoints(organisation: Organisation) -> QuerySet[WebhookEndpoint]:
    with scope(organisation=organisation):
        return WebhookEndpoint.objects.all()


def webhook_deliveries(
    organisation: Organisation, *, status: str = ""
) -> QuerySet[WebhookDelivery]:
    with scope(organisation=organisation):
        found = WebhookDelivery.objects.select_related("endpoint")
        return found.filter(status=status) if status else found


def message_templates(organisation: Organisation) -> dict[str, MessageTemplate]:
    with scope(organisation=organisation):
        return {t.kind: t for t in MessageTemplate.objects.all()}
