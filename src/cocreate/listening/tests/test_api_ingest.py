from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.listening.models import Feedback, Interaction, StaffPulse

URL = "/api/v1/orgs/acme/listening/"


def post(client, path, items):
    return client.post(URL + path, {"items": items}, content_type="application/json")


def item(**overrides):
    return {
        "touchpoint": "get help",
        "submitted_at": "2026-01-05T10:00:00+00:00",
        "csat": 4,
        **overrides,
    }


def count(org, model):
    with scope(organisation=org.organisation):
        return model.objects.count()


def test_feedback_arrives_in_a_batch_and_a_repeat_is_kept_once(journey):
    client = client_for(journey.org.organiser)
    batch = [item(external_id="a"), item(external_id="b", nps=10, text="Great")]

    first = post(client, "feedback", batch)
    again = post(client, "feedback", batch)

    assert first.status_code == 201
    assert first.json() == {"created": 2, "duplicates": 0}
    assert again.json() == {"created": 0, "duplicates": 2}
    assert count(journey.org, Feedback) == 2


def test_one_bad_item_refuses_the_batch_and_names_each_problem(journey):
    client = client_for(journey.org.organiser)
    response = post(
        client,
        "feedback",
        [
            item(),
            item(nps=11),
            item(submitted_at="2999-01-01T00:00:00+00:00"),
            item(touchpoint="Backstage"),
            item(csat=None),
        ],
    )

    fields = response.json()["error"]["fields"]
    assert response.status_code == 422
    assert fields["items.1"] == ["NPS must be a whole number from 0 to 10, not 11."]
    assert fields["items.2"] == ["The date 2999-01-01 00:00 is in the future."]
    assert fields["items.3"][0].startswith("There is no touchpoint called “Backstage”")
    assert fields["items.4"] == ["There is nothing to keep: no text and no score."]
    assert count(journey.org, Feedback) == 0


def test_interactions_and_pulses_come_from_other_systems(journey):
    org = journey.org
    client = client_for(org.organiser)

    interactions = post(
        client,
        "interactions",
        [
            {
                "staff": org.staff.email,
                "customer": org.customer.email,
                "touchpoint": "get help",
                "occurred_at": "2026-01-05T09:00:00+00:00",
                "external_id": "t-1",
            }
        ],
    )
    pulses = post(
        client,
        "staff-pulses",
        [
            {
                "staff": org.staff.email,
                "submitted_at": "2026-01-05T09:00:00+00:00",
                "satisfaction": 4,
                "enps": 9,
            }
        ],
    )
    refused = post(
        client,
        "staff-pulses",
        [
            {
                "staff": org.customer.email,
                "submitted_at": "2026-01-05T09:00:00+00:00",
                "satisfaction": 4,
            }
        ],
    )

    assert (interactions.status_code, pulses.status_code) == (201, 201)
    assert refused.json()["error"]["fields"]["items.0"] == [
        "The staff email customer@acme.test belongs to a customer, not to staff."
    ]
    assert (count(org, Interaction), count(org, StaffPulse)) == (1, 1)


def test_staff_record_their_own_pulse_and_whom_they_served(journey):
    org = journey.org
    client = client_for(org.staff)

    pulse = client.post(
        URL + "staff-pulses/mine", {"satisfaction": 5}, content_type="application/json"
    )
    served = client.post(
        URL + "interactions/mine",
        {"customer": org.customer.email, "touchpoint": "Get Help"},
        content_type="application/json",
    )

    assert pulse.status_code == 201
    assert pulse.json()["satisfaction"] == 5
    assert served.status_code == 201
    assert served.json()["staff"] == org.staff.email


def test_customers_cannot_send_feedback_in_bulk(journey):
    response = post(client_for(journey.org.customer), "feedback", [item()])

    assert response.status_code == 403
