"""Suggesting a design: keep the customer's picks, fill the minimums, add what matches
their interests, and break no rule."""

from decimal import Decimal

import pytest

from cocreate.engines.offerings import (
    Dimension,
    Eligibility,
    NoFeasibleDesign,
    Offering,
    Option,
    Rule,
    Selection,
    suggest,
    validate,
)

TALKS = Dimension("talks", "Talks", min_picks=2, max_picks=3, noun="talk")
SOCIAL = Dimension("social", "Social", max_picks=2)
TOPIC = Dimension("topic", "What I want to talk about", min_picks=1, open_answer=True)
CX = Offering(
    "cx",
    "CX Un-conference",
    (TALKS, SOCIAL, TOPIC),
    (
        Option("ai", "talks", "AI in service", tags=("AI", "automation")),
        Option("journeys", "talks", "Journey mapping", tags=("journeys", "research")),
        Option("loyalty", "talks", "Loyalty that lasts", tags=("loyalty",)),
        Option("bots", "talks", "Bots that help", tags=("ai",), capacity=30),
        Option("ethics", "talks", "Ethics of automation", tags=("ai", "ethics"), cost=Decimal(90)),
        Option("run", "social", "Morning run", tags=("sport",)),
        Option("dinner", "social", "Dinner", tags=("food", "networking"), cost=Decimal(40)),
        Option(
            "lab",
            "social",
            "Members' lab",
            tags=("ai",),
            eligibility=(Eligibility("member", ("true",)),),
        ),
    ),
    (
        Rule("ethics-dinner", "requires", ("ethics", "dinner")),
        Rule("bots-or-loyalty", "excludes", ("bots", "loyalty")),
    ),
    budget=Decimal(100),
    unit="EUR",
)


def picks(*ids: str) -> Selection:
    return Selection(frozenset(ids), {"topic": "hello"})


def test_an_empty_design_is_filled_with_the_best_matches():
    suggested = suggest(CX, picks(), {}, {}, {"ai": 1.0})

    # Ethics matches too, but with the dinner it requires it is over the budget; the
    # members' lab matches, but the customer is not a member.
    assert suggested.options == frozenset({"ai", "bots"})
    assert validate(CX, suggested, {}, {}) == []


def test_the_customers_picks_are_kept():
    suggested = suggest(CX, picks("loyalty"), {}, {}, {"ai": 1.0})

    assert suggested.options == frozenset({"loyalty", "ai"})  # bots excludes loyalty


def test_only_as_many_optional_picks_as_asked_and_never_beyond_the_maximum():
    interests = {"ai": 1.0, "journeys": 0.9, "loyalty": 0.8, "food": 0.7, "sport": 0.5}
    one = suggest(CX, picks(), {}, {}, interests)
    many = suggest(CX, picks(), {}, {}, interests, optional_picks=5)

    assert one.options == frozenset({"ai", "bots", "journeys", "dinner"})
    assert many.options == frozenset({"ai", "bots", "journeys", "dinner", "run"})
    assert validate(CX, many, {}, {}) == []


def test_options_that_match_nothing_are_added_only_to_reach_a_minimum():
    suggested = suggest(CX, picks(), {}, {}, {"sport": 1.0}, optional_picks=3)
    talks = suggested.options - {"run", "dinner", "lab"}

    assert suggested.options - talks == {"run"}
    assert len(talks) == TALKS.min_picks


def test_a_full_or_ineligible_option_is_never_suggested():
    interests = {"ai": 1.0, "research": 0.1}
    suggested = suggest(CX, picks(), {"member": False}, {"bots": 0}, interests)

    assert suggested.options == frozenset({"ai", "journeys"})
    assert validate(CX, suggested, {"member": False}, {"bots": 0}) == []


def test_a_member_gets_the_members_lab_when_it_matches():
    suggested = suggest(CX, picks(), {"member": True}, {}, {"ai": 1.0})

    assert suggested.options == frozenset({"ai", "bots", "lab"})


def test_a_broken_selection_loses_as_few_picks_as_possible_keeping_the_best_matches():
    suggested = suggest(CX, picks("bots", "loyalty", "journeys"), {}, {}, {"loyalty": 2.0})

    assert suggested.options == frozenset({"loyalty", "journeys"})


def test_negative_interests_steer_away():
    suggested = suggest(CX, picks(), {}, {}, {"ai": -1.0, "research": 0.5})

    assert suggested.options == frozenset({"journeys", "loyalty"})


def test_answers_are_kept():
    assert suggest(CX, picks(), {}, {}, {}).answers == {"topic": "hello"}


def test_the_same_input_gives_the_same_suggestion():
    first = suggest(CX, picks(), {}, {}, {"ai": 1.0, "food": 0.5})

    assert all(suggest(CX, picks(), {}, {}, {"ai": 1.0, "food": 0.5}) == first for _ in range(3))


def test_no_suggestion_when_no_design_fits():
    too_few = Offering("o", "O", (TALKS,), CX.options[:1], ())

    with pytest.raises(NoFeasibleDesign) as refused:
        suggest(too_few, picks(), {}, {}, {})

    assert str(refused.value) == "No design fits all of these: at least 2 talks in 'Talks'."
