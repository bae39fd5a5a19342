import pytest

from cocreate.conftest import PASSWORD, make_user

LOGIN = "/accounts/login/"


@pytest.fixture
def ada(db):
    return make_user("ada@example.org", password=PASSWORD)


def test_it_signs_in_with_email_and_password(client, ada):
    response = client.post(LOGIN, {"login": "ada@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert client.get("/").context["user"] == ada


def test_a_wrong_password_is_refused_with_a_message(client, ada):
    response = client.post(LOGIN, {"login": "ada@example.org", "password": "not-it-at-all"})

    assert response.status_code == 200
    assert "not correct" in str(response.context["form"].errors)


def test_it_throttles_sign_in_after_five_failures_even_with_the_right_password(client, ada):
    for _ in range(5):
        client.post(LOGIN, {"login": "ada@example.org", "password": "not-it-at-all"})

    response = client.post(LOGIN, {"login": "ada@example.org", "password": PASSWORD})

    assert response.status_code == 200
    assert "Too many failed login attempts" in str(response.context["form"].errors)
    assert client.get("/").context["user"].is_authenticated is False


def test_signing_out_ends_the_session(client, ada):
    client.force_login(ada)

    client.post("/accounts/logout/")

    assert client.get("/").context["user"].is_authenticated is False
