from standardwebhooks.webhooks import Webhook

from cocreate.accounts.models import ContactPreferences
from cocreate.messaging.delivery import deliver_due
from cocreate.messaging.tests.test_notify import prefer, welcome


def test_a_person_who_prefers_a_webhook_gets_a_signed_post(acme, provider):
    prefer(acme.customer, "webhook", webhook_url=f"{provider.url}/mine")
    message = welcome(acme, acme.customer)

    deliver_due()

    [received] = provider.delivered.values()
    secret = ContactPreferences.objects.get(user=acme.customer).webhook_secret
    payload = Webhook(secret).verify(received["body"], received["headers"])
    assert payload["type"] == "message.welcome"
    assert payload["data"]["subject"] == "Welcome to Acme Events"
    assert received["headers"]["webhook-id"] == message.idempotency_key
