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


def test_the_export_holds_what_they_designed_proposed_and_chose(acme):
    from cocreate.agenda import services as agenda
    from cocreate.agenda.tests.conftest import build_event
    from cocreate.offerings import services as offerings
    from cocreate.offerings.tests.conftest import build_unconference

    u = build_unconference(acme)
    offerings.design_submit(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=[str(u.panel.pk), str(u.in_person.pk)],
        answers={str(u.topics.pk): "Loyalty"},
    )
    day = build_event(acme)
    agenda.interest_set(proposal=day.ai, user=acme.customer, weight="like")

    data = client_for(acme.customer).get("/api/v1/me/export").json()

    designs = {d["offering"]: d for d in data["designs"]}
    design = designs["CX Un-conference"]
    assert sorted(c["option"] for c in design["choices"]) == [
        "In person",
        "Panel: the future of CX",
    ]
    assert [v["number"] for v in design["versions"]] == [1]
    assert [p["title"] for p in data["sessions"]["proposed"]] == ["Journey maps people use"]
    # What they want to attend is their design of the event.
    assert {(c["option"], c["weight"]) for c in designs["CX Day"]["choices"]} == {
        ("Journey maps people use", "must"),
        ("Measuring effort", "must"),
        ("Chatbots that hand over", "like"),
    }
