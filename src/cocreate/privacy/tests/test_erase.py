from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django_scopes import scope

from cocreate.accounts.models import ContactPreferences, User
from cocreate.conftest import PASSWORD, client_for
from cocreate.messaging.models import Message, WebhookDelivery
from cocreate.messaging.services import endpoint_create
from cocreate.messaging.tests.test_notify import prefer, welcome
from cocreate.organisations import services
from cocreate.organisations.models import AuditEntry, Membership


def test_deleting_an_account_erases_the_person_and_keeps_the_record_anonymous(acme):
    customer = acme.customer
    customer.set_password(PASSWORD)
    customer.save()
    prefer(customer, "sms", phone="+447400123456")
    welcome(acme, customer)
    endpoint_create(
        organisation=acme.organisation,
        actor=acme.organiser,
        url="https://crm.example.org/in",
        events_chosen=["member.left"],
    )
    client = client_for(customer)

    response = client.post("/me/privacy/", {"confirmation": "customer@acme.test"})

    assert "Your account is deleted" in response.content.decode()
    customer.refresh_from_db()
    assert (customer.email, customer.name, customer.is_active) == (
        f"erased-{customer.pk}@invalid",
        "",
        False,
    )
    assert customer.erased_at is not None
    assert authenticate(email="customer@acme.test", password=PASSWORD) is None
    assert not ContactPreferences.objects.filter(user=customer).exists()
    assert not EmailAddress.objects.filter(user=customer).exists()
    with scope(organisation=acme.organisation):
        assert not Membership.objects.filter(user=customer).exists()
        assert not Message.objects.filter(recipient=customer).exists()
        [event] = WebhookDelivery.objects.filter(event="member.left")
        assert event.payload["erased"] is True
        assert AuditEntry.objects.filter(action="member.erased").count() == 1
    assert client.get("/me/inbox/").status_code == 302  # signed out


def test_what_a_person_did_stays_with_an_anonymous_author(acme):
    services.membership_change_role(
        membership=acme.member(acme.partner), role="staff", actor=acme.organiser
    )
    services.membership_change_role(
        membership=acme.member(acme.staff), role="organiser", actor=acme.organiser
    )

    client_for(acme.organiser).post("/me/privacy/", {"confirmation": "organiser@acme.test"})

    with scope(organisation=acme.organisation):
        actors = set(
            AuditEntry.objects.filter(action="member.role_changed").values_list("actor", flat=True)
        )
    assert actors == {acme.organiser.pk}
    assert User.objects.get(pk=acme.organiser.pk).email.startswith("erased-")


def test_the_only_organiser_must_hand_over_first(acme):
    response = client_for(acme.organiser).post(
        "/me/privacy/", {"confirmation": "organiser@acme.test"}
    )

    assert "only organiser of Acme Events" in str(response.context["form"].errors)
    acme.organiser.refresh_from_db()
    assert acme.organiser.is_active


def test_a_wrong_confirmation_erases_nothing(acme):
    api = client_for(acme.customer).post(
        "/api/v1/me/erase", {"confirm": "someone@else.org"}, content_type="application/json"
    )

    assert api.status_code == 403
    assert api.json()["error"]["code"] == "not_confirmed"
    acme.customer.refresh_from_db()
    assert acme.customer.is_active
