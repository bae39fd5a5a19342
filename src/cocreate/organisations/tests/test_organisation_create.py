import pytest
from django_scopes import scope

from cocreate.conftest import client_for, make_user
from cocreate.organisations.models import Membership, Organisation, Role


@pytest.fixture
def ada(db):
    return make_user("ada@example.org", "Ada")


def test_the_creator_becomes_its_first_organiser(ada):
    response = client_for(ada).post(
        "/organisations/new/", {"name": "Harbour Café", "slug": "harbour-cafe"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/o/harbour-cafe/"
    organisation = Organisation.objects.get(slug="harbour-cafe")
    with scope(organisation=organisation):
        assert list(Membership.objects.values_list("user__email", "role")) == [
            ("ada@example.org", Role.ORGANISER)
        ]


@pytest.mark.parametrize(
    ("slug", "message"),
    [("acme", "already uses this address"), ("join", "reserved"), ("no spaces", "valid")],
)
def test_a_taken_reserved_or_malformed_address_is_a_form_error(ada, acme, slug, message):
    response = client_for(ada).post("/organisations/new/", {"name": "Mine", "slug": slug})

    assert response.status_code == 200
    assert message in str(response.context["form"].errors)
    assert Organisation.objects.count() == 1


def test_the_api_creates_an_organisation_and_lists_it_with_the_callers_role(ada):
    client = client_for(ada)

    created = client.post(
        "/api/v1/orgs",
        {"name": "Harbour Café", "slug": "harbour-cafe", "allow_self_join": True},
        content_type="application/json",
    )
    listed = client.get("/api/v1/orgs")

    assert created.status_code == 201
    assert listed.json() == {
        "items": [
            {
                "slug": "harbour-cafe",
                "name": "Harbour Café",
                "description": "",
                "allow_self_join": True,
                "role": "organiser",
            }
        ],
        "count": 1,
    }


def test_the_api_answers_a_taken_address_with_409(ada, acme):
    response = client_for(ada).post(
        "/api/v1/orgs", {"name": "Other", "slug": "acme"}, content_type="application/json"
    )

    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "conflict",
        "message": "An organisation already uses this address.",
        "fields": {"slug": ["An organisation already uses this address."]},
    }


def test_organisers_change_the_settings(acme):
    response = client_for(acme.organiser).post(
        "/o/acme/settings/", {"name": "Acme Live", "description": "Events", "allow_self_join": ""}
    )

    assert response.status_code == 302
    acme.organisation.refresh_from_db()
    assert (acme.organisation.name, acme.organisation.allow_self_join) == ("Acme Live", False)


def test_the_api_patches_only_the_fields_sent(acme):
    response = client_for(acme.organiser).patch(
        "/api/v1/orgs/acme", {"description": "Live events"}, content_type="application/json"
    )

    assert response.status_code == 200
    assert response.json() == {
        "slug": "acme",
        "name": "Acme Events",
        "description": "Live events",
        "allow_self_join": True,
    }
