"""The pages: organisers edit a form's own questions on its page, customers answer them
on its public link, and the results page adds them up."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.listening import services
from cocreate.listening.models import Feedback, Question
from cocreate.listening.tests.conftest import add_question, follow_up


def form_page(journey) -> str:
    return f"/o/acme/listening/forms/{journey.survey.pk}/"


def link(journey) -> str:
    return f"/f/{journey.survey.token}/"


def labels(journey) -> list[str]:
    with scope(organisation=journey.org.organisation):
        return list(Question.objects.order_by("position").values_list("label", flat=True))


def kept(journey) -> list[tuple]:
    with scope(organisation=journey.org.organisation):
        return list(Feedback.objects.values_list("nps", "answers"))


def new_question(**fields) -> dict[str, str]:
    return {
        "kind": "text",
        "condition_operator": "at_most",
        "scale_min": "1",
        "scale_max": "5",
        **fields,
    }


def test_the_organiser_adds_a_follow_up_on_nps_from_the_forms_page(journey):
    client = client_for(journey.org.organiser)

    response = client.post(
        form_page(journey) + "questions/",
        new_question(
            label="What should we change?",
            condition_on="nps",
            condition_operator="at_most",
            condition_number="6",
        ),
    )
    page = client.get(form_page(journey)).content.decode()

    assert response.status_code == 302
    assert labels(journey) == ["What should we change?"]
    assert "Only if the answer to “NPS” is 6 or less." in page


def test_a_refused_question_shows_its_errors_on_the_form_and_saves_nothing(journey):
    client = client_for(journey.org.organiser)

    response = client.post(
        form_page(journey) + "questions/",
        new_question(kind="single_choice", label="Pick", choices="Only one"),
    )

    assert response.status_code == 422
    assert "Give 2 to 20 choices." in response.content.decode()
    assert labels(journey) == []


def test_a_condition_on_a_later_question_is_refused_on_the_edit_page(journey):
    first = add_question(journey, label="First")
    later = add_question(journey, kind="scale", label="Later", scale_min=1, scale_max=5)
    client = client_for(journey.org.organiser)

    response = client.post(
        form_page(journey) + f"questions/{first.pk}/",
        new_question(label="First", condition_on=str(later.pk), condition_number="2"),
    )

    assert response.status_code == 422
    assert "comes after this question" in response.content.decode()


def test_the_organiser_edits_a_question(journey):
    question = add_question(journey, kind="single_choice", label="Reach", choices=["Phone", "Chat"])
    client = client_for(journey.org.organiser)

    page = client.get(form_page(journey) + f"questions/{question.pk}/")
    response = client.post(
        form_page(journey) + f"questions/{question.pk}/",
        new_question(kind="single_choice", label="Reached us by", choices="Phone\nChat\nEmail"),
    )

    question.refresh_from_db()
    assert page.status_code == 200
    assert "Phone\nChat</textarea>" in page.content.decode()
    assert response.status_code == 302
    assert (question.label, question.choices) == ("Reached us by", ["Phone", "Chat", "Email"])


def test_the_organiser_reorders_questions_in_place(journey):
    add_question(journey, label="First")
    second = add_question(journey, label="Second")
    client = client_for(journey.org.organiser)

    response = client.post(
        form_page(journey) + f"questions/{second.pk}/move/", {"up": "1"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert "<table>" in response.content.decode()
    assert labels(journey) == ["Second", "First"]


def test_deleting_a_question_others_depend_on_says_which(journey):
    scale = add_question(journey, kind="scale", label="Rate", scale_min=1, scale_max=5)
    add_question(
        journey,
        label="Why so low?",
        condition_on=str(scale.pk),
        condition_operator="at_most",
        condition_number=2,
    )
    client = client_for(journey.org.organiser)

    response = client.post(form_page(journey) + f"questions/{scale.pk}/delete/", follow=True)

    assert "“Why so low?” depends on this question" in response.content.decode()
    assert labels(journey) == ["Rate", "Why so low?"]


def test_the_organiser_deletes_a_question(journey):
    question = add_question(journey, label="Tell us")
    client = client_for(journey.org.organiser)

    response = client.post(form_page(journey) + f"questions/{question.pk}/delete/")

    assert response.status_code == 302
    assert labels(journey) == []


def test_the_public_form_shows_the_follow_up_after_the_scores_saying_when_it_applies(journey):
    follow_up(journey)

    html = Client().get(link(journey)).content.decode()

    assert html.index("How likely are you to recommend") < html.index("What should we change?")
    assert 'data-when="nps" data-operator="at_most" data-number="6"' in html
    assert "Only if the answer to “How likely are you to recommend Acme Events" in html
    assert "listening/survey.js" in html


def test_a_customer_giving_nps_4_has_their_follow_up_kept(journey):
    question = follow_up(journey)

    response = client_for(journey.org.customer).post(
        link(journey), {"nps": "4", question.key: "Shorter queues"}
    )

    assert "Thank you" in response.content.decode()
    assert kept(journey) == [
        (
            4,
            {
                str(question.pk): {
                    "label": "What should we change?",
                    "kind": "text",
                    "value": "Shorter queues",
                }
            },
        )
    ]


def test_a_customer_giving_nps_9_has_their_follow_up_dropped(journey):
    question = follow_up(journey)

    Client().post(link(journey), {"nps": "9", question.key: "Nothing"})

    assert kept(journey) == [(9, {})]


def test_a_required_follow_up_left_empty_is_asked_for_again(journey):
    follow_up(journey, required=True)

    response = Client().post(link(journey), {"nps": "3"})

    assert response.status_code == 422
    assert "Answer this question." in response.content.decode()
    assert kept(journey) == []


def test_an_answer_off_the_scale_is_a_form_error(journey):
    scale = add_question(journey, kind="scale", label="How clear?", scale_min=1, scale_max=5)

    response = Client().post(link(journey), {"csat": "4", scale.key: "9"})

    assert response.status_code == 422
    assert "Choose a whole number from 1 to 5." in response.content.decode()
    assert kept(journey) == []


def test_the_results_add_up_each_question(journey):
    reach = add_question(
        journey, kind="single_choice", label="Reached us by", choices=["Phone", "Chat"]
    )
    scale = add_question(journey, kind="scale", label="How clear?", scale_min=1, scale_max=5)
    text = follow_up(journey)
    for nps, by, clear, said in [
        (4, "Chat", 2, "Faster"),
        (5, "Chat", 4, "Kinder"),
        (10, "Phone", 5, ""),
    ]:
        services.feedback_submit(
            survey=journey.survey,
            answers={"nps": nps},
            own={reach.key: by, scale.key: clear, text.key: said},
        )

    page = client_for(journey.org.organiser).get(form_page(journey) + "results/")
    html = page.content.decode()

    assert page.status_code == 200
    assert "3 answers to “How did we help?” so far." in html
    assert "<td>Chat</td>\n          <td>2</td>" in html
    assert "Mean <strong>3.7</strong> on 1–5 (95% interval" in html
    assert html.index("Kinder") < html.index("Faster")  # latest first
    assert "Only if the answer to “NPS” is 6 or less." in html


def test_the_feedback_list_shows_answers_to_own_questions(journey):
    question = follow_up(journey)
    services.feedback_submit(
        survey=journey.survey, answers={"nps": 2}, own={question.key: "Faster"}
    )

    html = client_for(journey.org.organiser).get("/o/acme/listening/feedback/").content.decode()

    assert "What should we change?</small><br>Faster" in html


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_pages_read_the_same_number_of_times_for_1_and_3_questions(journey):
    organiser = client_for(journey.org.organiser)
    scale = add_question(journey, kind="scale", label="Rate", scale_min=1, scale_max=5)
    services.feedback_submit(survey=journey.survey, answers={"nps": 3}, own={scale.key: 2})
    urls = [link(journey), form_page(journey), form_page(journey) + "results/"]
    with_one = [queries_for(organiser, url) for url in urls]
    for label in ("Why so low?", "What would help?"):
        add_question(
            journey,
            label=label,
            condition_on=str(scale.pk),
            condition_operator="at_most",
            condition_number=2,
        )

    assert [queries_for(organiser, url) for url in urls] == with_one
