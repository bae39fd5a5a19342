"""The engine against brute force on small random offerings, where all 2^n designs can
be checked one by one: the best repair makes exactly as few changes as the nearest
valid design, suggestions drop exactly as few picks as they must, and options called
feasible can really be added."""

import random
from datetime import datetime, timedelta
from decimal import Decimal
from itertools import combinations
from zoneinfo import ZoneInfo

import pytest

from cocreate.engines.offerings import (
    RULE_KINDS,
    Dimension,
    Eligibility,
    NoFeasibleDesign,
    Offering,
    Option,
    Rule,
    Selection,
    TimeWindow,
    feasible_options,
    repair,
    suggest,
    validate,
)

MORNING = datetime(2026, 3, 3, 9, tzinfo=ZoneInfo("Europe/Paris"))
CASES = 120


def random_offering(rng: random.Random) -> Offering:
    dimensions = []
    for d in range(rng.randint(1, 3)):
        low = rng.choice((0, 0, 1, 2))
        high = rng.choice((None, low + 1, low + 2))
        dimensions.append(Dimension(f"d{d}", f"Dimension {d}", low, high))
    options = []
    for n in range(rng.randint(4, 9)):
        start = MORNING + timedelta(minutes=30 * rng.randint(0, 6))
        options.append(
            Option(
                id=f"o{n}",
                dimension=rng.choice(dimensions).id,
                name=f"Option {n}",
                capacity=rng.choice((None, 10)),
                cost=Decimal(rng.randint(0, 400)) / 4,
                window=(
                    TimeWindow(start, start + timedelta(minutes=rng.choice((30, 60, 90))))
                    if rng.random() < 0.5
                    else None
                ),
                eligibility=((Eligibility("member", ("true",)),) if rng.random() < 0.15 else ()),
            )
        )
    ids = [o.id for o in options]
    rules = []
    for r in range(rng.randint(0, 5)):
        kind = rng.choice(RULE_KINDS)
        members = tuple(rng.sample(ids, rng.randint(2, min(4, len(ids)))))
        k = rng.randint(0, 2) if kind == "at_most" else rng.randint(1, 2)
        rules.append(Rule(f"r{r}", kind, members, k if kind in ("at_most", "at_least") else 0))
    budget = Decimal(rng.randint(50, 250)) if rng.random() < 0.5 else None
    return Offering("random", "Random", tuple(dimensions), tuple(options), tuple(rules), budget)


def random_customer(rng: random.Random, offering: Offering) -> tuple[Selection, dict, dict]:
    ids = [o.id for o in offering.options]
    picked = frozenset(rng.sample(ids, rng.randint(0, len(ids))))
    profile = {"member": rng.random() < 0.5}
    remaining = {o.id: rng.choice((0, 1, 5)) for o in offering.options if o.capacity}
    return Selection(picked), profile, remaining


def valid_designs(offering: Offering, profile: dict, remaining: dict) -> list[frozenset[str]]:
    ids = [o.id for o in offering.options]
    subsets = (frozenset(c) for size in range(len(ids) + 1) for c in combinations(ids, size))
    return [s for s in subsets if not validate(offering, Selection(s), profile, remaining)]


def cases() -> list[tuple[Offering, Selection, dict, dict]]:
    rng = random.Random(2026)
    found = []
    for _ in range(CASES):
        offering = random_offering(rng)
        found.append((offering, *random_customer(rng, offering)))
    return found


@pytest.mark.parametrize(("offering", "selection", "profile", "remaining"), cases())
def test_the_best_repair_makes_the_fewest_changes_possible(offering, selection, profile, remaining):
    designs = valid_designs(offering, profile, remaining)
    if not designs:
        with pytest.raises(NoFeasibleDesign):
            repair(offering, selection, profile, remaining)
        return
    repairs = repair(offering, selection, profile, remaining, alternatives=3, time_limit=5)
    if selection.options in designs:
        assert repairs == []
        return

    fewest = min(len(d ^ selection.options) for d in designs)
    fewest_removals = min(
        len(selection.options - d) for d in designs if len(d ^ selection.options) == fewest
    )
    assert repairs[0].changes == fewest
    assert len(repairs[0].removed) == fewest_removals
    assert [r.changes for r in repairs] == sorted(r.changes for r in repairs)
    for r in repairs:
        assert r.selection.options in designs
        assert set(r.added) | set(r.removed) == r.selection.options ^ selection.options


@pytest.mark.parametrize(("offering", "selection", "profile", "remaining"), cases()[:60])
def test_an_option_called_feasible_can_be_added_with_what_it_requires(
    offering, selection, profile, remaining
):
    start = [v.code for v in validate(offering, selection, profile, remaining)]
    open_now = feasible_options(offering, selection, profile, remaining)
    requires = {r.options[0]: r.options[1:] for r in offering.rules if r.kind == "requires"}

    for option in sorted(open_now):
        added, todo = {option}, [option]
        while todo:
            for target in requires.get(todo.pop(), ()):
                if target not in added:
                    added.add(target)
                    todo.append(target)
        grown = Selection(selection.options | added)
        after = [v.code for v in validate(offering, grown, profile, remaining)]
        new = [c for c in after if c not in ("too_few", "at_least", "requires")]
        old = [c for c in start if c not in ("too_few", "at_least", "requires")]
        assert sorted(new) == sorted(old)


@pytest.mark.parametrize(("offering", "selection", "profile", "remaining"), cases()[:60])
def test_a_suggestion_is_valid_and_drops_as_few_picks_as_possible(
    offering, selection, profile, remaining
):
    designs = valid_designs(offering, profile, remaining)
    if not designs:
        return
    suggested = suggest(offering, selection, profile, remaining, {}, time_limit=5)

    assert suggested.options in designs
    fewest_removals = min(len(selection.options - d) for d in designs)
    assert len(selection.options - suggested.options) == fewest_removals
