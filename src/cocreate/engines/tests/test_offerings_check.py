"""Checking an offering for the organiser: every problem, naming the rules responsible."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from cocreate.engines.offerings import (
    Dimension,
    Offering,
    Option,
    Rule,
    RuleProblem,
    TimeWindow,
    check_rules,
)

PARIS = ZoneInfo("Europe/Paris")
NINE, TEN, ELEVEN = (datetime(2026, 3, 3, h, tzinfo=PARIS) for h in (9, 10, 11))
TALKS = Dimension("talks", "Talks", min_picks=1, max_picks=2, noun="talk")
EXTRAS = Dimension("extras", "Extras")
OPTIONS = (
    Option("keynote", "talks", "Keynote", window=TimeWindow(NINE, TEN)),
    Option("panel", "talks", "Panel", window=TimeWindow(NINE, ELEVEN)),
    Option("recording", "talks", "Recording"),
    Option("lunch", "extras", "Lunch", cost=Decimal(20)),
    Option("dinner", "extras", "Dinner", cost=Decimal(60)),
)


def offering(*rules: Rule, dimensions=(TALKS, EXTRAS), options=OPTIONS, budget=None) -> Offering:
    return Offering("cx", "CX Un-conference", dimensions, options, rules, budget, "EUR")


def test_a_sound_offering_has_no_problems():
    assert (
        check_rules(
            offering(
                Rule("r1", "requires", ("keynote", "lunch")),
                Rule("r2", "excludes", ("panel", "recording")),
                Rule("r3", "at_most", ("lunch", "dinner"), k=1),
                Rule("r4", "at_least", ("keynote", "panel", "recording"), k=1),
            )
        )
        == []
    )


def test_rules_naming_unknown_options_are_named():
    assert check_rules(offering(Rule("r1", "requires", ("keynote", "ghost", "spirit")))) == [
        RuleProblem(
            "unknown_option",
            "Rule 'r1' refers to unknown options 'ghost' and 'spirit'.",
            ("r1",),
            ("ghost", "spirit"),
        )
    ]


def test_a_k_out_of_range_is_named():
    problems = check_rules(
        offering(
            Rule("negative", "at_most", ("lunch", "dinner"), k=-1),
            Rule("too-many", "at_least", ("lunch", "dinner"), k=3),
        )
    )

    assert problems[:2] == [
        RuleProblem(
            "k_out_of_range",
            "Rule 'negative' cannot ask for a negative number of options.",
            ("negative",),
        ),
        RuleProblem(
            "k_out_of_range",
            "Rule 'too-many' asks for at least 3 of only 2 options.",
            ("too-many",),
        ),
    ]


def test_a_requires_cycle_names_its_rules_in_order():
    problems = check_rules(
        offering(
            Rule("a", "requires", ("lunch", "dinner")),
            Rule("b", "requires", ("dinner", "recording")),
            Rule("c", "requires", ("recording", "lunch"), label="recordings come with lunch"),
        )
    )

    assert problems == [
        RuleProblem(
            "requires_cycle",
            "Rules 'a', 'b' and 'recordings come with lunch' form a cycle: 'Lunch' requires "
            "'Dinner', which requires 'Recording', which requires 'Lunch'.",
            ("a", "b", "c"),
            ("recording", "lunch", "dinner"),
        )
    ]


def test_an_option_the_rules_rule_out_is_named_with_the_smallest_set_of_rules():
    problems = check_rules(
        offering(
            Rule("needs-dinner", "requires", ("keynote", "dinner")),
            Rule("one-meal", "at_most", ("lunch", "dinner"), k=1),
            Rule("needs-lunch", "requires", ("keynote", "lunch")),
            Rule("harmless", "excludes", ("panel", "lunch")),
        )
    )

    assert problems == [
        RuleProblem(
            "never_pickable",
            "'Keynote' can never be picked because of: 'Keynote' requires 'Dinner' (rule "
            "'needs-dinner'); at most 1 of 'Lunch' and 'Dinner' (rule 'one-meal'); 'Keynote' "
            "requires 'Lunch' (rule 'needs-lunch').",
            ("needs-dinner", "one-meal", "needs-lunch"),
            ("keynote",),
        )
    ]


def test_overlaps_and_the_budget_can_be_part_of_the_reason():
    problems = check_rules(
        offering(
            Rule("with-keynote", "requires", ("panel", "keynote")),
            Rule("dinner-too", "requires", ("recording", "dinner", "lunch")),
            budget=Decimal(70),
        )
    )

    assert [p.message for p in problems] == [
        "'Panel' can never be picked because of: 'Panel' requires 'Keynote' (rule "
        "'with-keynote'); 'Keynote' and 'Panel' take place at the same time.",
        "'Recording' can never be picked because of: 'Recording' requires 'Dinner' and "
        "'Lunch' (rule 'dinner-too'); the budget of 70 EUR.",
    ]
    assert [p.rules for p in problems] == [("with-keynote",), ("dinner-too",)]


def test_an_offering_without_any_valid_design_names_the_conflict():
    problems = check_rules(
        offering(
            Rule("no-keynote", "excludes", ("lunch", "keynote")),
            Rule("lunch", "at_least", ("lunch",), k=1),
            Rule("no-panel", "at_most", ("panel", "recording"), k=0),
        )
    )

    assert problems == [
        RuleProblem(
            "no_valid_design",
            "No design can satisfy all of these at once: 'Lunch' cannot be combined with "
            "'Keynote' (rule 'no-keynote'); at least 1 of 'Lunch' (rule 'lunch'); at most 0 of "
            "'Panel' and 'Recording' (rule 'no-panel'); at least 1 talk in 'Talks'.",
            ("no-keynote", "lunch", "no-panel"),
        )
    ]


def test_the_organisers_label_stands_for_a_rule_in_the_reasons():
    problems = check_rules(
        offering(
            Rule("lunch", "at_least", ("lunch",), k=1),
            Rule("meals", "at_most", ("lunch", "dinner"), k=0, label="no meals this year"),
        )
    )

    assert [p.message for p in problems] == [
        "No design can satisfy all of these at once: at least 1 of 'Lunch' (rule 'lunch'); "
        "No meals this year."
    ]


def test_numbers_that_cannot_work_are_named():
    dimensions = (
        Dimension("talks", "Talks", min_picks=3, max_picks=2),
        Dimension("extras", "Extras", min_picks=4),
        Dimension("odd", "Odd", min_picks=-1),
    )
    options = (
        Option("keynote", "talks", "Keynote", capacity=-5),
        Option("lunch", "extras", "Lunch", cost=Decimal("-1")),
    )

    problems = check_rules(offering(dimensions=dimensions, options=options, budget=Decimal(-3)))

    assert [p.message for p in problems] == [
        "The capacity of 'Keynote' cannot be negative.",
        "The cost of 'Lunch' cannot be negative.",
        "The budget cannot be negative.",
        "'Talks' asks for at least 3 but at most 2 picks.",
        "'Extras' asks for at least 4 picks but has 1 option.",
        "The number of picks in 'Odd' cannot be negative.",
        "No design can satisfy all of these at once: at least 3 options in 'Talks'.",
    ]


def test_a_broken_structure_is_reported_without_solving():
    options = (
        *OPTIONS,
        Option("lunch", "extras", "Second lunch"),
        Option("late", "nowhere", "Late"),
        Option("naive", "extras", "Naive", window=TimeWindow(datetime(2026, 3, 3, 9), TEN)),
    )

    problems = check_rules(
        offering(
            Rule("empty", "at_most", (), k=1),
            Rule("twice", "excludes", ("lunch", "lunch")),
            Rule("odd", "prefers", ("lunch", "dinner")),  # type: ignore[arg-type]
            options=options,
        )
    )

    assert [p.code for p in problems] == [
        "duplicate_id",
        "unknown_dimension",
        "bad_window",
        "rule_too_short",
        "repeated_option",
        "unknown_rule_kind",
    ]
    assert problems[2].message == "The time of 'Naive' needs a time zone."


def test_the_same_offering_gets_the_same_problems():
    contradictory = offering(
        Rule("needs-dinner", "requires", ("keynote", "dinner")),
        Rule("one-meal", "at_most", ("lunch", "dinner"), k=1),
        Rule("needs-lunch", "requires", ("keynote", "lunch")),
        Rule("with-keynote", "requires", ("panel", "keynote")),
    )

    first = check_rules(contradictory)

    assert [p.options for p in first] == [("keynote",), ("panel",)]
    assert all(check_rules(contradictory) == first for _ in range(3))
