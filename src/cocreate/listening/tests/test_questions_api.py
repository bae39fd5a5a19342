"""The REST API reads and changes a form's own questions, and answers a form with the
same checks as its public page."""

from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.listening.models import Feedback
from cocreate.listening.tests.conftest import add_question, follow_up


def questions_url(journey) -> str:
    return f"/api/v1/orgs/acme/listening/forms/{journey.survey.pk}/questions"


def answers_url(journey) -> str:
    return f"/api/v1/orgs/acme/listening/forms/{journey.survey.pk}/answers"


def send(client, method, url, body=None):
    return getattr(client, method)(url, body, content_type="application/json")


def test_the_organiser_adds_reads_changes_moves_and_deletes_questions(journey):
    client = client_for(journey.org.organiser)
    reach = {"kind": "single_choice", "label": "Reached us by", "choices": ["Phone", "Chat"]}

    created = send(client, "post", questions_url(journey), reach)
    question_id = created.json()["id"]
    follow = send(
        client,
        "post",
        questions_url(journey),
        {
            "kind": "text",
            "label": "What was the chat like?",
            "condition_on": str(question_id),
            "condition_operator": "one_of",
            "condition_choices": ["Chat"],
        },
    )
    changed = send(
        client,
        "put",
        f"{questions_url(journey)}/{question_id}",
        {**reach, "choices": ["Phone", "Chat", "Email"], "required": True},
    )
    moved = send(
        client, "post", f"{questions_url(journey)}/{follow.json()['id']}/move", {"offset": -1}
    )
    refused = send(client, "delete", f"{questions_url(journey)}/{question_id}")
    listed = client.get(questions_url(journey))

    assert created.status_code == 201
    assert created.json()["key"] == f"q{question_id}"
    assert follow.json()["condition_on"] == str(question_id)
    assert changed.json()["choices"] == ["Phone", "Chat", "Email"]
    assert moved.status_code == 409
    assert moved.json()["error"]["message"] == (
        "“What was the chat like?” depends on the answer to “Reached us by”, so it stays below it."
    )
    assert refused.status_code == 409
    assert [q["label"] for q in listed.json()] == ["Reached us by", "What was the chat like?"]


def test_a_bad_condition_is_refused_with_the_pages_sentence(journey):
    client = client_for(journey.org.organiser)

    response = send(
        client,
        "post",
        questions_url(journey),
        {
            "kind": "text",
            "label": "Why?",
            "condition_on": "nps",
            "condition_operator": "at_most",
            "condition_number": 11,
        },
    )

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "condition_number": ["Choose a whole number from 0 to 10."]
    }


def test_unknown_fields_are_refused(journey):
    client = client_for(journey.org.organiser)

    response = send(
        client, "post", questions_url(journey), {"kind": "text", "label": "Hi", "colour": "red"}
    )

    assert response.status_code == 422


def test_a_customer_cannot_manage_questions(journey):
    response = client_for(journey.org.customer).get(questions_url(journey))

    assert response.status_code == 403


def test_a_member_answers_through_the_api_and_the_follow_up_applies_the_same_way(journey):
    question = follow_up(journey, required=True)
    client = client_for(journey.org.customer)

    low = send(
        client, "post", answers_url(journey), {"nps": 4, "questions": {question.key: "Faster"}}
    )
    high = send(
        client, "post", answers_url(journey), {"nps": 9, "questions": {question.key: "Faster"}}
    )
    missing = send(client, "post", answers_url(journey), {"nps": 2})

    assert low.status_code == 201
    assert low.json()["answers"] == {
        str(question.pk): {"label": "What should we change?", "kind": "text", "value": "Faster"}
    }
    assert low.json()["customer"] == "customer@acme.test"
    assert high.json()["answers"] == {}
    assert missing.status_code == 422
    assert missing.json()["error"]["fields"] == {question.key: ["Answer this question."]}


def test_an_unknown_choice_through_the_api_keeps_nothing(journey):
    reach = add_question(
        journey, kind="single_choice", label="Reached us by", choices=["Phone", "Chat"]
    )

    response = send(
        client_for(journey.org.customer),
        "post",
        answers_url(journey),
        {"csat": 4, "questions": {reach.key: "Fax"}},
    )

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {reach.key: ["Choose one of: Phone, Chat."]}
    with scope(organisation=journey.org.organisation):
        assert Feedback.objects.count() == 0
