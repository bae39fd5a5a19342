import pytest

from cocreate.conftest import client_for
from cocreate.organisations import services

URL = "/o/acme/profile/"


@pytest.fixture
def questions(acme):
    for key, label, kind, choices, required in [
        ("job", "Job title", "text", [], True),
        ("years", "Years in CX", "number", [], False),
        ("topics", "Topics", "multi_choice", ["Maps", "Metrics", "Service"], True),
    ]:
        services.profile_field_create(
            organisation=acme.organisation,
            actor=acme.organiser,
            key=key,
            label=label,
            kind=kind,
            choices=choices,
            required=required,
        )
    return acme


def test_a_member_fills_the_profile_and_sees_it_after_a_reload(questions):
    client = client_for(questions.customer)

    saved = client.post(
        URL, {"job": "Service designer", "years": "6", "topics": ["Service", "Maps"]}
    )
    form = client.get(URL).context["form"]

    assert saved.status_code == 302
    assert questions.member(questions.customer).profile == {
        "job": "Service designer",
        "years": 6,
        "topics": ["Maps", "Service"],
    }
    assert form.initial == {"job": "Service designer", "years": 6, "topics": ["Maps", "Service"]}


def test_missing_and_wrong_answers_are_form_errors_and_nothing_is_saved(questions):
    client = client_for(questions.customer)

    response = client.post(URL, {"job": "", "years": "many", "topics": []})

    errors = response.context["form"].errors
    assert errors == {
        "job": ["This field is required."],
        "years": ["Enter a number."],
        "topics": ["This field is required."],
    }
    assert questions.member(questions.customer).profile == {}


def test_the_overview_asks_for_missing_required_answers(questions):
    page = client_for(questions.customer).get("/o/acme/").content.decode()

    assert "Your profile is missing answers" in page
    assert "Job title, Topics" in page


def test_the_api_reads_and_replaces_the_callers_profile(questions):
    client = client_for(questions.customer)

    put = client.put(
        "/api/v1/orgs/acme/profile",
        {"answers": {"job": "Analyst", "topics": ["Metrics"]}},
        content_type="application/json",
    )
    got = client.get("/api/v1/orgs/acme/profile")

    assert put.status_code == 200
    assert got.json()["answers"] == {"job": "Analyst", "topics": ["Metrics"]}
    assert got.json()["role"] == "customer"


def test_the_api_refuses_bad_answers_field_by_field_and_saves_nothing(questions):
    response = client_for(questions.customer).put(
        "/api/v1/orgs/acme/profile",
        {"answers": {"job": "Analyst", "topics": ["Golf"], "shoe": 44}},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "shoe": ["There is no such profile field."],
        "topics": ["Not a choice here: Golf."],
    }
    assert questions.member(questions.customer).profile == {}


def test_staff_read_a_members_profile_through_the_api(questions):
    services.profile_update(
        membership=questions.member(questions.customer), answers={"job": "Chef", "topics": ["Maps"]}
    )
    membership_id = questions.member(questions.customer).pk

    response = client_for(questions.staff).get(f"/api/v1/orgs/acme/members/{membership_id}")

    assert response.json()["profile"] == {"job": "Chef", "topics": ["Maps"]}
