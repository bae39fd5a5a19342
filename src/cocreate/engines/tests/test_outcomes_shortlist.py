"""The shortlist: ideas by the opportunities they serve and their ranking, with reasons."""

from cocreate.engines.outcomes import IdeaOutcomes, Interval, OpportunityScore, shortlist
from cocreate.engines.ranking import RankedIdea, Ranking

FIND = "Minimise the time it takes to find a session worth attending"
QUEUE = "Minimise the time spent queuing for coffee"


def score(outcome, importance, satisfaction, opportunity, label):
    interval = Interval(0.0, 20.0)
    return OpportunityScore(
        outcome, importance, satisfaction, opportunity, label, 300, interval, interval, interval
    )


def ranking_of(ideas, voters):
    ranked = tuple(
        RankedIdea(idea, n, 0.0, 50.0, 40.0, 60.0, 1, 1, 50.0, 0, 50.0)
        for n, idea in enumerate(ideas, start=1)
    )
    return Ranking(ranked, voters=voters, votes=10 * voters, level=0.95)


SCORES = [score("find", 9.5, 3.9, 15.2, "extreme"), score("queue", 5.0, 6.0, 5.0, "over-served")]
STATEMENTS = {"find": FIND, "queue": QUEUE}
RANKING = ranking_of([f"idea {n}" for n in range(1, 201)], voters=1204)


def test_reasons_name_the_outcome_served_and_the_place_in_the_ranking():
    (entry,) = shortlist([IdeaOutcomes("idea 3", ("find",))], RANKING, SCORES, STATEMENTS)

    assert entry.reasons == (
        f"serves '{FIND}' (opportunity 15.2, extreme)",
        "ranked 3rd of 200 by 1,204 voters",
    )
    assert entry.rank == 3
    assert entry.best_opportunity == 15.2


def test_an_idea_serving_an_extreme_need_beats_a_better_ranked_one_serving_none():
    ideas = [
        IdeaOutcomes("idea 1", ("queue",)),
        IdeaOutcomes("idea 40", ("find", "queue")),
        IdeaOutcomes("idea 2", ()),
    ]

    entries = shortlist(ideas, RANKING, SCORES, STATEMENTS)

    assert [e.idea for e in entries] == ["idea 40", "idea 1", "idea 2"]
    assert entries[0].reasons[:2] == (
        f"serves '{FIND}' (opportunity 15.2, extreme)",
        f"serves '{QUEUE}' (opportunity 5.0, over-served)",
    )
    assert entries[2].reasons[0] == "serves no surveyed outcome"


def test_the_value_blends_opportunity_and_place_evenly():
    ideas = [IdeaOutcomes("idea 1", ("find",)), IdeaOutcomes("idea 200", ())]

    top, bottom = shortlist(ideas, RANKING, SCORES, STATEMENTS)

    assert top.value == 100 * (0.5 * 15.2 / 20 + 0.5 * 1.0)
    assert bottom.value == 0.0


def test_an_idea_not_yet_voted_on_says_so():
    (entry,) = shortlist(
        [IdeaOutcomes("brand new", ("find",))], ranking_of(["a"], voters=1), SCORES, STATEMENTS
    )

    assert entry.rank is None
    assert entry.reasons[-1] == "not yet in the pairwise vote"
    assert shortlist([IdeaOutcomes("a", ())], ranking_of(["a"], 1), SCORES, STATEMENTS)[
        0
    ].reasons == ("serves no surveyed outcome", "ranked 1st of 1 by 1 voter")
