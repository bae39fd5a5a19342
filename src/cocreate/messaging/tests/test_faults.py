"""Delivery under faults, with real parts: an SMTP server that is down for a while, and a
worker process killed in the middle of a batch."""

import os
import signal
from collections import Counter

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone
from django_scopes import scopes_disabled

from cocreate.conftest import make_user
from cocreate.messaging.delivery import deliver_due
from cocreate.messaging.fake_provider import FakeProvider
from cocreate.messaging.models import Message, Status
from cocreate.messaging.services import notify
from cocreate.messaging.tests.test_notify import prefer
from cocreate.tests.cluster import environment, start_worker, wait_for


class Inbox:
    def __init__(self) -> None:
        self.message_ids: list[str] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        for line in envelope.content.decode().splitlines():
            if line.lower().startswith("message-id:"):
                self.message_ids.append(line.split(":", 1)[1].strip())
        return "250 OK"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def notify_many(org, count: int, **preferences) -> None:
    for n in range(count):
        user = make_user(f"person{n}@example.org")
        if preferences:
            prefer(user, **preferences)
        notify(recipient=user, organisation=org.organisation, kind="welcome", context={"role": "x"})


def queued() -> Counter[str]:
    with scopes_disabled():
        return Counter(Message.objects.values_list("status", flat=True))


def test_mail_waits_while_the_smtp_server_is_down_and_arrives_once_when_it_is_up(acme, settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    settings.DELIVERY_BACKOFF_SECONDS = settings.DELIVERY_BACKOFF_CAP_SECONDS = 60
    notify_many(acme, 20)

    first = deliver_due()  # nobody listens on the port
    with scopes_disabled():
        Message.objects.update(next_attempt_at=timezone.now())  # a minute later…
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        second = deliver_due()
    finally:
        server.stop()

    assert first == {"retried": 20}
    assert second == {"delivered": 20}
    assert len(inbox.message_ids) == 20
    assert len(set(inbox.message_ids)) == 20
    assert queued() == {Status.DELIVERED: 20}


def worker_env(provider: FakeProvider) -> dict[str, str]:
    """The environment a worker process needs to use this test's database and provider."""
    return environment(
        SMS_PROVIDER_URL=f"{provider.url}/sms",
        DELIVERY_LEASE_SECONDS="2",
        DELIVERY_BATCH="25",
        DELIVERY_BACKOFF_SECONDS="0",
    )


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(acme):
    provider = FakeProvider(delay=0.02).start()
    try:
        notify_many(acme, 150, channel="sms", phone="+447400123456")
        env = worker_env(provider)

        worker = start_worker(env)
        # Kill it while a batch is in flight: claimed, partly sent, not yet recorded.
        wait_for(lambda: len(provider.delivered) >= 40 and queued()[Status.SENDING] > 0)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        stranded = queued()[Status.SENDING]
        replacement = start_worker(env)
        try:
            wait_for(lambda: queued() == {Status.DELIVERED: 150})
        finally:
            replacement.terminate()
            replacement.wait(timeout=10)
    finally:
        provider.stop()

    assert stranded > 0  # the kill did leave claimed, unrecorded messages behind
    assert len(provider.delivered) == 150  # every one arrived, each once
