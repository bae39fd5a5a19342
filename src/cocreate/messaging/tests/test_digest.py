from datetime import timedelta

from django.core import mail
from django.utils import timezone
from django_scopes import scope

from cocreate.messaging.delivery import deliver_due
from cocreate.messaging.models import Message, Status
from cocreate.messaging.services import notify


def tell(org, user, n: int) -> Message:
    return notify(
        recipient=user,
        organisation=org.organisation,
        kind="role_changed",
        context={"role": f"role {n}", "old_role": "customer"},
    )


def test_more_messages_than_the_threshold_within_an_hour_become_one_digest(acme, settings):
    settings.DIGEST_THRESHOLD = 2
    sent = [tell(acme, acme.customer, n) for n in range(5)]

    deliver_due()
    assert len(mail.outbox) == 2  # the first two went out at once
    with scope(organisation=acme.organisation):
        Message.objects.filter(kind="digest").update(next_attempt_at=timezone.now())
    deliver_due()

    assert [m.status for m in sent[2:]] == [Status.HELD] * 3
    digest = mail.outbox[2]
    assert digest.subject == "3 messages from Acme Events"
    for n in (2, 3, 4):
        assert f"You are now role {n} in Acme Events" in digest.body
    assert len(mail.outbox) == 3


def test_the_digest_waits_an_hour_from_the_first_held_message(acme, settings):
    settings.DIGEST_THRESHOLD = 1
    tell(acme, acme.customer, 1)
    held = tell(acme, acme.customer, 2)

    with scope(organisation=acme.organisation):
        digest = Message.objects.get(kind="digest")
    assert held.digest == digest
    assert digest.next_attempt_at - held.created_at > timedelta(minutes=59)
