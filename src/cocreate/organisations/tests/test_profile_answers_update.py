import pytest
from django_scopes import scope

from cocreate.core.errors import InvalidInput
from cocreate.messaging.models import WebhookDelivery
from cocreate.messaging.services import endpoint_create
from cocreate.organisations import services
from cocreate.organisations.models import ProfileField


def save(acme, answers, *, fields, optional=()):
    return services.profile_answers_update(
        membership=acme.member(acme.customer), answers=answers, fields=fields, optional=optional
    )


def profile(acme):
    return acme.member(acme.customer).profile


def refusal(acme, answers, *, fields, optional=()):
    with pytest.raises(InvalidInput) as refused:
        save(acme, answers, fields=fields, optional=optional)
    return refused.value


def test_answers_to_the_questions_asked_join_the_others_which_are_kept(asked):
    save(asked, {"job": "Chef", "city": "Oslo"}, fields=["job", "city"])

    save(asked, {"club": "Yes"}, fields=["club"])

    assert profile(asked) == {"job": "Chef", "city": "Oslo", "club": "Yes"}


def test_the_questions_are_profile_fields_or_their_keys(asked):
    with scope(organisation=asked.organisation):
        club = ProfileField.objects.get(key="club")

    save(asked, {"club": "No"}, fields=[club])

    assert profile(asked) == {"club": "No"}


def test_a_question_asked_and_left_empty_loses_its_answer(asked):
    save(asked, {"job": "Chef", "city": "Oslo"}, fields=["job", "city"])

    save(asked, {"job": "Chef", "city": "  "}, fields=["job", "city"])

    assert profile(asked) == {"job": "Chef"}


def test_a_required_question_among_those_asked_must_be_answered_and_nothing_is_saved(asked):
    save(asked, {"job": "Chef"}, fields=["job"])

    refused = refusal(asked, {"club": "", "city": "Oslo"}, fields=["club", "city"])

    assert refused.message == "Some answers need another look."
    assert refused.fields == {"club": ["This field is required."]}
    assert profile(asked) == {"job": "Chef"}


def test_a_required_question_shown_only_to_be_corrected_may_be_cleared(asked):
    save(asked, {"club": "Yes"}, fields=["club"])

    save(asked, {"club": None}, fields=[], optional=["club"])

    assert profile(asked) == {}


def test_unknown_keys_wrong_answers_and_questions_asked_elsewhere_are_refused(asked):
    refused = refusal(asked, {"shoe": 44, "job": "Chef", "club": "Maybe"}, fields=["club"])

    assert refused.fields == {
        "shoe": ["There is no such profile field."],
        "job": ["This question is not asked here."],
        "club": ["Choose one of: Yes, No."],
    }
    assert profile(asked) == {}


def test_the_profile_updated_event_carries_every_answer_after_the_merge(asked):
    endpoint_create(
        organisation=asked.organisation,
        actor=asked.organiser,
        url="https://crm.example.org/in",
        events_chosen=["profile.updated"],
    )
    save(asked, {"job": "Chef"}, fields=["job"])

    save(asked, {"club": "Yes"}, fields=["club"])

    with scope(organisation=asked.organisation):
        events = list(WebhookDelivery.objects.order_by("id"))
    assert [e.payload["answers"] for e in events] == [
        {"job": "Chef"},
        {"job": "Chef", "club": "Yes"},
    ]


def test_replacing_the_whole_profile_asks_every_question(asked):
    save(asked, {"job": "Chef", "club": "Yes"}, fields=["job", "club"])

    with pytest.raises(InvalidInput) as refused:
        services.profile_update(membership=asked.member(asked.customer), answers={"job": "Chef"})

    assert refused.value.fields == {"club": ["This field is required."]}
