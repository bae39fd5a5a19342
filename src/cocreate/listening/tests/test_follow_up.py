"""Answering a form's own questions: the server decides which apply, keeps the answers
that do, and refuses the whole answer when one of them does not fit."""

import pytest
from django_scopes import scope

from cocreate.core.errors import InvalidInput
from cocreate.listening import services
from cocreate.listening.models import Feedback
from cocreate.listening.tests.conftest import add_question, follow_up
from cocreate.messaging.models import WebhookDelivery
from cocreate.messaging.services import endpoint_create


def answer(journey, own, **built_in) -> Feedback:
    return services.feedback_submit(survey=journey.survey, answers=built_in, own=own)


def refused(journey, own, **built_in) -> dict[str, list[str]]:
    with pytest.raises(InvalidInput) as refusal:
        answer(journey, own, **built_in)
    with scope(organisation=journey.org.organisation):
        assert Feedback.objects.count() == 0
    return refusal.value.fields


def test_the_follow_up_is_kept_when_nps_is_6_or_less(journey):
    question = follow_up(journey)

    feedback = answer(journey, {question.key: " Shorter queues "}, nps=4)

    assert feedback.nps == 4
    assert feedback.answers == {
        str(question.pk): {
            "label": "What should we change?",
            "kind": "text",
            "value": "Shorter queues",
        }
    }


def test_the_follow_up_is_dropped_when_nps_is_9(journey):
    question = follow_up(journey)

    feedback = answer(journey, {question.key: "Nothing"}, nps=9)

    assert (feedback.nps, feedback.answers) == (9, {})


def test_the_follow_up_is_dropped_without_an_nps_answer(journey):
    question = follow_up(journey)

    feedback = answer(journey, {question.key: "Nothing"}, csat=5)

    assert feedback.answers == {}


def test_a_required_follow_up_must_be_answered_only_when_it_applies(journey):
    question = follow_up(journey, required=True)

    assert refused(journey, {question.key: "  "}, nps=3) == {
        question.key: ["Answer this question."]
    }
    assert answer(journey, {}, nps=10).answers == {}


def test_a_scale_answer_out_of_its_range_is_refused(journey):
    scale = add_question(journey, kind="scale", label="How clear?", scale_min=1, scale_max=5)

    assert refused(journey, {scale.key: 6}, csat=4) == {
        scale.key: ["Choose a whole number from 1 to 5."]
    }
    assert refused(journey, {scale.key: "3"}, csat=4) == {
        scale.key: ["Choose a whole number from 1 to 5."]
    }


def test_an_unknown_choice_is_refused(journey):
    one = add_question(
        journey, kind="single_choice", label="Reached us by", choices=["Phone", "Chat"]
    )
    many = add_question(journey, kind="multiple_choice", label="Used", choices=["App", "Site"])

    assert refused(journey, {one.key: "Fax", many.key: ["App", "Kiosk"]}) == {
        one.key: ["Choose one of: Phone, Chat."],
        many.key: ["Not a choice here: Kiosk."],
    }


def test_choices_are_kept_in_the_questions_order(journey):
    many = add_question(
        journey, kind="multiple_choice", label="Used", choices=["App", "Site", "Desk"]
    )

    feedback = answer(journey, {many.key: ["Desk", "App"]})

    assert feedback.answers[str(many.pk)]["value"] == ["App", "Desk"]


def test_an_answer_to_a_question_the_form_does_not_have_is_refused(journey):
    assert refused(journey, {"q987654": "Hello"}, csat=4) == {
        "q987654": ["This form has no such question."]
    }


def test_a_follow_up_of_a_dropped_answer_is_dropped_too(journey):
    """A condition on a question that did not apply cannot hold: its answer was dropped."""
    first = follow_up(journey, kind="scale", scale_min=1, scale_max=5)
    second = add_question(
        journey,
        label="Tell us more",
        condition_on=str(first.pk),
        condition_operator="at_most",
        condition_number=2,
    )

    shown = answer(journey, {first.key: 1, second.key: "Slow"}, nps=2)
    hidden = answer(journey, {first.key: 1, second.key: "Slow"}, nps=10)

    assert sorted(shown.answers) == sorted([str(first.pk), str(second.pk)])
    assert hidden.answers == {}


def test_a_choice_condition_asks_only_after_the_choices_it_names(journey):
    reach = add_question(
        journey, kind="single_choice", label="Reached us by", choices=["Phone", "Chat"]
    )
    chat = add_question(
        journey,
        label="What was the chat like?",
        condition_on=str(reach.pk),
        condition_operator="one_of",
        condition_choices=["Chat"],
    )

    by_chat = answer(journey, {reach.key: "Chat", chat.key: "Quick"})
    by_phone = answer(journey, {reach.key: "Phone", chat.key: "Quick"})

    assert str(chat.pk) in by_chat.answers
    assert list(by_phone.answers) == [str(reach.pk)]


def test_own_answers_alone_are_an_answer(journey):
    question = add_question(journey, label="Tell us")

    assert answer(journey, {question.key: "Fine"}).answers[str(question.pk)]["value"] == "Fine"


def test_an_answer_keeps_its_question_after_the_question_is_gone(journey):
    question = add_question(journey, label="Tell us")
    feedback = answer(journey, {question.key: "Fine"})
    kept_under = str(question.pk)

    services.question_delete(question=question, actor=journey.org.organiser)

    feedback.refresh_from_db()
    assert feedback.answers == {kept_under: {"label": "Tell us", "kind": "text", "value": "Fine"}}


def test_own_answers_reach_the_organisations_webhooks(journey):
    org = journey.org
    endpoint_create(
        organisation=org.organisation,
        actor=org.organiser,
        url="https://hooks.example.org/in",
        events_chosen=["feedback.received"],
    )
    question = follow_up(journey)

    answer(journey, {question.key: "Faster"}, nps=5)

    with scope(organisation=org.organisation):
        delivery = WebhookDelivery.objects.get()
    assert delivery.payload["answers"] == {
        str(question.pk): {"label": "What should we change?", "kind": "text", "value": "Faster"}
    }
