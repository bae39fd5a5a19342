import pytest
from django.core import mail

from cocreate.conftest import link_in, make_user


@pytest.mark.django_db
def test_a_forgotten_password_is_reset_through_an_emailed_link(client):
    make_user("ada@example.org", password="the-old-password-1")

    client.post("/accounts/password/reset/", {"email": "ada@example.org"})
    assert len(mail.outbox) == 1
    link = link_in(mail.outbox[0], "/accounts/password/reset/key/")
    form_page = client.get(link, follow=True)  # allauth moves the key into the session
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "a-brand-new-password-2", "password2": "a-brand-new-password-2"},
    )

    assert response.status_code == 302
    client.logout()
    client.post(
        "/accounts/login/", {"login": "ada@example.org", "password": "a-brand-new-password-2"}
    )
    assert client.get("/").context["user"].email == "ada@example.org"


@pytest.mark.django_db
def test_an_unknown_email_is_told_so(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert response.status_code == 200
    assert "not assigned to any user account" in str(response.context["form"].errors)
    assert mail.outbox == []
