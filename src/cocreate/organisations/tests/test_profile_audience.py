"""A question not asked of everyone: asked where an offering asks it, and on the member's
own profile page only once they have answered it, so they can correct it."""

import re

import pytest
from django.core import mail

from cocreate.conftest import client_for, link_in, make_user
from cocreate.organisations.tests.conftest import answer_in_an_offering

URL = "/o/acme/profile/"
API = "/api/v1/orgs/acme/profile"


@pytest.fixture
def sam(db):
    return make_user("sam@example.org", "Sam")


def profile(acme, user):
    return acme.member(user).profile


def test_a_new_member_is_not_asked_a_question_only_offerings_ask(asked):
    form = client_for(asked.customer).get(URL).context["form"]

    assert list(form.fields) == ["job", "city"]


def test_an_answer_given_in_an_offering_is_on_the_profile_page_apart_and_optional(asked):
    answer_in_an_offering(asked, asked.customer, {"club": "Yes"})

    response = client_for(asked.customer).get(URL)

    form = response.context["form"]
    assert list(form.fields) == ["job", "city", "club"]
    assert [field.name for field in response.context["in_offerings"]] == ["club"]
    assert form.fields["club"].label == "Member of the owners' club"
    assert form.fields["job"].label == "Job title (required)"
    assert form.initial["club"] == "Yes"
    assert "Asked in an offering" in response.content.decode()


def test_the_member_clears_an_answer_given_in_an_offering_without_being_told_it_is_required(
    asked,
):
    answer_in_an_offering(asked, asked.customer, {"club": "Yes"})

    saved = client_for(asked.customer).post(URL, {"job": "Chef", "city": "", "club": ""})

    assert saved.status_code == 302
    assert profile(asked, asked.customer) == {"job": "Chef"}


def test_saving_the_profile_page_keeps_an_answer_given_in_an_offering_since_it_was_shown(asked):
    client = client_for(asked.customer)
    page = client.get(URL).content.decode()
    shown = re.findall(r'name="page:shown" value="([^"]+)"', page)
    answer_in_an_offering(asked, asked.customer, {"club": "Yes"})  # in another tab

    client.post(URL, {"page:shown": shown, "job": "Chef", "city": "Oslo"})

    assert shown == ["job", "city"]
    assert profile(asked, asked.customer) == {"job": "Chef", "city": "Oslo", "club": "Yes"}


def test_a_newcomer_who_joins_is_asked_and_required_only_what_everyone_is_asked(asked, sam):
    client = client_for(sam)

    profile_page = client.post("/join/acme/", follow=True)
    overview = client.get("/o/acme/")
    saved = client.post(URL, {"job": "Chef", "city": ""})

    assert list(profile_page.context["form"].fields) == ["job", "city"]
    assert overview.context["missing_profile"] == ["Job title"]
    assert saved.status_code == 302
    assert profile(asked, sam) == {"job": "Chef"}


def test_an_invitee_who_accepts_is_asked_only_what_everyone_is_asked(
    asked, sam, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(asked.organiser).post(
            "/o/acme/invitations/", {"email": sam.email, "role": "partner"}
        )

    profile_page = client_for(sam).post(link_in(mail.outbox[-1], "/invitations/"), follow=True)

    assert list(profile_page.context["form"].fields) == ["job", "city"]


def test_organisers_see_every_answer_whatever_the_question_is_asked_of(asked):
    answer_in_an_offering(asked, asked.customer, {"club": "Yes"})
    membership_id = asked.member(asked.customer).pk
    client = client_for(asked.organiser)

    page = client.get(f"/o/acme/members/{membership_id}/")
    api = client.get(f"/api/v1/orgs/acme/members/{membership_id}")

    assert [(f.key, answer) for f, answer in page.context["answers"]] == [
        ("job", None),
        ("city", None),
        ("club", "Yes"),
    ]
    assert api.json()["profile"] == {"club": "Yes"}


def test_the_api_saves_the_profile_as_the_page_does_and_keeps_answers_given_in_offerings(asked):
    answer_in_an_offering(asked, asked.customer, {"club": "Yes"})

    put = client_for(asked.customer).put(
        API, {"answers": {"job": "Analyst"}}, content_type="application/json"
    )

    assert put.status_code == 200
    assert put.json()["answers"] == {"job": "Analyst", "club": "Yes"}


def test_the_api_corrects_or_clears_an_answer_given_in_an_offering_never_requiring_it(asked):
    answer_in_an_offering(asked, asked.customer, {"club": "Yes"})
    client = client_for(asked.customer)

    corrected = client.put(
        API, {"answers": {"job": "Analyst", "club": "No"}}, content_type="application/json"
    )
    cleared = client.put(
        API, {"answers": {"job": "Analyst", "club": None}}, content_type="application/json"
    )

    assert corrected.json()["answers"] == {"job": "Analyst", "club": "No"}
    assert cleared.json()["answers"] == {"job": "Analyst"}


def test_the_page_and_the_api_refuse_a_missing_answer_alike_and_save_nothing(asked):
    answer_in_an_offering(asked, asked.customer, {"club": "Yes"})
    client = client_for(asked.customer)

    page = client.post(URL, {"job": "", "city": "Oslo", "club": "No"})
    api = client.put(
        API, {"answers": {"city": "Oslo", "club": "No"}}, content_type="application/json"
    )

    assert page.context["form"].errors == {"job": ["This field is required."]}
    assert api.status_code == 422
    assert api.json()["error"]["message"] == "Some answers need another look."
    assert api.json()["error"]["fields"] == {"job": ["This field is required."]}
    assert profile(asked, asked.customer) == {"club": "Yes"}
