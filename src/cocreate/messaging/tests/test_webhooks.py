import pytest
from django_scopes import scope
from standardwebhooks.webhooks import Webhook

from cocreate.conftest import client_for, make_user
from cocreate.messaging.delivery import deliver_due
from cocreate.messaging.models import Status, WebhookDelivery, WebhookEndpoint
from cocreate.messaging.services import endpoint_create
from cocreate.organisations import services as organisations


@pytest.fixture
def receiver(provider):
    """An organisation's webhook receiver: the fake provider dedupes by webhook-id."""
    return provider


def subscribe(org, receiver, events=("member.joined",)) -> WebhookEndpoint:
    return endpoint_create(
        organisation=org.organisation,
        actor=org.organiser,
        url=f"{receiver.url}/hooks",
        events_chosen=list(events),
    )


def join(org, email="sam@example.org"):
    return organisations.organisation_join(
        user=make_user(email, "Sam"), organisation=org.organisation
    )


def test_an_event_is_signed_the_standard_webhooks_way(acme, receiver):
    endpoint = subscribe(acme, receiver)
    membership = join(acme)

    deliver_due()

    [received] = receiver.delivered.values()
    payload = Webhook(endpoint.secret).verify(received["body"], received["headers"])
    assert payload["type"] == "member.joined"
    assert payload["data"] == {
        "organisation": "acme",
        "how": "self-join",
        "member": {
            "id": membership.pk,
            "email": "sam@example.org",
            "name": "Sam",
            "role": "customer",
        },
    }


def test_a_receiver_failing_several_times_gets_the_event_exactly_once(acme, receiver):
    subscribe(acme, receiver)
    receiver.fail_next(4, status=500)
    join(acme)

    deliver_due()

    with scope(organisation=acme.organisation):
        delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.DELIVERED
    assert delivery.attempts == 5
    assert receiver.requests == 5
    assert list(receiver.delivered) == [delivery.idempotency_key]
    assert receiver.delivered[delivery.idempotency_key]["headers"]["webhook-id"] == (
        delivery.idempotency_key
    )


def test_a_replay_reaches_the_receiver_with_the_same_id(acme, receiver):
    subscribe(acme, receiver)
    join(acme)
    deliver_due()
    with scope(organisation=acme.organisation):
        delivery = WebhookDelivery.objects.get()

    response = client_for(acme.organiser).post(f"/o/acme/webhook-deliveries/{delivery.pk}/replay/")
    deliver_due()

    assert response.status_code == 302
    assert receiver.requests == 2
    assert receiver.repeats == 1  # the receiver recognised it by its webhook-id
    assert len(receiver.delivered) == 1


def test_only_subscribed_and_active_endpoints_receive_an_event(acme, receiver):
    subscribe(acme, receiver, events=["member.left"])
    paused = subscribe(acme, receiver)
    paused.active = False
    paused.save()

    join(acme)

    with scope(organisation=acme.organisation):
        assert not WebhookDelivery.objects.exists()


def test_private_addresses_are_refused_in_production(acme, settings):
    settings.ALLOW_PRIVATE_WEBHOOKS = False
    client = client_for(acme.organiser)

    page = client.post(
        "/o/acme/webhooks/",
        {"url": "http://127.0.0.1:8000/hooks", "events_chosen": ["member.joined"]},
    )
    api = client.post(
        "/api/v1/orgs/acme/webhooks",
        {"url": "http://169.254.169.254/latest", "events": ["member.joined"]},
        content_type="application/json",
    )
    person = client.post(
        "/me/settings/",
        {"name": "Org", "preferred_channel": "webhook", "webhook_url": "http://localhost/x"},
    )

    assert "private address" in str(page.context["form"].errors["url"])
    assert api.status_code == 422
    assert "private address" in api.json()["error"]["fields"]["url"][0]
    assert "private address" in str(person.context["form"].errors["webhook_url"])
    with scope(organisation=acme.organisation):
        assert not WebhookEndpoint.objects.exists()


def test_unknown_events_are_refused(acme):
    response = client_for(acme.organiser).post(
        "/api/v1/orgs/acme/webhooks",
        {"url": "https://crm.example.org/in", "events": ["member.joined", "pizza.ordered"]},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"events": ["Unknown events: pizza.ordered."]}


def test_the_api_manages_endpoints_and_lists_their_deliveries(acme, receiver):
    client = client_for(acme.organiser)
    created = client.post(
        "/api/v1/orgs/acme/webhooks",
        {"url": f"{receiver.url}/in", "events": ["member.joined", "member.left"]},
        content_type="application/json",
    ).json()
    join(acme)
    deliver_due()

    deliveries = client.get(f"/api/v1/orgs/acme/webhooks/{created['id']}/deliveries").json()
    paused = client.patch(
        f"/api/v1/orgs/acme/webhooks/{created['id']}",
        {"active": False},
        content_type="application/json",
    ).json()
    deleted = client.delete(f"/api/v1/orgs/acme/webhooks/{created['id']}")

    assert created["secret"].startswith("whsec_")
    assert [(d["event"], d["status"]) for d in deliveries["items"]] == [
        ("member.joined", "delivered")
    ]
    assert paused["active"] is False
    assert deleted.status_code == 204


def test_customers_cannot_see_webhooks(acme):
    assert client_for(acme.customer).get("/o/acme/webhooks/").status_code == 403
