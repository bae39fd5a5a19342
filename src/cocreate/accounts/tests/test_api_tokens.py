import pytest
from django.test import Client

from cocreate.accounts.models import ApiToken
from cocreate.conftest import client_for, make_user


@pytest.fixture
def ada(db):
    return make_user("ada@example.org", "Ada")


def create_token(ada) -> str:
    response = client_for(ada).post("/me/tokens/", {"name": "CRM sync"})
    assert response.status_code == 200
    return response.context["created"]


def test_a_new_token_is_shown_once_and_stored_only_as_a_digest(ada):
    text = create_token(ada)

    token = ApiToken.objects.get(user=ada)
    assert text.startswith("cc_")
    assert len(text) > 40
    assert token.digest != text
    assert text not in token.digest
    assert token.prefix == text[:10]
    page = client_for(ada).get("/me/tokens/")
    assert text not in page.content.decode()
    assert token.prefix in page.content.decode()


def test_a_token_authenticates_the_api_as_its_owner(ada):
    text = create_token(ada)

    response = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {text}"})

    assert response.status_code == 200
    assert response.json()["email"] == "ada@example.org"
    assert ApiToken.objects.get(user=ada).last_used_at is not None


def test_a_revoked_token_stops_working(ada):
    text = create_token(ada)
    token = ApiToken.objects.get(user=ada)

    client_for(ada).post(f"/me/tokens/{token.pk}/revoke/")

    response = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {text}"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_a_token_of_an_inactive_person_does_not_work(ada):
    text = create_token(ada)
    ada.is_active = False
    ada.save()

    response = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {text}"})

    assert response.status_code == 401


def test_someone_elses_token_cannot_be_revoked(ada):
    create_token(ada)
    token = ApiToken.objects.get(user=ada)
    mallory = make_user("mallory@example.org")

    response = client_for(mallory).post(f"/me/tokens/{token.pk}/revoke/")

    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_tokens_are_created_and_revoked_through_the_api(ada):
    client = client_for(ada)

    created = client.post("/api/v1/me/tokens", {"name": "Script"}, content_type="application/json")
    listed = client.get("/api/v1/me/tokens")
    revoked = client.delete(f"/api/v1/me/tokens/{created.json()['id']}")

    assert created.status_code == 201
    assert created.json()["token"].startswith("cc_")
    assert [t["name"] for t in listed.json()["items"]] == ["Script"]
    assert "token" not in listed.json()["items"][0]
    assert revoked.status_code == 204
    assert not ApiToken.objects.exists()
