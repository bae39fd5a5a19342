"""Validating a customer's design: every violation at once, each in its exact sentence."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from cocreate.engines.offerings import (
    Dimension,
    Eligibility,
    InvalidOffering,
    Offering,
    Option,
    Profile,
    Rule,
    Selection,
    TimeWindow,
    Violation,
    validate,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(hour: int, minute: int = 0, day: int = 3) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=AMSTERDAM)


SESSIONS = Dimension("morning", "Morning sessions", min_picks=2, max_picks=3, noun="session")
EXTRAS = Dimension("extras", "Extras", max_picks=2)
TOPIC = Dimension(
    "topic", "What I want to talk about", min_picks=1, open_answer=True, max_answer_length=40
)
OPTIONS = (
    Option("design", "morning", "Design thinking workshop", window=TimeWindow(at(9, 30), at(11))),
    Option("panel", "morning", "Panel: the future of CX", window=TimeWindow(at(10), at(11, 30))),
    Option("keynote", "morning", "Keynote", window=TimeWindow(at(8), at(9))),
    Option("recording", "morning", "Recording: the future of CX"),
    Option("dinner", "extras", "Dinner", cost=Decimal("85.50"), capacity=40),
    Option(
        "track",
        "extras",
        "Track day",
        cost=Decimal("600"),
        window=TimeWindow(at(10, 30), at(12)),
        eligibility=(Eligibility("member", ("true",), "members"),),
    ),
    Option(
        "mentoring",
        "extras",
        "Mentoring",
        eligibility=(Eligibility("age_group", ("18-25", "26-35")),),
    ),
    Option("yoga", "extras", "Yoga", cost=Decimal("12.25")),
)
CX = Offering(
    "cx",
    "CX Un-conference",
    dimensions=(SESSIONS, EXTRAS, TOPIC),
    options=OPTIONS,
    rules=(
        Rule("needs-dinner", "requires", ("design", "dinner", "yoga")),
        Rule("panel-or-recording", "excludes", ("panel", "recording")),
        Rule("one-social", "at_most", ("dinner", "yoga", "mentoring"), k=1),
        Rule("a-keynote", "at_least", ("keynote", "recording"), k=1),
    ),
    budget=Decimal("600"),
    unit="EUR",
)
MEMBER: Profile = {"member": True, "age_group": "26-35"}
ANSWERED = {"topic": "Journey mapping"}


def check(picked: set[str], profile=MEMBER, remaining=None, answers=ANSWERED) -> list[Violation]:
    return validate(CX, Selection(frozenset(picked), answers), profile, remaining or {})


def test_a_valid_design_has_no_violations():
    assert check({"keynote", "panel", "dinner"}, remaining={"dinner": 1}) == []


def test_too_few_picks_name_the_dimension_and_its_noun():
    assert check({"keynote"}) == [
        Violation(
            "too_few",
            "Pick at least 2 sessions in 'Morning sessions'.",
            ("design", "panel", "keynote", "recording"),
            dimension="morning",
        )
    ]


def test_too_many_picks_list_the_picked_options():
    violations = check({"keynote", "panel", "dinner", "yoga", "mentoring"})

    assert (
        Violation(
            "too_many",
            "Pick at most 2 options in 'Extras'.",
            ("dinner", "mentoring", "yoga"),
            dimension="extras",
        )
        in violations
    )


def test_exactly_is_said_when_minimum_and_maximum_agree():
    lunch = Dimension("lunch", "Lunch", min_picks=1, max_picks=1, noun="meal")
    offering = Offering("o", "O", (lunch,), (Option("soup", "lunch", "Soup"),), ())

    assert [v.message for v in validate(offering, Selection(frozenset()), {}, {})] == [
        "Pick exactly 1 meal in 'Lunch'."
    ]


def test_a_requires_rule_names_only_the_missing_targets():
    assert check({"keynote", "design", "yoga"}) == [
        Violation(
            "requires",
            "'Design thinking workshop' requires 'Dinner'.",
            ("design", "dinner"),
            "needs-dinner",
        )
    ]


def test_an_excludes_rule_works_both_ways_round_and_names_the_clash():
    violations = check({"keynote", "panel", "recording"})

    assert violations == [
        Violation(
            "excludes",
            "'Panel: the future of CX' cannot be combined with 'Recording: the future of CX'.",
            ("panel", "recording"),
            "panel-or-recording",
        )
    ]


def test_at_least_holds_even_when_nothing_from_the_set_is_picked():
    violations = check({"panel", "dinner"})

    assert [v for v in violations if v.code == "at_least"] == [
        Violation(
            "at_least",
            "Pick at least 1 of 'Keynote' and 'Recording: the future of CX'.",
            ("keynote", "recording"),
            "a-keynote",
        )
    ]


def test_the_organisers_label_replaces_the_engines_sentence():
    labelled = Offering(
        "o",
        "O",
        CX.dimensions,
        CX.options,
        (Rule("r", "at_most", ("dinner", "yoga"), k=1, label="pick one evening treat"),),
    )
    selection = Selection(frozenset({"keynote", "panel", "dinner", "yoga"}), ANSWERED)

    assert validate(labelled, selection, MEMBER, {}) == [
        Violation("at_most", "Pick one evening treat.", ("dinner", "yoga"), "r")
    ]


def test_overlaps_across_dimensions_give_the_overlapping_period():
    violations = check({"keynote", "design", "panel", "track"})
    overlaps = [v for v in violations if v.code == "overlap"]

    assert overlaps == [
        Violation(
            "overlap",
            "'Design thinking workshop' overlaps 'Panel: the future of CX' (10:00–11:00).",
            ("design", "panel"),
        ),
        Violation(
            "overlap",
            "'Design thinking workshop' overlaps 'Track day' (10:30–11:00).",
            ("design", "track"),
        ),
        Violation(
            "overlap",
            "'Panel: the future of CX' overlaps 'Track day' (10:30–11:30).",
            ("panel", "track"),
        ),
    ]


def test_sessions_that_touch_do_not_overlap():
    touching = Offering(
        "o",
        "O",
        (EXTRAS,),
        (
            Option("a", "extras", "A", window=TimeWindow(at(9), at(10))),
            Option("b", "extras", "B", window=TimeWindow(at(10), at(11))),
        ),
        (),
    )

    assert validate(touching, Selection(frozenset({"a", "b"})), {}, {}) == []


def test_an_overlap_across_midnight_gives_both_days():
    late = Offering(
        "o",
        "O",
        (EXTRAS,),
        (
            Option("party", "extras", "Party", window=TimeWindow(at(22), at(2, day=4))),
            Option("film", "extras", "Late film", window=TimeWindow(at(23), at(1, day=4))),
        ),
        (),
    )

    assert [v.message for v in validate(late, Selection(frozenset({"party", "film"})), {}, {})] == [
        "'Party' overlaps 'Late film' (3 Mar 23:00 – 4 Mar 01:00)."
    ]


def test_eligibility_uses_the_label_or_else_the_field_and_its_values():
    violations = check({"keynote", "panel", "track", "mentoring"}, profile={"age_group": "51+"})

    assert [v for v in violations if v.code == "ineligible"] == [
        Violation("ineligible", "'Track day' is for members only.", ("track",)),
        Violation(
            "ineligible", "'Mentoring' is only for age_group 18-25 or 26-35.", ("mentoring",)
        ),
    ]


@pytest.mark.parametrize(
    ("answer", "eligible"),
    [
        (["51+", "26-35"], True),  # a multi-choice answer: any of its values will do
        (["51+"], False),
        ("18-25", True),
        (None, False),
        ([], False),
    ],
)
def test_eligibility_accepts_any_value_of_a_multi_choice_answer(answer, eligible):
    violations = check({"keynote", "panel", "mentoring"}, profile={"age_group": answer})

    assert ("ineligible" not in [v.code for v in violations]) is eligible


def test_yes_no_and_number_answers_read_as_text():
    offering = Offering(
        "o",
        "O",
        (EXTRAS,),
        (
            Option("m", "extras", "M", eligibility=(Eligibility("member", ("true",)),)),
            Option("y", "extras", "Y", eligibility=(Eligibility("year", ("2026",)),)),
        ),
        (),
    )
    picked = Selection(frozenset({"m", "y"}))

    assert validate(offering, picked, {"member": True, "year": 2026}, {}) == []
    assert len(validate(offering, picked, {"member": False, "year": 2025}, {})) == 2


def test_the_budget_adds_decimal_costs_exactly():
    violations = check({"keynote", "design", "track", "dinner", "yoga"})

    assert violations[-1] == Violation(
        "budget",
        "Your design costs 697.75 EUR; the budget is 600 EUR.",
        ("dinner", "track", "yoga"),
    )


def test_a_design_exactly_at_the_budget_is_within_it():
    offering = Offering(
        "o",
        "O",
        (EXTRAS,),
        (
            Option("a", "extras", "A", cost=Decimal("0.10")),
            Option("b", "extras", "B", cost=Decimal("0.20")),
        ),
        (),
        budget=Decimal("0.3"),
        unit="credits",
    )

    assert validate(offering, Selection(frozenset({"a", "b"})), {}, {}) == []


def test_a_full_option_in_the_design_is_a_violation_but_unlimited_ones_never_are():
    violations = check({"keynote", "panel", "dinner", "yoga"}, remaining={"dinner": 0, "yoga": 0})

    assert [v for v in violations if v.code == "full"] == [
        Violation("full", "'Dinner' is full.", ("dinner",))
    ]
    assert "full" not in [v.code for v in check({"keynote", "panel", "dinner"}, remaining={})]


def test_answers_are_required_and_limited_in_length():
    assert check({"keynote", "panel"}, answers={"topic": "   "}) == [
        Violation("answer_missing", "Please answer 'What I want to talk about'.", dimension="topic")
    ]
    assert check({"keynote", "panel"}, answers={"topic": "x" * 41}) == [
        Violation(
            "answer_too_long",
            "Your answer to 'What I want to talk about' is 41 characters long; keep it to 40.",
            dimension="topic",
        )
    ]


def test_unknown_options_and_answers_are_reported():
    violations = check({"keynote", "panel", "gone"}, answers={**ANSWERED, "morning": "hi"})

    assert violations == [
        Violation("unknown_option", "There is no option 'gone' in 'CX Un-conference'.", ("gone",)),
        Violation("unknown_answer", "There is no question 'morning' to answer."),
    ]


def test_every_violation_is_reported_in_a_stable_order():
    picked = {"gone", "design", "panel", "recording", "track", "dinner", "yoga", "mentoring"}
    profile = {"member": False, "age_group": "26-35"}

    codes = [v.code for v in check(picked, profile=profile, remaining={"dinner": 0}, answers={})]

    assert codes == [
        "unknown_option",
        "full",
        "ineligible",
        "too_many",
        "answer_missing",
        "excludes",
        "at_most",
        "overlap",
        "overlap",
        "overlap",
        "budget",
    ]
    assert check(picked, profile=profile, remaining={"dinner": 0}, answers={}) == check(
        set(sorted(picked, reverse=True)), profile=profile, remaining={"dinner": 0}, answers={}
    )


def test_a_broken_offering_is_refused_with_every_problem_named():
    broken = Offering(
        "o",
        "O",
        (EXTRAS,),
        (
            Option("a", "extras", "A"),
            Option("a", "extras", "A again"),
            Option("b", "nowhere", "B"),
            Option("c", "extras", "C", window=TimeWindow(at(11), at(10))),
        ),
        (Rule("r", "requires", ("a", "ghost")),),
    )

    with pytest.raises(InvalidOffering) as refused:
        validate(broken, Selection(frozenset()), {}, {})

    assert str(refused.value) == (
        "Two options have the id 'a'. "
        "Option 'B' belongs to an unknown dimension 'nowhere'. "
        "The time of 'C' must end after it starts. "
        "Rule 'r' refers to unknown option 'ghost'."
    )
