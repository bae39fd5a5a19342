from django.core import mail
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.messaging.delivery import deliver_due
from cocreate.messaging.models import Message, Status
from cocreate.messaging.tests.test_notify import prefer, welcome


def the_message(org) -> Message:
    with scope(organisation=org.organisation):
        return Message.objects.get(fallback_of__isnull=True)


def test_a_provider_that_fails_for_a_while_gets_the_message_once_it_recovers(acme, provider):
    prefer(acme.customer, "sms", phone="+447400123456")
    welcome(acme, acme.customer)
    provider.fail_next(3, status=503)

    deliver_due()

    message = the_message(acme)
    assert message.status == Status.DELIVERED
    assert [entry["delivered"] for entry in message.log] == [False, False, False, True]
    assert message.log[0]["detail"].startswith("HTTP 503")
    assert len(provider.delivered) == 1


def test_after_the_last_attempt_a_message_is_a_dead_letter(acme, provider, settings):
    settings.DELIVERY_MAX_ATTEMPTS = 3
    prefer(acme.customer, "sms", phone="+447400123456")
    welcome(acme, acme.customer)
    provider.fail_next(10, status=500)

    report = deliver_due()  # retries fall due at once here (no backoff in tests)

    assert report == {"retried": 2, "dead": 1, "delivered": 1}
    assert the_message(acme).status == Status.DEAD
    with scope(organisation=acme.organisation):
        email = Message.objects.get(channel="email")
    assert email.status == Status.DELIVERED
    assert email.fallback_reason.startswith("SMS failed: gave up after 3 attempts: HTTP 500")


def test_organisers_see_dead_letters_and_send_them_again(acme, provider, settings):
    settings.DELIVERY_MAX_ATTEMPTS = 1
    prefer(acme.customer, "sms", phone="+447400123456")
    welcome(acme, acme.customer)
    provider.fail_next(1, status=500)
    deliver_due()
    message = the_message(acme)
    client = client_for(acme.organiser)

    listed = client.get("/o/acme/messages/", {"status": "dead"})
    client.post(f"/o/acme/messages/{message.pk}/retry/")
    deliver_due()

    assert [m.pk for m in listed.context["page"]] == [message.pk]
    assert listed.context["dead_count"] == 1
    assert the_message(acme).status == Status.DELIVERED
    assert len(provider.delivered) == 1


def test_a_refused_address_falls_back_to_email_and_the_organiser_sees_why(acme, provider):
    prefer(acme.customer, "sms", phone="+447400123456")
    welcome(acme, acme.customer)
    provider.fail_next(1, status=422)  # the provider says the number is not valid

    deliver_due()
    deliver_due()

    with scope(organisation=acme.organisation):
        sms, email = Message.objects.order_by("pk")
    assert (sms.channel, sms.status) == ("sms", Status.FAILED)
    assert (email.channel, email.status) == ("email", Status.DELIVERED)
    assert email.fallback_reason.startswith("SMS failed: HTTP 422")
    assert [m.to for m in mail.outbox] == [["customer@acme.test"]]
    page = client_for(acme.organiser).get(f"/o/acme/messages/{email.pk}/").content.decode()
    assert "SMS failed: HTTP 422" in page


def test_a_webhook_url_that_is_gone_falls_back_to_email(acme, provider):
    prefer(acme.customer, "webhook", webhook_url=f"{provider.url}/gone")
    welcome(acme, acme.customer)
    provider.fail_next(1, status=410)

    deliver_due()
    deliver_due()

    with scope(organisation=acme.organisation):
        channels = list(Message.objects.order_by("pk").values_list("channel", "status"))
    assert channels == [("webhook", Status.FAILED), ("email", Status.DELIVERED)]


def test_a_provider_that_is_not_set_up_in_production_falls_back(acme, settings):
    settings.DEBUG = False
    settings.SMS_PROVIDER_URL = ""
    prefer(acme.customer, "sms", phone="+447400123456")
    welcome(acme, acme.customer)

    deliver_due()
    deliver_due()

    with scope(organisation=acme.organisation):
        email = Message.objects.get(channel="email")
    assert email.fallback_reason == "SMS failed: No SMS provider is set up."
    assert len(mail.outbox) == 1
