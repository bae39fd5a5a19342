import pytest
from django.contrib.auth import get_user_model

from cocreate.conftest import client_for


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root@example.org", "a-long-admin-password")


@pytest.mark.parametrize(
    "page",
    [
        "/admin/organisations/membership/",
        "/admin/organisations/invitation/",
        "/admin/organisations/profilefield/",
        "/admin/accounts/user/",
    ],
)
def test_superusers_see_every_organisations_data_in_the_admin(superuser, acme, rival, page):
    response = client_for(superuser).get(page)

    assert response.status_code == 200


def test_the_admin_lists_members_of_all_organisations(superuser, acme, rival):
    response = client_for(superuser).get("/admin/organisations/membership/")

    assert response.context["cl"].result_count == 8


def test_organisers_are_not_let_into_the_admin(acme):
    response = client_for(acme.organiser).get("/admin/organisations/membership/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
