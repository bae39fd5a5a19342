"""Repairing a design: the nearest valid designs, best first, with a sentence each."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from cocreate.engines.offerings import (
    Dimension,
    Eligibility,
    NoFeasibleDesign,
    Offering,
    Option,
    Rule,
    Selection,
    TimeWindow,
    repair,
    validate,
)

UTC = ZoneInfo("UTC")
TEN, ELEVEN, NOON = (datetime(2026, 3, 3, h, tzinfo=UTC) for h in (10, 11, 12))

TALKS = Dimension("talks", "Talks", min_picks=1, max_picks=2, noun="talk")
EXTRAS = Dimension("extras", "Extras")
CX = Offering(
    "cx",
    "CX Un-conference",
    (TALKS, EXTRAS),
    (
        Option("design", "talks", "Design thinking workshop", window=TimeWindow(TEN, ELEVEN)),
        Option("panel", "talks", "Panel: the future of CX", window=TimeWindow(TEN, NOON)),
        Option("recording", "talks", "Recording: the future of CX", capacity=100),
        Option("lunch", "extras", "Lunch", cost=Decimal("20")),
        Option("track", "extras", "Track day", eligibility=(Eligibility("member", ("true",)),)),
    ),
    (
        Rule("design-lunch", "requires", ("design", "lunch")),
        Rule("panel-recording", "excludes", ("panel", "recording")),
    ),
    budget=Decimal("100"),
    unit="EUR",
)


def picks(*ids: str, answers=None) -> Selection:
    return Selection(frozenset(ids), answers or {})


def test_a_valid_design_needs_no_repair():
    assert repair(CX, picks("panel"), {}, {}) == []


def test_only_a_missing_answer_is_left_to_the_customer():
    topic = Dimension("topic", "Topic", min_picks=1, open_answer=True)
    offering = Offering("o", "O", (TALKS, topic), CX.options[:3], ())

    assert repair(offering, picks("panel"), {}, {}) == []


def test_the_fewest_changes_come_first_and_keeping_wins_a_tie():
    # Design needs lunch: adding lunch and dropping design are both one change; the
    # customer chose the workshop, so keeping it comes first.
    repairs = repair(CX, picks("design"), {}, {})

    assert [r.summary for r in repairs] == [
        "Add 'Lunch'.",
        "Drop 'Design thinking workshop' and add 'Panel: the future of CX'.",
        "Drop 'Design thinking workshop' and add 'Recording: the future of CX'.",
    ]
    assert [(r.added, r.removed, r.changes) for r in repairs] == [
        (("lunch",), (), 1),
        (("panel",), ("design",), 2),
        (("recording",), ("design",), 2),
    ]
    assert repairs[0].selection == picks("design", "lunch")


def test_an_overlap_is_repaired_by_dropping_either_side():
    repairs = repair(CX, picks("design", "panel", "lunch"), {}, {})

    assert [r.summary for r in repairs] == [
        "Drop 'Design thinking workshop'.",
        "Drop 'Panel: the future of CX'.",
    ]
    assert all(validate(CX, r.selection, {}, {}) == [] for r in repairs)


def test_no_alternative_makes_every_change_of_an_earlier_one():
    repairs = repair(CX, picks("panel", "recording"), {}, {}, alternatives=5)
    changes = [set(r.added) | set(r.removed) for r in repairs]

    assert [r.summary for r in repairs[:2]] == [
        "Drop 'Panel: the future of CX'.",
        "Drop 'Recording: the future of CX'.",
    ]
    assert not any(earlier <= later for n, later in enumerate(changes) for earlier in changes[:n])


def test_a_full_option_is_dropped_and_never_added():
    repairs = repair(CX, picks("panel", "recording"), {}, {"recording": 0}, alternatives=5)

    assert repairs[0].summary == "Drop 'Recording: the future of CX'."
    assert all("recording" not in r.selection.options for r in repairs)


def test_an_option_the_customer_is_not_eligible_for_is_never_kept_or_added():
    repairs = repair(CX, picks("panel", "track", "recording"), {"member": False}, {})

    assert [r.summary for r in repairs] == [
        "Drop 'Panel: the future of CX' and 'Track day'.",
        "Drop 'Recording: the future of CX' and 'Track day'.",
    ]


def test_options_no_longer_offered_are_dropped_by_id():
    repairs = repair(CX, picks("panel", "gone"), {}, {})

    assert [(r.removed, r.summary) for r in repairs] == [(("gone",), "Drop 'gone'.")]


def test_the_budget_is_respected():
    pricey = Offering(
        "o",
        "O",
        (EXTRAS,),
        (
            Option("a", "extras", "A", cost=Decimal("60.50")),
            Option("b", "extras", "B", cost=Decimal("40")),
            Option("c", "extras", "C", cost=Decimal("39.50")),
        ),
        (Rule("two", "at_least", ("a", "b", "c"), k=2),),
        budget=Decimal("100"),
    )

    repairs = repair(pricey, picks("a"), {}, {}, alternatives=3)

    # A with B is over budget; dropping A for B and C would make every change "add C"
    # makes, and more.
    assert [r.summary for r in repairs] == ["Add 'C'."]


def test_answers_are_kept_in_every_repair():
    repairs = repair(CX, picks("design", answers={"topic": "Journeys"}), {}, {})

    assert all(r.selection.answers == {"topic": "Journeys"} for r in repairs)


def test_when_no_design_fits_the_customer_the_conflict_is_named():
    offering = Offering(
        "o",
        "O",
        (TALKS,),
        (
            Option("panel", "talks", "Panel", capacity=50),
            Option("recording", "talks", "Recording", capacity=100),
            Option(
                "lab", "talks", "Lab", eligibility=(Eligibility("member", ("true",), "members"),)
            ),
        ),
        (),
    )

    with pytest.raises(NoFeasibleDesign) as refused:
        repair(offering, picks("lab"), {"member": False}, {"recording": 0, "panel": 0})

    assert str(refused.value) == (
        "No design fits all of these: at least 1 talk in 'Talks'; 'Panel' is full; "
        "'Recording' is full; 'Lab' is for members only."
    )
    assert refused.value.proven is True


def test_a_contradiction_names_its_rules():
    offering = Offering(
        "o",
        "O",
        (TALKS,),
        CX.options[:3],
        (
            Rule("no-panel", "excludes", ("recording", "panel")),
            Rule("both", "requires", ("recording", "panel")),
            Rule("keynote", "at_least", ("recording",), k=1),
        ),
    )

    with pytest.raises(NoFeasibleDesign) as refused:
        repair(offering, picks("design"), {}, {})

    assert refused.value.rules == ("no-panel", "both", "keynote")


def test_the_same_input_gives_the_same_repairs():
    first = repair(CX, picks("design", "panel", "recording", "track"), {}, {}, alternatives=4)

    for _ in range(3):
        assert (
            repair(CX, picks("design", "panel", "recording", "track"), {}, {}, alternatives=4)
            == first
        )


def test_asking_for_no_alternatives_is_refused():
    with pytest.raises(ValueError, match=r"Ask for at least one alternative, not 0\."):
        repair(CX, picks("design"), {}, {}, alternatives=0)
