import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from cocreate.accounts.models import User
from cocreate.conftest import link_in, make_user

SIGNUP = "/accounts/signup/"
GOOD = {"name": "Ada Lovelace", "email": "ada@example.org", "password1": "engine-notes-1843"}


@pytest.mark.django_db
def test_it_creates_an_unverified_account_and_emails_a_confirmation_link(client):
    response = client.post(SIGNUP, GOOD)

    assert response.status_code == 302
    user = User.objects.get(email="ada@example.org")
    assert user.name == "Ada Lovelace"
    assert EmailAddress.objects.get(user=user).verified is False
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


@pytest.mark.django_db
def test_it_signs_in_once_the_email_is_confirmed(client):
    client.post(SIGNUP, GOOD)
    link = link_in(mail.outbox[0], "/accounts/confirm-email/")

    response = client.post(link)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ada@example.org").verified is True
    assert client.get("/").context["user"].email == "ada@example.org"


@pytest.mark.django_db
def test_it_refuses_to_sign_in_before_the_email_is_confirmed(client):
    client.post(SIGNUP, GOOD)
    client.logout()

    response = client.post(
        "/accounts/login/", {"login": "ada@example.org", "password": GOOD["password1"]}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert client.get("/").context["user"].is_authenticated is False


@pytest.mark.django_db
def test_it_hashes_passwords_with_argon2(client):
    client.post(SIGNUP, GOOD)

    user = User.objects.get(email="ada@example.org")
    assert user.password.startswith("argon2$")
    assert GOOD["password1"] not in user.password


@pytest.mark.django_db
def test_a_taken_email_is_a_form_error_and_creates_nothing(client):
    make_user("ada@example.org")

    response = client.post(SIGNUP, {**GOOD, "email": "ADA@example.org"})

    assert response.status_code == 200
    assert "already registered" in str(response.context["form"].errors["email"])
    assert User.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short1", "at least 10 characters"),
        ("password123", "too common"),
        ("8472916350", "entirely numeric"),
        ("ada.example.org", "too similar"),
    ],
)
def test_a_weak_password_is_a_form_error_and_creates_nothing(client, password, reason):
    response = client.post(SIGNUP, {**GOOD, "password1": password})

    assert response.status_code == 200
    assert reason in str(response.context["form"].errors["password1"])
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_name_is_required(client):
    response = client.post(SIGNUP, {**GOOD, "name": ""})

    assert "name" in response.context["form"].errors
    assert User.objects.count() == 0
