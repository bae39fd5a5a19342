from django.test import Client

from cocreate.conftest import client_for
from cocreate.messaging.tests.test_notify import prefer, welcome


def test_the_inbox_shows_every_message_and_the_header_counts_the_unread(acme):
    welcome(acme, acme.customer)
    prefer(acme.customer, "in_app")
    welcome(acme, acme.customer)
    client = client_for(acme.customer)

    page = client.get("/me/inbox/")

    assert len(page.context["page"]) == 2
    assert page.context["unread_messages"] == 2
    assert "Inbox <span" in page.content.decode()


def test_a_message_is_marked_read_in_place(acme):
    message = welcome(acme, acme.customer)
    client = client_for(acme.customer)

    response = client.post(f"/me/inbox/{message.pk}/read/", headers={"HX-Request": "true"})

    assert "<html" not in response.content.decode()
    assert 'class="inbox-message"' in response.content.decode()
    assert client.get("/me/inbox/").context["unread_messages"] == 0


def test_muted_messages_are_not_in_the_inbox(acme):
    prefer(acme.customer, "email", muted_kinds=["welcome"])
    welcome(acme, acme.customer)

    assert len(client_for(acme.customer).get("/me/inbox/").context["page"]) == 0


def test_nobody_reads_someone_elses_message(acme):
    message = welcome(acme, acme.customer)

    response = client_for(acme.staff).post(f"/me/inbox/{message.pk}/read/")

    assert response.status_code == 404
    message.refresh_from_db()
    assert message.read_at is None


def test_the_api_lists_the_inbox_and_marks_messages_read(acme):
    first = welcome(acme, acme.customer)
    welcome(acme, acme.customer)
    client = client_for(acme.customer)

    unread = client.get("/api/v1/me/inbox", {"unread": "true"}).json()
    marked = client.post(
        "/api/v1/me/inbox/read", {"ids": [first.pk]}, content_type="application/json"
    ).json()
    still_unread = client.get("/api/v1/me/inbox", {"unread": "true"}).json()
    all_marked = client.post("/api/v1/me/inbox/read", {}, content_type="application/json").json()

    assert unread["count"] == 2
    assert unread["items"][0]["organisation"] == "acme"
    assert marked == {"marked": 1}
    assert still_unread["count"] == 1
    assert all_marked == {"marked": 1}


def test_strangers_have_no_inbox():
    assert Client().get("/api/v1/me/inbox").status_code == 401
