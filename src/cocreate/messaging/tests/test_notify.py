from datetime import time

import pytest
from django.core import mail
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import ContactPreferences
from cocreate.messaging.delivery import deliver_due
from cocreate.messaging.models import Message, Status
from cocreate.messaging.services import notify


def prefer(user, channel: str, **addresses) -> None:
    ContactPreferences.objects.update_or_create(
        user=user, defaults={"preferred_channel": channel, **addresses}
    )


def messages(org) -> list[Message]:
    with scope(organisation=org.organisation):
        return list(Message.objects.order_by("pk"))


def welcome(org, user, **kwargs):
    return notify(
        recipient=user,
        organisation=org.organisation,
        kind="welcome",
        context={"role": "customer"},
        link="http://testserver/o/acme/profile/",
        **kwargs,
    )


def test_an_email_is_rendered_queued_and_delivered(acme, django_capture_on_commit_callbacks):
    welcome(acme, acme.customer)

    report = deliver_due()

    assert report == {"delivered": 1}
    [sent] = mail.outbox
    assert sent.to == ["customer@acme.test"]
    assert sent.subject == "Welcome to Acme Events"
    assert "You joined as customer." in sent.body
    assert "http://testserver/o/acme/profile/" in sent.body
    assert sent.alternatives[0][1] == "text/html"  # type: ignore[attr-defined]
    [message] = messages(acme)
    assert message.status == Status.DELIVERED
    assert message.log[0]["delivered"] is True


def test_an_sms_goes_to_the_provider_with_its_idempotency_key(acme, provider):
    prefer(acme.customer, "sms", phone="+447400123456")
    message = welcome(acme, acme.customer)

    deliver_due()

    [received] = provider.delivered.values()
    assert received["path"] == "/sms"
    assert received["json"]["to"] == "+447400123456"
    assert received["json"]["text"].startswith("Welcome to Acme Events!")
    assert received["headers"]["idempotency-key"] == message.idempotency_key
    assert received["headers"]["authorization"] == "Bearer provider-token"


def test_in_app_only_is_delivered_at_once_without_any_sending(acme, provider):
    prefer(acme.customer, "in_app")

    message = welcome(acme, acme.customer)

    assert message.status == Status.DELIVERED
    assert deliver_due() == {}
    assert mail.outbox == []


def test_a_preferred_channel_without_an_address_falls_back_to_email_and_says_why(acme):
    prefer(acme.customer, "sms")

    message = welcome(acme, acme.customer)

    assert message.channel == "email"
    assert message.fallback_reason == "No address for SMS: sent by Email."


def test_a_muted_kind_is_not_sent(acme):
    prefer(acme.customer, "email", muted_kinds=["welcome"])

    message = welcome(acme, acme.customer)
    deliver_due()

    assert message.status == Status.SUPPRESSED
    assert mail.outbox == []


def test_quiet_hours_hold_a_message_until_they_end(acme):
    now = timezone.localtime(timezone.now(), timezone.get_fixed_timezone(0))
    start = time((now.hour - 1) % 24, 0)
    end = time((now.hour + 2) % 24, 0)
    prefer(acme.customer, "email", quiet_start=start, quiet_end=end, time_zone="UTC")

    message = welcome(acme, acme.customer)
    deliver_due()

    assert message.next_attempt_at > timezone.now()
    assert message.next_attempt_at.hour == end.hour
    assert mail.outbox == []


def test_an_unknown_kind_is_a_programming_error(acme):
    with pytest.raises(ValueError, match="Unknown kind"):
        notify(recipient=acme.customer, organisation=acme.organisation, kind="nope")
