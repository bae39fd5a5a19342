"""Greying out choices: which options a customer can still add to their design."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from cocreate.engines.offerings import (
    Dimension,
    Eligibility,
    Offering,
    Option,
    Rule,
    Selection,
    TimeWindow,
    feasible_options,
)

LISBON = ZoneInfo("Europe/Lisbon")
NINE, TEN, ELEVEN = (datetime(2026, 3, 3, h, tzinfo=LISBON) for h in (9, 10, 11))
CX = Offering(
    "cx",
    "CX Un-conference",
    (
        Dimension("talks", "Talks", min_picks=1, max_picks=2),
        Dimension("extras", "Extras"),
    ),
    (
        Option("keynote", "talks", "Keynote", window=TimeWindow(NINE, TEN)),
        Option("panel", "talks", "Panel", window=TimeWindow(NINE, ELEVEN)),
        Option("lab", "talks", "Lab", window=TimeWindow(TEN, ELEVEN)),
        Option("recording", "talks", "Recording"),
        Option("lunch", "extras", "Lunch", cost=Decimal(30), capacity=10),
        Option("dinner", "extras", "Dinner", cost=Decimal(80)),
        Option("track", "extras", "Track day", eligibility=(Eligibility("member", ("true",)),)),
        Option("wine", "extras", "Wine tasting", cost=Decimal(10)),
    ),
    (
        Rule("no-double", "excludes", ("recording", "panel")),
        Rule("wine-dinner", "requires", ("wine", "dinner")),
    ),
    budget=Decimal(100),
)


def open_to(picked: set[str], profile=None, remaining=None) -> set[str]:
    return feasible_options(CX, Selection(frozenset(picked)), profile or {}, remaining or {})


def test_everything_available_is_open_in_an_empty_design():
    assert open_to(set()) == {"keynote", "panel", "lab", "recording", "lunch", "dinner", "wine"}


def test_overlapping_excluded_full_and_ineligible_options_are_greyed_out():
    assert open_to({"panel"}, {"member": True}, {"lunch": 0}) == {"dinner", "track", "wine"}


def test_a_dimension_at_its_maximum_takes_no_more():
    assert open_to({"keynote", "lab"}) == {"lunch", "dinner", "wine"}


def test_an_option_is_open_only_if_what_it_requires_fits_too():
    # Wine needs the dinner: 10 + 80 fits the budget of 100, but not after lunch (30).
    assert "wine" in open_to({"keynote"})
    assert "wine" not in open_to({"keynote", "lunch"})
    assert "wine" in open_to({"keynote", "dinner"})
