import json

from cocreate.accounts.services import account_update
from cocreate.conftest import client_for
from cocreate.messaging.tests.test_notify import welcome
from cocreate.organisations import services


def test_a_person_downloads_everything_held_about_them(acme):
    account_update(user=acme.customer, name="Cara", preferred_channel="sms", phone="+447400123456")
    services.profile_field_create(
        organisation=acme.organisation, actor=acme.organiser, key="job", label="Job", kind="text"
    )
    services.profile_update(membership=acme.member(acme.customer), answers={"job": "Chef"})
    welcome(acme, acme.customer)

    response = client_for(acme.customer).get("/me/privacy/export/")

    assert response["Content-Disposition"] == 'attachment; filename="cocreate-my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "customer@acme.test"
    assert data["contact_preferences"]["phone"] == "+447400123456"
    assert data["memberships"] == [
        {
            "organisation": "Acme Events",
            "role": "customer",
            "joined": data["memberships"][0]["joined"],
            "profile": {"job": "Chef"},
        }
    ]
    assert [m["subject"] for m in data["messages"]] == ["Welcome to Acme Events"]


def test_the_export_holds_nobody_elses_data(acme, rival):
    welcome(rival, rival.customer)

    data = client_for(acme.customer).get("/api/v1/me/export").json()

    assert data["messages"] == []
    assert [m["organisation"] for m in data["memberships"]] == ["Acme Events"]
