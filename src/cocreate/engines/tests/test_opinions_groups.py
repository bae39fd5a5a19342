"""Opinion groups as pol.is finds them, checked against red-dwarf on the same votes."""

import numpy as np
import polars as pl
import pytest
from sklearn.metrics import adjusted_rand_score

from cocreate.engines.opinions import (
    NOT_GROUPED,
    InvalidVotes,
    NotEnoughVotes,
    find_opinion_groups,
)


def planted_votes(
    participants: int = 240, statements: int = 120, groups: int = 3, seed: int = 1
) -> tuple[pl.DataFrame, np.ndarray]:
    """Each planted group leans for or against each statement; people vote on about
    half the statements and pass one time in ten."""
    rng = np.random.default_rng(seed)
    member = rng.integers(0, groups, participants)
    lean = rng.choice([-1, 1], (groups, statements)) * rng.uniform(0.3, 0.9, (groups, statements))
    who, what = np.nonzero(rng.random((participants, statements)) < 0.5)
    agree = rng.random(who.size) < 0.5 + 0.45 * lean[member[who], what]
    vote = np.where(rng.random(who.size) < 0.1, 0, np.where(agree, 1, -1))
    frame = pl.DataFrame({"participant_id": who + 1000, "statement_id": what, "vote": vote})
    return frame, member


def test_groups_match_red_dwarf_on_the_same_votes():
    """Same map (to rounding), same groups, same statements. On votes with less clear
    groups red-dwarf's deterministic start (the first k distinct positions) sometimes
    settles on a poorer split that the seeded k-means++ restarts here avoid."""
    from reddwarf.implementations.polis import run_pipeline

    votes, _ = planted_votes()

    ours = find_opinion_groups(votes, seed=0)
    theirs = run_pipeline(votes=votes.to_dicts(), random_state=0)

    their_labels = theirs.participants_df["cluster_id"].reindex(ours.participant_ids)
    grouped = ours.group_of != NOT_GROUPED
    assert grouped.tolist() == their_labels.notna().tolist()
    ari = adjusted_rand_score(their_labels[grouped].astype(int), ours.group_of[grouped])
    assert ari >= 0.9
    their_positions = np.array([theirs.participant_projections[p] for p in ours.participant_ids])
    np.testing.assert_allclose(ours.coordinates, their_positions, atol=1e-9)
    assert [(f.statement_id, f.direction) for f in ours.consensus] == [
        *((s["tid"], "agree") for s in theirs.consensus["agree"]),
        *((s["tid"], "disagree") for s in theirs.consensus["disagree"]),
    ]
    for group in ours.groups:  # the same group under red-dwarf's number
        members = ours.group_of == group.group
        their_group = int(their_labels[members].mode()[0])
        assert [(f.statement_id, f.direction) for f in group.representative] == [
            (s["tid"], s["repful-for"]) for s in theirs.repness[their_group]
        ]


def test_planted_groups_are_found_and_numbered_by_size():
    votes, member = planted_votes(participants=300, seed=3)

    found = find_opinion_groups(votes, seed=0)

    assert len(found.groups) == 3
    assert adjusted_rand_score(member, found.group_of) > 0.95  # a few people sit between
    sizes = [group.size for group in found.groups]
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == 300
    assert max(found.silhouettes, key=lambda k: found.silhouettes[k]) == 3


def test_each_group_lists_its_best_agreed_statement_first():
    votes, _ = planted_votes()

    found = find_opinion_groups(votes, seed=0)

    for group in found.groups:
        assert group.representative[0].best_agree
        assert group.representative[0].direction == "agree"
        assert len(group.representative) <= 5
        first = group.representative[0]
        assert first.share == pytest.approx((1 + first.votes_for) / (2 + first.votes))


def test_people_with_fewer_than_seven_votes_are_on_the_map_but_in_no_group():
    votes, _ = planted_votes()
    newcomer = pl.DataFrame({"participant_id": [1], "statement_id": [0], "vote": [1]})

    found = find_opinion_groups(pl.concat([votes, newcomer]), seed=0)

    table = found.participants().filter(participant_id=1)
    assert table.select("votes", "group").row(0) == (1, NOT_GROUPED)
    assert np.isfinite(table["x"][0])


def test_the_same_votes_give_the_same_groups():
    votes, _ = planted_votes(seed=5)

    first = find_opinion_groups(votes, seed=0)
    again = find_opinion_groups(votes.sample(fraction=1.0, shuffle=True, seed=9), seed=0)

    assert first.group_of.tolist() == again.group_of.tolist()


def test_votes_other_than_agree_disagree_or_pass_are_refused():
    votes = pl.DataFrame({"participant_id": [1, 2], "statement_id": [1, 1], "vote": [1, 2]})

    with pytest.raises(InvalidVotes, match=r"1 votes are not -1 .*: 2 by 2 on 1"):
        find_opinion_groups(votes)


def test_a_second_vote_on_the_same_statement_is_refused():
    votes = pl.DataFrame({"participant_id": [1, 1], "statement_id": [4, 4], "vote": [1, -1]})

    with pytest.raises(InvalidVotes, match=r"more than once on a statement \(1 on 4\)"):
        find_opinion_groups(votes)


def test_a_single_statement_is_not_enough_for_a_map():
    votes = pl.DataFrame(
        {"participant_id": [1, 2, 3], "statement_id": [4, 4, 4], "vote": [1, -1, 0]}
    )

    with pytest.raises(NotEnoughVotes, match="3 participants and 1 statements"):
        find_opinion_groups(votes)


def test_too_few_people_to_group_still_get_a_map_and_consensus():
    votes = pl.DataFrame(
        {"participant_id": [1] * 8 + [2] * 8, "statement_id": list(range(8)) * 2, "vote": [1] * 16}
    )

    found = find_opinion_groups(votes)

    assert found.groups == ()
    assert found.silhouettes == {}
    assert found.group_of.tolist() == [NOT_GROUPED, NOT_GROUPED]
