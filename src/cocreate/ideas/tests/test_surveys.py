"""Outcome surveys: sent to a segment, answered once on 1-5 scales; opportunity scores,
the landscape and the segments."""

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict, InvalidInput, NotAllowed
from cocreate.ideas import engine, services
from cocreate.ideas.models import Rating, Response
from cocreate.ideas.tests.conftest import customers
from cocreate.messaging.models import Message
from cocreate.organisations import services as organisation_services
from cocreate.organisations.models import Membership, Role


def customer_memberships(org):
    with scope(organisation=org.organisation):
        return list(Membership.objects.filter(role=Role.CUSTOMER).order_by("pk"))


def rate(outcomes, *pairs):
    return {
        str(o.pk): {"importance": i, "satisfaction": s}
        for o, (i, s) in zip(outcomes, pairs, strict=True)
    }


@pytest.fixture
def survey(acme, ideas):
    survey = services.survey_create(
        organisation=acme.organisation,
        actor=acme.organiser,
        title="What matters on the day",
        outcome_ids=[ideas.find.pk, ideas.miss.pk],
    )
    customers(acme, 3)
    return services.survey_send(survey=survey, actor=acme.organiser)


def test_sending_asks_every_customer_in_the_segment_on_their_channel(acme, survey):
    with scope(organisation=acme.organisation):
        asked = sorted(
            Message.objects.filter(kind="outcome_survey").values_list("recipient__email", flat=True)
        )

    assert survey.sent_to == 4
    assert asked == [
        "customer0@acme.test",
        "customer1@acme.test",
        "customer2@acme.test",
        "customer@acme.test",
    ]


def test_a_segment_by_profile_answer_asks_only_those_people(acme, ideas):
    organisation_services.profile_field_create(
        organisation=acme.organisation,
        actor=acme.organiser,
        key="industry",
        label="Industry",
        kind="single_choice",
        choices=["Retail", "Banking"],
    )
    organisation_services.profile_update(
        membership=acme.member(acme.customer), answers={"industry": "Retail"}
    )
    organisation_services.profile_update(
        membership=acme.member(acme.staff), answers={"industry": "Retail"}
    )
    survey = services.survey_create(
        organisation=acme.organisation,
        actor=acme.organiser,
        title="Retail only",
        outcome_ids=[ideas.find.pk],
        segment={"industry": ["Retail"]},
    )

    assert [m.user for m in services.recipients(survey)] == [acme.customer]
    with pytest.raises(InvalidInput, match="“Industry” has no answer Farming"):
        services.survey_create(
            organisation=acme.organisation,
            actor=acme.organiser,
            title="Farmers",
            outcome_ids=[ideas.find.pk],
            segment={"industry": ["Farming"]},
        )


def test_opportunity_scores_follow_ulwick(acme, ideas, survey):
    members = customer_memberships(acme)
    answers = [(5, 1), (4, 2), (2, 4), (1, 1)]  # for "find"; "miss" is rated 3/3 by all
    for membership, answer in zip(members, answers, strict=True):
        services.survey_answer(
            survey=survey,
            membership=membership,
            ratings=rate([ideas.find, ideas.miss], answer, (3, 3)),
        )

    scores = {s.outcome: s for s in engine.opportunities(survey)}

    find = scores[ideas.find.pk]
    assert (find.importance, find.satisfaction, find.opportunity) == (5.0, 2.5, 7.5)
    assert find.label == "appropriately served"
    assert find.respondents == 4
    assert find.opportunity_interval.low <= 7.5 <= find.opportunity_interval.high
    assert (scores[ideas.miss.pk].importance, scores[ideas.miss.pk].opportunity) == (0.0, 0.0)


def test_answering_twice_is_refused_and_counted_once(acme, ideas, survey):
    membership = acme.member(acme.customer)
    services.survey_answer(
        survey=survey, membership=membership, ratings=rate([ideas.find, ideas.miss], (5, 1), (4, 2))
    )

    with pytest.raises(Conflict, match="already answered"):
        services.survey_answer(
            survey=survey,
            membership=membership,
            ratings=rate([ideas.find, ideas.miss], (1, 5), (1, 5)),
        )

    with scope(organisation=acme.organisation):
        assert Response.objects.count() == 1
        assert Rating.objects.get(outcome=ideas.find).importance == 5


@pytest.mark.parametrize(
    ("ratings", "field", "message"),
    [
        ({"importance": 6, "satisfaction": 3}, "importance-{find}", "from 1 to 5"),
        ({"importance": 0, "satisfaction": 3}, "importance-{find}", "from 1 to 5"),
        ({"importance": 3, "satisfaction": "lots"}, "satisfaction-{find}", "from 1 to 5"),
        ({"importance": True, "satisfaction": 3}, "importance-{find}", "from 1 to 5"),
    ],
)
def test_ratings_outside_the_scale_are_refused_and_nothing_is_saved(
    acme, ideas, survey, ratings, field, message
):
    given = {str(ideas.find.pk): ratings, str(ideas.miss.pk): {"importance": 3, "satisfaction": 3}}

    with pytest.raises(InvalidInput) as refused:
        services.survey_answer(survey=survey, membership=acme.member(acme.customer), ratings=given)

    assert message in refused.value.fields[field.format(find=ideas.find.pk)][0]
    with scope(organisation=acme.organisation):
        assert not Response.objects.exists()


def test_every_outcome_needs_both_ratings(acme, ideas, survey):
    with pytest.raises(InvalidInput) as refused:
        services.survey_answer(
            survey=survey,
            membership=acme.member(acme.customer),
            ratings={str(ideas.find.pk): {"importance": 3, "satisfaction": 3}},
        )

    assert list(refused.value.fields) == [f"importance-{ideas.miss.pk}"]


def test_staff_outside_the_segment_may_not_answer(acme, ideas, survey):
    with pytest.raises(NotAllowed, match="for another group of people"):
        services.survey_answer(
            survey=survey,
            membership=acme.member(acme.staff),
            ratings=rate([ideas.find, ideas.miss], (3, 3), (3, 3)),
        )


def test_a_closed_survey_takes_no_answers(acme, ideas, survey):
    services.survey_close(survey=survey, actor=acme.organiser)

    with pytest.raises(Conflict, match="is closed: it takes no answers"):
        services.survey_answer(
            survey=survey,
            membership=acme.member(acme.customer),
            ratings=rate([ideas.find, ideas.miss], (3, 3), (3, 3)),
        )


def test_the_answer_page_shows_errors_in_place_then_thanks(acme, ideas, survey):
    client = client_for(acme.customer)
    url = f"/o/acme/surveys/{survey.pk}/answer/"
    find, miss = ideas.find.pk, ideas.miss.pk

    partial = client.post(url, {f"importance-{find}": "5", f"satisfaction-{find}": "2"})
    done = client.post(
        url,
        {
            f"importance-{find}": "5",
            f"satisfaction-{find}": "2",
            f"importance-{miss}": "4",
            f"satisfaction-{miss}": "4",
        },
    )
    again = client.post(url, {f"importance-{find}": "1"})

    assert partial.status_code == 422
    assert "every outcome needs both ratings" in partial.content.decode()
    assert 'value="5" checked' in partial.content.decode()
    assert done.status_code == 302
    assert again.status_code == 409


def test_the_results_page_shows_scores_the_landscape_and_segments(acme, ideas, survey):
    members = customer_memberships(acme)
    for n, membership in enumerate(members):
        services.survey_answer(
            survey=survey,
            membership=membership,
            ratings=rate([ideas.find, ideas.miss], (5, 1 + n % 2), (1 + n % 3, 4)),
        )

    page = client_for(acme.staff).get(f"/o/acme/surveys/{survey.pk}/").content.decode()
    csv = client_for(acme.staff).get(f"/o/acme/surveys/{survey.pk}/opportunities.csv")

    assert "The opportunity landscape" in page
    assert "Minimise the time it takes to find a session worth attending" in page
    assert "Segments by unmet needs" in page
    first = csv.content.decode().splitlines()[1].split(",")
    assert first[:6] == [
        "Minimise the time it takes to find a session worth attending",
        *("10.00", "0.00", "20.00", "extreme", "4"),
    ]
