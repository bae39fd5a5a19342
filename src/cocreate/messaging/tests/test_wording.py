from django.core import mail

from cocreate.conftest import client_for
from cocreate.messaging.delivery import deliver_due
from cocreate.messaging.tests.test_notify import welcome

URL = "/o/acme/messages/wording/welcome/"


def test_an_organisation_writes_its_own_wording(acme):
    client_for(acme.organiser).post(
        URL,
        {
            "subject": "Hi {{ recipient }}, welcome to the {{ organisation }} family",
            "text": "",
            "body": "",
        },
    )
    welcome(acme, acme.customer)
    deliver_due()

    assert mail.outbox[0].subject == "Hi Acme Events customer, welcome to the Acme Events family"
    assert "You joined as customer." in mail.outbox[0].body  # Cocreate's body stays


def test_oversized_or_broken_wording_is_refused_and_nothing_changes(acme):
    client = client_for(acme.organiser)

    too_long = client.post(URL, {"subject": "x" * 201, "text": "", "body": ""})
    broken = client.post(URL, {"subject": "", "text": "", "body": "{% if %}"})
    api = client.put(
        "/api/v1/orgs/acme/wording/welcome",
        {"body": "b" * 10_001},
        content_type="application/json",
    )

    assert "at most 200 characters" in str(too_long.context["form"].errors["subject"])
    assert "does not work" in str(broken.context["form"].errors["body"])
    assert api.status_code == 422
    assert list(api.json()["error"]["fields"]) == ["body"]
    listed = client.get("/api/v1/orgs/acme/wording").json()
    assert [w["own"] for w in listed] == [False] * len(listed)


def test_an_unknown_kind_is_not_found(acme):
    response = client_for(acme.organiser).put(
        "/api/v1/orgs/acme/wording/birthday", {"subject": "x"}, content_type="application/json"
    )

    assert response.status_code == 404
