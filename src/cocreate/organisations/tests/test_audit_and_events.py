from django.core import mail
from django_scopes import scope

from cocreate.conftest import client_for, make_user
from cocreate.messaging.delivery import deliver_due
from cocreate.messaging.models import Message, WebhookDelivery
from cocreate.messaging.services import endpoint_create
from cocreate.organisations.models import AuditEntry


def entries(org) -> list[tuple[str, str, str]]:
    with scope(organisation=org.organisation):
        return [
            (str(e.actor), e.action, e.target)
            for e in AuditEntry.objects.order_by("created_at", "id")
        ]


def test_a_role_change_is_audited_announced_and_emitted(acme):
    endpoint_create(
        organisation=acme.organisation,
        actor=acme.organiser,
        url="https://crm.example.org/in",
        events_chosen=["member.role_changed"],
    )
    membership = acme.member(acme.customer)

    client_for(acme.organiser).post(f"/o/acme/members/{membership.pk}/role/", {"role": "staff"})

    assert entries(acme)[-1] == (
        "Acme Events organiser",
        "member.role_changed",
        "Acme Events customer",
    )
    with scope(organisation=acme.organisation):
        message = Message.objects.get(kind="role_changed")
        event = WebhookDelivery.objects.get()
    assert message.recipient == acme.customer
    assert message.subject == "You are now staff in Acme Events"
    assert event.payload["old_role"] == "customer"


def test_a_newcomer_is_welcomed_and_the_inviter_hears_they_joined(
    acme, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(acme.organiser).post(
            "/o/acme/invitations/", {"email": "sam@example.org", "role": "partner"}
        )
    token = mail.outbox[-1].body.split("/invitations/")[1].split("/")[0]
    sam = make_user("sam@example.org", "Sam")

    client_for(sam).post(f"/invitations/{token}/")
    deliver_due()

    subjects = {(m.to[0], m.subject) for m in mail.outbox[1:]}
    assert subjects == {
        ("sam@example.org", "Welcome to Acme Events"),
        ("organiser@acme.test", "Sam joined Acme Events"),
    }


def test_organisers_read_the_audit_log_and_others_cannot(acme):
    client_for(acme.organiser).post(
        "/o/acme/settings/", {"name": "Acme Live", "description": "", "allow_self_join": "on"}
    )

    page = client_for(acme.organiser).get("/o/acme/audit/")
    api = client_for(acme.organiser).get("/api/v1/orgs/acme/audit").json()

    assert [e.action for e in page.context["page"]][:2] == [
        "organisation.updated",
        "organisation.created",
    ]
    assert api["items"][0]["details"] == {"changed": ["name"]}
    assert client_for(acme.staff).get("/o/acme/audit/").status_code == 403
