"""Every 4xx from the API has one shape: {"error": {"code", "message", "fields"}}."""

import pytest
from django.test import Client
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.organisations.models import Invitation

INVITATIONS = "/api/v1/orgs/acme/invitations"


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    return body["error"]


def nothing_written(acme) -> bool:
    with scope(organisation=acme.organisation):
        return not Invitation.objects.exists()


def test_malformed_json_is_a_400(acme):
    response = client_for(acme.organiser).post(
        INVITATIONS, "{not json", content_type="application/json"
    )

    assert response.status_code == 400
    assert error_of(response)["message"] == "The request body is not valid JSON."
    assert nothing_written(acme)


def test_unknown_fields_are_named(acme):
    response = client_for(acme.organiser).post(
        INVITATIONS, {"email": "a@example.org", "colour": "red"}, content_type="application/json"
    )

    assert response.status_code == 422
    assert error_of(response)["fields"] == {"colour": ["This field is not known here."]}
    assert nothing_written(acme)


def test_wrong_types_and_missing_fields_are_named(acme):
    response = client_for(acme.organiser).post(
        INVITATIONS, {"role": ["staff"]}, content_type="application/json"
    )

    error = error_of(response)
    assert response.status_code == 422
    assert error["code"] == "validation_error"
    assert error["fields"]["email"] == ["This field is required."]
    assert "role" in error["fields"]
    assert nothing_written(acme)


def test_a_body_over_the_limit_is_a_413(acme, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client_for(acme.organiser).post(
        INVITATIONS,
        {"email": "a@example.org", "role": "staff", "pad": "x" * 2000},
        content_type="application/json",
    )

    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"
    assert nothing_written(acme)


def test_no_credentials_is_a_401():
    response = Client().get("/api/v1/me")

    assert response.status_code == 401
    assert error_of(response)["code"] == "not_authenticated"


def test_a_bad_token_is_a_401(db):
    response = Client().get("/api/v1/me", headers={"Authorization": "Bearer cc_forged"})

    assert response.status_code == 401


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("get", "/api/v1/nowhere", 404, "not_found"),
        ("put", "/api/v1/orgs", 405, "method_not_allowed"),
        ("get", "/api/v1/orgs/acme/members?page=0", 422, "validation_error"),
        ("get", "/api/v1/orgs/acme/members/not-a-number", 422, "validation_error"),
    ],
)
def test_other_refusals_share_the_shape(acme, method, path, status, code):
    response = getattr(client_for(acme.organiser), method)(path)

    assert response.status_code == status
    assert error_of(response)["code"] == code


def test_lists_are_paginated(acme):
    client = client_for(acme.organiser)

    first = client.get("/api/v1/orgs/acme/members", {"page_size": 3})
    second = client.get("/api/v1/orgs/acme/members", {"page_size": 3, "page": 2})

    assert first.json()["count"] == 4
    assert len(first.json()["items"]) == 3
    assert len(second.json()["items"]) == 1
