"""Sharing an idea: near-duplicates shown before posting, bad input refused, support once."""

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict, Gone, InvalidInput
from cocreate.ideas import engine, services
from cocreate.ideas.models import Follower, Idea, Support


def test_an_idea_is_shared_with_the_outcomes_it_serves_and_its_author_follows_it(acme, ideas):
    idea = services.idea_submit(
        organisation=acme.organisation,
        author=acme.customer,
        title="  Print a paper programme for people without a phone  ",
        description="Not everyone has the app.",
        outcome_ids=[ideas.find.pk],
    )

    with scope(organisation=acme.organisation):
        assert idea.title == "Print a paper programme for people without a phone"
        assert list(idea.outcomes.all()) == [ideas.find]
        assert list(Follower.objects.filter(idea=idea).values_list("user__email", "reason")) == [
            ("customer@acme.test", "author")
        ]
        assert idea.vector_model


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "The idea is empty: write at least 5 characters."),
        ("Wifi", "The idea is too short: write at least 5 characters."),
        ("x" * 141, "The idea is too long: 141 characters, at most 140."),
    ],
)
def test_empty_and_oversized_ideas_are_refused_and_nothing_is_saved(acme, title, message):
    with pytest.raises(InvalidInput) as refused:
        services.idea_submit(organisation=acme.organisation, author=acme.customer, title=title)

    assert refused.value.message == message
    with scope(organisation=acme.organisation):
        assert not Idea.objects.exists()


def test_an_outcome_of_another_organisation_is_refused(acme, rival, ideas):
    from cocreate.ideas.tests.conftest import build_ideas

    theirs = build_ideas(rival)

    with pytest.raises(InvalidInput, match="unknown: " + str(theirs.find.pk)):
        services.idea_submit(
            organisation=acme.organisation,
            author=acme.customer,
            title="Another idea about sessions",
            outcome_ids=[theirs.find.pk],
        )


def test_a_reworded_idea_is_found_among_the_existing_ones(acme, ideas):
    found = engine.similar_ideas(
        acme.organisation, "Could you film all the sessions and post them?"
    )

    assert [s.idea.title for s in found][:1] == ["Record every talk and put the videos online"]


def test_the_page_shows_near_duplicates_before_posting_and_posts_when_confirmed(acme, ideas):
    client = client_for(acme.customer)
    url = "/o/acme/ideas/new/"
    data = {"title": "Please film every session and put it online"}

    shown = client.post(url, data)

    assert shown.status_code == 200
    assert "These may already say the same" in shown.content.decode()
    assert "Record every talk and put the videos online" in shown.content.decode()
    with scope(organisation=acme.organisation):
        assert Idea.objects.count() == 3

    posted = client.post(url, {**data, "confirm": "1"})

    assert posted.status_code == 302
    with scope(organisation=acme.organisation):
        assert Idea.objects.filter(title=data["title"]).exists()


def test_the_page_refuses_an_oversized_idea_with_a_form_error(acme):
    answer = client_for(acme.customer).post("/o/acme/ideas/new/", {"title": "x" * 150})

    assert answer.status_code == 422
    assert "The idea is too long: 150 characters, at most 140." in answer.content.decode()


def test_support_counts_once_per_person(acme, ideas):
    services.support_add(idea=ideas.recordings, user=acme.staff)

    with pytest.raises(Conflict, match="You already support"):
        services.support_add(idea=ideas.recordings, user=acme.staff)

    with scope(organisation=acme.organisation):
        assert Support.objects.filter(idea=ideas.recordings).count() == 1
        assert Follower.objects.get(idea=ideas.recordings, user=acme.staff).reason == "supporter"


def test_support_on_a_hidden_or_merged_idea_is_refused(acme, ideas):
    services.idea_hide(idea=ideas.coffee, actor=acme.organiser, reason="Off topic")
    services.idea_merge(idea=ideas.app, into=ideas.recordings, actor=acme.organiser)

    with pytest.raises(Conflict, match="hidden by the moderators"):
        services.support_add(idea=ideas.coffee, user=acme.customer)
    with pytest.raises(Gone, match="was merged into “Record every talk"):
        services.support_add(idea=ideas.app, user=acme.customer)
    with scope(organisation=acme.organisation):
        assert not Support.objects.exists()


def test_support_is_given_and_taken_back_in_place(acme, ideas):
    client = client_for(acme.partner)
    url = f"/o/acme/ideas/{ideas.recordings.pk}/support/"

    given = client.post(url, {"support": "yes"}, HTTP_HX_REQUEST="true")
    taken = client.post(url, {"support": "no"}, HTTP_HX_REQUEST="true")

    assert 'aria-pressed="true"' in given.content.decode()
    assert "▲</span> 1" in given.content.decode()
    assert 'aria-pressed="false"' in taken.content.decode()
    with scope(organisation=acme.organisation):
        assert not Support.objects.exists()


def test_a_flag_is_counted_once_per_person(acme, ideas):
    services.idea_flag(idea=ideas.coffee, user=acme.customer, reason="This is an advert")

    with pytest.raises(Conflict, match="already flagged"):
        services.idea_flag(idea=ideas.coffee, user=acme.customer, reason="Still an advert")


def test_a_person_supports_a_near_duplicate_instead_of_posting_theirs(acme, ideas):
    client = client_for(acme.partner)

    answer = client.post(
        f"/o/acme/ideas/{ideas.recordings.pk}/support/",
        {"title": "Please film every session", "support": "yes"},
    )

    assert answer.status_code == 302
    assert answer["Location"] == f"/o/acme/ideas/{ideas.recordings.pk}/"
    with scope(organisation=acme.organisation):
        assert Support.objects.filter(idea=ideas.recordings, user=acme.partner).exists()
        assert Idea.objects.count() == 3
