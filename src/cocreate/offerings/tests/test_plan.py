"""The personal plan: a page, printable, and a calendar file for its timed options."""

from icalendar import Calendar

from cocreate.conftest import client_for
from cocreate.offerings import services


def test_the_plan_is_a_valid_calendar_with_one_event_per_timed_choice(acme, unconference):
    u = unconference
    services.design_submit(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=[str(u.workshop.pk), str(u.keynote.pk), str(u.in_person.pk)],
        answers={},
    )

    response = client_for(acme.customer).get(f"/o/acme/offerings/{u.offering.slug}/plan.ics")

    assert response["Content-Type"] == "text/calendar"
    calendar = Calendar.from_ical(response.content)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [str(e["summary"]) for e in events] == ["Design thinking workshop", "Keynote"]
    assert [e.decoded("dtstart").hour for e in events] == [10, 14]
    assert all(str(e["status"]) == "CONFIRMED" for e in events)
    assert len({str(e["uid"]) for e in events}) == 2
    assert str(calendar["version"]) == "2.0"
    assert calendar["prodid"]


def test_a_waitlisted_choice_is_tentative_in_the_calendar(acme, unconference):
    u = unconference
    services.design_submit(
        offering=u.offering,
        membership=acme.member(acme.staff),
        options=[str(u.keynote.pk), str(u.in_person.pk)],
        answers={},
    )
    services.design_submit(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=[str(u.keynote.pk), str(u.in_person.pk)],
        answers={},
    )

    client = client_for(acme.customer)
    events = Calendar.from_ical(
        client.get(f"/o/acme/offerings/{u.offering.slug}/plan.ics").content
    ).walk("VEVENT")
    assert [(str(e["summary"]), str(e["status"])) for e in events] == [
        ("Keynote (waitlist)", "TENTATIVE")
    ]
    assert (
        "Waitlist #1" in client.get(f"/o/acme/offerings/{u.offering.slug}/plan/").content.decode()
    )


def test_before_submitting_the_plan_page_invites_to_design(acme, unconference):
    page = client_for(acme.customer).get(f"/o/acme/offerings/{unconference.offering.slug}/plan/")
    assert "You have not designed your CX Un-conference yet." in page.content.decode()
