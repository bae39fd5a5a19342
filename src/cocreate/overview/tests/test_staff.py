"""Staff are told which ideas wait for an answer and for how long, and which touchpoints'
scores fell; organisers see the same, and the surveys and challenges they run."""

from datetime import timedelta

from django.utils import timezone

from cocreate.ideas import services as ideas
from cocreate.ideas.tests.conftest import build_ideas
from cocreate.overview.items import Line, day
from cocreate.overview.tests.conftest import (
    falling,
    feedback,
    outcome,
    overview_items,
    sent_survey,
)


def test_ideas_waiting_for_an_answer_say_how_long_the_oldest_has_waited(acme):
    build_ideas(acme)
    next_week = timezone.now() + timedelta(days=8)

    item = overview_items(acme, acme.staff, now=next_week)["ideas_waiting"]

    assert item.count == 3
    assert item.sentence == "3 ideas are waiting for an answer; the oldest has waited 1\xa0week."
    assert item.link == "/o/acme/ideas/inbox/"
    assert item.lines == (
        Line("3 have waited more than a week"),
        Line("Response times", "/o/acme/ideas/response-times/"),
    )
    assert item.urgent


def test_ideas_shared_today_are_waiting_but_not_late(acme):
    build_ideas(acme)

    item = overview_items(acme, acme.staff)["ideas_waiting"]

    assert item.lines == (Line("Response times", "/o/acme/ideas/response-times/"),)
    assert not item.urgent


def test_answered_ideas_wait_no_more(acme):
    built = build_ideas(acme)
    for idea in (built.recordings, built.app):
        ideas.idea_respond(idea=idea, membership=acme.member(acme.staff), status="under_review")
    ideas.idea_respond(idea=built.coffee, membership=acme.member(acme.organiser), message="Yes")

    assert "ideas_waiting" not in overview_items(acme, acme.staff)


def test_a_touchpoint_whose_score_fell_clearly_is_named_with_its_fall(acme, journey):
    falling(acme, "get help")
    touchpoint = journey.touchpoint("get help")

    item = overview_items(acme, acme.staff)["falling_scores"]

    assert item.count == 1
    assert item.sentence == "Scores fell at 1 touchpoint in the last 30 days."
    assert item.link == "/o/acme/listening/scores/?by=touchpoint&measure=nps&window=90d"
    assert item.lines == (
        Line(
            "get help",
            f"/o/acme/listening/feedback/?touchpoint={touchpoint.pk}",
            "NPS fell from +100 to −100 (12 answers, 12 in the 30 days before)",
        ),
    )
    assert item.urgent


def test_each_score_that_fell_is_listed_for_its_touchpoint(acme, journey):
    falling(acme, "use")
    feedback(acme, "use", [5] * 12, days_ago=40, measure="csat")
    feedback(acme, "use", [1] * 12, days_ago=5, measure="csat")
    falling(acme, "buy")

    item = overview_items(acme, acme.staff)["falling_scores"]

    assert item.count == 2
    assert [(line.text, line.note.split(" fell")[0]) for line in item.lines] == [
        ("buy", "NPS"),
        ("use", "NPS"),
        ("use", "CSAT"),
    ]


def test_too_few_answers_raise_no_alarm(acme, journey):
    feedback(acme, "get help", [10] * 9, days_ago=40)
    feedback(acme, "get help", [0] * 9, days_ago=5)

    assert "falling_scores" not in overview_items(acme, acme.staff)


def test_a_fall_within_what_chance_explains_raises_no_alarm(acme, journey):
    feedback(acme, "get help", [10] * 7 + [8] * 3 + [3] * 2, days_ago=40)
    feedback(acme, "get help", [10] * 6 + [8] * 3 + [3] * 3, days_ago=5)

    assert "falling_scores" not in overview_items(acme, acme.staff)


def test_a_rise_and_answers_older_than_sixty_days_raise_no_alarm(acme, journey):
    feedback(acme, "get help", [2] * 12, days_ago=40)
    feedback(acme, "get help", [10] * 12, days_ago=5)
    feedback(acme, "use", [10] * 12, days_ago=70)
    feedback(acme, "use", [2] * 12, days_ago=5)

    assert "falling_scores" not in overview_items(acme, acme.staff)


def test_customers_and_partners_are_not_told_what_staff_answer(acme, journey):
    build_ideas(acme)
    falling(acme, "get help")

    for person in (acme.customer, acme.partner):
        found = overview_items(acme, person)
        assert "ideas_waiting" not in found
        assert "falling_scores" not in found


def test_organisers_see_what_staff_see_beside_their_own(acme, journey):
    build_ideas(acme)
    falling(acme, "get help")

    found = overview_items(acme, acme.organiser)

    assert {"ideas_waiting", "falling_scores"} <= set(found)


def test_organisers_see_the_surveys_they_sent_with_the_answers_so_far(acme):
    survey = sent_survey(acme, "What matters on the day", outcome(acme))

    item = overview_items(acme, acme.organiser)["surveys_running"]

    assert item.sentence == "1 survey you sent is still open."
    assert item.link == f"/o/acme/surveys/{survey.pk}/"
    assert item.lines[0].note == "0 of 1 answered"
    assert "surveys_running" not in overview_items(acme, acme.staff)
    ideas.survey_close(survey=survey, actor=acme.organiser)
    assert "surveys_running" not in overview_items(acme, acme.organiser)


def test_organisers_see_their_open_challenges_and_those_past_their_deadline(acme):
    built = build_ideas(acme)
    deadline = timezone.localdate() + timedelta(days=30)
    challenge = ideas.challenge_create(
        idea=built.recordings,
        actor=acme.organiser,
        title="Recordings people watch",
        problem="Half the attendees miss sessions they wanted to see.",
        deadline=deadline,
    )

    item = overview_items(acme, acme.organiser)["challenges_running"]
    assert item.sentence == "1 challenge you set is open."
    assert item.link == f"/o/acme/challenges/{challenge.pk}/"
    assert item.lines[0].note == f"closes {day(deadline)}, 0 messages so far"
    assert not item.urgent

    later = timezone.now() + timedelta(days=32)
    item = overview_items(acme, acme.organiser, now=later)["challenges_running"]
    assert (
        item.lines[0].note == f"its deadline, {day(deadline)}, has passed: record what came of it"
    )
    assert item.urgent
