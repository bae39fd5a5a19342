import pytest
from django_scopes import scope

from cocreate.conftest import client_for, make_user
from cocreate.organisations.models import Membership, Role


@pytest.fixture
def sam(db):
    return make_user("sam@example.org", "Sam")


def test_a_person_joins_an_open_organisation_as_a_customer_and_is_asked_for_a_profile(sam, acme):
    response = client_for(sam).post("/join/acme/")

    assert response.status_code == 302
    assert response["Location"] == "/o/acme/profile/"
    with scope(organisation=acme.organisation):
        assert Membership.objects.get(user=sam).role == Role.CUSTOMER


def test_an_invitation_only_organisation_is_neither_listed_nor_joinable(sam, acme, rival):
    client = client_for(sam)

    listed = client.get("/join/").context["joinable"]
    response = client.post("/join/rival/")

    assert [o.slug for o in listed] == ["acme"]
    assert response.status_code == 404
    with scope(organisation=rival.organisation):
        assert not Membership.objects.filter(user=sam).exists()


def test_joining_twice_says_so_and_changes_nothing(acme):
    client = client_for(acme.staff)

    response = client.post("/join/acme/", follow=True)

    assert "already a member" in response.content.decode()
    assert acme.member(acme.staff).role == Role.STAFF


def test_the_api_joins_and_lists_joinable_organisations(sam, acme, rival):
    client = client_for(sam)

    joinable = client.get("/api/v1/orgs/joinable").json()
    joined = client.post("/api/v1/orgs/acme/join")
    closed = client.post("/api/v1/orgs/rival/join")

    assert [o["slug"] for o in joinable["items"]] == ["acme"]
    assert joined.status_code == 201
    assert joined.json()["role"] == "customer"
    assert closed.status_code == 404


def test_a_member_leaves_but_the_last_organiser_cannot(acme):
    left = client_for(acme.customer).post("/o/acme/leave/")
    stayed = client_for(acme.organiser).post("/o/acme/leave/", follow=True)

    assert left.status_code == 302
    with scope(organisation=acme.organisation):
        assert not Membership.objects.filter(user=acme.customer).exists()
        assert Membership.objects.filter(user=acme.organiser).exists()
    assert "at least one organiser" in stayed.content.decode()
