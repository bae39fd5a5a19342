"""The wiki survey: pairs chosen adaptively, never repeated in a round, voted on once;
the ranking with its intervals, the All Our Ideas score, and support votes."""

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict, Gone, InvalidInput, NotFound
from cocreate.ideas import engine, services
from cocreate.ideas.models import Comparison, Follower
from cocreate.ideas.tests.conftest import customers


def shown(org, user) -> Comparison:
    """The pair the voter is shown now (there must be one)."""
    pair = services.pair_next(organisation=org.organisation, user=user)
    assert pair is not None
    return pair


def vote_until_done(org, user, prefer):
    """Answer every pair shown to `user`, preferring ideas in the order of `prefer`."""
    rank = {idea.pk: n for n, idea in enumerate(prefer)}
    votes = 0
    while (pair := services.pair_next(organisation=org.organisation, user=user)) is not None:
        better = "left" if rank[pair.left_id] < rank[pair.right_id] else "right"
        services.vote(comparison=pair, user=user, choice=better)
        votes += 1
    return votes


def test_a_voter_sees_each_pair_once_per_round_then_nothing(acme, ideas):
    seen = set()
    while (
        pair := services.pair_next(organisation=acme.organisation, user=acme.customer)
    ) is not None:
        assert pair.pair not in seen
        seen.add(pair.pair)
        services.vote(comparison=pair, user=acme.customer, choice="cant_decide")

    assert len(seen) == 3  # three ideas make three pairs


def test_the_pair_shown_stays_until_it_is_answered(acme, ideas):
    first = shown(acme, acme.customer)
    again = shown(acme, acme.customer)

    assert first.pk == again.pk


def test_a_second_vote_on_the_same_pair_in_a_round_is_refused_and_counts_once(acme, ideas):
    pair = shown(acme, acme.customer)
    services.vote(comparison=pair, user=acme.customer, choice="left")

    with pytest.raises(Conflict, match="already voted on this pair"):
        services.vote(comparison=pair, user=acme.customer, choice="right")

    with scope(organisation=acme.organisation):
        assert Comparison.objects.get(pk=pair.pk).choice == "left"
    votes = engine.decisive_votes(acme.organisation, engine.visible_idea_ids(acme.organisation))
    assert len(votes.winners) == 1


def test_a_new_round_shows_the_pairs_again(acme, ideas):
    assert vote_until_done(acme, acme.customer, [ideas.recordings, ideas.app, ideas.coffee]) == 3

    services.round_start(organisation=acme.organisation, actor=acme.organiser, name="Spring")

    assert services.pair_next(organisation=acme.organisation, user=acme.customer) is not None


def test_votes_on_other_peoples_pairs_or_outside_the_choices_are_refused(acme, ideas):
    pair = shown(acme, acme.customer)

    with pytest.raises(NotFound):
        services.vote(comparison=pair, user=acme.staff, choice="left")
    with pytest.raises(InvalidInput, match="Choose one of: left, right, cant_decide"):
        services.vote(comparison=pair, user=acme.customer, choice="both")


def test_a_vote_on_a_pair_whose_idea_was_merged_meanwhile_is_refused(acme, ideas):
    pair = shown(acme, acme.customer)
    other = next(
        i
        for i in (ideas.recordings, ideas.coffee, ideas.app)
        if i.pk not in (pair.left_id, pair.right_id)
    )
    services.idea_merge(idea=pair.left, into=other, actor=acme.organiser)

    with pytest.raises(Gone, match="was merged into"):
        services.vote(comparison=pair, user=acme.customer, choice="left")


def test_a_decisive_vote_makes_the_voter_follow_the_idea_they_chose(acme, ideas):
    (voter,) = customers(acme, 1)  # authored none of the ideas, so follows none yet
    pair = shown(acme, voter)
    services.vote(comparison=pair, user=voter, choice="right")

    with scope(organisation=acme.organisation):
        assert Follower.objects.get(user=voter, idea_id=pair.right_id).reason == "voter"
        assert not Follower.objects.filter(user=voter, idea_id=pair.left_id).exists()


def test_the_ranking_follows_the_votes_with_intervals_and_the_all_our_ideas_score(acme, ideas):
    prefer = [ideas.recordings, ideas.app, ideas.coffee]
    for voter in customers(acme, 6):
        vote_until_done(acme, voter, prefer)
    services.support_add(idea=ideas.coffee, user=acme.partner)

    snapshot = services.ranking_current(acme.organisation)

    rows = {row["idea"]: row for row in snapshot.ideas}
    assert [row["idea"] for row in snapshot.ideas] == [i.pk for i in prefer]
    assert (snapshot.votes, snapshot.voters) == (18, 6)
    assert (rows[ideas.recordings.pk]["wins"], rows[ideas.recordings.pk]["losses"]) == (12, 0)
    assert rows[ideas.recordings.pk]["all_our_ideas_score"] == pytest.approx(13 / 14 * 100)
    assert rows[ideas.coffee.pk]["all_our_ideas_score"] == pytest.approx(1 / 14 * 100)
    assert rows[ideas.coffee.pk]["support"] == 1
    for row in snapshot.ideas:
        assert row["chance_low"] - 1e-9 <= row["chance_to_win"] <= row["chance_high"] + 1e-9


def test_the_ranking_snapshot_is_reused_until_something_changes(acme, ideas):
    first = services.ranking_current(acme.organisation)
    same = services.ranking_current(acme.organisation)
    services.support_add(idea=ideas.app, user=acme.customer)
    changed = services.ranking_current(acme.organisation)

    assert same.computed_at == first.computed_at
    assert changed.fingerprint != first.fingerprint
    assert {row["idea"]: row["support"] for row in changed.ideas}[ideas.app.pk] == 1


def test_merging_keeps_the_pairwise_votes_for_the_idea_it_joins(acme, ideas):
    for voter in customers(acme, 3):
        vote_until_done(acme, voter, [ideas.app, ideas.recordings, ideas.coffee])

    services.idea_merge(idea=ideas.app, into=ideas.coffee, actor=acme.organiser)

    rows = {row["idea"]: row for row in services.ranking_current(acme.organisation).ideas}
    assert set(rows) == {ideas.recordings.pk, ideas.coffee.pk}
    # app beat both others 3 times each; its wins over coffee vanish (an idea cannot
    # beat itself), its wins over recordings now count for coffee.
    assert (rows[ideas.coffee.pk]["wins"], rows[ideas.coffee.pk]["losses"]) == (3, 3)
    assert (rows[ideas.recordings.pk]["wins"], rows[ideas.recordings.pk]["losses"]) == (3, 3)


def test_the_voting_page_swaps_the_pair_in_place_and_takes_a_new_idea(acme, ideas):
    client = client_for(acme.customer)
    page = client.get("/o/acme/ideas/vote/")
    pair = shown(acme, acme.customer)
    assert "Which matters more to you?" in page.content.decode()

    voted = client.post(
        f"/o/acme/ideas/vote/{pair.pk}/", {"choice": "left"}, HTTP_HX_REQUEST="true"
    )
    again = client.post(f"/o/acme/ideas/vote/{pair.pk}/", {"choice": "left"})
    added = client.post(
        "/o/acme/ideas/vote/add/",
        {"title": "Serve breakfast before the keynote"},
        HTTP_HX_REQUEST="true",
    )

    assert voted.status_code == 200
    assert "<html" not in voted.content.decode()
    assert again.status_code == 409
    assert "You already voted on this pair in this round" in again.content.decode()
    assert "“Serve breakfast before the keynote” joins the vote." in added.content.decode()


def test_the_ranking_page_shows_both_scores(acme, ideas):
    vote_until_done(acme, acme.customer, [ideas.coffee, ideas.app, ideas.recordings])

    page = client_for(acme.partner).get("/o/acme/ideas/ranking/").content.decode()

    assert "3 decisive votes by 1 voter" in page
    assert "All Our Ideas" in page
    assert page.index(ideas.coffee.title) < page.index(ideas.recordings.title)
