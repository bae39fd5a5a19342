"""A partner is told what to deliver today and what is overdue, per offering."""

from django_scopes import scope

from cocreate.offerings import services as offerings
from cocreate.offerings.models import Choice
from cocreate.overview.items import Line
from cocreate.overview.tests.conftest import catering, meals, overview_items, page_of


def test_a_partner_sees_what_to_deliver_today_and_what_is_overdue(acme):
    lunches = meals(acme, "Lunches", catering(acme), days=(0, -1, -2, 1))

    found = overview_items(acme, acme.partner)

    assert found["fulfil_today"].count == 1
    assert found["fulfil_today"].sentence == "1 delivery is due today."
    assert found["fulfil_today"].link == f"/o/acme/offerings/{lunches.slug}/fulfilment/"
    assert found["fulfil_today"].lines == (
        Line("Lunches", "/o/acme/offerings/lunches/fulfilment/", "1 due today"),
    )
    assert found["fulfil_overdue"].count == 2
    assert found["fulfil_overdue"].sentence == (
        "2 deliveries are overdue: their time has passed and they are not marked fulfilled."
    )
    assert found["fulfil_overdue"].urgent


def test_overdue_deliveries_come_first(acme):
    meals(acme, "Lunches", catering(acme), days=(0, -1))

    page = page_of(acme.partner, acme)

    assert page.index("overdue") < page.index("due today")


def test_each_offering_has_its_own_line(acme):
    partner = catering(acme)
    for name in ("Lunches", "Dinners"):
        meals(acme, name, partner, days=(0,))

    item = overview_items(acme, acme.partner)["fulfil_today"]

    assert item.count == 2
    assert item.link == "/o/acme/offerings/"
    assert [line.text for line in item.lines] == ["Dinners", "Lunches"]


def test_fulfilled_choices_are_done(acme):
    lunches = meals(acme, "Lunches", catering(acme), days=(0,))
    with scope(organisation=acme.organisation):
        choice = Choice.objects.select_related("option__partner").get(option__offering=lunches)
        offerings.choice_fulfil(choice=choice, membership=acme.member(acme.partner))

    assert overview_items(acme, acme.partner) == {}


def test_what_comes_later_or_is_another_partners_is_not_due(acme):
    meals(acme, "Tomorrow", catering(acme), days=(1,))
    other = offerings.partner_save(
        organisation=acme.organisation, actor=acme.organiser, name="Bakers", member_ids=[]
    )
    meals(acme, "Bread", other, days=(0,))

    assert overview_items(acme, acme.partner) == {}
    assert "You are all caught up" in page_of(acme.partner, acme)


def test_only_partners_are_told_what_to_deliver(acme):
    meals(acme, "Lunches", catering(acme), days=(0, -1))

    for person in (acme.organiser, acme.staff, acme.customer):
        found = overview_items(acme, person)
        assert "fulfil_today" not in found
        assert "fulfil_overdue" not in found
