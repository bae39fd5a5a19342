"""The offerings API: organisers build, customers validate and PUT their design."""

import json

from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.offerings.models import Design, Option


def call(client, method, url, body=None):
    kwargs = {"data": json.dumps(body), "content_type": "application/json"} if body else {}
    return getattr(client, method)(f"/api/v1/orgs/acme{url}", **kwargs)


def test_an_organiser_builds_and_opens_an_offering_through_the_api(acme):
    client = client_for(acme.organiser)
    created = call(client, "post", "/offerings", {"name": "Roadside help", "budget": "300"})
    assert created.status_code == 201
    assert created.json()["status"] == "draft"
    step = call(client, "post", "/offerings/roadside-help/steps", {"name": "Cover", "min_picks": 1})
    option = call(
        client,
        "post",
        f"/offerings/roadside-help/steps/{step.json()['id']}/options",
        {"name": "Europe-wide", "cost": "120.00", "capacity": 50, "partner": "RescueCo"},
    )
    assert option.status_code == 201
    assert option.json()["partner"] == "RescueCo"

    opened = call(client, "post", "/offerings/roadside-help/status", {"to": "open"})

    assert opened.json()["status"] == "open"
    detail = call(client, "get", "/offerings/roadside-help").json()
    assert [s["name"] for s in detail["steps"]] == ["Cover"]
    assert detail["steps"][0]["options"][0]["seats_left"] == 50
    assert detail["problems"] == []


def test_validate_explains_and_repairs_without_saving(acme, unconference):
    u = unconference
    client = client_for(acme.customer)

    answer = call(
        client,
        "post",
        f"/offerings/{u.offering.slug}/validate",
        {"options": [u.workshop.pk, u.live_stream.pk]},
    )

    body = answer.json()
    assert answer.status_code == 200
    assert body["ok"] is False
    assert [v["code"] for v in body["violations"]] == ["requires"]
    assert body["repairs"][0]["added"] == [u.in_person.pk]
    assert body["repairs"][0]["removed"] == [u.live_stream.pk]
    with scope(organisation=acme.organisation):
        assert not Design.objects.exists()


def test_put_design_is_idempotent_and_returns_the_plan(acme, unconference):
    u = unconference
    client = client_for(acme.customer)
    design = {"options": [u.keynote.pk, u.in_person.pk], "answers": {str(u.topics.pk): "Loyalty"}}

    first = call(client, "put", f"/offerings/{u.offering.slug}/design", design)
    second = call(client, "put", f"/offerings/{u.offering.slug}/design", design)

    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert first.json()["version"] == 1
    assert [(i["name"], i["status"]) for i in first.json()["items"]] == [
        ("Keynote", "confirmed"),
        ("In person", "confirmed"),
    ]
    assert first.json()["answers"] == {str(u.topics.pk): "Loyalty"}
    with scope(organisation=acme.organisation):
        assert Option.objects.get(pk=u.keynote.pk).seats_taken == 1


def test_bad_designs_get_a_readable_4xx(acme, unconference):
    u = unconference
    client = client_for(acme.customer)
    url = f"/offerings/{u.offering.slug}/design"

    unknown = call(client, "put", url, {"options": [123456]})
    assert unknown.status_code == 422
    assert unknown.json()["error"]["message"] == "Not options of 'CX Un-conference': 123456."

    broken = call(client, "put", url, {"options": [u.workshop.pk, u.live_stream.pk]})
    assert broken.status_code == 422
    assert broken.json()["error"]["code"] == "design_invalid"

    extra = call(client, "put", url, {"options": [u.panel.pk], "colour": "red"})
    assert extra.status_code == 422

    answers = call(
        client, "put", url, {"options": [u.panel.pk, u.in_person.pk], "answers": {"1": "x"}}
    )
    assert answers.status_code == 422
    assert "Not open-answer steps" in answers.json()["error"]["message"]


def test_a_design_for_a_locked_offering_is_a_conflict(acme, unconference):
    u = unconference
    call(
        client_for(acme.organiser), "post", f"/offerings/{u.offering.slug}/status", {"to": "locked"}
    )

    response = call(
        client_for(acme.customer),
        "put",
        f"/offerings/{u.offering.slug}/design",
        {"options": [u.panel.pk, u.in_person.pk]},
    )

    assert response.status_code == 409
    assert "is locked" in response.json()["error"]["message"]


def test_negative_capacity_through_the_api_is_refused(acme, unconference):
    response = call(
        client_for(acme.organiser),
        "post",
        f"/offerings/{unconference.offering.slug}/steps/{unconference.sessions.pk}/options",
        {"name": "Oops", "capacity": -5},
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"]["capacity"] == ["It cannot be negative."]


def test_the_calendar_and_the_demand_are_in_the_api(acme, unconference):
    u = unconference
    customer = client_for(acme.customer)
    call(
        customer,
        "put",
        f"/offerings/{u.offering.slug}/design",
        {"options": [u.keynote.pk, u.in_person.pk]},
    )

    ics = call(customer, "get", f"/offerings/{u.offering.slug}/design.ics")
    assert ics["Content-Type"] == "text/calendar"
    assert b"SUMMARY:Keynote" in ics.content

    demand = call(client_for(acme.staff), "get", f"/offerings/{u.offering.slug}/demand").json()
    keynote = next(row for row in demand if row["name"] == "Keynote")
    assert (keynote["confirmed"], keynote["waitlisted"], keynote["capacity"]) == (1, 0, 1)
    assert call(customer, "get", f"/offerings/{u.offering.slug}/demand").status_code == 403
