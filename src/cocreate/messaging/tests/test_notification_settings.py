import json
from datetime import time

import pytest

from cocreate.accounts.models import ContactPreferences
from cocreate.conftest import client_for

URL = "/me/notifications/"


def test_a_person_sets_quiet_hours_and_mutes_a_kind(acme):
    response = client_for(acme.customer).post(
        URL,
        {
            "quiet_start": "22:00",
            "quiet_end": "07:30",
            "time_zone": "Europe/Paris",
            "muted_kinds": ["role_changed"],
        },
    )

    assert response.status_code == 302
    preferences = ContactPreferences.objects.get(user=acme.customer)
    assert (preferences.quiet_start, preferences.quiet_end) == (time(22), time(7, 30))
    assert preferences.time_zone == "Europe/Paris"
    assert preferences.muted_kinds == ["role_changed"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"quiet_start": "22:00", "time_zone": "UTC"}, "quiet_end", "both ends"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice"),
        ({"time_zone": "UTC", "muted_kinds": ["digest"]}, "muted_kinds", "Select a valid choice"),
    ],
)
def test_bad_settings_are_form_errors_and_nothing_is_saved(acme, data, field, message):
    response = client_for(acme.customer).post(URL, data)

    assert message in str(response.context["form"].errors[field])
    assert not ContactPreferences.objects.filter(user=acme.customer).exists()


def test_the_api_refuses_what_cannot_be_muted_or_understood(acme):
    client = client_for(acme.customer)

    mandatory = client.put(
        "/api/v1/me/notifications", {"muted_kinds": ["digest"]}, content_type="application/json"
    )
    zone = client.put(
        "/api/v1/me/notifications", {"time_zone": "Nowhere"}, content_type="application/json"
    )
    good = client.put(
        "/api/v1/me/notifications",
        {"quiet_start": "21:00", "quiet_end": "08:00", "time_zone": "Asia/Tokyo"},
        content_type="application/json",
    )

    assert mandatory.json()["error"]["fields"] == {
        "muted_kinds": ["These cannot be turned off: digest."]
    }
    assert list(zone.json()["error"]["fields"]) == ["time_zone"]
    assert good.json()["quiet_start"] == "21:00:00"
    assert good.json()["webhook_secret"].startswith("whsec_")


def test_quiet_hours_with_a_time_zone_attached_are_refused_clearly(acme):
    response = client_for(acme.customer).put(
        "/api/v1/me/notifications",
        data=json.dumps(
            {
                "quiet_start": "22:00:00Z",
                "quiet_end": "07:00",
                "time_zone": "UTC",
                "muted_kinds": [],
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"]["quiet_start"] == [
        "Give a time of day (e.g. 22:00); the time zone is its own field."
    ]
