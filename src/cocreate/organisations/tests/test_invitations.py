from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_scopes import scope

from cocreate.conftest import client_for, link_in, make_user
from cocreate.organisations.models import Invitation, Membership, Role

INVITE = "/o/acme/invitations/"


def invite(acme, django_capture_on_commit_callbacks, email="sam@example.org", role="staff"):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(acme.organiser).post(INVITE, {"email": email, "role": role})
    assert response.status_code == 302, response.context["form"].errors
    return link_in(mail.outbox[-1], "/invitations/")


@pytest.fixture
def sam(db):
    return make_user("sam@example.org", "Sam")


def test_an_invitation_emails_a_link_naming_the_organisation_and_role(
    acme, django_capture_on_commit_callbacks
):
    invite(acme, django_capture_on_commit_callbacks)

    assert mail.outbox[-1].to == ["sam@example.org"]
    assert mail.outbox[-1].subject == "[Cocreate] Acme Events invites you to join as staff"


def test_the_invitee_accepts_and_joins_with_the_preset_role(
    acme, sam, django_capture_on_commit_callbacks
):
    link = invite(acme, django_capture_on_commit_callbacks)

    response = client_for(sam).post(link)

    assert response.status_code == 302
    assert response["Location"] == "/o/acme/profile/"
    assert acme.member(sam).role == Role.STAFF


def test_a_link_works_once(acme, sam, django_capture_on_commit_callbacks):
    link = invite(acme, django_capture_on_commit_callbacks)
    client = client_for(sam)
    client.post(link)

    again = client.get(link)

    assert again.status_code == 410
    assert "used already" in again.content.decode()


def test_an_expired_link_is_refused(acme, sam, django_capture_on_commit_callbacks):
    link = invite(acme, django_capture_on_commit_callbacks)
    with scope(organisation=acme.organisation):
        Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    response = client_for(sam).post(link)

    assert response.status_code == 410
    assert "expired" in response.content.decode()
    with scope(organisation=acme.organisation):
        assert not Membership.objects.filter(user=sam).exists()


def test_a_revoked_or_replaced_link_is_not_found(acme, sam, django_capture_on_commit_callbacks):
    link = invite(acme, django_capture_on_commit_callbacks)
    with scope(organisation=acme.organisation):
        invitation = Invitation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(acme.organiser).post(f"{INVITE}{invitation.pk}/resend/")
    new_link = link_in(mail.outbox[-1], "/invitations/")

    old = client_for(sam).post(link)
    client_for(acme.organiser).post(f"{INVITE}{invitation.pk}/revoke/")
    revoked = client_for(sam).post(new_link)

    assert new_link != link
    assert (old.status_code, revoked.status_code) == (404, 404)
    with scope(organisation=acme.organisation):
        assert not Membership.objects.filter(user=sam).exists()


def test_someone_signed_in_with_another_email_cannot_accept(
    acme, django_capture_on_commit_callbacks
):
    link = invite(acme, django_capture_on_commit_callbacks)
    mallory = make_user("mallory@example.org")

    response = client_for(mallory).post(link)

    assert "sent to sam@example.org" in response.content.decode()
    with scope(organisation=acme.organisation):
        assert not Membership.objects.filter(user=mallory).exists()
        assert Invitation.objects.get().accepted_at is None


def test_an_anonymous_visitor_is_asked_to_sign_in_or_up(acme, django_capture_on_commit_callbacks):
    link = invite(acme, django_capture_on_commit_callbacks)

    response = Client().get(link)

    assert response.status_code == 200
    assert f"/accounts/signup/?next={link}" in response.content.decode().replace("%2F", "/")


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("staff@acme.test", "already a member"),
        ("not-an-email", "valid email address"),
    ],
)
def test_members_and_malformed_addresses_are_refused(acme, email, message):
    response = client_for(acme.organiser).post(INVITE, {"email": email, "role": "customer"})

    assert message in str(response.context["form"].errors["email"])
    with scope(organisation=acme.organisation):
        assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_a_second_pending_invitation_for_the_same_person_is_refused(
    acme, django_capture_on_commit_callbacks
):
    invite(acme, django_capture_on_commit_callbacks)

    response = client_for(acme.organiser).post(
        INVITE, {"email": "SAM@example.org", "role": "staff"}
    )

    assert "pending invitation" in str(response.context["form"].errors["email"])
    with scope(organisation=acme.organisation):
        assert Invitation.objects.count() == 1


def test_the_api_invites_lists_and_accepts(acme, sam, django_capture_on_commit_callbacks):
    organiser = client_for(acme.organiser)
    with django_capture_on_commit_callbacks(execute=True):
        created = organiser.post(
            "/api/v1/orgs/acme/invitations",
            {"email": "sam@example.org", "role": "partner"},
            content_type="application/json",
        )
    token = link_in(mail.outbox[-1], "/invitations/").split("/")[2]
    listed = organiser.get("/api/v1/orgs/acme/invitations")
    accepted = client_for(sam).post(
        "/api/v1/invitations/accept", {"token": token}, content_type="application/json"
    )
    reused = client_for(sam).post(
        "/api/v1/invitations/accept", {"token": token}, content_type="application/json"
    )

    assert created.status_code == 201
    assert [i["email"] for i in listed.json()["items"]] == ["sam@example.org"]
    assert accepted.status_code == 201
    assert accepted.json()["role"] == "partner"
    assert reused.status_code == 410
    assert reused.json()["error"]["code"] == "invitation_used"
