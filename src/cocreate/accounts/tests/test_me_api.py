import pytest

from cocreate.conftest import client_for, make_user


@pytest.fixture
def ada(db):
    return make_user("ada@example.org", "Ada")


def test_it_reads_and_updates_the_callers_account(ada):
    client = client_for(ada)

    updated = client.put(
        "/api/v1/me",
        {
            "name": "Ada L.",
            "preferred_channel": "webhook",
            "webhook_url": "https://ada.example/hook",
        },
        content_type="application/json",
    )
    read = client.get("/api/v1/me")

    assert updated.status_code == 200
    assert read.json() == {
        "id": ada.pk,
        "email": "ada@example.org",
        "name": "Ada L.",
        "contact": {
            "preferred_channel": "webhook",
            "phone": "",
            "social_network": "",
            "social_handle": "",
            "webhook_url": "https://ada.example/hook",
        },
    }


def test_a_missing_address_for_the_chosen_channel_is_a_422_naming_the_field(ada):
    response = client_for(ada).put(
        "/api/v1/me", {"name": "Ada", "preferred_channel": "sms"}, content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "phone": ["Needed to reach you on the channel you prefer."]
    }
    ada.refresh_from_db()
    assert ada.name == "Ada"


def test_session_writes_need_the_csrf_token(ada):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(ada)

    response = client.put(
        "/api/v1/me", {"name": "X", "preferred_channel": "email"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
