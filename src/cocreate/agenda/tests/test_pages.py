"""The agenda's pages: sessions with interest buttons, the grid, the person's one plan of
the event and its calendar feed, the public schedule."""

import json

from django.test import Client
from django_scopes import scope
from icalendar import Calendar

from cocreate.agenda import selectors, services
from cocreate.agenda.tests.conftest import draft_of, plan
from cocreate.conftest import client_for


def publish(day, organiser):
    services.schedule_publish(schedule=draft_of(plan(day, organiser)), actor=organiser)


def test_interest_toggles_in_place(acme, day):
    client = client_for(acme.customer)
    url = f"/o/acme/agenda/{day.event.slug}/sessions/{day.ai.pk}/interest/"

    answer = client.post(url, {"weight": "like"}, headers={"HX-Request": "true"})

    assert answer.status_code == 200
    assert 'aria-pressed="true">Would like' in answer.content.decode()
    assert selectors.my_interest(day.event, acme.customer.pk)[day.ai.pk] == "like"
    client.post(url, {"weight": ""}, headers={"HX-Request": "true"})
    assert day.ai.pk not in selectors.my_interest(day.event, acme.customer.pk)


def test_sessions_on_my_interests(acme, day):
    membership = acme.member(acme.customer)
    membership.profile = {"interests": ["AI"]}
    membership.save()
    page = client_for(acme.customer).get(f"/o/acme/agenda/{day.event.slug}/sessions/?for=me")
    assert "Chatbots that hand over" in page.content.decode()
    assert "Measuring effort" not in page.content.decode()


def test_the_schedule_my_plan_and_the_public_page_show_the_published_version(acme, day):
    publish(day, acme.organiser)
    client = client_for(acme.customer)

    grid = client.get(f"/o/acme/agenda/{day.event.slug}/").content.decode()
    mine = client.get(f"/o/acme/agenda/{day.event.slug}/me/", follow=True)
    public = Client().get(f"/events/acme/{day.event.slug}/")

    assert "Big hall" in grid
    assert mine.redirect_chain[-1][0] == f"/o/acme/offerings/{day.event.slug}/plan/"
    assert "Journey maps people use" in mine.content.decode()
    assert "In Big hall" in mine.content.decode()
    assert "Chatbots that hand over" not in mine.content.decode()  # not wanted by this customer
    assert public.status_code == 200
    assert "Loyalty without points" in public.content.decode()


def test_the_public_page_shows_a_newly_published_version_at_once(acme, day):
    publish(day, acme.organiser)
    url = f"/events/acme/{day.event.slug}/"
    assert "Big hall" in Client().get(url).content.decode()  # now kept in the cache

    services.room_save(
        event=day.event, actor=acme.organiser, room=day.big, name="Main hall", capacity=50
    )
    publish(day, acme.organiser)
    page = Client().get(url).content.decode()

    assert "version 2" in page
    assert "Main hall" in page
    assert "Big hall" not in page


def test_no_public_page_before_anything_is_published(acme, day):
    assert Client().get(f"/events/acme/{day.event.slug}/").status_code == 404


def test_a_calendar_feed_follows_the_plan_through_its_secret_address(acme, day):
    publish(day, acme.organiser)
    client = client_for(acme.customer)
    client.post(f"/o/acme/offerings/{day.event.slug}/plan/feed/")
    page = client.get(f"/o/acme/offerings/{day.event.slug}/plan/").content.decode()
    address = page.split('class="token-reveal">')[1].split("<")[0].strip()
    path = address.split("://", 1)[1].split("/", 1)[1]

    feed = Client().get("/" + path)

    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == [
        "Journey maps people use (you host)",  # the customer proposed it
        "Measuring effort",
    ]
    assert {str(e["location"]) for e in events} <= {"Big hall", "Small room"}
    assert Client().get("/calendars/cal_wrong.ics").status_code == 404


def test_a_run_shows_its_progress_and_the_draft_can_be_published(acme, day):
    client = client_for(acme.organiser)
    client.post(f"/o/acme/agenda/{day.event.slug}/runs/", {"time_limit": "1"})
    with scope(organisation=acme.organisation):
        run = day.event.runs.get()
    progress = client.get(
        f"/o/acme/agenda/{day.event.slug}/runs/{run.pk}/", headers={"HX-Request": "true"}
    )
    assert 'hx-trigger="every 1s"' in progress.content.decode()  # queued: keeps asking

    services.run_execute(run.pk)
    page = client.get(f"/o/acme/agenda/{day.event.slug}/planning/").content.decode()
    assert "of wishes attendable" in page
    draft = draft_of(run)
    client.post(f"/o/acme/agenda/{day.event.slug}/schedules/{draft.pk}/publish/")
    draft.refresh_from_db()
    assert draft.version == 1


def test_the_api_proposes_shows_interest_and_reads_the_plan(acme, day):
    customer = client_for(acme.customer)
    base = f"/api/v1/orgs/acme/events/{day.event.slug}"
    created = customer.post(
        f"{base}/proposals",
        data=json.dumps({"title": "Service blueprints", "topics": ["Journey mapping"]}),
        content_type="application/json",
    )
    assert created.status_code == 201
    assert created.json()["status"] == "proposed"
    listed = customer.get(f"{base}/proposals")
    assert "Service blueprints" in [p["title"] for p in listed.json()]
    put = customer.put(
        f"{base}/proposals/{day.ai.pk}/interest",
        data=json.dumps({"weight": "must"}),
        content_type="application/json",
    )
    assert put.status_code == 204
    assert (
        customer.post(
            f"{base}/runs", data=json.dumps({}), content_type="application/json"
        ).status_code
        == 403
    )

    publish(day, acme.organiser)
    plan_ = customer.get(f"/api/v1/orgs/acme/offerings/{day.event.slug}/design").json()
    assert {(i["name"], i["weight"]) for i in plan_["items"]} == {
        ("Journey maps people use", "must"),
        ("Measuring effort", "must"),
        ("Chatbots that hand over", "must"),
    }
    assert all(i["location"] for i in plan_["items"])
    assert [h["name"] for h in plan_["hosting"]] == ["Journey maps people use"]


def test_my_proposals_lists_what_i_proposed_and_a_proposed_session_cannot_be_chosen_yet(acme, day):
    services.proposal_submit(event=day.event, proposer=acme.customer, title="Service safaris")
    client = client_for(acme.customer)

    mine = client.get(f"/o/acme/agenda/{day.event.slug}/sessions/?for=mine").content.decode()
    everything = client.get(f"/o/acme/agenda/{day.event.slug}/sessions/").content.decode()

    assert "Service safaris" in mine
    assert "Journey maps people use" in mine  # the customer proposed it too
    assert "Measuring effort" not in mine
    assert "You can choose it once the organisers accept it." in everything


def test_the_plan_says_when_a_chosen_session_is_while_one_hosts_another(acme, day):
    services.constraint_add(
        event=day.event,
        actor=acme.organiser,
        kind="pin",
        proposal=day.journeys,
        room=day.big,
        slot=day.slots[0],
    )
    services.constraint_add(
        event=day.event,
        actor=acme.organiser,
        kind="pin",
        proposal=day.loyalty,
        room=day.small,
        slot=day.slots[0],
    )
    publish(day, acme.organiser)
    # The partner hosts "Loyalty without points" and chose "Journey maps" at the same time.
    page = client_for(acme.partner).get(f"/o/acme/offerings/{day.event.slug}/plan/")

    assert "You host “Loyalty without points” at the same time." in page.content.decode()
