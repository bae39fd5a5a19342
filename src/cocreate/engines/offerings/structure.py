"""Structural problems: an offering with any of these cannot be checked at all (duplicate
ids, references to nothing, windows without a time zone), so compiling it refuses."""

from collections import Counter
from decimal import Decimal

from cocreate.engines.offerings import wording
from cocreate.engines.offerings.model import RULE_KINDS, Offering, RuleProblem


def structural_problems(offering: Offering) -> list[RuleProblem]:
    return [
        *_duplicate_ids(offering),
        *_misplaced_options(offering),
        *_bad_windows(offering),
        *_bad_amounts(offering),
        *_bad_rules(offering),
    ]


def _duplicate_ids(offering: Offering) -> list[RuleProblem]:
    problems = []
    for what, ids in (
        ("dimensions", [d.id for d in offering.dimensions]),
        ("options", [o.id for o in offering.options]),
        ("rules", [r.id for r in offering.rules]),
    ):
        for item_id, count in Counter(ids).items():
            if count > 1:
                problems.append(RuleProblem("duplicate_id", wording.duplicate_id(what, item_id)))
    return problems


def _misplaced_options(offering: Offering) -> list[RuleProblem]:
    dimensions = {d.id: d for d in offering.dimensions}
    problems = []
    for option in offering.options:
        dimension = dimensions.get(option.dimension)
        if dimension is None:
            message = wording.unknown_dimension(option.name, option.dimension)
            problems.append(RuleProblem("unknown_dimension", message, options=(option.id,)))
        elif dimension.open_answer:
            message = wording.options_in_open_answer(option.name, dimension.name)
            problems.append(RuleProblem("options_in_open_answer", message, options=(option.id,)))
    return problems


def _bad_windows(offering: Offering) -> list[RuleProblem]:
    problems = []
    for option in offering.options:
        window = option.window
        if window is None:
            continue
        if any(moment.utcoffset() is None for moment in (window.start, window.end)):
            message = wording.window_without_zone(option.name)
        elif window.end <= window.start:
            message = wording.window_backwards(option.name)
        else:
            continue
        problems.append(RuleProblem("bad_window", message, options=(option.id,)))
    return problems


def _bad_amounts(offering: Offering) -> list[RuleProblem]:
    problems = [
        RuleProblem("bad_amount", wording.bad_cost(option.name), options=(option.id,))
        for option in offering.options
        if not finite(option.cost)
    ]
    if offering.budget is not None and not finite(offering.budget):
        problems.append(RuleProblem("bad_amount", wording.bad_budget()))
    return problems


def finite(value: object) -> bool:
    """Whether an amount is a number the engine can add up (Decimal, int or float)."""
    return isinstance(value, Decimal | int | float) and Decimal(value).is_finite()


def _bad_rules(offering: Offering) -> list[RuleProblem]:
    known = {o.id: o.name for o in offering.options}
    problems = []
    for rule in offering.rules:
        ids = (rule.id,)
        if rule.kind not in RULE_KINDS:
            problems.append(RuleProblem("unknown_rule_kind", wording.unknown_rule_kind(rule), ids))
            continue
        unknown = [option for option in rule.options if option not in known]
        if unknown:
            message = wording.rule_unknown_options(rule, unknown)
            problems.append(RuleProblem("unknown_option", message, ids, tuple(unknown)))
            continue
        shortest = 2 if rule.kind in ("requires", "excludes") else 1
        if len(rule.options) < shortest:
            problems.append(RuleProblem("rule_too_short", wording.rule_too_short(rule), ids))
        for option, count in Counter(rule.options).items():
            if count > 1:
                message = wording.rule_repeats(rule, known[option])
                problems.append(RuleProblem("repeated_option", message, ids, (option,)))
    return problems
