from django.core import mail  # noqa: F401  (the outbox stays empty: no one is told)
from django.test import Client
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.listening import services
from cocreate.listening.models import Feedback, Source
from cocreate.listening.tests.conftest import with_segments
from cocreate.messaging.models import WebhookDelivery
from cocreate.messaging.services import endpoint_create


def link(journey) -> str:
    return f"/f/{journey.survey.token}/"


def stored(journey) -> list[tuple]:
    with scope(organisation=journey.org.organisation):
        return list(
            Feedback.objects.values_list("nps", "csat", "ces", "text", "customer_id", "source")
        )


def test_anyone_with_the_link_answers_anonymously(journey):
    page = Client().get(link(journey))
    response = Client().post(
        link(journey), {"nps": "9", "csat": "5", "ces": "6", "text": " Quick! "}
    )

    assert page.status_code == 200
    assert "How likely are you to recommend Acme Events" in page.content.decode()
    assert "Thank you" in response.content.decode()
    assert stored(journey) == [(9, 5, 6, "Quick!", None, Source.FORM)]


def test_a_signed_in_member_is_linked_to_their_answer_with_their_segment(journey):
    org = journey.org
    with_segments(org, {org.customer: "Retail"})

    client_for(org.customer).post(link(journey), {"csat": "2"})

    with scope(organisation=org.organisation):
        answer = Feedback.objects.get()
    assert (answer.customer, answer.segment, answer.csat, answer.nps) == (
        org.customer,
        "Retail",
        2,
        None,
    )


def test_an_answer_out_of_range_is_refused_and_nothing_is_saved(journey):
    response = Client().post(link(journey), {"nps": "11", "csat": "4"})

    assert response.status_code == 422
    assert stored(journey) == []


def test_an_empty_answer_is_refused(journey):
    response = Client().post(link(journey), {"text": "   "})

    assert response.status_code == 422
    assert "Answer at least one question" in response.content.decode()
    assert stored(journey) == []


def test_a_closed_form_says_so_and_takes_no_answers(journey):
    org = journey.org
    services.survey_save(
        organisation=org.organisation,
        actor=org.organiser,
        survey=journey.survey,
        touchpoint=journey.survey.touchpoint,
        title=journey.survey.title,
        is_open=False,
    )

    response = Client().post(link(journey), {"csat": "4"})

    assert response.status_code == 410
    assert "closed" in response.content.decode()
    assert stored(journey) == []


def test_an_unknown_link_is_not_found(db):
    assert Client().get("/f/not-a-form/").status_code == 404


def test_a_robot_filling_the_hidden_field_is_thanked_and_ignored(journey):
    response = Client().post(link(journey), {"csat": "5", "website": "http://spam.example"})

    assert "Thank you" in response.content.decode()
    assert stored(journey) == []


def test_an_answer_reaches_the_organisations_webhooks(journey):
    org = journey.org
    endpoint_create(
        organisation=org.organisation,
        actor=org.organiser,
        url="https://hooks.example.org/in",
        events_chosen=["feedback.received"],
    )

    Client().post(link(journey), {"csat": "3", "text": "Slow"})

    with scope(organisation=org.organisation):
        delivery = WebhookDelivery.objects.get()
    assert delivery.payload["csat"] == 3
    assert delivery.payload["touchpoint"] == "get help"


def test_the_organiser_sees_the_link_and_its_qr_code(journey):
    page = client_for(journey.org.organiser).get(f"/o/acme/listening/forms/{journey.survey.pk}/")
    html = page.content.decode()

    assert f"http://testserver/f/{journey.survey.token}/" in html
    assert "<svg" in html
    assert "QR code of the link" in html
