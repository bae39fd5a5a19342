"""Moderation: hiding and merging, with support and followers kept."""

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.ideas import engine, services
from cocreate.ideas.models import Flag, Follower, Idea, Support
from cocreate.messaging.models import Message


def test_merging_keeps_supporters_once_and_followers_and_tells_them(acme, ideas):
    services.support_add(idea=ideas.app, user=acme.staff)
    services.support_add(idea=ideas.app, user=acme.organiser)
    services.support_add(idea=ideas.recordings, user=acme.staff)

    services.idea_merge(idea=ideas.app, into=ideas.recordings, actor=acme.organiser)

    with scope(organisation=acme.organisation):
        supporters = sorted(
            Support.objects.filter(idea=ideas.recordings).values_list("user__email", flat=True)
        )
        followers = sorted(
            Follower.objects.filter(idea=ideas.recordings).values_list("user__email", flat=True)
        )
        told = sorted(
            Message.objects.filter(kind="idea_merged").values_list("recipient__email", flat=True)
        )
        assert not Support.objects.filter(idea=ideas.app).exists()
        assert Idea.objects.get(pk=ideas.app.pk).merged_into_id == ideas.recordings.pk
        assert set(ideas.recordings.outcomes.all()) == {ideas.miss, ideas.find}
    assert supporters == ["organiser@acme.test", "staff@acme.test"]
    assert followers == [
        "customer@acme.test",
        "organiser@acme.test",
        "partner@acme.test",
        "staff@acme.test",
    ]
    assert told == ["partner@acme.test", "staff@acme.test"]  # not the organiser who merged


def test_an_idea_cannot_be_merged_into_itself_or_into_a_merged_one(acme, ideas):
    with pytest.raises(InvalidInput, match="Choose another idea"):
        services.idea_merge(idea=ideas.app, into=ideas.app, actor=acme.organiser)
    services.idea_merge(idea=ideas.app, into=ideas.recordings, actor=acme.organiser)
    with scope(organisation=acme.organisation):
        merged = Idea.objects.get(pk=ideas.app.pk)
    with pytest.raises(Exception, match="was merged into"):
        services.idea_merge(idea=ideas.coffee, into=merged, actor=acme.organiser)


def test_a_hidden_idea_leaves_the_list_the_vote_and_the_duplicates(acme, ideas):
    services.idea_flag(idea=ideas.coffee, user=acme.customer, reason="An advert")
    services.idea_hide(idea=ideas.coffee, actor=acme.staff, reason="An advert")

    with scope(organisation=acme.organisation):
        assert Flag.objects.get().resolved_at is not None
    assert ideas.coffee.pk not in engine.visible_idea_ids(acme.organisation)
    customer = client_for(acme.customer)
    assert ideas.coffee.title not in customer.get("/o/acme/ideas/").content.decode()
    assert customer.get(f"/o/acme/ideas/{ideas.coffee.pk}/").status_code == 404
    assert client_for(acme.staff).get(f"/o/acme/ideas/{ideas.coffee.pk}/").status_code == 200
    with pytest.raises(Conflict, match="already hidden"):
        services.idea_hide(idea=ideas.coffee, actor=acme.staff, reason="Again")


def test_near_duplicates_group_for_the_merge_tool(acme, ideas):
    services.idea_submit(
        organisation=acme.organisation,
        author=acme.customer,
        title="Could you film every talk and post the videos?",
    )

    groups = engine.duplicate_groups(acme.organisation)

    assert [sorted(i.title for i in g) for g in groups] == [
        [
            "Could you film every talk and post the videos?",
            "Record every talk and put the videos online",
        ]
    ]
    page = client_for(acme.staff).get("/o/acme/ideas/duplicates/").content.decode()
    assert "Could you film every talk and post the videos?" in page


def test_the_merge_form_refuses_an_unknown_idea_number(acme, ideas):
    answer = client_for(acme.organiser).post(
        f"/o/acme/ideas/{ideas.app.pk}/merge/", {"into": 99999}
    )

    assert answer.status_code == 422
    assert "There is no idea with this number here." in answer.content.decode()
