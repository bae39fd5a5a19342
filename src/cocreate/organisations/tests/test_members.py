import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from cocreate.conftest import client_for, make_user
from cocreate.organisations import services
from cocreate.organisations.models import Membership, Role


def test_organisers_and_staff_see_the_members_and_others_do_not(acme):
    seen = {
        role: client_for(getattr(acme, role)).get("/o/acme/members/").status_code
        for role in ("organiser", "staff", "partner", "customer")
    }

    assert seen == {"organiser": 200, "staff": 200, "partner": 403, "customer": 403}


def test_members_are_found_by_name_email_and_role(acme):
    client = client_for(acme.organiser)

    by_name = client.get("/o/acme/members/", {"q": "partner"}).context["page"]
    by_role = client.get("/o/acme/members/", {"role": "staff"}).context["page"]

    assert [m.user.email for m in by_name] == ["partner@acme.test"]
    assert [m.user.email for m in by_role] == ["staff@acme.test"]


def test_the_search_answers_htmx_with_the_table_alone(acme):
    response = client_for(acme.organiser).get(
        "/o/acme/members/", {"q": "staff"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert "<table" in html
    assert "<html" not in html


def test_an_organiser_changes_a_role(acme):
    membership = acme.member(acme.customer)

    client_for(acme.organiser).post(f"/o/acme/members/{membership.pk}/role/", {"role": "staff"})

    assert acme.member(acme.customer).role == Role.STAFF


def test_the_last_organiser_can_be_neither_demoted_nor_removed(acme):
    membership = acme.member(acme.organiser)
    client = client_for(acme.organiser)

    demoted = client.post(
        f"/o/acme/members/{membership.pk}/role/", {"role": "customer"}, follow=True
    )
    removed = client.post(f"/o/acme/members/{membership.pk}/remove/", follow=True)

    assert "at least one organiser" in demoted.content.decode()
    assert "at least one organiser" in removed.content.decode()
    assert acme.member(acme.organiser).role == Role.ORGANISER


def test_staff_see_a_members_profile_but_cannot_change_roles(acme):
    membership = acme.member(acme.customer)
    client = client_for(acme.staff)

    seen = client.get(f"/o/acme/members/{membership.pk}/")
    changed = client.post(f"/o/acme/members/{membership.pk}/role/", {"role": "organiser"})

    assert seen.status_code == 200
    assert "Change role" not in seen.content.decode()
    assert changed.status_code == 403
    assert acme.member(acme.customer).role == Role.CUSTOMER


def test_the_api_changes_roles_and_removes_members(acme):
    client = client_for(acme.organiser)
    membership = acme.member(acme.partner)

    changed = client.patch(
        f"/api/v1/orgs/acme/members/{membership.pk}",
        {"role": "organiser"},
        content_type="application/json",
    )
    removed = client.delete(f"/api/v1/orgs/acme/members/{acme.member(acme.customer).pk}")
    unknown_role = client.patch(
        f"/api/v1/orgs/acme/members/{membership.pk}",
        {"role": "emperor"},
        content_type="application/json",
    )

    assert changed.json()["role"] == "organiser"
    assert removed.status_code == 204
    assert unknown_role.status_code == 422
    assert list(unknown_role.json()["error"]["fields"]) == ["role"]


def grow(acme, count: int, start: int) -> None:
    """Add `count` customers and as many pending invitations."""
    for n in range(start, start + count):
        user = make_user(f"extra{n}@acme.test")
        with scope(organisation=acme.organisation):
            Membership.objects.create(organisation=acme.organisation, user=user)
        services.invitation_create(
            organisation=acme.organisation,
            invited_by=acme.organiser,
            email=f"invitee{n}@example.org",
            role=Role.CUSTOMER,
        )


@pytest.mark.parametrize(
    "url",
    [
        "/o/acme/members/",
        "/o/acme/invitations/",
        "/api/v1/orgs/acme/members",
        "/api/v1/orgs/acme/invitations",
    ],
)
def test_lists_take_the_same_queries_for_one_or_three_rows(acme, url):
    """One row more must not mean one query more (no N+1)."""
    client = client_for(acme.organiser)
    grow(acme, 1, start=0)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    grow(acme, 2, start=1)
    with CaptureQueriesContext(connection) as three:
        assert client.get(url).status_code == 200

    assert len(three) == len(one)


def test_the_overview_counts_people_by_role_for_those_who_see_members(acme):
    organiser_view = client_for(acme.organiser).get("/o/acme/").context
    customer_view = client_for(acme.customer).get("/o/acme/").context

    assert organiser_view["role_counts"] == {
        "organiser": 1,
        "staff": 1,
        "partner": 1,
        "customer": 1,
    }
    assert "role_counts" not in customer_view
