"""A customer is told what to design, which sessions to choose, what is next in their plan,
which surveys wait for them, what became of their ideas and what is in their inbox."""

from datetime import timedelta

from django.utils import timezone

from cocreate.conftest import make_user
from cocreate.ideas import services as ideas
from cocreate.messaging import services as messaging
from cocreate.messaging.tests.test_notify import welcome
from cocreate.offerings import services as offerings
from cocreate.overview.items import Line, hour, when
from cocreate.overview.tests.conftest import (
    accept,
    accepted_of,
    answered_idea,
    choose,
    design,
    draft_schedule,
    event,
    options_of,
    outcome,
    overview_items,
    page_of,
    publish,
    sent_survey,
    simple_offering,
    timed_offering,
    today_at,
)


def test_an_open_offering_they_have_not_designed_is_theirs_to_design(acme):
    simple_offering(acme, "Spa day")

    item = overview_items(acme, acme.customer)["design"]

    assert item.count == 1
    assert item.sentence == "1 offering is waiting for your design."
    assert item.link == "/o/acme/offerings/spa-day/"
    assert item.action == "Design your experience"
    assert item.lines == (Line("Spa day", "/o/acme/offerings/spa-day/", "not designed yet"),)


def test_a_design_with_a_step_added_since_lists_the_step_still_to_do(acme):
    spa = simple_offering(acme, "Spa day")
    design(acme, acme.customer, spa, options_of(spa)[:1])
    assert "design" not in overview_items(acme, acme.customer)

    dessert = offerings.dimension_create(
        offering=spa, actor=acme.organiser, name="Dessert", min_picks=1
    )
    offerings.option_create(dimension=dessert, actor=acme.organiser, name="Sorbet")

    item = overview_items(acme, acme.customer)["design"]
    assert item.lines == (
        Line("Spa day", "/o/acme/offerings/spa-day/", "1 step still to do: Dessert"),
    )


def test_a_draft_not_submitted_says_so(acme):
    spa = simple_offering(acme, "Spa day")
    offerings.draft_save(
        offering=spa,
        membership=acme.member(acme.customer),
        options=[options_of(spa)[0].pk],
        answers={},
    )

    item = overview_items(acme, acme.customer)["design"]

    assert item.lines[0].note == "started, not submitted yet"


def test_several_offerings_to_design_link_to_the_catalogue(acme):
    for name in ("Spa day", "Golf day", "Wine day"):
        simple_offering(acme, name)

    item = overview_items(acme, acme.customer)["design"]

    assert item.count == 3
    assert item.sentence == "3 offerings are waiting for your design."
    assert item.link == "/o/acme/offerings/"
    assert [line.text for line in item.lines] == ["Wine day", "Golf day", "Spa day"]


def test_sessions_accepted_since_they_last_chose_are_new_to_them(acme):
    day = event(acme, "CX Day")
    first = accept(acme, day, "Journey maps people use")
    choose(acme, acme.customer, first)
    assert "sessions" not in overview_items(acme, acme.customer)

    accept(acme, day, "Measuring effort")
    accept(acme, day, "Chatbots that hand over")

    item = overview_items(acme, acme.customer)["sessions"]
    assert item.count == 2
    assert item.sentence == "2 sessions are waiting for your choice."
    assert item.link == "/o/acme/agenda/cx-day/sessions/"
    assert item.lines == (
        Line("CX Day", "/o/acme/agenda/cx-day/sessions/", "2 new sessions since you last chose"),
    )


def test_an_event_designed_without_any_session_asks_to_choose_among_them(acme):
    day = event(acme, "CX Day", accepted=2)
    lunch = offerings.dimension_create(offering=day.offering, actor=acme.organiser, name="Lunch")
    soup = offerings.option_create(dimension=lunch, actor=acme.organiser, name="Soup")
    design(acme, acme.customer, day.offering, [soup])

    found = overview_items(acme, acme.customer)

    assert "design" not in found
    assert found["sessions"].count == 2
    assert found["sessions"].lines[0].note == "2 sessions to choose from, none chosen yet"


def test_an_event_not_designed_at_all_is_said_once_as_a_design_to_do(acme):
    event(acme, "CX Day", accepted=3)

    found = overview_items(acme, acme.customer)

    assert found["design"].lines == (
        Line("CX Day", "/o/acme/offerings/cx-day/", "not designed yet"),
    )
    assert found["design"].action == "Design your day"
    assert "sessions" not in found


def test_the_next_sessions_of_their_plan_come_soonest_first_with_their_time(acme):
    now = timezone.now()
    starts = [now + timedelta(days=d) for d in (3, 1, 2, 4)] + [now - timedelta(days=1)]
    talks = timed_offering(acme, "Talks", starts)
    design(acme, acme.customer, talks, options_of(talks))

    item = overview_items(acme, acme.customer)["next_sessions"]

    assert item.count == 4  # the one yesterday is over
    assert item.sentence == "You have 4 sessions coming up."
    assert item.link == "/o/acme/offerings/talks/plan/"
    soonest = starts[1]
    assert item.lines[0] == Line(
        "Talks 2",
        "/o/acme/offerings/talks/plan/",
        f"{when(soonest)}–{hour(soonest + timedelta(hours=1))}",
    )
    assert [line.text for line in item.lines] == ["Talks 2", "Talks 3", "Talks 1"]


def test_a_published_session_comes_with_its_room(acme):
    day = draft_schedule(acme, "CX Day")
    talk = accepted_of(day)[0]
    choose(acme, acme.customer, talk)
    publish(acme, day)

    item = overview_items(acme, acme.customer)["next_sessions"]

    assert item.link == "/o/acme/offerings/cx-day/plan/"
    assert item.lines[0].text == "Talk 1"
    assert item.lines[0].note.endswith(", in Hall")


def test_a_session_under_way_says_until_when(acme):
    talks = timed_offering(acme, "Talks", [timezone.now() - timedelta(minutes=10)])
    design(acme, acme.customer, talks, options_of(talks))

    item = overview_items(acme, acme.customer)["next_sessions"]

    ends = options_of(talks)[0].ends_at
    assert ends is not None
    assert item.lines[0].note == f"now, until {hour(ends)}"


def test_a_survey_meant_for_them_waits_until_they_answer_it(acme):
    about = outcome(acme)
    survey = sent_survey(acme, "What matters on the day", about)

    item = overview_items(acme, acme.customer)["surveys_waiting"]
    assert item.sentence == "1 survey is waiting for your answers."
    assert item.link == f"/o/acme/surveys/{survey.pk}/answer/"
    assert item.lines[0].text == "What matters on the day"
    assert "surveys_waiting" not in overview_items(acme, acme.staff)  # sent to customers

    ideas.survey_answer(
        survey=survey,
        membership=acme.member(acme.customer),
        ratings={about.pk: {"importance": 5, "satisfaction": 2}},
    )
    assert "surveys_waiting" not in overview_items(acme, acme.customer)


def test_an_answer_to_their_idea_is_news_for_thirty_days(acme):
    idea = answered_idea(acme, "Record every talk")

    item = overview_items(acme, acme.customer)["idea_answers"]

    assert item.sentence == "1 of your ideas got an answer in the last 30 days."
    assert item.link == f"/o/acme/ideas/{idea.pk}/"
    assert item.lines == (
        Line("Record every talk", f"/o/acme/ideas/{idea.pk}/", "now planned, 0\xa0minutes ago"),
    )
    later = timezone.now() + timedelta(days=31)
    assert "idea_answers" not in overview_items(acme, acme.customer, now=later)


def test_their_own_update_on_their_idea_is_not_an_answer(acme):
    idea = ideas.idea_submit(organisation=acme.organisation, author=acme.staff, title="Coffee")
    ideas.idea_respond(idea=idea, membership=acme.member(acme.staff), message="More soon.")

    assert "idea_answers" not in overview_items(acme, acme.staff)


def test_unread_messages_from_the_organisation_wait_in_the_inbox(acme, rival):
    welcome(acme, acme.customer)
    welcome(acme, acme.customer)
    outsider = make_user("both@rival.test")
    welcome(rival, outsider)

    item = overview_items(acme, acme.customer)["unread_messages"]
    assert item.sentence == "2 messages from Acme Events are unread in your inbox."
    assert item.link == "/me/inbox/"

    messaging.mark_read(user=acme.customer)
    assert "unread_messages" not in overview_items(acme, acme.customer)


def test_the_page_shows_each_item_with_its_link(acme):
    simple_offering(acme, "Spa day")
    idea = answered_idea(acme, "Record every talk")

    page = page_of(acme.customer, acme)

    assert "1 offering is waiting for your design." in page
    assert '<a href="/o/acme/offerings/spa-day/" role="button"' in page
    assert "Design your experience" in page
    assert f'<a href="/o/acme/ideas/{idea.pk}/">Record every talk</a>' in page
    assert "You are all caught up" not in page


def test_a_customer_with_nothing_to_do_is_all_caught_up(acme):
    spa = simple_offering(acme, "Spa day")
    design(acme, acme.customer, spa, options_of(spa)[:1])
    messaging.mark_read(user=acme.customer)

    page = page_of(acme.customer, acme)

    assert overview_items(acme, acme.customer) == {}
    assert "You are all caught up" in page
    assert "Nothing at Acme Events is waiting for you." in page


def test_a_meal_today_is_not_a_session_to_come_once_it_is_over(acme):
    meals = timed_offering(acme, "Meals", [today_at(0, days=-1)])
    design(acme, acme.customer, meals, options_of(meals))

    assert "next_sessions" not in overview_items(acme, acme.customer)


def test_a_long_list_names_four_and_says_how_many_more(acme):
    for n in range(6):
        simple_offering(acme, f"Day {n}")

    item = overview_items(acme, acme.customer)["design"]

    assert item.count == 6
    assert [line.text for line in item.lines] == ["Day 5", "Day 4", "Day 3", "Day 2", "and 2 more"]
    assert item.lines[-1].link == "/o/acme/offerings/"
